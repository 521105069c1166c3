/**
 * Checking that source addresses still lead to their page: a few requests at a time, a
 * timeout each, redirects followed by hand (http(s) only, at most 5), HEAD first and GET when
 * a server does not do HEAD. What counts as a failure is what a reader clicking the link
 * would meet: not found (404), gone (410), no such server, no answer, refused, a server
 * error, or the page "moved elsewhere" (redirected to another site or to the site's home
 * page). An http→https upgrade, a trailing slash or tracking parameters are not a move.
 * 401/403/429 are reported as `other`: the page may well exist behind a login or a rate
 * limit, but a reader may not reach it either, so an editor should look.
 */
import { STATUS_CODES } from 'node:http';
import type { FailingLink, LinkProblem } from '../../../../shared/api/evidence-methods';
import type { ArchiveState } from '../../../../shared/domain/evidence';
import { normalizeUrl } from '../../../../shared/sources/url';
import { BROWSER_USER_AGENT, CancelledError } from '../import/web';
import { routeUrl } from './host-map';
import type { HostMap } from './types';

export interface LinkTarget {
  sourceId: string;
  title: string;
  url: string;
  archive: ArchiveState;
  claimIds: string[];
}

export interface LinkCheckOptions {
  /** Requests in flight at most (default 4). */
  concurrency?: number;
  /** For one address, redirects included (default 15 s). */
  timeoutMs?: number;
  signal: AbortSignal;
  hosts?: HostMap;
  onProgress?: (checked: number, total: number) => void;
}

interface Verdict {
  problem: LinkProblem | null;
  httpStatus: number | null;
  movedTo: string | null;
  detail: string;
}

const MAX_REDIRECTS = 5;
const HEADERS = { accept: 'text/html,application/xhtml+xml,*/*;q=0.8', 'user-agent': BROWSER_USER_AGENT };

export async function checkLinks(targets: readonly LinkTarget[], options: LinkCheckOptions): Promise<{ ok: number; failing: FailingLink[] }> {
  const concurrency = Math.max(1, Math.floor(options.concurrency ?? 4) || 1);
  const timeoutMs = options.timeoutMs ?? 15_000;
  // One request per address, however many sources spell it.
  const byAddress = new Map<string, LinkTarget[]>();
  for (const target of targets) {
    const key = normalizeUrl(target.url);
    byAddress.set(key, [...(byAddress.get(key) ?? []), target]);
  }
  const groups = [...byAddress.values()];
  const verdicts = new Array<Verdict>(groups.length);
  let next = 0;
  let checked = 0;
  const worker = async () => {
    while (next < groups.length) {
      if (options.signal.aborted) throw new CancelledError();
      const index = next++;
      verdicts[index] = await checkOne(groups[index]![0]!.url, timeoutMs, options.signal, options.hosts);
      checked += groups[index]!.length;
      if (!options.signal.aborted) options.onProgress?.(checked, targets.length);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, groups.length) }, worker));
  if (options.signal.aborted) throw new CancelledError();

  let ok = 0;
  const failing: FailingLink[] = [];
  groups.forEach((group, i) => {
    const verdict = verdicts[i]!;
    for (const target of group) {
      if (verdict.problem === null) ok++;
      else failing.push({ ...target, problem: verdict.problem, httpStatus: verdict.httpStatus, movedTo: verdict.movedTo, detail: verdict.detail });
    }
  });
  return { ok, failing };
}

async function checkOne(address: string, timeoutMs: number, signal: AbortSignal, hosts: HostMap | undefined): Promise<Verdict> {
  let start: URL;
  try {
    start = new URL(address);
  } catch {
    return fail('other', null, null, 'not a web address');
  }
  if (start.protocol !== 'http:' && start.protocol !== 'https:') return fail('other', null, null, `not a web address (${start.protocol})`);
  // One deadline for the whole address, HEAD, GET and redirects together.
  const timeout = AbortSignal.timeout(timeoutMs);
  const both = AbortSignal.any([signal, timeout]);
  let url = start;
  try {
    for (let hops = 0; ; hops++) {
      const response = await ask(url, both, hosts);
      const location = response.headers.get('location');
      if (response.status >= 300 && response.status < 400) {
        if (!location) return fail('other', response.status, null, `${words(response)} without an address to go to`);
        let to: URL;
        try {
          to = new URL(location, url);
        } catch {
          return fail('other', response.status, null, `redirects to something that is not an address: ${location.slice(0, 100)}`);
        }
        if (to.protocol !== 'http:' && to.protocol !== 'https:') return fail('other', response.status, null, `redirects to a ${to.protocol} address`);
        if (hops + 1 > MAX_REDIRECTS) return fail('other', response.status, to.href, `redirects more than ${MAX_REDIRECTS} times`);
        url = to;
        continue;
      }
      return judge(start, url, response);
    }
  } catch (error) {
    if (signal.aborted) throw new CancelledError();
    if (timeout.aborted) return fail('timeout', null, null, `no answer within ${seconds(timeoutMs)}`);
    return networkFailure(error, url);
  }
}

/**
 * HEAD, then GET when the server does not do HEAD (405/501) or HEAD failed other than on the
 * network (some servers drop or garble HEAD yet serve the page). The body is cancelled
 * unread: the status and the Location are all a check needs, and reading nothing keeps a
 * big page from costing anything.
 */
async function ask(url: URL, signal: AbortSignal, hosts: HostMap | undefined): Promise<Response> {
  const request = (method: 'HEAD' | 'GET') => fetch(routeUrl(url, hosts), { method, redirect: 'manual', signal, headers: HEADERS });
  let response: Response;
  try {
    response = await request('HEAD');
  } catch (error) {
    if (signal.aborted || isNetworkError(error)) throw error;
    response = await request('GET');
  }
  if (response.status === 405 || response.status === 501) {
    await response.body?.cancel().catch(() => undefined);
    response = await request('GET');
  }
  await response.body?.cancel().catch(() => undefined);
  return response;
}

const DNS = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME', 'EAI_NODATA', 'EAI_FAIL']);
const TIMEOUTS = new Set(['ETIMEDOUT', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT']);
const UNREACHABLE = new Set(['ENETUNREACH', 'EHOSTUNREACH', 'EADDRNOTAVAIL']);
const TLS = /^(ERR_TLS|ERR_SSL|CERT_|UNABLE_TO_|DEPTH_ZERO|SELF_SIGNED|ERR_OSSL|HOSTNAME_MISMATCH)/;

function errorCode(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown } } | null)?.cause;
  return String(cause?.code ?? (error as { code?: unknown } | null)?.code ?? '');
}

/** Failures a GET would meet just the same: no point asking again. */
function isNetworkError(error: unknown): boolean {
  const code = errorCode(error);
  return DNS.has(code) || TIMEOUTS.has(code) || UNREACHABLE.has(code) || code === 'ECONNREFUSED' || TLS.test(code);
}

/** A request that got no answer, in words (the codes are those web.ts's explain() knows). */
function networkFailure(error: unknown, url: URL): Verdict {
  const code = errorCode(error);
  if (DNS.has(code)) return fail('dns', null, null, `no such server: ${url.hostname}`);
  if (code === 'ECONNREFUSED') return fail('refused', null, null, `${url.host} refused the connection`);
  if (TIMEOUTS.has(code)) return fail('timeout', null, null, `no answer from ${url.host}`);
  if (UNREACHABLE.has(code)) return fail('other', null, null, `${url.host} cannot be reached from this computer's network`);
  const cause = (error as { cause?: unknown }).cause;
  const message = (cause instanceof Error ? cause.message : (error as Error).message ?? String(error)).replace(/\.$/, '');
  if (code === 'CERT_HAS_EXPIRED') return fail('other', null, null, `the certificate of ${url.host} has expired`);
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') return fail('other', null, null, `the certificate of ${url.host} is for another site`);
  if (TLS.test(code)) return fail('other', null, null, `no secure connection to ${url.host}: ${message}`);
  return fail('other', null, null, `${message}${code ? ` (${code})` : ''}`);
}

function judge(start: URL, end: URL, response: Response): Verdict {
  const status = response.status;
  const said = words(response);
  if (status === 404) return fail('not_found', status, null, said);
  if (status === 410) return fail('gone', status, null, said);
  if (status >= 500) return fail('server_error', status, null, said);
  // Not a dead link as such (the page may exist behind a login or a rate limit), but not
  // "ok" either: a reader may meet the same refusal, so it is listed for an editor to open.
  if (status === 401 || status === 403 || status === 429) return fail('other', status, null, `${said}: the site refused the check; open the address to see whether readers can`);
  if (status >= 400 || status < 200) return fail('other', status, null, said);
  if (movedElsewhere(start, end)) return fail('moved', status, end.href, `now leads to ${end.href}`);
  return { problem: null, httpStatus: status, movedTo: null, detail: said };
}

/** "404 Not Found": the server's reason phrase, or the standard one (HTTP/2 sends none). */
function words(response: Response): string {
  return `${response.status} ${(response.statusText || STATUS_CODES[response.status] || '').trim()}`.trim();
}

/** "15 s", "0.2 s". */
function seconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}

/** Another site (www. aside), or the home page of a deeper address. */
function movedElsewhere(start: URL, end: URL): boolean {
  if (normalizeUrl(start.href) === normalizeUrl(end.href)) return false;
  const host = (u: URL) => u.hostname.toLowerCase().replace(/^www\./, '');
  if (host(start) !== host(end)) return true;
  const deep = start.pathname.replace(/\/+$/, '') !== '';
  const home = end.pathname.replace(/\/+$/, '') === '' || /^\/(index\.\w+|home)?$/i.test(end.pathname);
  return deep && home;
}

function fail(problem: LinkProblem, httpStatus: number | null, movedTo: string | null, detail: string): Verdict {
  return { problem, httpStatus, movedTo, detail };
}
