/** The browser-mode server, as built and started by `npm run serve`, refuses strangers. */
import http from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test, expect } from '@playwright/test';
import { startServer, type RunningServer } from './support/server';

test.describe('browser-mode guards', () => {
  let server: RunningServer;
  let dataDir: string;

  test.beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'factcheck-guard-'));
    server = await startServer(dataDir);
  });
  test.afterAll(async () => {
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  const token = () => new URL(server.url).searchParams.get('token') ?? '';
  const status = (headers: Record<string, string>, pathname = '/api/getWorkspace') =>
    new Promise<number>((resolve, reject) => {
      const req = http.request(
        { host: '127.0.0.1', port: server.port, path: pathname, method: 'POST', headers: { host: `127.0.0.1:${server.port}`, 'content-type': 'application/json', ...headers } },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.end('{}');
    });

  test('a request without the token is refused with 401', async () => {
    expect(await status({})).toBe(401);
    expect(await status({ 'x-factcheck-token': 'guess' })).toBe(401);
  });

  test('a foreign Host is refused with 403 even with the token', async () => {
    expect(await status({ 'x-factcheck-token': token(), host: `attacker.example:${server.port}` })).toBe(403);
  });

  test('a foreign Origin is refused with 403 even with the token', async () => {
    expect(await status({ 'x-factcheck-token': token(), origin: 'https://attacker.example' })).toBe(403);
    expect(await status({ 'x-factcheck-token': token(), origin: `http://127.0.0.1:${server.port}` })).toBe(200);
  });

  test('a page from another origin cannot read the workspace', async ({ page }) => {
    await page.goto(server.url);
    await expect(page.getByRole('navigation', { name: 'Articles' })).toBeVisible();
    // Same browser, same cookie jar, but a different origin: the browser sends its Origin and the server refuses.
    const other = await startServer(await mkdtemp(path.join(os.tmpdir(), 'factcheck-other-')));
    try {
      await page.goto(other.url);
      const answer = await page.evaluate(async (port) => {
        try {
          const res = await fetch(`http://127.0.0.1:${port}/api/getWorkspace`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}', credentials: 'include' });
          return `status ${res.status}`;
        } catch {
          return 'blocked';
        }
      }, server.port);
      expect(answer).not.toBe('status 200');
    } finally {
      await other.stop();
    }
  });
});
