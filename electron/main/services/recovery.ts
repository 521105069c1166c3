/**
 * Starting from a damaged data file: it is set aside (kept under a new name, never deleted
 * or overwritten), the newest backup that reads, migrates and validates is loaded in its
 * place, or a fresh sample workspace when none does, and a notice says what happened. The
 * notice is kept in `startup-notice.json` until the editor dismisses it, so a restart
 * before they saw it does not lose it.
 */
import { constants as fsConstants, existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { StartupNotice } from '../../../shared/api/contract';
import type { BackupInfo, Backups } from './backups';
import { fileStamp } from './backups';
import { DataFileError, syncFolder, ValidatedJsonFile, type LoadedFile } from './json-file';
import { AUDIT_DIR_NAME, type Damage } from './audit-files';

export type { StartupNotice } from '../../../shared/api/contract';

export const NOTICE_FILE_NAME = 'startup-notice.json';

/** `<dataDir>/workspace.damaged-<UTC time>.json` (with `-2`, `-3`… if that name is taken). */
export function damagedName(file: string, at: Date): string {
  const dir = path.dirname(file);
  const base = path.basename(file, '.json');
  const stem = path.join(dir, `${base}.damaged-${fileStamp(at)}`);
  let candidate = `${stem}.json`;
  for (let n = 2; existsSync(candidate); n++) candidate = `${stem}-${n}.json`;
  return candidate;
}

/**
 * Keeps the damaged file under its new name, unchanged, before anything replaces it: a
 * hard link (atomic, no copy), else (file systems without links) a byte copy, fsynced.
 * The data file itself is then replaced by the atomic write of what is restored, so at no
 * moment is there no data file. DataFileError when it cannot be kept.
 */
export async function copyAside(file: string, reason: string, at: Date): Promise<string> {
  const target = damagedName(file, at);
  try {
    try {
      await fs.link(file, target);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw error;
      await fs.copyFile(file, target, fsConstants.COPYFILE_EXCL);
      const handle = await fs.open(target, 'r+');
      try {
        await handle.sync();
      } finally {
        await handle.close();
      }
    }
    await syncFolder(path.dirname(file));
  } catch (error) {
    throw new DataFileError(file, reason, {
      cause: error,
      message: `The data file ${file} cannot be read: ${reason}. It could not be set aside to restore a backup (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); nothing was changed.`,
    });
  }
  return target;
}

/** The newest backup that reads, migrates and validates (newer-version or damaged ones are passed over), or null. */
export async function newestValidBackup<T>(backups: Backups, reader: (file: string) => ValidatedJsonFile<T>): Promise<{ backup: BackupInfo; loaded: LoadedFile<T> } | null> {
  for (const backup of backups.list()) {
    try {
      const loaded = await reader(backup.file).load();
      if (loaded) return { backup, loaded };
    } catch {
      // Damaged too, or from a newer version: try the next one.
    }
  }
  return null;
}

export function recoveryNotice(options: { at: Date; reason: string; damagedFile: string; backup: BackupInfo | null }): StartupNotice {
  const { at, reason, damagedFile, backup } = options;
  const what = `The data file could not be read (${reason}). It was moved aside to ${damagedFile}, unchanged.`;
  const restored = backup
    ? `The newest backup that could be read, taken ${backup.takenAt.toISOString().replace('T', ' ').slice(0, 16)} UTC, was loaded instead (${backup.file}): changes made after it are in the damaged file only.`
    : 'No backup could be read, so a new workspace with the sample article was started.';
  return {
    kind: 'recovered',
    at: at.toISOString(),
    reason,
    damagedFile,
    restoredFrom: backup?.file ?? null,
    backupTakenAt: backup?.takenAt.toISOString() ?? null,
    message: `${what} ${restored}`,
  };
}

/**
 * Damage to the journal or an audit file was repaired (workspace-loader.ts, audit-files.ts):
 * a damaged end cut off, or damaged lines of an audit file blanked, the damaged bytes kept
 * aside. Says what happened, what it cost, and where the damaged bytes are.
 */
export function repairNotice(damage: readonly Damage[], at: Date): StartupNotice {
  const first = damage[0]!;
  return {
    kind: 'repaired',
    at: at.toISOString(),
    reason: first.reason,
    damagedFile: first.keptAs ?? first.file,
    restoredFrom: null,
    backupTakenAt: null,
    message: damage.map((d) => (d.lines ? damagedLines(d, d.lines) : damagedEnd(d))).join(' '),
  };
}

/** The file's name as the editor knows it: `workspace.journal`, `audit/000001.log`. */
function shownName(file: string): string {
  const folder = path.basename(path.dirname(file));
  return folder === AUDIT_DIR_NAME ? `${folder}/${path.basename(file)}` : path.basename(file);
}

const ONLY_READ = 'The file was left as it is: the folder was only read.';

function damagedEnd(d: Damage): string {
  const what = `The end of ${shownName(d.file)} (${d.reason}) was damaged, most likely cut off by a crash or power loss while it was being written. Everything before it was loaded.`;
  if (!d.keptAs) return `${what} ${ONLY_READ}`;
  return `${what} The damaged end was removed from the file and kept aside, unchanged, in ${d.keptAs} (an end torn by a crash only ever holds a change that was not yet reported as saved).`;
}

function damagedLines(d: Damage, lines: number): string {
  const [line, it, was] = lines === 1 ? ['line', 'it', 'was'] : ['lines', 'them', 'were'];
  const what =
    `${lines === 1 ? 'A line' : `${lines} lines`} of ${shownName(d.file)} ${was} damaged (${d.reason}): a crash does not do that, so the disk or another program changed the file. ` +
    `The audit entries before and after ${it} were loaded; only what the damaged ${line} held is missing from the claims' history.`;
  if (!d.keptAs) return `${what} ${ONLY_READ}`;
  return `${what} The damaged ${line} ${was} blanked in the file${d.endCut ? ' and its torn end cut off' : ''}, and the damaged bytes were kept aside, unchanged, in ${d.keptAs}.`;
}

const noticeFile = (dataDir: string) => new ValidatedJsonFile(path.join(dataDir, NOTICE_FILE_NAME), StartupNotice);

/** The notice kept in the data folder, or null (none, or unreadable: it is only a notice). */
export async function readNotice(dataDir: string): Promise<StartupNotice | null> {
  try {
    return await noticeFile(dataDir).read();
  } catch {
    return null;
  }
}

export function writeNotice(dataDir: string, notice: StartupNotice): Promise<void> {
  return noticeFile(dataDir).write(notice);
}

export async function removeNotice(dataDir: string): Promise<void> {
  await fs.unlink(path.join(dataDir, NOTICE_FILE_NAME)).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'ENOENT') throw error;
  });
}
