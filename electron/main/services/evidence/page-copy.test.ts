/** Local copies read from a local server reached through test hosts: nothing reaches the internet. */
import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../../../shared/api/result';
import { LocalCopy } from '../../../../shared/domain/evidence';
import { CancelledError } from '../import/web';
import { readPageCopy, type PageCopyOptions } from './page-copy';

const ARTICLE = Buffer.from(
  '<!doctype html><html><head><meta charset="utf-8"><title>Jobless rate falls to 4.3%</title><meta name="author" content="Mia Novak"></head>' +
    '<body><article><h1>Jobless rate falls to 4.3%</h1><p>The unemployment rate fell to 4.3% in May, the statistics office said on Tuesday.</p>' +
    '<p>It was 4.6% a year earlier. Économistes had expected 4.4%.</p></article></body></html>',
);
const LONG_TEXT = 'word '.repeat(1_000_001); // 5,000,005 characters: over the limit, under 10 MB

let server: http.Server;
let port = 0;
const open = new Set<Socket>();

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const path = req.url ?? '/';
    if (path === '/jobs') return res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': ARTICLE.length }).end(ARTICLE);
    if (path === '/old-jobs') return res.writeHead(301, { location: '/jobs' }).end();
    if (path === '/gone') return res.writeHead(404, { 'content-type': 'text/html' }).end('<p>Not here</p>');
    if (path === '/huge') return res.writeHead(200, { 'content-type': 'text/html', 'content-length': 3000 }).end('x'.repeat(3000));
    if (path === '/endless') {
      // No length announced: the limit stops the reading as bytes arrive.
      res.writeHead(200, { 'content-type': 'text/plain' });
      const chunk = 'more text '.repeat(100);
      const timer = setInterval(() => res.write(chunk), 2);
      res.on('close', () => clearInterval(timer));
      return;
    }
    if (path === '/long') return res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' }).end(LONG_TEXT);
    if (path === '/slow') {
      // Headers and a first part, then nothing: the test cancels.
      res.writeHead(200, { 'content-type': 'text/html' });
      res.write('<p>Slow');
      return;
    }
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

const NOW = new Date('2026-12-05T09:12:00.000Z');

function read(path: string, more: Partial<PageCopyOptions> = {}) {
  const seen: Array<[number, number | null]> = [];
  const copy = readPageCopy({
    url: `http://news.test${path}`,
    sourceId: 'src_labour_01',
    id: 'copy_labour_01',
    signal: new AbortController().signal,
    progress: (received, total) => seen.push([received, total]),
    hosts: new Map([['news.test', `127.0.0.1:${port}`]]),
    now: () => NOW,
    ...more,
  });
  return { copy, seen };
}

async function refusal(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

describe('readPageCopy', () => {
  it('keeps the clean text, title, byline, time, type and the SHA-256 of the bytes received', async () => {
    const { copy: promise, seen } = read('/jobs');
    const copy = await promise;
    expect(LocalCopy.parse(copy)).toEqual(copy);
    expect(copy).toMatchObject({
      id: 'copy_labour_01',
      sourceId: 'src_labour_01',
      requestedUrl: 'http://news.test/jobs',
      finalUrl: 'http://news.test/jobs',
      fetchedAt: '2026-12-05T09:12:00.000Z',
      title: 'Jobless rate falls to 4.3%',
      byline: 'Mia Novak',
      contentType: 'text/html; charset=utf-8',
      bytes: ARTICLE.length,
      sha256: createHash('sha256').update(ARTICLE).digest('hex'),
    });
    expect(copy.text).toContain('The unemployment rate fell to 4.3% in May');
    expect(copy.text).toContain('Économistes had expected 4.4%.');
    expect(copy.text).not.toMatch(/<p>|<title>/);
    expect(seen.at(-1)).toEqual([ARTICLE.length, ARTICLE.length]);
  });

  it('records the address after redirects, with the source’s host name (not where the test host leads)', async () => {
    const copy = await read('/old-jobs').copy;
    expect(copy.requestedUrl).toBe('http://news.test/old-jobs');
    expect(copy.finalUrl).toBe('http://news.test/jobs');
    expect(copy.sha256).toBe(createHash('sha256').update(ARTICLE).digest('hex'));
  });

  it('refuses a page the site does not have, saying what the site answered', async () => {
    const error = await refusal(read('/gone').copy);
    expect(error.code).toBe('invalid_input');
    expect(error.message).toBe('Could not import http://news.test/gone: the site answered 404 Not Found.');
  });

  it('refuses a page bigger than the limit, announced or found while reading', async () => {
    const announced = await refusal(read('/huge', { limits: { maxBytes: 1000 } }).copy);
    expect(announced.message).toMatch(/^Could not import http:\/\/news\.test\/huge: the page is too big/);
    const found = await refusal(read('/endless', { limits: { maxBytes: 200_000 } }).copy);
    expect(found.message).toMatch(/the page is too big \(more than 0\.2 MB\); reading stopped there\.$/);
  });

  it('refuses a page whose text is too long to keep, rather than keep part of it', async () => {
    const error = await refusal(read('/long').copy);
    expect(error.code).toBe('invalid_input');
    expect(error.message).toBe('The page http://news.test/long is too long to keep as a local copy: its text has 5,000,004 characters (5,000,000 at most).');
  }, 30_000);

  it('stops when cancelled, keeping nothing', async () => {
    const controller = new AbortController();
    const { copy, seen } = read('/slow', { signal: controller.signal });
    await expect.poll(() => seen.length).toBeGreaterThan(0);
    controller.abort();
    await expect(copy).rejects.toBeInstanceOf(CancelledError);
    // Already cancelled: nothing is asked of the site.
    await expect(read('/jobs', { signal: AbortSignal.abort() }).copy).rejects.toBeInstanceOf(CancelledError);
  });

  it('refuses a copy the schema refuses (an id that is not one) with words, not a stack', async () => {
    const error = await refusal(read('/jobs', { id: 'no' }).copy);
    expect(error.message).toMatch(/^Could not keep a local copy of http:\/\/news\.test\/jobs: id /);
  });
});
