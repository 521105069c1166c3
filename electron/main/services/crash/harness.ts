/**
 * The crash test: a child process (child.ts) applies numbered edits to a workspace and
 * reports each acknowledged one; this parent kills it with SIGKILL at a random moment
 * (during start-up too), then checks the data folder as the next start would find it:
 * the snapshot and journal load and pass the schema, hold every acknowledged edit, and no
 * recovery was needed (no damaged data file set aside); every backup reads too. A torn
 * journal tail is allowed (it only ever holds an unacknowledged write) and counted. Repeated
 * `kills` times on the same folder, so the file grows as it goes.
 *
 * The child is bundled once with esbuild, so each start costs ~0.1 s instead of a TypeScript
 * loader's ~0.8 s: that is what makes hundreds of kills affordable.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { workspaceFile } from '../snapshot-file';
import { DATA_FILE_NAME } from '../paths';
import { JOURNAL_FILE_NAME, loadWorkspace } from '../workspace-loader';
import { BACKUP_DIR_NAME } from '../backups';
import { seededRandom } from '../../../../shared/random';

export interface CrashTestOptions {
  kills: number;
  /** For the random kill moments (printed, so a failure can be replayed). */
  seed: number;
  /** Longest time a child runs after opening the store before it is killed (ms); each moment is uniform in [0, this]. */
  maxLifetimeMs?: number;
  /** The share of kills aimed at start-up instead (uniform in the first `maxLifetimeMs` after the spawn). Default 0.15. */
  startupShare?: number;
  onKill?: (progress: KillReport) => void;
  /** Makes the data folder's first workspace (e.g. a large generated one) before the first start. */
  prepare?: (dataDir: string) => Promise<void>;
  /** 'lying': the child acknowledges writes before making them (to show the checks catch it). */
  mode?: 'durable' | 'lying';
}

export interface KillReport {
  kill: number;
  /** When the child was killed, in ms after it was started (`fromSpawn`) or after it had opened the store. */
  afterMs: number;
  fromSpawn: boolean;
  /** Whether it had opened the store (else it died starting up). */
  wasReady: boolean;
  /** Edits it acknowledged in this run. */
  acknowledged: number;
  /** Edits the file holds in all. */
  onDisk: number;
}

export interface CrashTestSummary {
  kills: number;
  acknowledged: number;
  onDisk: number;
  /** Kills that came before the child had opened the store. */
  duringStartup: number;
  /** The snapshot's and the journal's bytes at the end. */
  dataFileBytes: number;
  backups: number;
  /** Starts that found a torn journal or audit tail and cut it off (allowed: see the module comment). */
  tornTails: number;
  /** Every way the file failed a check (empty when it passed every time). */
  failures: string[];
}

async function bundleChild(outDir: string): Promise<string> {
  const outfile = path.join(outDir, 'crash-child.mjs');
  await build({
    entryPoints: [fileURLToPath(new URL('./child.ts', import.meta.url))],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'error',
    // Bundled CommonJS dependencies call require(): give the ES module one.
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  });
  return outfile;
}

/** Starts the child, kills it `afterMs` after the spawn or after `ready`, and collects what it acknowledged before. */
function runChild(script: string, dataDir: string, first: number, afterMs: number, fromSpawn: boolean, mode: string): Promise<{ acks: number[]; wasReady: boolean; stderr: string; exitedEarly: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, dataDir, String(first), mode], { stdio: ['ignore', 'pipe', 'pipe'] });
    const acks: number[] = [];
    let wasReady = false;
    let buffered = '';
    let stderr = '';
    let killed = false;
    let timer: NodeJS.Timeout | undefined;
    const killLater = () => {
      timer = setTimeout(() => {
        killed = true;
        child.kill('SIGKILL');
      }, afterMs);
    };
    if (fromSpawn) killLater();
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      buffered += chunk;
      const lines = buffered.split('\n');
      buffered = lines.pop()!;
      for (const line of lines) {
        if (line === 'ready') {
          wasReady = true;
          if (!fromSpawn) killLater();
        }
        else if (line.startsWith('ack ')) acks.push(Number(line.slice(4)));
      }
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    // 'close': both pipes are drained, so every line the child wrote has been read.
    child.on('close', () => {
      clearTimeout(timer);
      resolve({ acks, wasReady, stderr, exitedEarly: !killed });
    });
  });
}

const EDIT_TITLE = /^Edit (\d+)$/;

export async function runCrashTest(options: CrashTestOptions): Promise<CrashTestSummary> {
  const { kills, seed, maxLifetimeMs = 400, startupShare = 0.15, onKill, mode = 'durable', prepare } = options;
  const next = seededRandom(seed);
  const work = await mkdtemp(path.join(os.tmpdir(), 'factcheck-crash-'));
  const dataDir = path.join(work, 'data');
  const file = path.join(dataDir, DATA_FILE_NAME);
  const failures: string[] = [];
  const acknowledged = new Set<number>();
  let highestOrgEdit = -1;
  let duringStartup = 0;
  let summary: Omit<CrashTestSummary, 'kills' | 'acknowledged' | 'duringStartup' | 'failures'> = { onDisk: 0, dataFileBytes: 0, backups: 0, tornTails: 0 };
  try {
    const script = await bundleChild(work);
    await prepare?.(dataDir);
    let first = 1;
    for (let kill = 1; kill <= kills && failures.length === 0; kill++) {
      // Stops at the first kill that fails a check: the folder is no longer a fair start for the next.
      const fromSpawn = next() < startupShare;
      const afterMs = Math.round(next() * maxLifetimeMs);
      const run = await runChild(script, dataDir, first, afterMs, fromSpawn, mode);
      if (run.exitedEarly) failures.push(`kill ${kill}: the child exited by itself before it was killed: ${run.stderr.trim() || '(no message)'}`);
      if (!run.wasReady) duringStartup++;
      for (const n of run.acks) {
        acknowledged.add(n);
        if (n % 5 === 0) highestOrgEdit = Math.max(highestOrgEdit, n);
      }
      const check = await checkFolder(dataDir, file, acknowledged, highestOrgEdit);
      const when = `${afterMs} ms after ${fromSpawn ? 'the start' : 'opening the store'}`;
      for (const failure of check.failures) failures.push(`kill ${kill} (${when}, seed ${seed}): ${failure}`);
      summary = { onDisk: check.edits.size, dataFileBytes: check.bytes, backups: check.backups, tornTails: check.tornTails };
      // Edits written but killed before their ack are on disk: numbering goes on after them.
      first = Math.max(first, ...run.acks.map((n) => n + 1), ...[...check.edits].map((n) => n + 1));
      onKill?.({ kill, afterMs, fromSpawn, wasReady: run.wasReady, acknowledged: run.acks.length, onDisk: check.edits.size });
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  return { kills, acknowledged: acknowledged.size, duringStartup, failures, ...summary };
}

/** What the next start would find: every check that fails, the edits the folder holds, its size, the backups. */
async function checkFolder(dataDir: string, file: string, acknowledged: ReadonlySet<number>, highestOrgEdit: number) {
  const failures: string[] = [];
  const edits = new Set<number>();
  let bytes = 0;
  // A kill early in the very first start can come before the folder is made.
  const names = await readdir(dataDir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [] as string[];
    throw error;
  });
  const tornTails = names.filter((name) => name.startsWith(`${JOURNAL_FILE_NAME}.damaged-`)).length;
  if (!existsSync(file)) {
    // Only before the very first save can there be no file; then nothing was acknowledged.
    if (acknowledged.size > 0) failures.push('the data file is missing');
    return { failures, edits, bytes, backups: 0, tornTails };
  }
  try {
    // As the next start reads it, without repairing anything (that start will).
    const loaded = (await loadWorkspace(dataDir, file, { repair: false, now: () => new Date(), newId: () => 'unused', backups: null }))!;
    if (loaded.notice) failures.push(`the next start would have to recover: ${loaded.notice.message}`);
    bytes = (await stat(file)).size + (await stat(path.join(dataDir, JOURNAL_FILE_NAME)).then((s) => s.size, () => 0));
    for (const article of loaded.data.articles) {
      const match = EDIT_TITLE.exec(article.title);
      if (match) edits.add(Number(match[1]));
    }
    const missing = [...acknowledged].filter((n) => !edits.has(n));
    if (missing.length > 0) failures.push(`${missing.length} acknowledged edits are not in the file (first: ${missing.slice(0, 5).join(', ')})`);
    const org = EDIT_TITLE.exec(loaded.data.settings.organizationName);
    if (highestOrgEdit >= 0 && (!org || Number(org[1]) < highestOrgEdit)) {
      failures.push(`the organization is "${loaded.data.settings.organizationName}", older than the acknowledged rename to "Edit ${highestOrgEdit}"`);
    }
  } catch (error) {
    failures.push(`the data file cannot be loaded: ${(error as Error).message}`);
  }
  const damaged = names.filter((name) => name.startsWith('workspace.damaged-'));
  if (damaged.length > 0) failures.push(`a start had to recover from a damaged file: ${damaged.join(', ')}`);
  const backupDir = path.join(dataDir, BACKUP_DIR_NAME);
  const backupNames = existsSync(backupDir) ? (await readdir(backupDir)).filter((name) => name.endsWith('.json')) : [];
  for (const name of backupNames) {
    try {
      await workspaceFile(path.join(backupDir, name)).load();
    } catch (error) {
      failures.push(`the backup ${name} cannot be loaded: ${(error as Error).message}`);
    }
  }
  return { failures, edits, bytes, backups: backupNames.length, tornTails };
}
