/**
 * Source addresses: the key that deduplicates the source library, and the Wayback Machine
 * addresses stored with a source. Pure: the WHATWG URL parser is a global in every place
 * this runs (Node, Electron, browsers), so it is declared here, not imported.
 */

/** The part of the WHATWG `URL` this module reads (shared/ compiles without DOM or Node types). */
interface ParsedUrl {
  readonly protocol: string;
  readonly username: string;
  readonly password: string;
  readonly hostname: string;
  readonly port: string;
  readonly pathname: string;
  readonly search: string;
}
declare const URL: { new (input: string): ParsedUrl };

/** Query parameters that only say where a click came from: never part of what a page is. */
const TRACKING_PARAMS = new Set([
  'fbclid',
  'gclid',
  'gclsrc',
  'dclid',
  'gbraid',
  'wbraid',
  'msclkid',
  'yclid',
  'twclid',
  'ttclid',
  'li_fat_id',
  'mc_cid',
  'mc_eid',
  'igshid',
  'igsh',
  'ref_src',
  'ref_url',
  '_ga',
  '_gl',
  '_hsenc',
  '_hsmi',
  'mkt_tok',
  'oly_anon_id',
  'oly_enc_id',
  'vero_id',
  'vero_conv',
  'wt_mc',
  'cmpid',
]);

/** Whether a query parameter name is a tracking parameter (utm_* and the known click ids), any case. */
export function isTrackingParam(name: string): boolean {
  const key = name.toLowerCase();
  return key.startsWith('utm_') || TRACKING_PARAMS.has(key);
}

/**
 * The address a source is deduplicated by: scheme and host in lower case, no default port,
 * no fragment, no tracking parameters, the other query parameters sorted, no trailing
 * slash (except the root's). The path keeps its case (servers tell `/A` from `/a`).
 * Normalizing twice gives what normalizing once gives. Something that is not an http(s)
 * address comes back trimmed and otherwise as it was.
 */
export function normalizeUrl(url: string): string {
  const input = url.trim();
  let parsed: ParsedUrl;
  try {
    parsed = new URL(input);
  } catch {
    return input;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return input;
  // The parser already lower-cases the scheme and host, drops a default port and
  // resolves dot segments; only what it keeps needs work.
  const user = parsed.username ? `${parsed.username}${parsed.password ? `:${parsed.password}` : ''}@` : '';
  const host = parsed.port ? `${parsed.hostname}:${parsed.port}` : parsed.hostname;
  const path = parsed.pathname.replace(/\/+$/, '') || '/';
  const params = parsed.search
    .slice(1)
    .split('&')
    .filter((pair) => pair !== '' && !isTrackingParam(paramName(pair)))
    .sort();
  const query = params.length > 0 ? `?${params.join('&')}` : '';
  return `${parsed.protocol}//${user}${host}${path}${query}`;
}

/** Whether two addresses name the same source. */
export function sameSource(a: string, b: string): boolean {
  return normalizeUrl(a) === normalizeUrl(b);
}

function paramName(pair: string): string {
  const raw = pair.split('=', 1)[0]!.replace(/\+/g, ' ');
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/** `2026-11-25T10:00:00.000Z` → `20261125100000`, the Wayback Machine's timestamp (UTC). */
export function waybackTimestamp(at: string | Date): string {
  const date = typeof at === 'string' ? new Date(at) : at;
  if (Number.isNaN(date.getTime())) throw new RangeError(`Not a date: ${String(at)}`);
  return date.toISOString().replace(/\.\d+Z$/, '').replace(/[-:T]/g, '');
}
