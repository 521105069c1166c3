import { promises as fs } from 'node:fs';
import path from 'node:path';
import { tempFileTarget, writeFileAtomic } from './json-file';

/**
 * Rolling backups of the data file, in `<dataDir>/backups/`: after a successful save, a copy
 * of the bytes just saved is kept when the newest backup is `intervalMs` old or from an
 * earlier (UTC) day. Kept: the `recent` newest copies, plus the first copy of each of the
 * last `days` days. Copies made before a migration (`…-before-v2.json`) are never pruned.
 *
 * Names carry the time in UTC, so they sort by age and need no clock but the store's:
 * `workspace-2026-11-25T10-00-00-000Z.json`.
 */
export const BACKUP_DIR_NAME = 'backups';

export interface BackupPolicy {
  /** A new copy once the newest is this old (default 10 minutes). */
  readonly intervalMs: number;
  /** How many of the newest copies are kept (default 10). */
  readonly recent: number;
  /** The first copy of each of this many days (today included) is kept too (default 7). */
  readonly days: number;
}

export const DEFAULT_BACKUP_POLICY: BackupPolicy = Object.freeze({ intervalMs: 10 * 60_000, recent: 10, days: 7 });

export interface BackupInfo {
  readonly file: string;
  readonly takenAt: Date;
  /** 'rolling' copies are pruned by the policy; a copy of a file before a migration is kept. */
  readonly kind: 'rolling' | 'before-migration';
}

const NAME = /^workspace-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z(-before-v\d+)?\.json$/;

/** "2026-11-25T10-00-00-000Z": an ISO time that is a valid file name everywhere. */
export function fileStamp(at: Date): string {
  return at.toISOString().replace(/[:.]/g, '-');
}

export function parseBackupName(dir: string, name: string): BackupInfo | null {
  const match = NAME.exec(name);
  if (!match) return null;
  const [, day, h, m, s, ms, before] = match;
  const takenAt = new Date(`${day}T${h}:${m}:${s}.${ms}Z`);
  if (Number.isNaN(takenAt.getTime())) return null;
  return { file: path.join(dir, name), takenAt, kind: before ? 'before-migration' : 'rolling' };
}

const utcDay = (at: Date) => at.toISOString().slice(0, 10);
const DAY_MS = 86_400_000;

export class Backups {
  /** Every backup in the folder, newest first (as listed at `load` and kept up to date since). */
  private known: BackupInfo[] = [];

  constructor(
    readonly dir: string,
    readonly policy: BackupPolicy = DEFAULT_BACKUP_POLICY,
  ) {}

  /** Lists the folder (a missing folder has none) and removes temp files left by a crash mid-copy. */
  async load(): Promise<void> {
    let names: string[];
    try {
      names = await fs.readdir(this.dir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') names = [];
      else throw error;
    }
    const found: BackupInfo[] = [];
    for (const name of names) {
      const info = parseBackupName(this.dir, name);
      if (info) found.push(info);
      // A copy's temp file (see writeFileAtomic), left when a crash came mid-copy.
      else if (parseBackupName(this.dir, tempFileTarget(name) ?? '')) await fs.unlink(path.join(this.dir, name)).catch(() => undefined);
    }
    this.known = sortNewestFirst(found);
  }

  /** Every backup, newest first. */
  list(): readonly BackupInfo[] {
    return this.known;
  }

  /** Whether a save at `at` should be copied: no backup yet, the newest is `intervalMs` old, or it is from another day. */
  due(at: Date): boolean {
    const newest = this.known.find((b) => b.kind === 'rolling');
    if (!newest) return true;
    return Math.abs(at.getTime() - newest.takenAt.getTime()) >= this.policy.intervalMs || utcDay(newest.takenAt) !== utcDay(at);
  }

  /** Keeps a copy of `text` (the bytes just saved) taken at `at`, then prunes by the policy. */
  async save(text: string, at: Date): Promise<BackupInfo> {
    const info = await this.write(text, at, '');
    await this.prune(at);
    return info;
  }

  /** Keeps the file as it was before a migration to `toVersion` (never pruned). */
  keepBeforeMigration(text: string, at: Date, toVersion: number): Promise<BackupInfo> {
    return this.write(text, at, `-before-v${toVersion}`);
  }

  /**
   * Keeps a migration's note (what it dropped, as JSON) beside the copy of the file before
   * it: `migration-note-<time>-<name>.json`, never pruned and never read back as a backup.
   */
  async keepMigrationNote(name: string, text: string, at: Date): Promise<string> {
    await fs.mkdir(this.dir, { recursive: true });
    const file = path.join(this.dir, `migration-note-${fileStamp(at)}-${name.replace(/[^a-z0-9-]/gi, '_')}.json`);
    await writeFileAtomic(file, text);
    return file;
  }

  /**
   * Removes rolling copies the policy does not keep: all but the `recent` newest, except the
   * first copy of each of the last `days` days. Returns the files removed.
   */
  async prune(at: Date): Promise<string[]> {
    const rolling = this.known.filter((b) => b.kind === 'rolling');
    const keep = new Set<BackupInfo>(rolling.slice(0, this.policy.recent));
    const days = new Set(Array.from({ length: this.policy.days }, (_, i) => utcDay(new Date(at.getTime() - i * DAY_MS))));
    const firstOfDay = new Map<string, BackupInfo>();
    for (const backup of rolling) {
      const day = utcDay(backup.takenAt);
      if (days.has(day)) firstOfDay.set(day, backup); // newest first: the last one set is the day's first
    }
    for (const backup of firstOfDay.values()) keep.add(backup);
    const removed: string[] = [];
    for (const backup of rolling) {
      if (keep.has(backup)) continue;
      try {
        await fs.unlink(backup.file);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') continue; // kept, and listed, for next time
      }
      removed.push(backup.file);
    }
    this.known = this.known.filter((b) => !removed.includes(b.file));
    return removed;
  }

  private async write(text: string, at: Date, suffix: string): Promise<BackupInfo> {
    await fs.mkdir(this.dir, { recursive: true });
    const file = path.join(this.dir, `workspace-${fileStamp(at)}${suffix}.json`);
    await writeFileAtomic(file, text);
    const info = parseBackupName(this.dir, path.basename(file))!;
    this.known = sortNewestFirst([info, ...this.known.filter((b) => b.file !== file)]);
    return info;
  }
}

function sortNewestFirst(backups: BackupInfo[]): BackupInfo[] {
  return backups.sort((a, b) => b.takenAt.getTime() - a.takenAt.getTime() || (a.kind === b.kind ? 0 : a.kind === 'rolling' ? -1 : 1));
}
