/**
 * A throwaway PostgreSQL cluster for tests and benchmarks: initdb into a temp folder, start
 * it on 127.0.0.1 at a free port with its socket in that folder, stop and delete it after.
 * Uses Debian's PostgreSQL (apt-get install -y postgresql). PostgreSQL refuses to run as
 * root, and CI runs as root: then initdb and pg_ctl run as the `postgres` user (runuser).
 * fsync is off: a test cluster holds nothing worth a crash; the store's own durability is
 * PostgreSQL's to keep in production.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export interface ThrowawayCluster {
  /** postgres://postgres@127.0.0.1:PORT/postgres (trust authentication, loopback only). */
  readonly url: string;
  readonly port: number;
  stop(): Promise<void>;
}

const INSTALL_HINT = 'PostgreSQL was not found. Install it with `apt-get install -y postgresql` (Debian), or set POSTGRES_BIN to the folder holding initdb and pg_ctl.';

/** The folder holding initdb and pg_ctl: POSTGRES_BIN, else the newest /usr/lib/postgresql/N/bin. */
export function postgresBin(): string {
  const fromEnv = process.env.POSTGRES_BIN;
  if (fromEnv) {
    if (!existsSync(path.join(fromEnv, 'initdb'))) throw new Error(`POSTGRES_BIN=${fromEnv} has no initdb. ${INSTALL_HINT}`);
    return fromEnv;
  }
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((v) => existsSync(path.join(root, v, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (versions.length === 0) throw new Error(INSTALL_HINT);
  return path.join(root, versions[0]!, 'bin');
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** Runs a PostgreSQL tool, as the postgres user when we are root. */
function runTool(bin: string, tool: string, args: string[]): void {
  const asRoot = process.getuid?.() === 0;
  const command = asRoot ? 'runuser' : path.join(bin, tool);
  const fullArgs = asRoot ? ['-u', 'postgres', '--', path.join(bin, tool), ...args] : args;
  const result = spawnSync(command, fullArgs, { encoding: 'utf8', cwd: os.tmpdir() });
  if (result.status !== 0) {
    throw new Error(`${tool} failed (exit ${result.status}): ${(result.stderr || result.stdout || String(result.error ?? '')).trim()}`);
  }
}

export async function startThrowawayCluster(): Promise<ThrowawayCluster> {
  const bin = postgresBin();
  const folder = mkdtempSync(path.join(os.tmpdir(), 'factcheck-pg-'));
  const dataDir = path.join(folder, 'data');
  if (process.getuid?.() === 0) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(folder, uid, gid);
  }
  chmodSync(folder, 0o700);
  runTool(bin, 'initdb', ['-D', dataDir, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
  const port = await freePort();
  const options = [`-p ${port}`, `-k ${folder}`, "-c listen_addresses='127.0.0.1'", '-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off', '-c max_connections=200'].join(' ');
  runTool(bin, 'pg_ctl', ['-D', dataDir, '-o', options, '-l', path.join(folder, 'server.log'), '-w', '-t', '60', 'start']);
  let stopped = false;
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    async stop() {
      if (stopped) return;
      stopped = true;
      try {
        runTool(bin, 'pg_ctl', ['-D', dataDir, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(folder, { recursive: true, force: true });
      }
    },
  };
}

/** A new empty database on the cluster at `clusterUrl`; its URL. Each test gets its own. */
export async function createTestDatabase(clusterUrl: string, prefix = 'test'): Promise<string> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: clusterUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(clusterUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
