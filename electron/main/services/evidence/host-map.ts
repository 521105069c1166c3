/**
 * Test hosts (see HostMap in types.ts): `FACTCHECK_TEST_HOSTS="news.test=127.0.0.1:43210,gone.test=127.0.0.1:43210"`.
 * A request to a mapped host connects to the mapped address instead; everything else about
 * it (the address recorded, redirects, what an editor sees) keeps the host name.
 */
import type { HostMap } from './types';

export const TEST_HOSTS_ENV = 'FACTCHECK_TEST_HOSTS';

/** The map an environment variable describes; throws with the reason on a malformed entry. */
export function parseHostMap(text: string | undefined): HostMap {
  const map = new Map<string, string>();
  for (const entry of (text ?? '').split(',').map((e) => e.trim()).filter(Boolean)) {
    const match = /^([a-z0-9.-]+)=(127\.0\.0\.1|localhost):(\d{1,5})$/i.exec(entry);
    if (!match) throw new Error(`${TEST_HOSTS_ENV}: “${entry}” is not host=127.0.0.1:port (test hosts may only lead to this machine).`);
    map.set(match[1]!.toLowerCase(), `127.0.0.1:${match[3]}`);
  }
  return map;
}

/** The map from this process's environment (empty when the variable is not set). */
export function hostMapFromEnv(env: NodeJS.ProcessEnv = process.env): HostMap {
  return parseHostMap(env[TEST_HOSTS_ENV]);
}

/** The address to connect to for `url`: the same, unless its host is mapped (then http to the mapped address). */
export function routeUrl(url: URL, hosts: HostMap | undefined): URL {
  const to = hosts?.get(url.hostname.toLowerCase());
  if (!to) return url;
  const routed = new URL(url.href);
  routed.protocol = 'http:';
  routed.host = to;
  return routed;
}
