import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { afterEach, describe, expect, inject, it } from 'vitest';
import pg from 'pg';
import { createTestDatabase } from '../../../scripts/postgres/throwaway-cluster';
import { createServiceHandlers } from '../services/handlers/index';
import { LowdbWorkspaceStore } from '../services/store';
import { runTeamCli, type TeamCliDeps } from './cli';
import { cookieOf, request } from './server/http-test-client';
import { People } from './server/people';
import type { TeamPerson } from './server/people';

const PASSWORD = 'a long pass phrase';

async function cli(argv: string[], stdin = '', deps: TeamCliDeps = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runTeamCli(argv, { stdin: Readable.from(stdin ? [Buffer.from(stdin)] : []), stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) }, deps);
  return { code, stdout, stderr };
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function database(): Promise<string> {
  return createTestDatabase(inject('postgresUrl'), 'cli');
}

async function verify(url: string, name: string, password: string): Promise<TeamPerson | null> {
  const pool = new pg.Pool({ connectionString: url });
  try {
    return await new People(pool).verifyLogin(name, password);
  } finally {
    await pool.end();
  }
}

describe('team-server user …', () => {
  it('adds a person with the password from piped stdin (one line); their login works; list shows no hashes', async () => {
    const url = await database();
    expect(await cli(['user', 'add', 'Ana Reyes', '--role', 'admin', '--database', url], `${PASSWORD}\nignored second line\n`)).toEqual({
      code: 0,
      stdout: 'Added Ana Reyes (admin).\n',
      stderr: '',
    });
    expect(await cli(['user', 'add', 'Bo', '--role', 'editor', '--database', url], `${PASSWORD}\r\n`)).toMatchObject({ code: 0 });
    expect(await verify(url, 'ana reyes', PASSWORD)).toMatchObject({ name: 'Ana Reyes', role: 'admin' });
    expect(await verify(url, 'Bo', PASSWORD)).toMatchObject({ name: 'Bo' });

    expect((await cli(['user', 'disable', 'bo', '--database', url])).stdout).toMatch(/Disabled bo/);
    const list = await cli(['user', 'list', '--database', url]);
    expect(list.code).toBe(0);
    expect(list.stdout).toBe(['NAME       ROLE    STATUS    TOKENS', 'Ana Reyes  admin   active    0', 'Bo         editor  disabled  0', ''].join('\n'));
    expect(list.stdout).not.toMatch(/scrypt|\$/);
    expect(await verify(url, 'Bo', PASSWORD)).toBeNull();
    expect((await cli(['user', 'enable', 'Bo', '--database', url])).code).toBe(0);
    expect(await verify(url, 'Bo', PASSWORD)).not.toBeNull();
  });

  it('resets a password, prints a token once, and refuses what it cannot do with a reason', async () => {
    const url = await database();
    await cli(['user', 'add', 'Ana', '--role', 'editor', '--database', url], PASSWORD);
    expect((await cli(['user', 'reset-password', 'Ana', '--database', url], 'another long one\n')).code).toBe(0);
    expect(await verify(url, 'Ana', 'another long one')).not.toBeNull();
    const token = await cli(['user', 'token', 'Ana', '--label', 'laptop', '--database', url]);
    expect(token.stdout).toMatch(/^fcdt_[A-Za-z0-9_-]{43}\n$/);
    expect(token.stderr).toMatch(/shown only this once/);
    expect((await cli(['user', 'list', '--database', url])).stdout).toMatch(/Ana\s+editor\s+active\s+1/);
    expect((await cli(['user', 'revoke-tokens', 'Ana', '--database', url])).stdout).toBe('Revoked 1 token(s) of Ana.\n');

    expect(await cli(['user', 'add', 'ANA', '--role', 'admin', '--database', url], PASSWORD)).toMatchObject({ code: 1, stderr: expect.stringMatching(/already a person called "ANA"/) });
    expect(await cli(['user', 'add', 'Cy', '--role', 'admin', '--database', url], 'short\n')).toMatchObject({ code: 1, stderr: expect.stringMatching(/at least 12 characters/) });
    expect(await cli(['user', 'add', 'Cy', '--role', 'admin', '--database', url], '')).toMatchObject({ code: 1, stderr: expect.stringMatching(/no password on stdin/) });
    expect(await cli(['user', 'add', 'Cy', '--role', 'boss', '--database', url], PASSWORD)).toMatchObject({ code: 2, stderr: expect.stringMatching(/--role editor\|admin/) });
    expect(await cli(['user', 'disable', 'Nobody', '--database', url])).toMatchObject({ code: 1, stderr: expect.stringMatching(/no person called "Nobody"/) });
    expect(await cli(['user', 'token', 'Ana', '--database', url])).toMatchObject({ code: 2, stderr: expect.stringMatching(/--label/) });
  });

  it('at a terminal, reads the password twice without echo (raw mode, backspace works) and refuses two that differ', async () => {
    const url = await database();
    const typeAt = async (answers: string[]) => {
      const stdin = Object.assign(new PassThrough(), { isTTY: true, modes: [] as boolean[] });
      const tty = Object.assign(stdin, { setRawMode: (raw: boolean) => stdin.modes.push(raw) });
      let stdout = '';
      let stderr = '';
      const code = await runTeamCli(['user', 'add', 'Ana', '--role', 'editor', '--database', url], {
        stdin: tty,
        stdout: (t) => (stdout += t),
        // Each prompt is answered as a person types: after it is shown.
        stderr: (t) => {
          stderr += t;
          if (t.startsWith('Password')) setImmediate(() => stdin.write(answers.shift()!));
        },
      });
      return { code, stdout, stderr, modes: stdin.modes };
    };
    const differ = await typeAt(['long password 1\r', 'long password 2\r']);
    expect(differ).toMatchObject({ code: 1, stderr: expect.stringMatching(/the two passwords differ; nothing was changed/) });
    const typed = await typeAt(['long password 1x\u007f\r', 'long password 1\n']);
    expect(typed).toEqual({ code: 0, stdout: 'Added Ana (editor).\n', stderr: 'Password: \nPassword again: \n', modes: [true, false, true, false] });
    expect(await verify(url, 'Ana', 'long password 1')).not.toBeNull();
    // Both answers pasted at once, before the second prompt.
    expect((await typeAt(['long password 2\r\nlong password 2\r', ''])).stderr).toMatch(/already a person called "Ana"/);
  });

  it('says what is wrong with the database address, or with reaching it', async () => {
    expect(await cli(['user', 'list', '--database', 'mysql://x@y/z'])).toMatchObject({ code: 1, stderr: expect.stringMatching(/must be a PostgreSQL address such as postgres:\/\/USER@HOST\/DB/) });
    expect(await cli(['user', 'list'])).toMatchObject({ code: 2, stderr: expect.stringMatching(/--database postgres:/) });
    const port = await freePort();
    const refused = await cli(['user', 'list', '--database', `postgres://desk:secret@127.0.0.1:${port}/desk`]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe(`team-server: could not connect to postgres://desk:***@127.0.0.1:${port}/desk : ECONNREFUSED — is PostgreSQL running, and on that host and port?\n`);
    const missing = new URL(inject('postgresUrl'));
    missing.pathname = '/no_such_db';
    expect(await cli(['user', 'list', '--database', missing.toString()])).toMatchObject({ code: 1, stderr: expect.stringMatching(/"no_such_db" does not exist — create it/) });
  });
});

describe('team-server serve', () => {
  it('refuses a non-loopback host without TLS or --behind-proxy, before touching the database', async () => {
    const result = await cli(['serve', '--host', '192.0.2.7', '--port', '8080', '--database', 'postgres://desk@127.0.0.1:1/desk']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/Refusing to serve on 192\.0\.2\.7 without TLS.*--tls-cert FILE --tls-key FILE.*--behind-proxy/);
    expect(await cli(['--port', 'x', '--database', 'postgres://d@h/d'])).toMatchObject({ code: 2, stderr: expect.stringMatching(/--port N/) });
    expect(await cli(['--port', '1', '--tls-cert', 'c.pem', '--database', 'postgres://d@h/d'])).toMatchObject({ code: 2, stderr: expect.stringMatching(/both --tls-cert/) });
    expect(await cli(['--bogus'])).toMatchObject({ code: 2, stderr: expect.stringMatching(/Unknown option '--bogus'/) });
  });

  it('prints where it listens and serves people added with `user add` until stopped', async () => {
    const url = await database();
    await cli(['user', 'add', 'Ana', '--role', 'editor', '--database', url], PASSWORD);
    const dir = await mkdtemp(path.join(os.tmpdir(), 'factcheck-team-cli-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    const store = await LowdbWorkspaceStore.open(dir);
    const ranAs: TeamPerson[] = [];
    let stop!: () => void;
    let listening!: (url: string) => void;
    const address = new Promise<string>((resolve) => (listening = resolve));
    const running = cli(['--database', url, '--port', '0'], '', {
      // A stand-in for the PostgreSQL store: the same handlers over a local workspace.
      openWorkspace: async () => ({
        handlers: createServiceHandlers(store, { name: 'Fact-check Desk', version: 't', mode: 'browser' }),
        runAs: (person, call) => (ranAs.push(person), call()),
        close: () => store.close(),
      }),
      stop: new Promise<void>((resolve) => (stop = resolve)),
      listening,
    });
    const port = Number(new URL(await address).port);
    const login = await request(port, { path: '/auth/login', method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'Ana', password: PASSWORD }) });
    expect(login.status).toBe(200);
    const call = await request(port, { path: '/api/getHistory', method: 'POST', headers: { 'content-type': 'application/json', cookie: cookieOf(login) }, body: '{}' });
    expect(call.json).toMatchObject({ ok: true });
    expect(ranAs).toEqual([{ name: 'Ana', role: 'editor' }]);
    stop();
    expect(await running).toEqual({ code: 0, stdout: `Team server listening on http://127.0.0.1:${port}\n`, stderr: '' });
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}
