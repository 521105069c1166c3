/** The team server in a browser: the login page before anything, then the app; logging out goes back to the login page. */
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { createTestDatabase } from '../../../../scripts/postgres/throwaway-cluster';
import { loadWebApp } from '../../services/web-app';
import { cookieOf, request } from './http-test-client';
import { PAGE_POLICY } from './login-page';
import type { LoginLimits } from './rate-limit';
import { startTeamServer } from './server';
import { testPeople } from './test-support';

const PASSWORD = 'correct horse battery';
const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A team server with Ana, serving a small built app from a temp folder. */
async function desk(loginLimits?: Partial<LoginLimits>): Promise<number> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'factcheck-web-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  await mkdir(path.join(dir, 'renderer/assets'), { recursive: true });
  await writeFile(path.join(dir, 'renderer/index.html'), '<html><head><title>App</title></head><body><div id="root"></div></body></html>');
  await writeFile(path.join(dir, 'renderer/assets/app.js'), 'console.log("app")');
  await writeFile(path.join(dir, 'bridge.cjs'), 'window.bridge = 1;');
  const { people, close } = await testPeople(await createTestDatabase(inject('postgresUrl'), 'web'));
  cleanups.push(close);
  await people.add('Ana', 'editor', PASSWORD);
  const server = await startTeamServer({
    handlers: {},
    people,
    runAs: (_person, call) => call(),
    port: 0,
    loginLimits,
    web: await loadWebApp({ rendererDir: path.join(dir, 'renderer'), bridgeFile: path.join(dir, 'bridge.cjs') }),
  });
  cleanups.push(() => server.close());
  return server.port;
}

const form = (fields: Record<string, string>) => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams(fields).toString(),
});

describe('the team server in a browser', () => {
  it('sends a person without a session to the login page, which is a form under its own strict policy', async () => {
    const port = await desk();
    expect(await request(port, { path: '/' })).toMatchObject({ status: 303, headers: { location: '/login' } });
    expect(await request(port, { path: '/assets/app.js' })).toMatchObject({ status: 303, headers: { location: '/login' } });
    const page = await request(port, { path: '/login' });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toBe(PAGE_POLICY);
    // Not no-referrer: then browsers send the form with "Origin: null", which the origin guard refuses.
    expect(page.headers['referrer-policy']).toBe('same-origin');
    expect(page.body).toMatch(/<form method="post" action="\/auth\/login">/);
    expect(page.body).toMatch(/<label for="name">Name<\/label>/);
    expect(page.body).toMatch(/autocomplete="current-password"/);
    expect(page.body).not.toMatch(/<script/);
    expect((await request(port, { path: '/login.css' })).headers['content-type']).toMatch(/^text\/css/);
    // Programs still get the API's answer, not a page.
    const api = await request(port, { path: '/api/getWorkspace', ...form({}) });
    expect(api.status).toBe(401);
  });

  it('answers a wrong password with the page again, the name kept (escaped) and the reason said', async () => {
    const port = await desk();
    const reply = await request(port, { path: '/auth/login', ...form({ name: '<b>Ana', password: 'wrong password here' }) });
    expect(reply.status).toBe(401);
    expect(reply.body).toContain('Wrong name or password.');
    expect(reply.body).toContain('value="&lt;b&gt;Ana"');
    expect(reply.headers['set-cookie']).toBeUndefined();
  });

  it('logs in through the form into the app, and out again', async () => {
    const port = await desk();
    const login = await request(port, { path: '/auth/login', ...form({ name: 'Ana', password: PASSWORD }) });
    expect(login).toMatchObject({ status: 303, headers: { location: '/' } });
    const cookie = cookieOf(login);
    const app = await request(port, { path: '/', headers: { cookie } });
    expect(app.status).toBe(200);
    expect(app.body).toMatch(/<script src="\/__factcheck\/bridge.js"><\/script>\s*<\/head>/);
    expect((await request(port, { path: '/__factcheck/bridge.js', headers: { cookie } })).body).toContain('window.bridge = 1;');
    expect((await request(port, { path: '/assets/app.js', headers: { cookie } })).body).toBe('console.log("app")');
    expect(await request(port, { path: '/login', headers: { cookie } })).toMatchObject({ status: 303, headers: { location: '/' } });
    expect((await request(port, { path: '/logout', headers: { cookie } })).body).toContain('Logged in as Ana.');

    const out = await request(port, { path: '/auth/logout', headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, method: 'POST', body: '' });
    expect(out).toMatchObject({ status: 303, headers: { location: '/login' } });
    expect(await request(port, { path: '/', headers: { cookie } })).toMatchObject({ status: 303, headers: { location: '/login' } });
  });

  it('says on the page, as text, when there were too many failed logins, the name kept', async () => {
    const port = await desk({ perName: 2 });
    for (let i = 0; i < 2; i++) {
      expect((await request(port, { path: '/auth/login', ...form({ name: 'Ana', password: 'wrong password here' }) })).status).toBe(401);
    }
    // Past the limit even the right password waits, and the page says for how long.
    const limited = await request(port, { path: '/auth/login', ...form({ name: 'Ana', password: PASSWORD }) });
    expect(limited.status).toBe(429);
    expect(limited.headers['retry-after']).toMatch(/^\d+$/);
    expect(limited.headers['content-type']).toMatch(/^text\/html/);
    expect(limited.body).toMatch(/<p class="problem" role="alert">Too many failed logins\. Try again in \d+ minute\(s\)\.<\/p>/);
    expect(limited.body).toContain('value="Ana"');
    expect(limited.headers['set-cookie']).toBeUndefined();
  });

  it('refuses a login form from another site', async () => {
    const port = await desk();
    const reply = await request(port, { path: '/auth/login', ...form({ name: 'Ana', password: PASSWORD }), headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example' } });
    expect(reply.status).toBe(403);
    expect(reply.headers['set-cookie']).toBeUndefined();
  });
});
