import { readFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Document, Packer, Paragraph } from 'docx';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ImportJob } from '../../../../shared/api/contract';
import { ApiError } from '../../../../shared/api/result';
import { withApi } from '../test-helpers';
import { WebImports, type WebImportOptions } from './index';
import { draftOf } from './jobs';
import { explain } from './web';
import { storedBytes } from '../test-stored';

/**
 * A web server on 127.0.0.1 for these tests only (no internet): each route is a page, a
 * redirect or a misbehaving server. `gates` hold responses until the test opens them.
 */
let server: http.Server;
let base: string;
let article: Buffer;
const gates = new Map<string, () => void>();
const closed = new Map<string, Promise<number>>(); // route → bytes written when the client went away

function gate(name: string): Promise<void> {
  return new Promise((resolve) => gates.set(name, resolve));
}

function trackClose(route: string, res: http.ServerResponse, written: () => number): void {
  closed.set(route, new Promise((resolve) => res.on('close', () => resolve(written()))));
}

beforeAll(async () => {
  article = await readFile(new URL('./fixtures/news-article.html', import.meta.url));
  const docx = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('Memo title'), new Paragraph('The memo says spending rose 4%.')] }] }));
  server = http.createServer((req, res) => {
    const url = new URL(req.url!, 'http://x');
    const route = url.pathname;
    const html = (body: string | Buffer, type = 'text/html; charset=utf-8') => {
      res.writeHead(200, { 'content-type': type, 'content-length': Buffer.byteLength(body) });
      res.end(body);
    };
    const redirect = (status: number, location: string) => {
      res.writeHead(status, { location });
      res.end();
    };
    switch (true) {
      case route === '/article':
        return html(article);
      case route === '/r1':
        return redirect(301, '/r2');
      case route === '/r2':
        return redirect(302, `${base}/r3`);
      case route === '/r3':
        return redirect(303, '/r4');
      case route === '/r4':
        return redirect(307, 'r5');
      case route === '/r5':
        return redirect(308, '/article?from=r5');
      case route.startsWith('/loop/'):
        return redirect(302, `/loop/${Number(route.slice(6)) + 1}`);
      case route === '/to-ftp':
        return redirect(302, 'ftp://files.example/article.txt');
      case route === '/to-file':
        return redirect(301, 'file:///etc/passwd');
      case route === '/nowhere':
        return redirect(302, '');
      case route === '/missing':
        res.writeHead(404, 'Not Found', { 'content-type': 'text/html' });
        return res.end('<h1>Not here</h1>');
      case route === '/broken':
        res.writeHead(503);
        return res.end();
      case route === '/image':
        res.writeHead(200, { 'content-type': 'image/png' });
        return res.end(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
      case route === '/report.pdf':
        res.writeHead(200, { 'content-type': 'application/pdf' });
        return res.end('%PDF-1.7');
      case route === '/plain':
        return html('Rents up 8%\n\nThe council said rents rose 8% last year.', 'text/plain; charset=utf-8');
      case route === '/memo.docx':
        return html(docx, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
      case route === '/latin1': {
        const body = Buffer.from('<html><head><title>Café prices rise</title></head><body><p>The café on the square raised its prices by 20% in a year, its owner said on Friday, blaming the cost of energy and of rent.</p></body></html>', 'latin1');
        return html(body, 'text/html; charset=ISO-8859-1');
      }
      case route === '/declared-huge':
        res.writeHead(200, { 'content-type': 'text/html', 'content-length': String(50 * 1024 * 1024) });
        trackClose(route, res, () => 0);
        return res.write('<html>');
      case route === '/endless': {
        // Streams as fast as the client reads, without a length, until the client hangs up.
        res.writeHead(200, { 'content-type': 'text/html' });
        let written = 0;
        trackClose(route, res, () => written);
        const chunk = Buffer.alloc(16 * 1024, 'a');
        const pump = () => {
          while (!res.destroyed && written < 50 * 1024 * 1024) {
            written += chunk.length;
            if (!res.write(chunk)) return void res.once('drain', pump);
          }
        };
        return pump();
      }
      case route === '/halves': {
        // Half the page, then the rest once the test has seen the progress.
        const half = Math.floor(article.length / 2);
        res.writeHead(200, { 'content-type': 'text/html', 'content-length': article.length });
        res.write(article.subarray(0, half));
        return void gate('halves').then(() => res.end(article.subarray(half)));
      }
      case route === '/hold': {
        // The first bytes, then nothing until the client goes away (cancellation).
        res.writeHead(200, { 'content-type': 'text/html', 'content-length': article.length });
        res.write(article.subarray(0, 1000));
        trackClose(route, res, () => 1000);
        return;
      }
      case route === '/silent':
        trackClose(route, res, () => 0);
        return; // never answers
      case route === '/trickle': {
        res.writeHead(200, { 'content-type': 'text/html' });
        const timer = setInterval(() => res.write('<p>a few more words</p>'), 40);
        res.on('close', () => clearInterval(timer));
        return;
      }
      default:
        res.writeHead(500);
        res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

let imports: WebImports;
const fresh = (options: WebImportOptions = {}) => (imports = new WebImports(options));
afterEach(() => imports?.dispose());

/** Starts an import and waits for it to finish. */
async function run(path: string, options: WebImportOptions = {}): Promise<ImportJob> {
  const web = fresh(options);
  const { jobId } = web.start(path.startsWith('http') ? path : `${base}${path}`);
  return web.wait(jobId);
}

async function failure(path: string, options: WebImportOptions = {}): Promise<string> {
  const job = await run(path, options);
  expect(job).toMatchObject({ state: 'failed', draft: null });
  return job.error!;
}

describe('web import', () => {
  it('reads a page through redirects (each hop checked) into a draft whose address is the final one', async () => {
    const job = await run('/r1');
    expect(job.state).toBe('done');
    expect(job.error).toBeNull();
    expect(job.receivedBytes).toBe(article.length);
    expect(job.totalBytes).toBe(article.length);
    expect(job.draft).toMatchObject({
      title: 'Council approves $40m bridge as critics question the cost',
      // An address on this computer is read, but articles keep public addresses only (see draftOf below).
      url: null,
      outlet: 'The Riverton Gazette',
      author: 'Jane Okafor',
      publishedDate: '2024-03-05',
    });
    expect(job.draft!.notes).toEqual([`The address ${base}/article?from=r5 is not a public web address, so it is not kept with the article.`]);
    expect(job.draft!.text.split('\n\n')).toHaveLength(5);
    expect(job.draft!.text).not.toMatch(/cookie|Share|Advertisement|waste of money/);
  });

  it('counts bytes as they arrive', async () => {
    const web = fresh();
    const { jobId } = web.start(`${base}/halves`);
    await vi.waitFor(() => expect(web.get(jobId).receivedBytes).toBe(Math.floor(article.length / 2)), { timeout: 5_000, interval: 5 });
    expect(web.get(jobId)).toMatchObject({ state: 'running', totalBytes: article.length, draft: null, error: null });
    gates.get('halves')!(); // the server sends the rest
    const done = await web.wait(jobId);
    expect(done).toMatchObject({ state: 'done', receivedBytes: article.length, totalBytes: article.length });
  });

  it('reads plain text, a Word file and a page in another encoding', async () => {
    expect((await run('/plain')).draft).toMatchObject({ title: 'Rents up 8%', text: 'The council said rents rose 8% last year.', outlet: '127.0.0.1' });
    expect((await run('/plain')).draft!.notes).toContain('The outlet was taken from the web address: check it.');
    expect((await run('/memo.docx')).draft).toMatchObject({ title: 'Memo title', text: 'The memo says spending rose 4%.' });
    expect((await run('/latin1')).draft!.text).toContain('The café on the square');
  });

  it('refuses more than 5 redirects, and redirects to anything but http(s)', async () => {
    expect(await failure('/loop/0')).toBe(`Could not import ${base}/loop/5: the site redirected more than 5 times (the last time to ${base}/loop/6).`);
    expect(await failure('/to-ftp')).toBe(
      `Could not import ${base}/to-ftp: the site redirected to a ftp: address (ftp://files.example/article.txt); only http:// and https:// addresses are followed.`,
    );
    expect(await failure('/to-file')).toBe(`Could not import ${base}/to-file: the site redirected to a file: address (file:///etc/passwd); only http:// and https:// addresses are followed.`);
    expect(await failure('/nowhere')).toBe(`Could not import ${base}/nowhere: the site answered 302 Found without saying where the page is.`);
  });

  it('says what the site answered when it is not a page', async () => {
    expect(await failure('/missing')).toBe(`Could not import ${base}/missing: the site answered 404 Not Found.`);
    expect(await failure('/broken')).toBe(`Could not import ${base}/broken: the site answered 503 Service Unavailable.`);
    expect(await failure('/image')).toBe(`Could not import ${base}/image: it is an image (image/png), not a web page.`);
    expect(await failure('/report.pdf')).toBe(`Could not import ${base}/report.pdf: it is a PDF document (application/pdf), not a web page.`);
  });

  it('stops reading a page past the size limit, and refuses one that says it is too big before reading it', async () => {
    const limits = { maxBytes: 100_000 };
    const job = await run('/endless', { limits });
    expect(job.error).toBe(`Could not import ${base}/endless: the page is too big (more than 0.1 MB); reading stopped there.`);
    expect(job.receivedBytes).toBeLessThanOrEqual(100_000);
    // The server was hung up on long before it had sent its 50 MB.
    expect(await closed.get('/endless')).toBeLessThan(10 * 1024 * 1024);

    expect(await failure('/declared-huge', { limits })).toBe(`Could not import ${base}/declared-huge: the page is too big (50.0 MB; 0.1 MB at most).`);
    await closed.get('/declared-huge');
  });

  it('gives up on a server that does not answer, or takes too long in all', async () => {
    expect(await failure('/silent', { limits: { idleTimeoutMs: 200 } })).toBe(`Could not import ${base}/silent: the site stopped answering (nothing arrived for 0.2 s).`);
    await closed.get('/silent');
    expect(await failure('/trickle', { limits: { idleTimeoutMs: 1_000, totalTimeoutMs: 400 } })).toBe(`Could not import ${base}/trickle: the site took too long (more than 0.4 s in all).`);
  });

  it('cancels a download midway: the job says cancelled, keeps nothing, and the connection is closed', async () => {
    const web = fresh();
    const { jobId } = web.start(`${base}/hold`);
    await vi.waitFor(() => expect(web.get(jobId).receivedBytes).toBe(1000), { timeout: 5_000, interval: 5 });
    expect(web.cancel(jobId)).toEqual({ cancelled: true });
    expect(web.get(jobId)).toEqual({ jobId, state: 'cancelled', receivedBytes: 1000, totalBytes: article.length, draft: null, error: null });
    expect(await closed.get('/hold')).toBe(1000);
    expect(await web.wait(jobId)).toMatchObject({ state: 'cancelled', draft: null, error: null });
    expect(web.cancel(jobId)).toEqual({ cancelled: false });
    expect(web.cancel('no-such-job')).toEqual({ cancelled: false });
  });

  it('explains connection failures: refused, not TLS', async () => {
    const spare = http.createServer();
    await new Promise<void>((resolve) => spare.listen(0, '127.0.0.1', resolve));
    const port = (spare.address() as AddressInfo).port;
    await new Promise((resolve) => spare.close(resolve));
    expect(await failure(`http://127.0.0.1:${port}/`)).toBe(`Could not connect to 127.0.0.1:${port}: the server refused the connection.`);
    // https to a plain-http server: the TLS handshake fails.
    expect(await failure(`${base.replace('http:', 'https:')}/article`)).toMatch(new RegExp(`^Could not open a secure connection to 127\\.0\\.0\\.1:\\d+: `));
  });

  it('forgets finished jobs after a while, and limits how many run at once', async () => {
    const web = fresh({ keepMs: 50, maxRunning: 1 });
    const { jobId } = web.start(`${base}/hold`);
    expect(() => web.start(`${base}/article`)).toThrow('1 web imports are already running: wait for one to finish, or cancel one.');
    web.cancel(jobId);
    await vi.waitFor(() => expect(() => web.get(jobId)).toThrow(ApiError), { timeout: 2_000, interval: 10 });
    expect(() => web.get(jobId)).toThrow('This web import is no longer known: imports are kept 0 minutes after they finish (and not across a restart). Start it again.');
    expect(() => web.start('ftp://files.example/x')).toThrow('Only http:// and https:// addresses can be imported (not ftp:).');
  });
});

describe('network failures in words', () => {
  const failed = (code: string, message = 'fetch failed') => explain(Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error(message), { code }) }), new URL('https://news.example:8443/a'));
  it.each([
    ['ENOTFOUND', 'Could not find the server news.example: check the address, and that this computer is online.'],
    ['EAI_AGAIN', 'Could not find the server news.example: check the address, and that this computer is online.'],
    ['ECONNREFUSED', 'Could not connect to news.example:8443: the server refused the connection.'],
    ['ECONNRESET', 'Could not import https://news.example:8443/a: the server closed the connection before the page arrived.'],
    ['CERT_HAS_EXPIRED', 'Could not open a secure connection to news.example:8443: its certificate has expired.'],
    ['DEPTH_ZERO_SELF_SIGNED_CERT', 'Could not open a secure connection to news.example:8443: its certificate is self-signed, so it cannot be trusted.'],
    ['ERR_TLS_CERT_ALTNAME_INVALID', 'Could not open a secure connection to news.example:8443: its certificate is for another site.'],
    ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'Could not open a secure connection to news.example:8443: its certificate could not be verified.'],
    ['EHOSTUNREACH', 'Could not reach news.example:8443: the network is unreachable from this computer.'],
  ])('%s', (code, message) => {
    const error = failed(code);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).message).toBe(message);
  });
});

describe('draftOf', () => {
  it("keeps the page's final public address, and takes the outlet from it when the page names none", async () => {
    const page = Buffer.from('<html><head><title>Rates rise</title></head><body><article><p>Rates rose by 12 per cent on Monday, the water board said in a statement, the first rise since 2019.</p></article></body></html>');
    const draft = await draftOf({ url: 'https://www.courier.example/news/rates', kind: 'html', charset: null, contentType: 'text/html', bytes: page });
    expect(draft).toMatchObject({ title: 'Rates rise', url: 'https://www.courier.example/news/rates', outlet: 'courier.example', notes: ['The outlet was taken from the web address: check it.'] });
  });
});

describe('web import through the service API', () => {
  it('starts, polls to a draft, writes nothing; refuses other schemes and unknown jobs', async () => {
    await withApi(async (call, store) => {
      const before = await storedBytes(store);
      const started = await call('startUrlImport', { url: `${base}/article` });
      expect(started.ok).toBe(true);
      const { jobId } = (started as { ok: true; value: { jobId: string } }).value;
      expect(jobId).toMatch(/^[A-Za-z0-9_-]{16}$/);
      let job: ImportJob | undefined;
      await vi.waitFor(
        async () => {
          const polled = await call('getImportJob', { jobId });
          expect(polled.ok).toBe(true);
          job = (polled as { ok: true; value: ImportJob }).value;
          expect(job.state).toBe('done');
        },
        { timeout: 5_000, interval: 20 },
      );
      expect(job!.draft!.title).toBe('Council approves $40m bridge as critics question the cost');
      expect(await call('cancelImport', { jobId })).toEqual({ ok: true, value: { cancelled: false } });
      expect(await storedBytes(store)).toEqual(before);

      const ftp = await call('startUrlImport', { url: 'ftp://files.example/a.txt' });
      expect(ftp).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
      expect(await call('getImportJob', { jobId: 'unknownjob123' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    });
  });
});
