/**
 * The team server: the service API of browser mode (`POST /api/<method>`, the contract's
 * JSON in and out) for many people, each logged in (`POST /auth/login` → session cookie)
 * or holding a personal access token (`Authorization: Bearer …`). Every call runs as the
 * authenticated person (runAs), after the team rules in policy.ts. Host/Origin guards and
 * security headers as in browser mode; TLS (or a proxy that does it) off the loopback.
 */
import http from 'node:http';
import https from 'node:https';
import { isIP, type AddressInfo } from 'node:net';
import { SERVICE_METHODS, type Handlers, type ServiceMethod } from '../../../../shared/api/contract';
import { dispatch, validInput } from '../../../../shared/api/dispatch';
import { failure } from '../../../../shared/api/result';
import { headerValue, hostOrOriginRefusal, readBody, readCookie, send, sendJson, setSecurityHeaders } from '../../services/http-common';
import { TEAM_SEQ_HEADER, TOKENS_PATH } from '../protocol';
import { PeopleError, type People, type TeamPerson } from './people';
import { teamRefusal } from './policy';
import { LoginLimiter, type LoginLimits } from './rate-limit';
import type { WebApp } from '../../services/web-app';
import { LOGIN_PATH, LOGOUT_PATH, loginPage, logoutPage, PAGE_CSS, PAGE_CSS_PATH, PAGE_POLICY } from './login-page';

/** Runs a call as `person`: inside it the handlers see the person as settings.currentEditor. */
export type RunAs = <T>(person: TeamPerson, call: () => Promise<T>) => Promise<T>;

/** A route for logged-in callers; `stillValid` asks again whether the caller's session or token still holds (a long-lived answer checks it as it goes). */
export type TeamRoute = (req: http.IncomingMessage, res: http.ServerResponse, person: TeamPerson, stillValid: () => Promise<boolean>) => void | Promise<void>;

export interface TeamServerOptions {
  handlers: Partial<Handlers<ServiceMethod>>;
  people: People;
  runAs: RunAs;
  /** The address to bind; 127.0.0.1 by default. Off the loopback it needs `tls` or `behindProxy`. */
  host?: string;
  port: number;
  /** PEM certificate chain and key: the server speaks HTTPS. */
  tls?: { cert: string | Buffer; key: string | Buffer };
  /** A reverse proxy terminates TLS in front: cookies are Secure and X-Forwarded-For names the client. */
  behindProxy?: boolean;
  /** The address people use when it is not the bound one (a proxy, a DNS name): e.g. https://desk.example.org. */
  publicOrigin?: string;
  /**
   * More routes by exact path (e.g. the live change stream), answered only for a logged-in
   * caller, after the Host/Origin guards and with the security headers set.
   */
  routes?: Record<string, TeamRoute>;
  loginLimits?: Partial<LoginLimits>;
  /** The app's pages (the built renderer and browser bridge): people use the team in a browser, after the login page. */
  web?: WebApp;
  /**
   * The number of the last change applied, sent with every API answer as `X-Team-Seq`: a
   * client keeping a copy waits until its copy has that change before it reads its own write.
   */
  latestSeq?: () => number;
  /** The clock of the login limiter (tests). */
  now?: () => number;
  onInternalError?: (method: string, error: unknown) => void;
}

export interface TeamServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** The largest request the contract allows (an imported bundle, a file in base64) with room to spare. */
const MAX_API_BODY = 128 * 1024 * 1024;
const MAX_LOGIN_BODY = 16 * 1024;

const UNAUTHORIZED = failure('unauthorized', 'Log in first (POST /auth/login) or send a personal access token (Authorization: Bearer …).');
const WRONG_LOGIN = failure('unauthorized', 'Wrong name or password.');

export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/** Why these options cannot be served safely, or null. */
export function listenProblem(options: Pick<TeamServerOptions, 'host' | 'tls' | 'behindProxy' | 'publicOrigin'>): string | null {
  const host = options.host ?? '127.0.0.1';
  if (!isLoopback(host) && !options.tls && !options.behindProxy) {
    return `Refusing to serve on ${host} without TLS: passwords and sessions would cross the network in clear. Give --tls-cert FILE --tls-key FILE, or --behind-proxy if a reverse proxy in front does TLS, or use --host 127.0.0.1.`;
  }
  if ((host === '0.0.0.0' || host === '::') && !options.publicOrigin) {
    return `On ${host} (every address) the server cannot tell which Host header is its own: give --public-origin https://NAME:PORT, the address people use.`;
  }
  if (options.publicOrigin !== undefined) {
    let url: URL | undefined;
    try {
      url = new URL(options.publicOrigin);
    } catch {
      url = undefined;
    }
    if (!url || !/^https?:$/.test(url.protocol) || url.origin !== options.publicOrigin.replace(/\/$/, '')) {
      return `--public-origin must be an origin such as https://desk.example.org (scheme, name and port only), not "${options.publicOrigin}".`;
    }
  }
  return null;
}

const isForm = (req: http.IncomingMessage): boolean => (req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded');
const isRead = (req: http.IncomingMessage): boolean => req.method === 'GET' || req.method === 'HEAD';
/** A path a person opens in the browser (the app and its assets), not the API or the change stream. */
const isPage = (pathname: string): boolean => !pathname.startsWith('/api/') && !pathname.startsWith('/auth/') && pathname !== '/events';

function redirect(res: http.ServerResponse, location: string): void {
  res.writeHead(303, { Location: location });
  res.end();
}

const hostPort = (host: string, port: number): string => `${isIP(host) === 6 ? `[${host}]` : host}:${port}`;

export async function startTeamServer(options: TeamServerOptions): Promise<TeamServer> {
  const problem = listenProblem(options);
  if (problem) throw new Error(problem);
  const host = options.host ?? '127.0.0.1';
  const server = options.tls ? https.createServer({ cert: options.tls.cert, key: options.tls.key }) : http.createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const scheme = options.tls ? 'https' : 'http';
  const hosts = [hostPort(host, port), ...(isLoopback(host) ? [`127.0.0.1:${port}`, `localhost:${port}`] : [])];
  const allowedOrigins = new Set(hosts.map((h) => `${scheme}://${h}`));
  if (options.publicOrigin) {
    const pub = new URL(options.publicOrigin);
    allowedOrigins.add(pub.origin);
    hosts.push(pub.host);
  }
  const allowedHosts = new Set(hosts);
  const secure = Boolean(options.tls || options.behindProxy);
  // __Host-: the browser keeps it to this exact origin (Secure, Path=/, no Domain). Over plain loopback HTTP, by port.
  const cookieName = secure ? '__Host-factcheck_team' : `factcheck_team_${port}`;
  const limiter = new LoginLimiter(options.loginLimits, options.now);
  const publicName = options.publicOrigin ?? `${scheme}://${hostPort(host, port)}`;
  const sendPage = (res: http.ServerResponse, status: number, html: string) => {
    res.setHeader('Content-Security-Policy', PAGE_POLICY);
    // With no-referrer a browser sends "Origin: null" with the form, which the origin guard must refuse.
    res.setHeader('Referrer-Policy', 'same-origin');
    send(res, status, 'text/html; charset=utf-8', html);
  };
  const services = new Set<string>(SERVICE_METHODS);

  server.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
    void handle(req, res).catch((error: unknown) => {
      options.onInternalError?.('http', error);
      if (!res.headersSent) sendJson(res, 500, failure('internal', 'Internal error.'));
      else res.destroy();
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    setSecurityHeaders(res);
    res.setHeader('Cache-Control', 'no-store');
    if (options.tls) res.setHeader('Strict-Transport-Security', 'max-age=31536000');
    const refusal = hostOrOriginRefusal(req, allowedHosts, allowedOrigins);
    if (refusal) return sendJson(res, 403, failure('forbidden', refusal));
    const pathname = (req.url ?? '/').split('?')[0]!;

    if (pathname === '/auth/login') return isForm(req) ? formLogin(req, res) : login(req, res);
    if (pathname === PAGE_CSS_PATH && isRead(req)) return send(res, 200, 'text/css; charset=utf-8', PAGE_CSS);
    const person = await authenticate(req);
    if (pathname === LOGIN_PATH && isRead(req)) return person ? redirect(res, '/') : sendPage(res, 200, loginPage({ team: publicName }));
    if (!person) {
      // A person opening the app is shown the login page; programs get the JSON answer.
      if (options.web && isRead(req) && isPage(pathname)) return redirect(res, LOGIN_PATH);
      return sendJson(res, 401, UNAUTHORIZED);
    }
    if (pathname === LOGOUT_PATH && isRead(req)) return sendPage(res, 200, logoutPage(person.name));
    if (pathname === '/auth/me') {
      if (req.method !== 'GET') return sendJson(res, 405, failure('invalid_input', 'Use GET /auth/me.'));
      return sendJson(res, 200, { ok: true, value: { name: person.name, role: person.role } });
    }
    if (pathname === '/auth/logout') {
      if (req.method !== 'POST') return sendJson(res, 405, failure('invalid_input', 'Use POST /auth/logout.'));
      if (person.kind === 'session') await options.people.endSession(person.secret);
      res.setHeader('Set-Cookie', `${cookieName}=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0${secure ? '; Secure' : ''}`);
      if (isForm(req)) return redirect(res, LOGIN_PATH);
      return sendJson(res, 200, { ok: true, value: { loggedOut: true } });
    }
    if (pathname === TOKENS_PATH) return issueToken(req, res, person);
    if (pathname.startsWith('/api/')) return api(req, res, pathname.slice(5), { name: person.name, role: person.role });
    if (options.routes && Object.hasOwn(options.routes, pathname)) return options.routes[pathname]!(req, res, { name: person.name, role: person.role }, async () => (await options.people.authenticate(person.secret)) !== null);
    if (options.web && isRead(req)) return options.web.serve(res, pathname);
    return sendJson(res, 404, failure('not_found', 'Not found: the team server answers /auth/login, /auth/logout, /auth/me and POST /api/<method>.'));
  }

  async function authenticate(req: http.IncomingMessage): Promise<{ name: string; role: TeamPerson['role']; kind: string; secret: string } | null> {
    const authorization = headerValue(req.headers.authorization);
    const bearer = authorization?.match(/^Bearer ([A-Za-z0-9_-]{1,200})$/)?.[1];
    const secret = bearer ?? readCookie(req.headers.cookie, cookieName);
    if (!secret) return null;
    const person = await options.people.authenticate(secret);
    return person && { name: person.name, role: person.role, kind: person.kind, secret };
  }

  /**
   * A personal access token for the app that joins the team (`{ "label" }`), for the logged-in
   * person: the app keeps working after its login session ends, and offline edits are sent
   * after a restart without asking for the password again.
   */
  async function issueToken(req: http.IncomingMessage, res: http.ServerResponse, person: { name: string; kind: string }): Promise<void> {
    const body = await jsonBody(req, res, 4096);
    if (!body) return;
    if (person.kind !== 'session') return sendJson(res, 403, failure('forbidden', 'Log in with your password to get a token (a token cannot make another).'));
    const label = (body.input as { label?: unknown } | null)?.label;
    if (typeof label !== 'string') return sendJson(res, 400, failure('invalid_input', 'Send { "label": "which computer it is for" }.'));
    try {
      return sendJson(res, 200, { ok: true, value: { token: await options.people.createToken(person.name, label) } });
    } catch (error) {
      if (error instanceof PeopleError) return sendJson(res, 400, failure('invalid_input', error.message));
      throw error;
    }
  }

  /** The body of a JSON POST, or the answer already sent. */
  async function jsonBody(req: http.IncomingMessage, res: http.ServerResponse, limit: number): Promise<{ input: unknown } | null> {
    const refuse = (status: number, message: string): null => {
      sendJson(res, status, failure('invalid_input', message));
      return null;
    };
    if (req.method !== 'POST') return refuse(405, 'Use POST with a JSON body.');
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return refuse(415, 'Send JSON (Content-Type: application/json).');
    let body: string;
    try {
      body = await readBody(req, limit);
    } catch (error) {
      return refuse(413, (error as Error).message);
    }
    try {
      return { input: body === '' ? undefined : JSON.parse(body) };
    } catch {
      return refuse(400, 'The request body is not valid JSON.');
    }
  }

  type Attempt = { kind: 'ok'; person: TeamPerson; cookie: string } | { kind: 'wrong' } | { kind: 'wait'; seconds: number };

  /** One login attempt under the rate limits; on success, the session cookie to set. */
  async function attempt(req: http.IncomingMessage, name: string, password: string): Promise<Attempt> {
    const address = remoteAddress(req);
    const wait = limiter.retryAfter(name, address);
    if (wait > 0) return { kind: 'wait', seconds: wait };
    const person = await options.people.verifyLogin(name, password);
    if (!person) {
      limiter.failed(name, address);
      return { kind: 'wrong' };
    }
    limiter.succeeded(name);
    const session = await options.people.startSession(person);
    const maxAge = Math.floor(options.people.sessionPolicy.absoluteMs / 1000);
    return { kind: 'ok', person, cookie: `${cookieName}=${session.token}; HttpOnly; SameSite=Strict; Path=/; Max-Age=${maxAge}${secure ? '; Secure' : ''}` };
  }

  const tooMany = (seconds: number) => `Too many failed logins. Try again in ${Math.ceil(seconds / 60)} minute(s).`;

  async function login(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const body = await jsonBody(req, res, MAX_LOGIN_BODY);
    if (!body) return;
    const { name, password } = (body.input ?? {}) as { name?: unknown; password?: unknown };
    if (typeof name !== 'string' || typeof password !== 'string' || name.length > 200) {
      return sendJson(res, 400, failure('invalid_input', 'Send { "name": "…", "password": "…" }.'));
    }
    const result = await attempt(req, name, password);
    if (result.kind === 'wait') {
      res.setHeader('Retry-After', String(result.seconds));
      return sendJson(res, 429, failure('forbidden', tooMany(result.seconds)));
    }
    if (result.kind === 'wrong') return sendJson(res, 401, WRONG_LOGIN);
    res.setHeader('Set-Cookie', result.cookie);
    return sendJson(res, 200, { ok: true, value: { name: result.person.name, role: result.person.role } });
  }

  /** The login page's form: the app on success, the page again with what went wrong otherwise. */
  async function formLogin(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (req.method !== 'POST') return sendPage(res, 405, loginPage({ team: publicName, problem: 'Use the form to log in.' }));
    let form: URLSearchParams;
    try {
      form = new URLSearchParams(await readBody(req, MAX_LOGIN_BODY));
    } catch (error) {
      return sendPage(res, 413, loginPage({ team: publicName, problem: (error as Error).message }));
    }
    const name = (form.get('name') ?? '').slice(0, 200);
    const result = await attempt(req, name, form.get('password') ?? '');
    if (result.kind === 'wait') {
      res.setHeader('Retry-After', String(result.seconds));
      return sendPage(res, 429, loginPage({ team: publicName, name, problem: tooMany(result.seconds) }));
    }
    if (result.kind === 'wrong') return sendPage(res, 401, loginPage({ team: publicName, name, problem: 'Wrong name or password.' }));
    res.setHeader('Set-Cookie', result.cookie);
    return redirect(res, '/');
  }

  function remoteAddress(req: http.IncomingMessage): string {
    if (options.behindProxy) {
      // The proxy appends the address it saw: the last entry is the one it vouches for.
      const forwarded = headerValue(req.headers['x-forwarded-for'])?.split(',').at(-1)?.trim();
      if (forwarded) return forwarded;
    }
    return req.socket.remoteAddress ?? 'unknown';
  }

  async function api(req: http.IncomingMessage, res: http.ServerResponse, rawMethod: string, person: TeamPerson): Promise<void> {
    let method: string;
    try {
      method = decodeURIComponent(rawMethod);
    } catch {
      return sendJson(res, 400, failure('invalid_input', 'The method name is not a valid address.'));
    }
    const body = await jsonBody(req, res, MAX_API_BODY);
    if (!body) return;
    if (!services.has(method) || !Object.hasOwn(options.handlers, method)) {
      return sendJson(res, 404, failure('unknown_method', `There is no API method called ${JSON.stringify(method).slice(0, 80)}.`));
    }
    const service = method as ServiceMethod;
    const parsed = validInput(service, body.input);
    if (!parsed.ok) return sendJson(res, 200, parsed);
    const refused = teamRefusal(service, parsed.value, person);
    if (refused) return sendJson(res, refused.status, failure(refused.code, refused.message));
    const result = await options.runAs({ ...person }, () => dispatch(options.handlers, service, body.input, options.onInternalError));
    if (options.latestSeq) res.setHeader(TEAM_SEQ_HEADER, String(options.latestSeq()));
    return sendJson(res, 200, result);
  }

  return {
    url: `${scheme}://${hostPort(host, port)}`,
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
