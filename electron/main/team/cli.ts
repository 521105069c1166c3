/**
 * The team server's command line (`npm run -s team-server -- …`):
 *   team-server [serve] --database URL --port N [--host H] [--tls-cert F --tls-key F] [--behind-proxy] [--public-origin URL]
 *   team-server user add NAME --role editor|admin --database URL   (password on stdin)
 *   team-server user list|disable NAME|enable NAME|reset-password NAME|token NAME --label L|revoke-tokens NAME --database URL
 * Exit codes: 0 done, 1 failed (the message says what to do), 2 bad usage.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import type { Handlers, ServiceMethod } from '../../../shared/api/contract';
import { migrate } from './db/migrate';
import { People, PeopleError, ROLES, type Role } from './server/people';
import { PasswordInputError, readPassword, type PasswordIo } from './server/read-password';
import { listenProblem, startTeamServer, type RunAs, type TeamRoute } from './server/server';
import { builtWebApp, openTeamWorkspace } from './team-workspace';
import type { WebApp } from '../services/web-app';
import { APP_NAME } from '../services/paths';
import { version } from '../../../package.json';

export const TEAM_USAGE = `Usage:
  team-server [serve] --database postgres://USER@HOST/DB --port N [--host 127.0.0.1]
              [--tls-cert cert.pem --tls-key key.pem] [--behind-proxy] [--public-origin https://NAME]
  team-server user add NAME --role editor|admin --database URL    (reads the password on stdin)
  team-server user list --database URL
  team-server user disable|enable|reset-password|revoke-tokens NAME --database URL
  team-server user token NAME --label LABEL --database URL        (prints a personal access token once)`;

export interface TeamCliIo extends PasswordIo {
  stdout(text: string): void;
}

/** What `serve` needs from the workspace store over the team database. */
export interface TeamWorkspace {
  handlers: Partial<Handlers<ServiceMethod>>;
  runAs: RunAs;
  /** More routes for logged-in callers (the live change stream). */
  routes?: Record<string, TeamRoute>;
  /** The app's pages for people in a browser; null when the app is not built. */
  web?: WebApp | null;
  /** The number of the last change applied (sent with API answers). */
  latestSeq?: () => number;
  close(): Promise<void>;
}

export interface TeamCliDeps {
  /** Opens the team workspace (the PostgreSQL store) at a database address. */
  openWorkspace?: (databaseUrl: string) => Promise<TeamWorkspace>;
  /** `serve` stops when this settles (default: SIGINT or SIGTERM). */
  stop?: Promise<unknown>;
  /** Told the address once the server listens. */
  listening?: (url: string) => void;
}

class CliError extends Error {}
class UsageError extends Error {}

const OPTIONS = {
  database: { type: 'string' },
  port: { type: 'string' },
  host: { type: 'string' },
  'tls-cert': { type: 'string' },
  'tls-key': { type: 'string' },
  'behind-proxy': { type: 'boolean' },
  'public-origin': { type: 'string' },
  role: { type: 'string' },
  label: { type: 'string' },
  help: { type: 'boolean' },
} as const;

export async function runTeamCli(argv: string[], io: TeamCliIo, deps: TeamCliDeps = {}): Promise<number> {
  try {
    const { values, positionals } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
    if (values.help || positionals[0] === 'help') {
      io.stdout(`${TEAM_USAGE}\n`);
      return 0;
    }
    const [command = 'serve', ...rest] = positionals;
    if (command === 'serve') {
      if (rest.length > 0) throw new UsageError(`serve takes no names: ${rest.join(' ')}`);
      await serve(values, io, deps);
    } else if (command === 'user') {
      await user(rest, values, io);
    } else {
      throw new UsageError(`unknown command "${command}"`);
    }
    return 0;
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.stderr(`team-server: ${(error as Error).message}\n${TEAM_USAGE}\n`);
      return 2;
    }
    if (error instanceof CliError || error instanceof PeopleError || error instanceof PasswordInputError) {
      io.stderr(`team-server: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

type Values = { [K in keyof typeof OPTIONS]?: (typeof OPTIONS)[K]['type'] extends 'boolean' ? boolean : string };

async function serve(values: Values, io: TeamCliIo, deps: TeamCliDeps): Promise<void> {
  const port = Number(values.port);
  if (values.port === undefined || !/^\d+$/.test(values.port) || port > 65535) throw new UsageError('give the port to listen on: --port N (0–65535)');
  if (Boolean(values['tls-cert']) !== Boolean(values['tls-key'])) throw new UsageError('TLS needs both --tls-cert FILE and --tls-key FILE');
  const settings = { host: values.host ?? '127.0.0.1', behindProxy: values['behind-proxy'] ?? false, publicOrigin: values['public-origin'] };
  const tls = values['tls-cert'] ? { cert: await readTlsFile('--tls-cert', values['tls-cert']), key: await readTlsFile('--tls-key', values['tls-key']!) } : undefined;
  const problem = listenProblem({ ...settings, tls });
  if (problem) throw new CliError(problem);
  const databaseUrl = database(values);
  if (!deps.openWorkspace) throw new CliError('serve needs the PostgreSQL workspace store, which this build does not wire in yet.');
  const pool = await connect(databaseUrl, io);
  let workspace: TeamWorkspace | undefined;
  try {
    workspace = await deps.openWorkspace(databaseUrl);
    const server = await startTeamServer({
      ...settings,
      port,
      tls,
      handlers: workspace.handlers,
      runAs: workspace.runAs,
      routes: workspace.routes,
      latestSeq: workspace.latestSeq,
      web: workspace.web ?? undefined,
      people: new People(pool),
      onInternalError: (method, error) => io.stderr(`team-server: ${method} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`),
    }).catch((error: unknown) => {
      throw new CliError(`could not listen on ${settings.host}:${port}: ${(error as Error).message}`);
    });
    io.stdout(`Team server listening on ${server.url}\n`);
    if (workspace.web === null) io.stderr('team-server: the app is not built, so only the API is served: run `npm run build` to let people use the team in a browser.\n');
    deps.listening?.(server.url);
    await (deps.stop ?? stopSignal());
    await server.close();
  } finally {
    await workspace?.close();
    await pool.end();
  }
}

async function user(args: string[], values: Values, io: TeamCliIo): Promise<void> {
  const [action, name, ...extra] = args;
  if (!action) throw new UsageError('which user command? add, list, disable, enable, reset-password, token or revoke-tokens');
  if (extra.length > 0) throw new UsageError(`one name at a time (put a name with spaces in quotes): ${extra.join(' ')}`);
  const needsName = action !== 'list';
  if (needsName && !name) throw new UsageError(`user ${action} needs a NAME`);
  const role = values.role;
  if (action === 'add' && !ROLES.includes(role as Role)) throw new UsageError(`user add needs --role ${ROLES.join('|')}`);
  if (action === 'token' && !values.label) throw new UsageError('user token needs --label LABEL (which computer or program it is for)');
  const known = ['add', 'list', 'disable', 'enable', 'reset-password', 'token', 'revoke-tokens'];
  if (!known.includes(action)) throw new UsageError(`unknown user command "${action}"`);
  const databaseUrl = database(values);
  // Read the password before connecting, so a prompt is not interleaved with connection errors.
  const password = action === 'add' || action === 'reset-password' ? await readPassword(io) : '';
  const pool = await connect(databaseUrl, io);
  try {
    const people = new People(pool);
    if (action === 'add') {
      const added = await people.add(name!, role as Role, password);
      io.stdout(`Added ${added.name} (${added.role}).\n`);
    } else if (action === 'list') {
      io.stdout(formatList(await people.list()));
    } else if (action === 'disable' || action === 'enable') {
      await people.setDisabled(name!, action === 'disable');
      io.stdout(action === 'disable' ? `Disabled ${name}: their sessions and tokens have ended.\n` : `Enabled ${name}.\n`);
    } else if (action === 'reset-password') {
      await people.resetPassword(name!, password);
      io.stdout(`New password set for ${name}; their sessions and tokens have ended.\n`);
    } else if (action === 'token') {
      const token = await people.createToken(name!, values.label!);
      io.stderr(`A personal access token for ${name} (${values.label}). It is shown only this once: send it as "Authorization: Bearer TOKEN".\n`);
      io.stdout(`${token}\n`);
    } else {
      io.stdout(`Revoked ${await people.revokeTokens(name!)} token(s) of ${name}.\n`);
    }
  } finally {
    await pool.end();
  }
}

function database(values: Values): string {
  const url = values.database;
  if (!url) throw new UsageError('give the team database: --database postgres://USER@HOST/DB');
  let parsed: URL | undefined;
  try {
    parsed = new URL(url);
  } catch {
    parsed = undefined;
  }
  if (!parsed || !/^postgres(ql)?:$/.test(parsed.protocol) || parsed.pathname.length < 2) {
    throw new CliError(`--database must be a PostgreSQL address such as postgres://USER@HOST/DB, not "${redact(url)}".`);
  }
  return url;
}

/** The address with any password hidden, for messages. */
export function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return url.replace(/:[^:@/]*@/, ':***@');
  }
}

/** A pool on the team database, brought to the newest schema; errors say what to do. */
async function connect(url: string, io: TeamCliIo): Promise<pg.Pool> {
  const pool = new pg.Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 10_000 });
  // An idle connection that drops must not crash the server: the next query reconnects.
  pool.on('error', (error) => io.stderr(`team-server: database connection lost: ${error.message}\n`));
  try {
    const client = await pool.connect();
    try {
      await migrate(client);
    } finally {
      client.release();
    }
    return pool;
  } catch (error) {
    await pool.end().catch(() => {});
    throw new CliError(connectionMessage(url, error));
  }
}

function connectionMessage(url: string, error: unknown): string {
  const { code, message } = error as { code?: string; message?: string };
  const where = `could not connect to ${redact(url)} :`;
  const db = decodeURIComponent(new URL(url).pathname.slice(1));
  if (code === 'ECONNREFUSED') return `${where} ECONNREFUSED — is PostgreSQL running, and on that host and port?`;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return `${where} ${code} — no such host name.`;
  if (code === '3D000') return `${where} the database "${db}" does not exist — create it (createdb -O USER ${db}).`;
  if (code === '28P01' || code === '28000') return `${where} ${message} — check the user and its password (PGPASSWORD or ~/.pgpass) or pg_hba.conf.`;
  if (code === '42501') return `${where} ${message} — the user needs to own the database (createdb -O USER ${db}).`;
  return `${where} ${message ?? String(error)}`;
}

async function readTlsFile(option: string, file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    throw new CliError(`could not read ${option} ${file}: ${(error as { code?: string }).code ?? (error as Error).message}`);
  }
}

function formatList(people: Awaited<ReturnType<People['list']>>): string {
  if (people.length === 0) return 'No people yet: add one with `user add NAME --role admin`.\n';
  const rows = [['NAME', 'ROLE', 'STATUS', 'TOKENS'], ...people.map((p) => [p.name, p.role, p.disabled ? 'disabled' : 'active', String(p.tokens)])];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => r.map((cell, i) => (i < r.length - 1 ? cell.padEnd(widths[i]!) : cell)).join('  ')).join('\n') + '\n';
}

function stopSignal(): Promise<void> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}

// Run as a program (tsx electron/main/team/cli.ts …), not when imported by tests.
if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const info = { name: APP_NAME, version };
  runTeamCli(
    process.argv.slice(2),
    { stdin: process.stdin, stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t) },
    { openWorkspace: (url) => openTeamWorkspace(url, info, { web: builtWebApp(fileURLToPath(new URL('../../../', import.meta.url))) }) },
  ).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error('team-server: unexpected error:', error);
      process.exitCode = 1;
    },
  );
}
