/** Link checks against a local server reached through test hosts: nothing reaches the internet. */
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CancelledError } from '../import/web';
import { checkLinks, type LinkTarget } from './link-check';

let server: http.Server;
let port = 0;
let inFlight = 0;
let mostInFlight = 0;
const open = new Set<Socket>();

beforeAll(async () => {
  server = http.createServer((req, res) => {
    inFlight++;
    mostInFlight = Math.max(mostInFlight, inFlight);
    res.on('close', () => inFlight--);
    const path = req.url ?? '/';
    const after = (ms: number, answer: () => void) => setTimeout(answer, ms);
    if (path === '/ok') return after(20, () => res.writeHead(200).end());
    if (path === '/missing') return res.writeHead(404).end();
    if (path === '/removed') return res.writeHead(410).end();
    if (path === '/broken') return res.writeHead(500).end();
    if (path === '/private') return res.writeHead(403).end();
    if (path === '/elsewhere') return res.writeHead(301, { location: 'http://other.test/landing' }).end();
    if (path === '/to-home') return res.writeHead(302, { location: '/' }).end();
    if (path === '/slash') return res.writeHead(301, { location: '/slash/?utm_source=feed' }).end();
    if (path === '/upgrade') return res.writeHead(308, { location: 'https://news.test/upgrade/' }).end();
    if (path === '/bare') return res.writeHead(301, { location: 'http://www.news.test/landing' }).end();
    if (path === '/loop') return res.writeHead(302, { location: '/loop' }).end();
    if (path === '/nowhere') return res.writeHead(302).end();
    if (path === '/head-drops') return req.method === 'HEAD' ? req.socket.destroy() : res.writeHead(200).end();
    if (['/slash/?utm_source=feed', '/upgrade/', '/', '/landing'].includes(path)) return res.writeHead(200).end();
    if (path === '/no-head') return req.method === 'HEAD' ? res.writeHead(405).end() : res.writeHead(200, { 'content-type': 'text/html' }).end('<p>page</p>');
    if (path.startsWith('/slow')) return; // never answers
    if (path.startsWith('/busy')) return after(40, () => res.writeHead(200).end());
    res.writeHead(404).end();
  });
  server.on('connection', (s) => {
    open.add(s);
    s.on('close', () => open.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  for (const s of open) s.destroy();
  await new Promise((resolve) => server.close(resolve));
});

const hosts = () => new Map([['news.test', `127.0.0.1:${port}`], ['www.news.test', `127.0.0.1:${port}`], ['other.test', `127.0.0.1:${port}`]]);
const target = (url: string, sourceId = `src_${Math.abs(hash(url))}`): LinkTarget => ({ sourceId, title: url, url, archive: { state: 'none' }, claimIds: [] });
function hash(text: string): number {
  let h = 7;
  for (const c of text) h = (h * 31 + c.charCodeAt(0)) | 0;
  return h;
}
const check = (urls: string[], options: { timeoutMs?: number; concurrency?: number } = {}) =>
  checkLinks(urls.map((u) => target(u)), { signal: new AbortController().signal, hosts: hosts(), ...options });

describe('checkLinks', () => {
  it('classifies each failure an editor must repair, and lets working addresses pass', async () => {
    const { ok, failing } = await check(
      [
        'http://news.test/ok',
        'http://news.test/missing',
        'http://news.test/removed',
        'http://news.test/broken',
        'http://news.test/private',
        'http://news.test/elsewhere',
        'http://news.test/to-home',
        'http://news.test/slash',
        'http://news.test/no-head',
        'http://news.test/upgrade',
        'http://news.test/bare',
        'http://news.test/head-drops',
        'http://news.test/loop',
        'http://news.test/nowhere',
        'http://nothing-here.invalid/page',
      ],
      { timeoutMs: 10_000 },
    );
    // /ok; /slash (a trailing slash and a tracking parameter are not a move); /no-head (GET when
    // HEAD gets 405); /upgrade (http→https plus a slash); /bare (www. added, another page of the same site); /head-drops (GET
    // when the server hangs up on HEAD).
    expect(ok).toBe(6);
    expect(failing).toHaveLength(9);
    const by = Object.fromEntries(failing.map((f) => [new URL(f.url).pathname + (f.url.includes('invalid') ? '@dns' : ''), f]));
    expect(by['/missing']).toMatchObject({ problem: 'not_found', httpStatus: 404 });
    expect(by['/removed']).toMatchObject({ problem: 'gone', httpStatus: 410 });
    expect(by['/broken']).toMatchObject({ problem: 'server_error', httpStatus: 500 });
    expect(by['/private']).toMatchObject({ problem: 'other', httpStatus: 403, detail: expect.stringMatching(/refused the check/) });
    expect(by['/elsewhere']).toMatchObject({ problem: 'moved', movedTo: 'http://other.test/landing' });
    expect(by['/to-home']).toMatchObject({ problem: 'moved', movedTo: 'http://news.test/' });
    expect(by['/page@dns']).toMatchObject({ problem: 'dns', detail: 'no such server: nothing-here.invalid' });
    expect(by['/missing']!.detail).toBe('404 Not Found');
    expect(by['/elsewhere']!.detail).toBe('now leads to http://other.test/landing');
    expect(by['/loop']).toMatchObject({ problem: 'other', detail: 'redirects more than 5 times' });
    expect(by['/nowhere']).toMatchObject({ problem: 'other', httpStatus: 302 });
  });

  it('reports no answer within the timeout, and a refused connection', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const closedPort = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    // Each with its own limit: a refusal must not be taken for a timeout on a loaded machine.
    const slow = await checkLinks([target('http://news.test/slow')], { signal: new AbortController().signal, hosts: hosts(), timeoutMs: 200 });
    const refused = await checkLinks([target('http://gone.test/x')], {
      signal: new AbortController().signal,
      hosts: new Map([...hosts(), ['gone.test', `127.0.0.1:${closedPort}`]]),
      timeoutMs: 10_000,
    });
    expect(slow.failing.map((f) => [f.problem, f.detail])).toEqual([['timeout', 'no answer within 0.2 s']]);
    expect(refused.failing.map((f) => [f.problem, f.detail])).toEqual([['refused', 'gone.test refused the connection']]);
  });

  it('never has more requests in flight than asked, checks an address written twice once, and counts progress', async () => {
    mostInFlight = 0;
    const urls = Array.from({ length: 12 }, (_, i) => `http://news.test/busy${i}`);
    const targets = [...urls.map((u) => target(u)), target('http://NEWS.test/busy0/?utm_medium=x', 'src_again')];
    const progress: number[] = [];
    const { ok } = await checkLinks(targets, { signal: new AbortController().signal, hosts: hosts(), concurrency: 3, onProgress: (n) => progress.push(n) });
    expect(ok).toBe(13);
    expect(mostInFlight).toBeLessThanOrEqual(3);
    expect(mostInFlight).toBeGreaterThan(1);
    expect(progress.at(-1)).toBe(13);
  });

  it('stops at once when cancelled', async () => {
    const controller = new AbortController();
    const before = inFlight;
    const running = checkLinks([target('http://news.test/slow'), target('http://news.test/slow?again=1')], { signal: controller.signal, hosts: hosts(), timeoutMs: 60_000 });
    setTimeout(() => controller.abort(), 100);
    const started = Date.now();
    await expect(running).rejects.toBeInstanceOf(CancelledError);
    expect(Date.now() - started).toBeLessThan(1_000);
    // The requests in flight were dropped, not left to run out their 60 s.
    await expect.poll(() => inFlight, { timeout: 1_000 }).toBe(before);
  });
});
