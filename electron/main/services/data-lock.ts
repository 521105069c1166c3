import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * One writer per data folder: the process that writes a folder's workspace holds
 * `<dataDir>/workspace.lock`, created exclusively, holding who holds it. Another process
 * (the desktop app, browser mode, the CLI) that finds it held by a live process refuses to
 * open the folder; a lock left by a process that died (a crash, a kill) is taken over.
 */
export const LOCK_FILE_NAME = 'workspace.lock';

/** Who holds the lock, in words: the desktop app, browser mode or the command line. */
export const LOCK_KINDS = ['desktop', 'browser', 'cli'] as const;
export type LockKind = (typeof LOCK_KINDS)[number];

const KIND_LABELS: Record<string, string> = { desktop: 'the desktop app', browser: 'browser mode', cli: 'the command line' };

/** What the lock file holds (JSON). */
export interface LockInfo {
  pid: number;
  hostname: string;
  /** When the lock was taken (ISO 8601). */
  startedAt: string;
  kind: string;
}

/** The data folder is open in another live Fact-check Desk process. */
export class DataFolderBusyError extends Error {
  constructor(
    readonly dataDir: string,
    readonly lockFile: string,
    readonly holder: LockInfo,
  ) {
    super(busyMessage(dataDir, lockFile, holder));
    this.name = 'DataFolderBusyError';
  }
}

function busyMessage(dataDir: string, lockFile: string, holder: LockInfo): string {
  const since = formatTime(holder.startedAt);
  const kind = KIND_LABELS[holder.kind];
  if (holder.hostname !== os.hostname()) {
    return (
      `The data folder ${dataDir} is already open in Fact-check Desk on another computer (${holder.hostname}, process ${holder.pid}, since ${since}). ` +
      `Close it there first; if it is not running there any more, delete ${lockFile}.`
    );
  }
  const who = [kind, `process ${holder.pid}`, `since ${since}`].filter(Boolean).join(', ');
  return `The data folder ${dataDir} is already open in Fact-check Desk (${who}). Close it first.`;
}

/** "2026-11-25 10:18" in local time; the text as stored when it is not a time. */
function formatTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso || 'an unknown time';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** Locks this process holds, by file: removed on exit if their holder did not close them. */
const held = new Map<string, string>();
let exitHookInstalled = false;

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const [file, content] of held) {
      try {
        if (readFileSync(file, 'utf8') === content) unlinkSync(file);
      } catch {
        // Best effort: a lock left behind is stale, and the next process takes it over.
      }
    }
    held.clear();
  });
}

/** A lock file being written by the process that just created it: how long it may stay empty. */
const FRESH_MS = 2_000;

export class DataFolderLock {
  private released = false;

  private constructor(
    readonly file: string,
    private readonly content: string,
  ) {}

  /** Takes the lock of `dataDir` (which must exist), or throws DataFolderBusyError. */
  static async acquire(dataDir: string, kind: LockKind): Promise<DataFolderLock> {
    const file = path.join(dataDir, LOCK_FILE_NAME);
    const info: LockInfo = { pid: process.pid, hostname: os.hostname(), startedAt: new Date().toISOString(), kind };
    const content = `${JSON.stringify(info)}\n`;
    for (let attempt = 0; attempt < 50; attempt++) {
      if (createExclusive(file, content)) {
        held.set(file, content);
        installExitHook();
        return new DataFolderLock(file, content);
      }
      const found = await readLock(file);
      if (found === 'missing') continue; // released between our two steps: try again
      if (found === 'unreadable') {
        // Just created by another process that has not written it yet, or half-written by one that died.
        if (await isFresh(file)) {
          await delay(20);
          continue;
        }
      } else if (isHeld(found.info)) {
        throw new DataFolderBusyError(dataDir, file, found.info);
      }
      await takeOver(file, found === 'unreadable' ? null : found.text);
    }
    throw new Error(`Could not take the lock ${file}: it keeps changing. Is another Fact-check Desk starting on this data folder?`);
  }

  /** Removes the lock file if it is still this lock's (idempotent). */
  async release(): Promise<void> {
    if (this.released) return;
    this.released = true;
    held.delete(this.file);
    try {
      if ((await fs.readFile(this.file, 'utf8')) === this.content) await fs.unlink(this.file);
    } catch {
      // Gone already, or unreadable: nothing of ours to remove.
    }
  }
}

/** Creates the lock file with `content` unless it exists (true when created). */
function createExclusive(file: string, content: string): boolean {
  let fd: number;
  try {
    fd = openSync(file, 'wx');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
      throw new Error(`Cannot write in the data folder ${path.dirname(file)} (${code === 'EROFS' ? 'it is on a read-only disk' : 'permission denied'}): Fact-check Desk needs to write its data there.`, { cause: error });
    }
    throw error;
  }
  // Written synchronously right after creation, so the window in which it is empty stays tiny.
  try {
    writeSync(fd, content);
  } finally {
    closeSync(fd);
  }
  return true;
}

async function readLock(file: string): Promise<'missing' | 'unreadable' | { text: string; info: LockInfo }> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
    throw error;
  }
  try {
    const value = JSON.parse(text) as Partial<LockInfo>;
    if (!Number.isInteger(value.pid) || (value.pid ?? 0) <= 0 || typeof value.hostname !== 'string') return 'unreadable';
    return {
      text,
      info: { pid: value.pid!, hostname: value.hostname, startedAt: String(value.startedAt ?? ''), kind: String(value.kind ?? '') },
    };
  } catch {
    return 'unreadable';
  }
}

async function isFresh(file: string): Promise<boolean> {
  try {
    return Date.now() - (await fs.stat(file)).mtimeMs < FRESH_MS;
  } catch {
    return true; // gone: the next attempt will see
  }
}

/**
 * Whether the lock's holder may still be running. On another host we cannot tell, so it
 * is. On this host: its process exists (and, where /proc says when it started, it started
 * before it took the lock: otherwise its pid was reused since).
 */
function isHeld(info: LockInfo): boolean {
  if (info.hostname !== os.hostname()) return true;
  if (info.pid === process.pid) return [...held.values()].some((content) => (JSON.parse(content) as LockInfo).startedAt === info.startedAt);
  try {
    process.kill(info.pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  const started = processStartMs(info.pid);
  const locked = Date.parse(info.startedAt);
  return started === null || Number.isNaN(locked) || started <= locked + 5_000;
}

/** When a process started, from Linux's /proc (null elsewhere or when unreadable). */
function processStartMs(pid: number): number | null {
  if (process.platform !== 'linux') return null;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[19]); // field 22 of the line: starttime, in clock ticks after boot
    const btime = /^btime (\d+)$/m.exec(readFileSync('/proc/stat', 'utf8'));
    if (!Number.isFinite(ticks) || !btime) return null;
    return Number(btime[1]) * 1000 + ticks * 10; // USER_HZ is 100 on Linux
  } catch {
    return null;
  }
}

/**
 * Moves a stale lock aside (rename is atomic: of two processes taking over at once, one
 * moves it), and puts it back if what was moved is not what was judged stale.
 */
async function takeOver(file: string, staleText: string | null): Promise<void> {
  const aside = `${file}.stale-${process.pid}-${Date.now()}`;
  try {
    await fs.rename(file, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  let moved: string | null = null;
  try {
    moved = await fs.readFile(aside, 'utf8');
  } catch {
    // Fall through: remove it.
  }
  if (staleText !== null && moved !== staleText) {
    // Another process's fresh lock: give it back (unless yet another one was created meanwhile).
    try {
      await fs.link(aside, file);
    } catch {
      // EEXIST: a newer lock is in place; the next attempt reads it.
    }
  }
  await fs.unlink(aside).catch(() => undefined);
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
