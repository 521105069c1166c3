/**
 * Opening a data folder for the store (store.ts, `LowdbWorkspaceStore.open`): the folder's
 * lock, the temp files a crash left, the backups, the workspace read (and repaired:
 * workspace-loader.ts), the startup notice, and the files open for writing; and why an
 * open failed, in words for the person starting the app.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { DATA_FILE_NAME } from './paths';
import { NewerDataFileError, tempFileTarget, writeFileAtomic } from './json-file';
import { newId as defaultNewId } from './ids';
import { DataFolderBusyError, DataFolderLock, type LockKind } from './data-lock';
import { migrationNotes } from '../../../shared/domain/migrations';
import { BACKUP_DIR_NAME, Backups, DEFAULT_BACKUP_POLICY, type BackupPolicy } from './backups';
import { NOTICE_FILE_NAME, readNotice, writeNotice, type StartupNotice } from './recovery';
import { WorkspaceDisk, type DiskOptions } from './workspace-disk';
import { loadWorkspace, type LoadedWorkspace } from './workspace-loader';

export interface StoreOptions {
  now?: () => Date;
  newId?: () => string;
  /** Who opens the folder, written into its lock for the message another process shows. Default 'desktop'. */
  kind?: LockKind;
  /** When rolling backups are taken and how many are kept (see backups.ts); defaults: DEFAULT_BACKUP_POLICY. */
  backups?: Partial<BackupPolicy>;
  /** Writes the snapshot's text durably; default writeFileAtomic. Tests inject failures here. */
  writeFile?: (file: string, text: string) => Promise<void>;
  /** Appends a write to the journal durably; tests inject failures here (see DiskOptions). */
  appendJournal?: DiskOptions['appendJournal'];
  /** Past this many bytes the journal is folded into the snapshot (default FOLD_BYTES). */
  foldBytes?: number;
  /** Audit files this large in all are read when first needed, not at the start (default LAZY_AUDIT_BYTES). */
  lazyAuditBytes?: number;
  /** Told when a backup could not be kept, or a fold failed (the save itself succeeded). Default: a warning on stderr. */
  onBackupError?: (error: unknown) => void;
}

/**
 * Why `LowdbWorkspaceStore.open` failed, for the person starting the app or browser mode: a
 * title and what happened, and, unless another process simply has the folder (busy) or the
 * file is a newer version's (update the app), what to do about it.
 */
export function openFailure(error: unknown): { title: string; message: string } {
  if (error instanceof DataFolderBusyError) return { title: 'Fact-check Desk is already open', message: error.message };
  const title = 'Fact-check Desk cannot open its data';
  if (error instanceof NewerDataFileError) return { title, message: error.message };
  return { title, message: `${(error as Error).message}\n\nNothing was changed. Move the file aside or start with --data-dir pointing to another folder.` };
}

/** Files opened by this process: lowdb keeps its data in memory, so two `Low`s on one file would lose writes. */
const openFiles = new Set<string>();

/** A data folder opened for writing: locked, read, its files open. */
export interface OpenFolder {
  readonly file: string;
  readonly now: () => Date;
  readonly newId: () => string;
  readonly lock: DataFolderLock;
  readonly backups: Backups;
  readonly disk: WorkspaceDisk;
  readonly loaded: LoadedWorkspace;
  /** This start's notice, else the one kept from an earlier start until the editor dismisses it. */
  readonly notice: StartupNotice | null;
}

/** Opens `dataDir` for writing (see `LowdbWorkspaceStore.open`); on failure, leaves nothing open. */
export async function openFolder(dataDir: string, options: StoreOptions): Promise<OpenFolder> {
  const now = options.now ?? (() => new Date());
  const newId = options.newId ?? defaultNewId;
  await fs.mkdir(dataDir, { recursive: true });
  const dir = path.resolve(dataDir);
  const file = path.join(dir, DATA_FILE_NAME);
  if (openFiles.has(file)) throw new Error(`The data file ${file} is already open in this process.`);
  openFiles.add(file);
  let lock: DataFolderLock | null = null;
  try {
    lock = await DataFolderLock.acquire(dir, options.kind ?? 'desktop');
    await removeTempFiles(dir, [DATA_FILE_NAME, NOTICE_FILE_NAME]);
    const backups = new Backups(path.join(dir, BACKUP_DIR_NAME), { ...DEFAULT_BACKUP_POLICY, ...options.backups });
    await backups.load();
    const loaded = (await loadWorkspace(dir, file, { repair: true, now, newId, backups, lazyAuditBytes: options.lazyAuditBytes }))!;
    if (loaded.notice) await writeNotice(dir, loaded.notice);
    if (loaded.migratedText !== null) {
      const at = now();
      await backups.keepBeforeMigration(loaded.migratedText, at, loaded.data.schemaVersion);
      for (const note of migrationNotes(JSON.parse(loaded.migratedText))) await backups.keepMigrationNote(note.name, note.text, at);
    }
    const diskOptions: DiskOptions = {
      writeFile: options.writeFile ?? writeFileAtomic,
      ...(options.appendJournal && { appendJournal: options.appendJournal }),
      ...(options.foldBytes !== undefined && { foldBytes: options.foldBytes }),
    };
    const disk = await WorkspaceDisk.open(dir, loaded.seq, diskOptions, loaded.journalAudit);
    try {
      const notice = loaded.notice ?? (await readNotice(dir));
      return { file, now, newId, lock, backups, disk, loaded, notice };
    } catch (error) {
      await disk.close().catch(() => undefined);
      throw error;
    }
  } catch (error) {
    await lock?.release();
    openFiles.delete(file);
    throw error;
  }
}

/** Closes what `openFolder` opened and releases the folder. `quietly`: after a failed open, where failing to close the files is not the error to report. */
export async function closeFolder(folder: Pick<OpenFolder, 'file' | 'lock' | 'disk'>, quietly = false): Promise<void> {
  const closing = folder.disk.close();
  await (quietly ? closing.catch(() => undefined) : closing);
  await folder.lock.release();
  openFiles.delete(folder.file);
}

/** Removes temp files a crash mid-write left for the files named `targets` (the folder's lock is held: no write of ours is running). */
async function removeTempFiles(dir: string, targets: readonly string[]): Promise<void> {
  for (const name of await fs.readdir(dir)) {
    if (targets.includes(tempFileTarget(name) ?? '')) await fs.unlink(path.join(dir, name)).catch(() => undefined);
  }
}
