import { mkdir, writeFile } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserServer, type BrowserServer } from './browser-server';
import { injectBridge } from './web-app';
import { createServiceHandlers } from './handlers/index';
import { LowdbWorkspaceStore } from './store';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';

const TOKEN = 'test-token-0123456789';

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A raw request, so Host and Origin can be set to anything (fetch would not allow it). */
function request(port: number, options: { path?: string; method?: string; headers?: Record<string, string>; body?: string }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, path: options.path ?? '/', method: options.method ?? 'GET', headers: { host: `127.0.0.1:${port}`, ...options.headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

describe('browser-mode server', () => {
  let dir: string;
  let store: LowdbWorkspaceStore;
  let server: BrowserServer;
  let port: number;
  const auth = () => ({ 'x-factcheck-token': TOKEN });
  const api = (method: string, body: unknown, headers: Record<string, string> = auth()) =>
    request(port, { path: `/api/${method}`, method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'factcheck-server-'));
    const rendererDir = path.join(dir, 'renderer');
    await mkdir(path.join(rendererDir, 'assets'), { recursive: true });
    await writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><html><head><title>t</title></head><body></body></html>');
    await writeFile(path.join(rendererDir, 'assets', 'app.js'), 'console.log("app")');
    await writeFile(path.join(dir, 'secret.txt'), 'not for the web');
    await writeFile(path.join(dir, 'bridge.cjs'), 'window.bridgeLoaded = true;');
    store = await LowdbWorkspaceStore.open(path.join(dir, 'data'));
    server = await startBrowserServer({
      handlers: createServiceHandlers(store, { name: 'Fact-check Desk', version: 't', mode: 'browser' }),
      rendererDir,
      bridgeFile: path.join(dir, 'bridge.cjs'),
      token: TOKEN,
      port: 0,
    });
    port = server.port;
  });

  afterAll(async () => {
    await server.close();
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('listens on 127.0.0.1 and prints a URL carrying the token', () => {
    expect(server.url).toBe(`http://127.0.0.1:${port}/?token=${TOKEN}`);
  });

  it('answers 401 without the token, or with a wrong one, for pages and API alike', async () => {
    expect((await request(port, {})).status).toBe(401);
    expect((await request(port, { path: '/?token=wrong' })).status).toBe(401);
    expect((await request(port, { path: '/assets/app.js' })).status).toBe(401);
    const reply = await api('getWorkspace', {}, {});
    expect(reply.status).toBe(401);
    expect(reply.body).not.toContain('Riverton');
  });

  it('answers 403 to a foreign Host (DNS rebinding) even with the token', async () => {
    for (const host of ['evil.example', `evil.example:${port}`, '127.0.0.1', `127.0.0.1:${port + 1}`]) {
      expect((await request(port, { path: `/?token=${TOKEN}`, headers: { host } })).status, host).toBe(403);
    }
    expect((await request(port, { path: `/?token=${TOKEN}`, headers: { host: `localhost:${port}` } })).status).toBe(303);
  });

  it('answers 403 to a foreign Origin even with the token', async () => {
    for (const origin of ['https://evil.example', 'null', `http://127.0.0.1:${port + 1}`]) {
      const reply = await api('getWorkspace', {}, { ...auth(), origin });
      expect(reply.status, origin).toBe(403);
    }
    expect((await api('getWorkspace', {}, { ...auth(), origin: `http://127.0.0.1:${port}` })).status).toBe(200);
  });

  it('swaps the token in the address for an HttpOnly same-site cookie, then serves the page with the bridge', async () => {
    const first = await request(port, { path: `/?token=${TOKEN}` });
    expect(first.status).toBe(303);
    expect(first.headers.location).toBe('/');
    const cookie = first.headers['set-cookie']?.[0] ?? '';
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const page = await request(port, { headers: { cookie: cookie.split(';')[0]! } });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<script src="/__factcheck/bridge.js"></script>');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    const bridge = await request(port, { path: '/__factcheck/bridge.js', headers: { cookie: cookie.split(';')[0]! } });
    expect(bridge.body).toContain('window.bridgeLoaded = true;');
  });

  it('serves the same handlers as the app, validating input', async () => {
    const ok = JSON.parse((await api('getWorkspace', {})).body);
    expect(ok.ok).toBe(true);
    expect(ok.value.articles[0].title).toMatch(/Riverton/);
    const bad = JSON.parse((await api('createArticle', { title: '', text: 'x' })).body);
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const unknown = JSON.parse((await api('saveFile', { fileName: 'a', mimeType: 'b', content: '' })).body);
    expect(unknown).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
  });

  it('refuses malformed API requests clearly', async () => {
    const notJson = await request(port, { path: '/api/getWorkspace', method: 'POST', headers: { ...auth(), 'content-type': 'application/json' }, body: '{oops' });
    expect(notJson.status).toBe(400);
    expect(JSON.parse(notJson.body).error.message).toMatch(/not valid JSON/);
    const form = await request(port, { path: '/api/getWorkspace', method: 'POST', headers: { ...auth(), 'content-type': 'text/plain' }, body: '{}' });
    expect(form.status).toBe(415);
    expect((await request(port, { path: '/api/getWorkspace', headers: auth() })).status).toBe(405);
  });

  it('does not serve files outside the renderer folder', async () => {
    for (const p of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/..%5csecret.txt']) {
      const reply = await request(port, { path: p, headers: auth() });
      expect(reply.status, p).toBe(404);
      expect(reply.body).not.toContain('not for the web');
    }
    expect((await request(port, { path: '/assets/app.js', headers: auth() })).headers['content-type']).toMatch(/javascript/);
  });
});

describe('injectBridge', () => {
  it('puts the bridge script in the head and refuses a page without one', () => {
    expect(injectBridge('<html><head></head></html>')).toMatch(/<script src="\/__factcheck\/bridge.js"><\/script>\s*<\/head>/);
    expect(() => injectBridge('<html></html>')).toThrow(/no <\/head>/);
  });

  it("names a team server's live change stream before the bridge, which reads it as it starts", () => {
    expect(injectBridge('<html><head></head></html>', '/events?since=now')).toMatch(
      /<meta name="factcheck-live-changes" content="\/events\?since=now" \/>\s*<script src="\/__factcheck\/bridge.js"><\/script>/,
    );
    expect(injectBridge('<html><head></head></html>', '/x"><script>')).toContain('content="/xscript"');
  });
});
