import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Handlers, ServiceMethod } from '../../../shared/api/contract';
import { dispatch } from '../../../shared/api/dispatch';
import { failure } from '../../../shared/api/result';
import { headerValue, hostOrOriginRefusal, readBody, readCookie, sameSecret, sendJson, sendText, setSecurityHeaders } from './http-common';
import { loadWebApp } from './web-app';
import { LIVE_EVENTS_PATH, streamLiveEvents, type LiveEventSource } from './live-events-route';

export interface BrowserServerOptions {
  handlers: Handlers<ServiceMethod>;
  /** The built renderer (out/renderer). */
  rendererDir: string;
  /** The built browser bridge (out/preload/browser.cjs). */
  bridgeFile: string;
  token: string;
  port: number;
  onInternalError?: (method: string, error: unknown) => void;
  /** The open workspace's live events (a team copy's changes, sync state, presence), streamed to the page at GET /events. */
  live?: LiveEventSource;
}

export interface BrowserServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Large enough for the biggest request the contract allows (a backup to restore, an imported file in base64). */
const MAX_BODY_BYTES = 128 * 1024 * 1024;

/**
 * Browser mode: the built renderer and the same service handlers over HTTP, on 127.0.0.1
 * only. Every request must carry the session token (query, cookie or header), name this
 * server as its Host (against DNS rebinding) and, if it has an Origin, come from this
 * server's own origin (against cross-site requests).
 */
export async function startBrowserServer(options: BrowserServerOptions): Promise<BrowserServer> {
  const app = await loadWebApp(options, options.live ? { liveChanges: LIVE_EVENTS_PATH } : {});
  const server = http.createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const allowedOrigins = new Set([...allowedHosts].map((h) => `http://${h}`));
  const cookieName = `factcheck_session_${port}`;

  server.on('request', (req, res) => {
    void handle(req, res).catch((error: unknown) => {
      options.onInternalError?.('http', error);
      if (!res.headersSent) sendText(res, 500, 'Internal error');
      else res.destroy();
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    setSecurityHeaders(res);
    const refusal = hostOrOriginRefusal(req, allowedHosts, allowedOrigins);
    if (refusal) return sendText(res, 403, refusal);

    const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
    const queryToken = url.searchParams.get('token');
    const presented = queryToken ?? headerValue(req.headers['x-factcheck-token']) ?? readCookie(req.headers.cookie, cookieName);
    if (!presented || !sameSecret(presented, options.token)) {
      return sendText(res, 401, 'Unauthorised: open the address printed by `npm run serve`, including its token.');
    }
    if (queryToken !== null && req.method === 'GET') {
      // Swap the token in the address for a session cookie, so it does not linger in history.
      url.searchParams.delete('token');
      res.setHeader('Set-Cookie', `${cookieName}=${options.token}; HttpOnly; SameSite=Strict; Path=/`);
      res.writeHead(303, { Location: url.pathname + url.search });
      return void res.end();
    }

    if (url.pathname.startsWith('/api/')) return handleApi(req, res, decodeURIComponent(url.pathname.slice(5)));
    if (url.pathname === LIVE_EVENTS_PATH && options.live && req.method === 'GET') return streamLiveEvents(req, res, options.live);
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendText(res, 405, 'Method not allowed.');
    return app.serve(res, url.pathname);
  }

  async function handleApi(req: http.IncomingMessage, res: http.ServerResponse, method: string): Promise<void> {
    res.setHeader('Cache-Control', 'no-store');
    if (req.method !== 'POST') return sendJson(res, 405, failure('invalid_input', 'API calls must use POST.'));
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
      return sendJson(res, 415, failure('invalid_input', 'API calls must send JSON (Content-Type: application/json).'));
    }
    let body: string;
    try {
      body = await readBody(req, MAX_BODY_BYTES);
    } catch (error) {
      return sendJson(res, 413, failure('invalid_input', (error as Error).message));
    }
    let input: unknown;
    try {
      input = body === '' ? undefined : JSON.parse(body);
    } catch {
      return sendJson(res, 400, failure('invalid_input', 'The request body is not valid JSON.'));
    }
    const result = await dispatch(options.handlers, method, input, options.onInternalError);
    return sendJson(res, 200, result);
  }

  return {
    url: `http://127.0.0.1:${port}/?token=${options.token}`,
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
