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
import type { FailingLink, LinkProblem } from '../../../../shared/api/evidence-methods';
import type { ArchiveState } from '../../../../shared/domain/evidence';
import { normalizeUrl } from '../../../../shared/sources/url';
import { CancelledError } from '../import/web';
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
const HEADERS = {
  accept: 'text/html,application/xhtml+xml,*/*;q=0.8',
  'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36 FactCheckDesk/0.1',
};

export async function checkLinks(targets: readonly LinkTarget[], options: LinkCheckOptions): Promise<{ ok: number; failing: FailingLink[] }> {
  const concurrency = Math.max(1, options.concurrency ?? 4);
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
      options.onProgress?.(checked, targets.length);
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
  const timeout = AbortSignal.timeout(timeoutMs);
  const both = AbortSignal.any([signal, timeout]);
  const start = new URL(address);
  let url = start;
  try {
    for (let hops = 0; ; hops++) {
      let response = await fetch(routeUrl(url, hosts), { method: 'HEAD', redirect: 'manual', signal: both, headers: HEADERS });
      if (response.status === 405 || response.status === 501) {
        // A server that does not do HEAD: ask for the page, and stop reading at once.
        response = await fetch(routeUrl(url, hosts), { method: 'GET', redirect: 'manual', signal: both, headers: HEADERS });
      }
      await response.body?.cancel().catch(() => undefined);
      const location = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && location) {
        const to = new URL(location, url);
        if (to.protocol !== 'http:' && to.protocol !== 'https:') return fail('other', response.status, null, `redirects to a ${to.protocol} address`);
        if (hops + 1 > MAX_REDIRECTS) return fail('other', response.status, to.href, `redirects more than ${MAX_REDIRECTS} times`);
        url = to;
        continue;
      }
      return judge(start, url, response);
    }
  } catch (error) {
    if (signal.aborted) throw new CancelledError();
    if (timeout.aborted) return fail('timeout', null, null, `no answer within ${Math.round(timeoutMs / 1000)} s`);
    const code = String((error as { cause?: { code?: string } }).cause?.code ?? '');
    if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_NONAME' || code === 'EAI_NODATA') return fail('dns', null, null, `no such server: ${url.hostname}`);
    if (code === 'ECONNREFUSED') return fail('refused', null, null, `${url.host} refused the connection`);
    if (code.startsWith('UND_ERR_CONNECT_TIMEOUT') || code === 'ETIMEDOUT') return fail('timeout', null, null, `no answer from ${url.host}`);
    const detail = (error as { cause?: Error }).cause?.message ?? (error as Error).message;
    return fail('other', null, null, `${detail.replace(/\.$/, '')}${code ? ` (${code})` : ''}`);
  }
}

function judge(start: URL, end: URL, response: Response): Verdict {
  const status = response.status;
  const words = `${status} ${response.statusText || ''}`.trim();
  if (status === 404) return fail('not_found', status, null, words || '404 Not Found');
  if (status === 410) return fail('gone', status, null, words || '410 Gone');
  if (status >= 500) return fail('server_error', status, null, words);
  if (status === 401 || status === 403 || status === 429) return fail('other', status, null, `${words}: the site refused the check; open the address to see whether readers can`);
  if (status >= 400) return fail('other', status, null, words);
  if (movedElsewhere(start, end)) return fail('moved', status, end.href, `now leads to ${end.href}`);
  return { problem: null, httpStatus: status, movedTo: null, detail: words };
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
