import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { createTestDatabase } from '../../../../scripts/postgres/throwaway-cluster';
import { SERVICE_METHODS } from '../../../../shared/api/contract';
import { createServiceHandlers } from '../../services/handlers/index';
import { LowdbWorkspaceStore } from '../../services/store';
import { cookieOf, request, type Reply } from './http-test-client';
import type { TeamPerson } from './people';
import { listenProblem, startTeamServer, type TeamServerOptions } from './server';
import { ManualClock, testPeople, type TestPeople } from './test-support';

const PASSWORD = 'correct horse battery';

interface Desk {
  port: number;
  db: TestPeople;
  clock: ManualClock;
  /** Whom each call ran as. */
  ranAs: TeamPerson[];
  store: LowdbWorkspaceStore;
  login(name: string, password?: string, headers?: Record<string, string>): Promise<Reply>;
  api(method: string, body: unknown, headers: Record<string, string>): Promise<Reply>;
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A team server over a workspace in a temp folder and people in a new database, with Ana (editor) and Bo (admin). */
async function startDesk(options: Partial<TeamServerOptions> = {}, tls = false): Promise<Desk> {
  const clock = new ManualClock();
  const db = await testPeople(await createTestDatabase(inject('postgresUrl'), 'team'), { now: clock.date });
  cleanups.push(() => db.close());
  await db.people.add('Ana', 'editor', PASSWORD);
  await db.people.add('Bo', 'admin', PASSWORD);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'factcheck-team-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  const store = await LowdbWorkspaceStore.open(dir);
  cleanups.push(() => store.close());
  const ranAs: TeamPerson[] = [];
  const server = await startTeamServer({
    handlers: createServiceHandlers(store, { name: 'Fact-check Desk', version: 't', mode: 'browser' }),
    people: db.people,
    runAs: (person, call) => {
      ranAs.push(person);
      return call();
    },
    port: 0,
    now: clock.now,
    ...options,
  });
  cleanups.push(() => server.close());
  const port = server.port;
  const json = (body: unknown, headers: Record<string, string> = {}) => ({
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
    tls,
  });
  return {
    port,
    db,
    clock,
    ranAs,
    store,
    login: (name, password = PASSWORD, headers = {}) => request(port, { path: '/auth/login', ...json({ name, password }, headers) }),
    api: (method, body, headers) => request(port, { path: `/api/${method}`, ...json(body, headers) }),
  };
}

const unauthorized = { ok: false, error: { code: 'unauthorized', message: expect.stringMatching(/Log in first/) } };

describe('team server: who may call', () => {
  it('answers every service method 401 without a session, or with a made-up one', async () => {
    const desk = await startDesk();
    for (const method of SERVICE_METHODS) {
      const reply = await desk.api(method, {}, {});
      expect(reply.status, method).toBe(401);
      expect(reply.json, method).toEqual(unauthorized);
    }
    const forged: Record<string, string>[] = [{ cookie: `factcheck_team_${desk.port}=made-up` }, { authorization: 'Bearer made-up' }, { authorization: 'Basic QW5hOng=' }];
    for (const headers of forged) {
      expect((await desk.api('getWorkspace', {}, headers)).status).toBe(401);
    }
    expect((await request(desk.port, { path: '/auth/me' })).status).toBe(401);
    expect(desk.ranAs).toEqual([]);
  });

  it('logs in with a session cookie (HttpOnly, SameSite=Strict, Path=/, not Secure over loopback HTTP) and runs each call as that person', async () => {
    const desk = await startDesk();
    const reply = await desk.login('ana');
    expect(reply.status).toBe(200);
    expect(reply.json).toEqual({ ok: true, value: { name: 'Ana', role: 'editor' } });
    const cookie = reply.headers['set-cookie']![0]!;
    expect(cookie).toMatch(new RegExp(`^factcheck_team_${desk.port}=[A-Za-z0-9_-]{43}; HttpOnly; SameSite=Strict; Path=/; Max-Age=604800$`));
    expect(reply.headers['cache-control']).toBe('no-store');
    expect(reply.headers['x-frame-options']).toBe('DENY');
    const me = await request(desk.port, { path: '/auth/me', headers: { cookie: cookieOf(reply) } });
    expect(me.json).toEqual({ ok: true, value: { name: 'Ana', role: 'editor' } });
    const call = await desk.api('getHistory', {}, { cookie: cookieOf(reply) });
    expect(call.json).toMatchObject({ ok: true });
    expect(desk.ranAs).toEqual([{ name: 'Ana', role: 'editor' }]);
  });

  it('gives a wrong password and an unknown name the same 401, byte for byte', async () => {
    const desk = await startDesk();
    const wrong = await desk.login('Ana', 'not the password');
    const unknown = await desk.login('Nobody', 'not the password');
    const disabledFirst = await desk.db.people.setDisabled('Bo', true).then(() => desk.login('Bo'));
    for (const reply of [wrong, unknown, disabledFirst]) {
      expect(reply.status).toBe(401);
      expect(reply.body).toBe(wrong.body);
      expect(reply.headers['set-cookie']).toBeUndefined();
      expect(reply.headers['content-length']).toBe(wrong.headers['content-length']);
    }
    expect(wrong.json).toEqual({ ok: false, error: { code: 'unauthorized', message: 'Wrong name or password.' } });
  });

  it('rate-limits failed logins per name (known or not) with 429 and Retry-After, then lets them try again', async () => {
    const desk = await startDesk();
    for (const name of ['Ana', 'Nobody']) {
      for (let i = 0; i < 5; i++) expect((await desk.login(name, 'wrong password')).status).toBe(401);
      const limited = await desk.login(name, PASSWORD);
      expect(limited.status).toBe(429);
      expect(limited.headers['retry-after']).toBe('900');
      expect(limited.json).toMatchObject({ ok: false, error: { message: expect.stringMatching(/Too many failed logins/) } });
    }
    expect((await desk.login('Bo')).status).toBe(200);
    desk.clock.advance(15 * 60_000);
    expect((await desk.login('Ana')).status).toBe(200);
  });

  it('rate-limits failed logins per address across names', async () => {
    const desk = await startDesk({ loginLimits: { perAddress: 8 } });
    for (let i = 0; i < 8; i++) expect((await desk.login(`guess${i}`, 'wrong password')).status).toBe(401);
    expect((await desk.login('Bo')).status).toBe(429);
  });

  it("stops a disabled person's session and token at their next call", async () => {
    const desk = await startDesk();
    const cookie = cookieOf(await desk.login('Ana'));
    const token = await desk.db.people.createToken('Ana', 'laptop');
    const bearer = { authorization: `Bearer ${token}` };
    expect((await desk.api('getHistory', {}, { cookie })).status).toBe(200);
    expect((await desk.api('getHistory', {}, bearer)).json).toMatchObject({ ok: true });
    await desk.db.people.setDisabled('Ana', true);
    expect((await desk.api('getHistory', {}, { cookie })).json).toEqual(unauthorized);
    expect((await desk.api('getHistory', {}, bearer)).status).toBe(401);
  });

  it('ends a session after 12 hours unused, and at logout', async () => {
    const desk = await startDesk();
    const cookie = cookieOf(await desk.login('Ana'));
    desk.clock.advance(11 * 3600_000);
    expect((await desk.api('getHistory', {}, { cookie })).status).toBe(200);
    desk.clock.advance(12 * 3600_000 + 1);
    expect((await desk.api('getHistory', {}, { cookie })).status).toBe(401);

    const second = cookieOf(await desk.login('Ana'));
    const out = await request(desk.port, { path: '/auth/logout', method: 'POST', headers: { cookie: second } });
    expect(out.status).toBe(200);
    expect(out.headers['set-cookie']![0]).toMatch(/Max-Age=0/);
    expect((await desk.api('getHistory', {}, { cookie: second })).status).toBe(401);
  });

  it('refuses a foreign Host or Origin with 403, before anything else', async () => {
    const desk = await startDesk();
    const cookie = cookieOf(await desk.login('Ana'));
    expect((await desk.api('getHistory', {}, { cookie, host: `evil.example:${desk.port}` })).status).toBe(403);
    expect((await desk.api('getHistory', {}, { cookie, origin: 'http://evil.example' })).status).toBe(403);
    expect((await desk.login('Ana', PASSWORD, { origin: 'http://evil.example' })).status).toBe(403);
    expect((await desk.api('getHistory', {}, { cookie, origin: `http://localhost:${desk.port}` })).status).toBe(200);
  });

  it('wants JSON, a small login body, POST for calls, and names unknown methods', async () => {
    const desk = await startDesk();
    const cookie = cookieOf(await desk.login('Ana'));
    expect((await request(desk.port, { path: '/api/getHistory', method: 'POST', headers: { cookie, 'content-type': 'text/plain' }, body: '{}' })).status).toBe(415);
    expect((await request(desk.port, { path: '/api/getHistory', headers: { cookie } })).status).toBe(405);
    expect((await desk.login('Ana', 'x'.repeat(20_000))).status).toBe(413);
    const bad = await request(desk.port, { path: '/auth/login', method: 'POST', headers: { 'content-type': 'application/json' }, body: '{' });
    expect(bad.status).toBe(400);
    expect((await desk.api('saveFile', {}, { cookie })).json).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    expect((await desk.api('__proto__', {}, { cookie })).status).toBe(404);
  });
});

describe('team server: more routes', () => {
  it('answers a route of its caller only for a logged-in person, telling it who', async () => {
    const desk = await startDesk({ routes: { '/events': (_req, res, person) => void res.end(`hello ${person.name}`) } });
    expect((await request(desk.port, { path: '/events' })).status).toBe(401);
    expect((await request(desk.port, { path: '/events', headers: { host: 'evil.example' } })).status).toBe(403);
    const cookie = cookieOf(await desk.login('Bo'));
    expect((await request(desk.port, { path: '/events?since=3', headers: { cookie } })).body).toBe('hello Bo');
    expect((await request(desk.port, { path: '/constructor', headers: { cookie } })).status).toBe(404);
  });
});

describe('team server: team rules', () => {
  it('lets only admins change the rating scale', async () => {
    const desk = await startDesk();
    const scale = desk.store.data.settings.ratingScale;
    const input = { preset: 'custom', levels: scale, conclusionOnly: false };
    const ana = { cookie: cookieOf(await desk.login('Ana')) };
    const refused = await desk.api('setRatingScale', input, ana);
    expect(refused.status).toBe(403);
    expect(refused.json).toEqual({ ok: false, error: { code: 'forbidden', message: 'Only an admin can change the rating scale of a team workspace.' } });
    expect(desk.ranAs).toEqual([]);
    const bo = { cookie: cookieOf(await desk.login('Bo')) };
    expect((await desk.api('setRatingScale', input, bo)).json).toMatchObject({ ok: true, value: { ratingPreset: 'custom' } });
    expect(desk.ranAs).toEqual([{ name: 'Bo', role: 'admin' }]);
  });

  it('refuses a currentEditor patch to anyone, publication rules to editors, and lets the rest through', async () => {
    const desk = await startDesk();
    const ana = { cookie: cookieOf(await desk.login('Ana')) };
    const bo = { cookie: cookieOf(await desk.login('Bo')) };
    for (const who of [ana, bo]) {
      const reply = await desk.api('updateSettings', { patch: { currentEditor: 'Bo' } }, who);
      expect(reply.status).toBe(403);
      expect(reply.json).toMatchObject({ ok: false, error: { message: expect.stringMatching(/your name is the person you logged in as/) } });
    }
    const rules = { patch: { readyRules: { requireVerdict: false, minSources: 0 } } };
    expect((await desk.api('updateSettings', rules, ana)).status).toBe(403);
    expect((await desk.api('updateSettings', rules, bo)).json).toMatchObject({ ok: true });
    expect((await desk.api('updateSettings', { patch: { organizationName: 'Desk' } }, ana)).json).toMatchObject({ ok: true, value: { organizationName: 'Desk' } });
    expect(desk.store.data.settings.currentEditor).toBe('');
  });

  it('refuses what makes no sense on a shared server, saying why, and checks input first', async () => {
    const desk = await startDesk();
    const bo = { cookie: cookieOf(await desk.login('Bo')) };
    const cases: [string, unknown, RegExp][] = [
      ['startUrlImport', { url: 'http://10.0.0.1/' }, /does not fetch web addresses/],
      ['getImportJob', { jobId: 'x' }, /does not fetch web addresses/],
    ];
    for (const [method, input, why] of cases) {
      const reply = await desk.api(method, input, bo);
      expect(reply.status, method).toBe(403);
      expect(reply.json, method).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringMatching(why) } });
    }
    expect((await desk.api('startUrlImport', { url: 'ftp://x' }, bo)).json).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const ana = { cookie: cookieOf(await desk.login('Ana')) };
    expect((await desk.api('exportWorkspace', {}, ana)).status).toBe(403);
    const backup = (await desk.api('exportWorkspace', {}, bo)).json as { ok: true; value: { content: string } };
    expect(backup).toMatchObject({ ok: true });
    const restore = { content: backup.value.content, mode: 'merge' };
    expect((await desk.api('restoreWorkspace', restore, ana)).json).toMatchObject({ ok: false, error: { message: expect.stringMatching(/Only an admin can restore/) } });
    expect((await desk.api('restoreWorkspace', restore, bo)).json).toMatchObject({ ok: true });
  });
});

/** A self-signed certificate for 127.0.0.1 made with openssl, or null when there is no openssl. */
async function selfSigned(): Promise<{ cert: string; key: string } | null> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'factcheck-tls-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  const [cert, key] = [path.join(dir, 'cert.pem'), path.join(dir, 'key.pem')];
  try {
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'ignore' });
  } catch {
    return null;
  }
  return { cert: await readFile(cert, 'utf8'), key: await readFile(key, 'utf8') };
}

describe('team server: TLS and proxies', () => {
  it('refuses to serve off the loopback without TLS or --behind-proxy, and needs --public-origin on every address', async () => {
    expect(listenProblem({ host: '192.0.2.7' })).toMatch(/without TLS.*--tls-cert FILE --tls-key FILE.*--behind-proxy/);
    expect(listenProblem({ host: '127.0.0.1' })).toBeNull();
    expect(listenProblem({ host: '0.0.0.0', behindProxy: true })).toMatch(/--public-origin/);
    expect(listenProblem({ host: '0.0.0.0', behindProxy: true, publicOrigin: 'https://desk.example.org' })).toBeNull();
    expect(listenProblem({ publicOrigin: 'https://desk.example.org/path' })).toMatch(/must be an origin/);
    await expect(startDesk({ host: '192.0.2.7' })).rejects.toThrow(/without TLS/);
  });

  it('serves HTTPS with a Secure __Host- cookie and HSTS', async (context) => {
    const tls = await selfSigned();
    if (!tls) return context.skip('openssl is not installed: no certificate to test TLS with');
    const desk = await startDesk({ tls }, true);
    const reply = await desk.login('Ana');
    expect(reply.status).toBe(200);
    expect(reply.headers['set-cookie']![0]).toMatch(/^__Host-factcheck_team=[A-Za-z0-9_-]{43}; HttpOnly; SameSite=Strict; Path=\/; Max-Age=604800; Secure$/);
    expect(reply.headers['strict-transport-security']).toBe('max-age=31536000');
    const call = await request(desk.port, { path: '/auth/me', tls: true, headers: { cookie: cookieOf(reply), origin: `https://127.0.0.1:${desk.port}` } });
    expect(call.json).toEqual({ ok: true, value: { name: 'Ana', role: 'editor' } });
  });

  it('behind a proxy: Secure cookie, the public origin allowed, the forwarded address rate-limited', async () => {
    const desk = await startDesk({ behindProxy: true, publicOrigin: 'https://desk.example.org', loginLimits: { perAddress: 3 } });
    const reply = await desk.login('Ana', PASSWORD, { host: 'desk.example.org', origin: 'https://desk.example.org' });
    expect(reply.status).toBe(200);
    expect(reply.headers['set-cookie']![0]).toMatch(/; Secure$/);
    expect((await desk.login('Ana', PASSWORD, { origin: 'https://other.example.org' })).status).toBe(403);
    for (let i = 0; i < 3; i++) await desk.login(`guess${i}`, 'wrong password', { 'x-forwarded-for': '198.51.100.1' });
    expect((await desk.login('Bo', PASSWORD, { 'x-forwarded-for': '198.51.100.1' })).status).toBe(429);
    expect((await desk.login('Bo', PASSWORD, { 'x-forwarded-for': '198.51.100.2' })).status).toBe(200);
  });
});

describe('team server: for apps that keep a copy', () => {
  it('gives a logged-in person a personal access token (not from a token, not without a label), which then works as their login', async () => {
    const desk = await startDesk();
    const cookie = cookieOf(await desk.login('Ana'));
    const tokens = (body: unknown, headers: Record<string, string>) =>
      request(desk.port, { path: '/auth/tokens', method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
    expect((await tokens({ label: 'laptop' }, {})).status).toBe(401);
    expect((await tokens({}, { cookie })).json).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const issued = await tokens({ label: 'Fact-check Desk on laptop' }, { cookie });
    const token = (issued.json as { ok: true; value: { token: string } }).value.token;
    expect(issued.status).toBe(200);
    expect((await tokens({ label: 'another' }, { authorization: `Bearer ${token}` })).json).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect((await desk.api('getWorkspace', {}, { authorization: `Bearer ${token}` })).status).toBe(200);
    expect(desk.ranAs.at(-1)?.name).toBe('Ana');
    expect((await desk.db.people.list()).find((p) => p.name === 'Ana')?.tokens).toBe(1);
  });

  it('says with every API answer the number of the last change applied', async () => {
    let seq = 41;
    const desk = await startDesk({ latestSeq: () => ++seq });
    const cookie = cookieOf(await desk.login('Ana'));
    expect((await desk.api('getHistory', {}, { cookie })).headers['x-team-seq']).toBe('42');
    expect((await desk.api('getHistory', {}, { cookie })).headers['x-team-seq']).toBe('43');
  });
});
