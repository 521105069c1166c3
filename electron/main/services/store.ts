import { promises as fs } from 'node:fs';
import path from 'node:path';
import { Low, type Adapter } from 'lowdb';
import {
  current,
  enableArrayMethods,
  enablePatches,
  freeze,
  isDraft,
  produce,
  produceWithPatches,
  type Draft,
  type Patch,
} from 'immer';
import { SCHEMA_VERSION, Workspace, type AuditEntry } from '../../../shared/domain/schemas';
import { migrateWorkspaceJson } from '../../../shared/domain/migrations/index';
import { sampleWorkspace } from '../../../shared/domain/sample';
import type { HistoryResult, HistoryState, StartupNotice } from '../../../shared/api/contract';
import { DATA_FILE_NAME } from './paths';
import { DamagedDataFileError, DataFileError, NewerDataFileError, tempFileTarget, ValidatedJsonFile, writeFileAtomic, type LoadedFile } from './json-file';
import { newId as defaultNewId } from './ids';
import { ApiError } from '../../../shared/api/result';
import { changesOf, checkChange, diffWorkspace, noChanges, type WorkspaceDelta } from './workspace-delta';
import { auditEntries, checkAuditEntries } from './audit';
import { DataFolderBusyError, DataFolderLock, type LockKind } from './data-lock';
import type { ImportedAudit, UpdateOptions, WorkspaceStore } from './store-interface';
import { BACKUP_DIR_NAME, Backups, DEFAULT_BACKUP_POLICY, type BackupPolicy } from './backups';
import { copyAside, newestValidBackup, NOTICE_FILE_NAME, readNotice, recoveryNotice, removeNotice, writeNotice } from './recovery';

export { DataFolderBusyError, LOCK_FILE_NAME, type LockInfo, type LockKind } from './data-lock';
export type { ImportedAudit, UpdateOptions } from './store-interface';

enablePatches();
// Array methods (find, filter, some…) on drafts read plain values instead of creating one
// proxy per element: finding a claim among 10,000 stays cheap.
enableArrayMethods();

export interface StoreOptions {
  now?: () => Date;
  newId?: () => string;
  /** Who opens the folder, written into its lock for the message another process shows. Default 'desktop'. */
  kind?: LockKind;
  /** When rolling backups are taken and how many are kept (see backups.ts); defaults: DEFAULT_BACKUP_POLICY. */
  backups?: Partial<BackupPolicy>;
  /** Writes the data file's text durably; default writeFileAtomic. Tests inject failures here. */
  writeFile?: (file: string, text: string) => Promise<void>;
  /** Told when a backup could not be kept (the save itself succeeded). Default: a warning on stderr. */
  onBackupError?: (error: unknown) => void;
}

/** Counters for benchmarks and tests. */
export interface StoreStats {
  /** Successful writes of the data file (each may hold many updates). */
  writes: number;
  failedWrites: number;
  /** Updates, undos and redos that changed something (each was acknowledged by a write, or refused by a failed one). */
  changes: number;
  backups: number;
  failedBackups: number;
}

/** A change could not be saved: it, and every change not saved yet, were rolled back. */
export class SaveError extends ApiError {
  constructor(
    readonly file: string,
    cause: unknown,
  ) {
    const reason = (cause as NodeJS.ErrnoException)?.code ?? (cause as Error)?.message ?? String(cause);
    super('internal', `Not saved: the data file ${file} could not be written (${reason}). The workspace is back to how it was last saved; please try again.`);
    this.name = 'SaveError';
    this.cause = cause;
  }
}

/** A coalesced edit: its key, and whether it joins the step of the edits before it. */
interface AuditBurst {
  readonly key: string;
  readonly joins: boolean;
}

/** One undoable step: immer patches forward and back. */
interface HistoryEntry {
  readonly label: string;
  readonly patches: readonly Patch[];
  readonly inversePatches: readonly Patch[];
  /** Characters of text the entry alone keeps alive (article texts, mostly): see HISTORY_TEXT_BUDGET. */
  readonly weight: number;
  /** The audit log before and after a change that replaced it (restoring a backup). */
  readonly audit?: { readonly before: readonly AuditEntry[]; readonly after: readonly AuditEntry[] };
}

export const HISTORY_LIMIT = 500;
/** Undo keeps old article texts: past this many characters, the oldest steps are forgotten. */
export const HISTORY_TEXT_BUDGET = 50_000_000;
export const COALESCE_MS = 2_000;

/** Files opened by this process: lowdb keeps its data in memory, so two `Low`s on one file would lose writes. */
const openFiles = new Set<string>();

/** What the in-memory workspace holds in place of the audit log (which the store keeps beside it). */
const NO_AUDIT: readonly AuditEntry[] = Object.freeze([]);

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

/** The data file's reader: JSON, migrations from older versions, then the schema. */
export function workspaceFile(file: string): ValidatedJsonFile<Workspace> {
  return new ValidatedJsonFile<Workspace>(file, Workspace, { migrate: migrateWorkspaceJson });
}

/**
 * The data file as lowdb sees it: the workspace with the store's audit log put back in on
 * every write, so the file holds the whole history while the workspace in memory (and in
 * undo patches, and in what `getWorkspace` answers) carries an empty one. The text is made
 * when `write` is called (before its first await), so later changes cannot slip into it;
 * `lastWritten` keeps the text of the last successful write, for the backups.
 */
class WorkspaceFile implements Adapter<Workspace> {
  lastWritten: string | null = null;

  constructor(
    private readonly file: ValidatedJsonFile<Workspace>,
    private readonly audit: () => readonly AuditEntry[],
    private readonly writer: (file: string, text: string) => Promise<void>,
  ) {}

  read(): Promise<Workspace | null> {
    return this.file.read();
  }

  async write(data: Workspace): Promise<void> {
    const text = this.file.serialize({ ...data, audit: this.audit() as AuditEntry[] });
    await this.writer(this.file.file, text);
    this.lastWritten = text;
  }
}

/** Everything a save makes durable, and what a failed save rolls back to. */
interface Checkpoint {
  readonly data: Workspace;
  readonly audit: readonly AuditEntry[];
  readonly undo: readonly HistoryEntry[];
  readonly redo: readonly HistoryEntry[];
  readonly burst: LowdbWorkspaceStore['burst'];
  readonly auditBurst: LowdbWorkspaceStore['auditBurst'];
}

/** Changes applied in memory that wait for the same write; settled when it is on disk (or failed). */
interface Batch {
  readonly saved: Promise<void>;
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

function newBatch(): Batch {
  let resolve!: () => void;
  let reject!: (error: unknown) => void;
  const saved = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  saved.catch(() => undefined); // a batch nobody waits on must not be an unhandled rejection
  return { saved, resolve, reject };
}

/**
 * The workspace store: one lowdb `Low` over one validated JSON file. A change runs on an
 * immer draft (structural sharing: what it does not touch is not copied), only what it
 * touched is validated (a refused change leaves memory, file and history as they were),
 * and the new workspace becomes current in memory at once, so changes apply in call order.
 *
 * Writes are shared (group commit): a change asks for a write; while one is in flight,
 * every change made meanwhile waits for the next, which holds them all, so a burst of a
 * thousand changes costs two or three writes. A change's promise resolves only once a
 * write holding it is on disk (written, fsynced, renamed over the file). When a write
 * fails, memory, audit log and history roll back to what the file holds and every change
 * not on disk is refused with SaveError: memory never claims more than the disk holds.
 * The state is deeply frozen; every change is recorded as patches for undo and redo.
 */
export class LowdbWorkspaceStore implements WorkspaceStore {
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;
  private undoStack: HistoryEntry[] = [];
  private redoStack: HistoryEntry[] = [];
  /** The entry the last recorded change pushed, while further changes may join it. */
  private burst: { entry: HistoryEntry; key: string; at: number } | null = null;
  /** What the data file holds (the last successful write, or what was read). */
  private durable: Checkpoint;
  /** Changes applied in memory since the write in flight started: the next write holds them. */
  private pending: Batch | null = null;
  private inFlight: Batch | null = null;
  private flushScheduled = false;
  /** Backups are copied after the save they copy is acknowledged, one at a time. */
  private backupQueue: Promise<void> = Promise.resolve();
  private backingUp = false;
  /** The newest save not yet considered for a backup. */
  private nextBackup: { text: string; at: Date } | null = null;
  private readonly counters: StoreStats = { writes: 0, failedWrites: 0, changes: 0, backups: 0, failedBackups: 0 };
  private notice: StartupNotice | null;
  /**
   * Every change to every claim, oldest first: append-only, never part of undo (an undo
   * appends its own entries). Kept out of `data`; written into the file with it.
   */
  private readonly auditLog: AuditEntry[];
  /** Where the audit entries of the current burst of coalesced edits start. */
  private auditBurst: { key: string; from: number } | null = null;

  private constructor(
    private readonly db: Low<Workspace>,
    private readonly adapter: WorkspaceFile | null,
    readonly file: string,
    readonly now: () => Date,
    readonly newId: () => string,
    auditLog: AuditEntry[],
    /** The data folder's lock; null for a read-only store, which takes none. */
    private readonly lock: DataFolderLock | null,
    /** The rolling backups; null for a read-only store. */
    readonly backups: Backups | null,
    notice: StartupNotice | null,
    private readonly onBackupError: (error: unknown) => void = (error) => console.warn(`Fact-check Desk: a backup could not be kept: ${(error as Error)?.message ?? String(error)}`),
  ) {
    this.auditLog = auditLog;
    this.notice = notice;
    this.durable = this.checkpoint();
  }

  /**
   * Opens a data folder for reading and writing. Takes the folder's lock
   * (`workspace.lock`): refuses with DataFolderBusyError while another live process
   * holds it, takes over a lock left by a process that died. `close` removes it (and so,
   * best effort, does the process exiting without closing).
   *
   * Temp files left by a crash mid-write are removed. A missing file starts the sample
   * workspace. A file of an older format is migrated, and written back at once, after a
   * copy of it as it was is kept in `backups/` (`…-before-v2.json`). A file from a newer
   * version is refused (NewerDataFileError) and left as it is. A damaged file (not JSON,
   * not a workspace) is set aside as `workspace.damaged-<time>.json`, never deleted, and
   * the newest valid backup (else the sample workspace) takes its place, with a startup
   * notice (`startupNotice`) saying what happened; DataFileError only when even that fails.
   */
  static async open(dataDir: string, options: StoreOptions = {}): Promise<LowdbWorkspaceStore> {
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
      const reader = workspaceFile(file);
      let notice = await readNotice(dir);
      let loaded: LoadedFile<Workspace> | null;
      let write = false;
      try {
        loaded = await reader.load();
      } catch (error) {
        if (!(error instanceof DamagedDataFileError)) throw error;
        // Found before anything moves; the damaged file is kept under another name, and only
        // then replaced (atomically) by what is restored: no crash can leave no data file.
        const found = await newestValidBackup(backups, workspaceFile);
        const at = now();
        const damagedFile = await copyAside(file, error.reason, at);
        notice = recoveryNotice({ at, reason: error.reason, damagedFile, backup: found?.backup ?? null });
        await writeNotice(dir, notice);
        loaded = found?.loaded ?? null;
        write = true;
      }
      if (loaded && loaded.migratedFrom !== null) {
        if (!write) await backups.keepBeforeMigration(loaded.text, now(), SCHEMA_VERSION);
        write = true;
      }
      const stored = loaded?.value ?? null;
      const auditLog: AuditEntry[] = stored ? stored.audit.map((entry) => Object.freeze(entry)) : [];
      const data = stored ?? sampleWorkspace(now().toISOString(), newId);
      const adapter = new WorkspaceFile(reader, () => auditLog, options.writeFile ?? writeFileAtomic);
      const db = new Low<Workspace>(adapter, data);
      db.data = freeze({ ...data, audit: NO_AUDIT as AuditEntry[] }, true);
      const store = new LowdbWorkspaceStore(db, adapter, file, now, newId, auditLog, lock, backups, notice, options.onBackupError);
      if (!stored || write) await store.persist();
      return store;
    } catch (error) {
      await lock?.release();
      openFiles.delete(file);
      throw error;
    }
  }

  /**
   * Opens a data folder's workspace to read it only (exports): no lock, so it works while
   * the app has the folder open; nothing is ever written (`update`, `undo` and `redo`
   * refuse). What it holds is the file as it was when opened. Refuses a folder without a
   * workspace, or a file that cannot be read, with DataFileError.
   */
  static async openReadOnly(dataDir: string, options: Omit<StoreOptions, 'kind'> = {}): Promise<LowdbWorkspaceStore> {
    const now = options.now ?? (() => new Date());
    const file = path.join(path.resolve(dataDir), DATA_FILE_NAME);
    const adapter: Adapter<Workspace> = {
      read: () => workspaceFile(file).read(),
      write: () => Promise.reject(new Error('A read-only workspace store never writes.')),
    };
    const stored = await adapter.read();
    if (!stored) throw new DataFileError(file, 'there is no workspace in this folder (no such file)');
    const auditLog = stored.audit.map((entry) => Object.freeze(entry));
    const db = new Low<Workspace>(adapter, stored);
    db.data = freeze({ ...stored, audit: NO_AUDIT as AuditEntry[] }, true);
    return new LowdbWorkspaceStore(db, null, file, now, options.newId ?? defaultNewId, auditLog, null, null, null);
  }

  /** True for a store from `openReadOnly`. */
  get readOnly(): boolean {
    return this.lock === null;
  }

  /** The current workspace, deeply frozen, with an empty `audit` (see `audit`): changes go through `update`. */
  get data(): Workspace {
    return this.db.data;
  }

  /** The whole audit log, oldest first, as it is in the file. */
  get audit(): readonly AuditEntry[] {
    return this.auditLog;
  }

  /** Counters: writes (each holding one or more changes), failed writes, changes, backups. */
  get stats(): Readonly<StoreStats> {
    return { ...this.counters };
  }

  /** What the editor must be told about this start (a damaged file set aside), until dismissed. */
  get startupNotice(): StartupNotice | null {
    return this.notice;
  }

  /** The editor has read the startup notice: forgets it (and its file). False when there was none. */
  async dismissStartupNotice(): Promise<boolean> {
    if (!this.notice) return false;
    if (this.lock) await removeNotice(path.dirname(this.file));
    this.notice = null;
    return true;
  }

  /** The whole audit log once every change already asked for has run. */
  readAudit(): Promise<readonly AuditEntry[]> {
    return this.enqueue(async () => this.auditLog.slice());
  }

  /** One claim's audit entries, oldest first (a deleted claim's too), once every change already asked for has run. */
  claimHistory(claimId: string): Promise<AuditEntry[]> {
    return this.enqueue(async () => this.auditLog.filter((entry) => entry.claimId === claimId));
  }

  timestamp(): string {
    return this.now().toISOString();
  }

  /**
   * Applies `change` to a draft of the workspace, validates what it touched, makes the
   * result current and records it under `label` for undo; resolves once a write holding
   * it is on disk (see the class comment; SaveError when that write fails). Changes apply
   * one at a time in call order. What `change` returns may contain draft objects: they are
   * resolved to plain values. A change that changes nothing writes nothing (it resolves
   * once what it saw is on disk).
   */
  update<T>(label: string, change: (draft: Workspace) => T, options: UpdateOptions = {}): Promise<T> {
    if (this.readOnly) return this.refuseWrite();
    return this.whenSaved(
      this.enqueue(async () => {
        const before = this.db.data;
        let result!: T;
        const [after, patches, inversePatches] = produceWithPatches(before, (draft: Draft<Workspace>) => {
          result = resolveDrafts(change(draft as Workspace));
        });
        if (patches.length === 0) return { value: result, saved: this.settled() };
        if (patches.some((p) => p.path[0] === 'audit')) throw new Error('The audit log is append-only: the store records it, a change cannot edit it.');
        const record = options.record !== false;
        const at = this.now().getTime();
        const joins = record && this.joinsBurst(options.coalesce, at);
        const burst = record && options.coalesce !== undefined ? { key: options.coalesce, joins } : undefined;
        const auditBefore = options.audit?.replace ? [...this.auditLog] : null;
        const step = this.commit(before, after, patches, inversePatches, label, burst, options.audit);
        if (record) {
          const swap = auditBefore ? { before: auditBefore, after: [...this.auditLog] } : undefined;
          this.record(label, step.patches, step.inversePatches, options.coalesce, at, swap);
        }
        return { value: result, saved: this.persist() };
      }),
    );
  }

  /** Undoes the most recent recorded change (validated and saved like any change). */
  undo(): Promise<HistoryResult> {
    if (this.readOnly) return this.refuseWrite();
    return this.whenSaved(this.enqueue(async () => this.step(this.undoStack, this.redoStack, 'inversePatches')));
  }

  /** Redoes the most recently undone change. */
  redo(): Promise<HistoryResult> {
    if (this.readOnly) return this.refuseWrite();
    return this.whenSaved(this.enqueue(async () => this.step(this.redoStack, this.undoStack, 'patches')));
  }

  /** The history once every change already asked for has run (what a client that just saved should see). */
  settledHistory(): Promise<HistoryState> {
    return this.enqueue(async () => this.history());
  }

  history(): HistoryState {
    return {
      canUndo: this.undoStack.length > 0,
      canRedo: this.redoStack.length > 0,
      undoLabel: this.undoStack.at(-1)?.label ?? null,
      redoLabel: this.redoStack.at(-1)?.label ?? null,
    };
  }

  /** Resolves once every change already applied is on disk (or its write failed). */
  async flushed(): Promise<void> {
    while (this.pending || this.inFlight) await (this.inFlight ?? this.pending)!.saved.catch(() => undefined);
  }

  /** Lets every change asked for apply and reach the disk, and the last backup finish, then releases the folder. */
  async close(): Promise<void> {
    await this.queue;
    await this.flushed();
    await this.backupQueue;
    this.closed = true;
    this.undoStack = [];
    this.redoStack = [];
    this.burst = null;
    if (this.lock) {
      await this.lock.release();
      openFiles.delete(this.file);
    }
  }

  private refuseWrite(): Promise<never> {
    return Promise.reject(new ApiError('forbidden', `The workspace ${this.file} is open read-only here: nothing can be changed.`));
  }

  private enqueue<T>(run: () => Promise<T>): Promise<T> {
    const guarded = () => {
      if (this.closed) return Promise.reject(new Error('The workspace store is closed.'));
      return run();
    };
    const next = this.queue.then(guarded, guarded);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private step(from: HistoryEntry[], to: HistoryEntry[], direction: 'patches' | 'inversePatches'): { value: HistoryResult; saved: Promise<void> } {
    const entry = from.at(-1);
    if (!entry) return { value: { ...this.history(), label: null, changes: noChanges() }, saved: this.settled() };
    const before = this.db.data;
    const patches = entry[direction];
    const after = applySharedPatches(before, patches);
    const action = `${direction === 'inversePatches' ? 'Undo' : 'Redo'}: ${entry.label}`;
    const swap = entry.audit && { entries: direction === 'inversePatches' ? entry.audit.before : entry.audit.after, replace: true };
    const { delta } = this.commit(before, after, patches, [], action, undefined, swap);
    from.pop();
    to.push(entry);
    this.burst = null;
    this.auditBurst = null;
    return { value: { ...this.history(), label: entry.label, changes: changesOf(this.db.data, delta) }, saved: this.persist() };
  }

  /** A change's value once the write holding it is on disk. */
  private async whenSaved<T>(applied: Promise<{ value: T; saved: Promise<void> }>): Promise<T> {
    const { value, saved } = await applied;
    await saved;
    return value;
  }

  /** The write that will hold the state as it is now: the pending one, else the one in flight (none: on disk already). */
  private settled(): Promise<void> {
    return (this.pending ?? this.inFlight)?.saved ?? Promise.resolve();
  }

  /** Asks for a write of the current state; resolves when it is on disk. */
  private persist(): Promise<void> {
    this.counters.changes++;
    this.pending ??= newBatch();
    this.scheduleFlush();
    return this.pending.saved;
  }

  private scheduleFlush(): void {
    if (this.flushScheduled || this.inFlight || !this.pending) return;
    this.flushScheduled = true;
    // After the changes already on their way (a burst issued at once) have applied.
    setImmediate(() => {
      this.flushScheduled = false;
      void this.flush();
    });
  }

  private checkpoint(): Checkpoint {
    return {
      data: this.db.data,
      audit: this.auditLog.slice(),
      undo: this.undoStack.slice(),
      redo: this.redoStack.slice(),
      burst: this.burst,
      auditBurst: this.auditBurst,
    };
  }

  /** Writes every change applied so far, as one file; settles the changes waiting on it. */
  private async flush(): Promise<void> {
    const batch = this.pending;
    const adapter = this.adapter;
    if (!batch || this.inFlight || !adapter) return;
    this.pending = null;
    this.inFlight = batch;
    const state = this.checkpoint();
    try {
      // lowdb writes db.data through our adapter, which makes the text now: the state just checkpointed.
      await this.db.write();
    } catch (cause) {
      this.inFlight = null;
      this.counters.failedWrites++;
      // Memory goes back to what the file holds; every change not in it is refused.
      this.rollback(this.durable);
      const error = new SaveError(this.file, cause);
      const waiting = this.pending as Batch | null;
      this.pending = null;
      batch.reject(error);
      waiting?.reject(error);
      return;
    }
    this.inFlight = null;
    this.counters.writes++;
    this.durable = state;
    batch.resolve();
    this.backUp(adapter.lastWritten!);
    this.scheduleFlush();
  }

  private rollback(to: Checkpoint): void {
    this.db.data = to.data;
    this.auditLog.length = 0;
    for (const entry of to.audit) this.auditLog.push(entry);
    this.undoStack = to.undo.slice();
    this.redoStack = to.redo.slice();
    this.burst = to.burst;
    this.auditBurst = to.auditBurst;
  }

  /**
   * After a save: keeps a copy of its text in backups/ when one is due, off the save's path.
   * One copy at a time; a save acknowledged while a copy is being made waits, and only the
   * newest such save is considered when the copy is done (the others are older states).
   */
  private backUp(text: string): void {
    if (!this.backups) return;
    this.nextBackup = { text, at: this.now() };
    if (this.backingUp) return;
    this.backingUp = true;
    this.backupQueue = this.copyBackups();
  }

  private async copyBackups(): Promise<void> {
    const backups = this.backups!;
    try {
      for (let next = this.nextBackup; next; next = this.nextBackup) {
        this.nextBackup = null;
        if (!backups.due(next.at)) continue;
        try {
          await backups.save(next.text, next.at);
          this.counters.backups++;
        } catch (error) {
          this.counters.failedBackups++;
          this.onBackupError(error);
        }
      }
    } finally {
      this.backingUp = false;
    }
  }

  /**
   * Validates `after` incrementally, records what it does to claims in the audit log under
   * `action` and makes both current (the caller asks for the write); refuses with the
   * reasons, leaving both as they were. `burst`: the change is a coalesced edit (see
   * `appendAudit`). `imported`: see `UpdateOptions.audit`.
   */
  private commit(
    before: Workspace,
    after: Workspace,
    patches: readonly Patch[],
    inversePatches: readonly Patch[],
    action: string,
    burst: AuditBurst | undefined,
    imported?: ImportedAudit,
  ): { delta: WorkspaceDelta; patches: readonly Patch[]; inversePatches: readonly Patch[] } {
    const delta = diffWorkspace(before, after, patches);
    const { issues, replacements } = checkChange(before, after, delta);
    if (issues.length > 0) {
      throw new ApiError('invalid_input', `The change was refused: ${issues.map((i) => i.message).join('; ')}`, issues);
    }
    if (replacements.length > 0) {
      // Store what a read of the file would give (trimmed text, filled defaults).
      const [normalized, more, moreInverse] = produceWithPatches(after, (draft: Draft<Workspace>) => {
        for (const { path: at, value } of replacements) setAt(draft, at, value);
      });
      after = normalized;
      patches = [...patches, ...more];
      inversePatches = [...moreInverse, ...inversePatches];
    }
    const generated = imported?.replace ? [] : auditEntries(before, after, delta, { action, by: before.settings.currentEditor, at: this.timestamp() });
    const entries = imported ? [...imported.entries, ...generated] : generated;
    checkAuditEntries(entries);
    if (imported?.replace) this.replaceAudit(entries);
    else this.appendAudit(entries, burst);
    this.db.data = after;
    return { delta, patches, inversePatches };
  }

  /**
   * Appends audit entries; within a burst of coalesced edits (one undo step), an entry for
   * the same claim, field and action as one the burst already wrote updates that entry's
   * new value and time instead, so typing a wording gives one entry, not one per autosave.
   * (A failed save puts the log back from its checkpoint: see `rollback`.)
   */
  private appendAudit(entries: readonly AuditEntry[], burst: AuditBurst | undefined): void {
    const log = this.auditLog;
    const length = log.length;
    const previousBurst = this.auditBurst;
    if (entries.length === 0) return;
    const joins = burst !== undefined && burst.joins && previousBurst?.key === burst.key;
    const from = joins ? previousBurst.from : length;
    for (const entry of entries) {
      let at = -1;
      for (let i = from; i < length; i++) {
        const e = log[i]!;
        if (e.claimId === entry.claimId && e.field === entry.field && e.action === entry.action && e.by === entry.by) at = i;
      }
      if (at >= 0) log[at] = Object.freeze({ ...log[at]!, to: entry.to, at: entry.at });
      else log.push(Object.freeze({ ...entry }));
    }
    if (!joins) this.auditBurst = burst ? { key: burst.key, from: length } : null;
  }

  /** Makes the audit log exactly `entries`. */
  private replaceAudit(entries: readonly AuditEntry[]): void {
    const log = this.auditLog;
    log.length = 0;
    for (const entry of entries) log.push(Object.isFrozen(entry) ? entry : Object.freeze({ ...entry }));
    this.auditBurst = null;
  }

  /** Whether a recorded change with this coalesce key, now, joins the last step (see `record`). */
  private joinsBurst(coalesce: string | undefined, at: number): boolean {
    const burst = this.burst;
    return coalesce !== undefined && burst !== null && burst.key === coalesce && at - burst.at <= COALESCE_MS && this.undoStack.at(-1) === burst.entry;
  }

  private record(
    label: string,
    patches: readonly Patch[],
    inversePatches: readonly Patch[],
    coalesce: string | undefined,
    at: number,
    audit?: HistoryEntry['audit'],
  ): void {
    const burst = this.burst;
    if (!audit && burst && this.joinsBurst(coalesce, at)) {
      const joinedPatches = compactReplaces([...burst.entry.patches, ...patches]);
      const joinedInverse = compactReplaces([...inversePatches, ...burst.entry.inversePatches]);
      const joined: HistoryEntry = {
        label: burst.entry.label,
        patches: joinedPatches,
        inversePatches: joinedInverse,
        weight: weigh(joinedPatches) + weigh(joinedInverse),
      };
      this.undoStack[this.undoStack.length - 1] = joined;
      this.burst = { entry: joined, key: burst.key, at };
      return;
    }
    const entry: HistoryEntry = { label, patches, inversePatches, weight: weigh(patches) + weigh(inversePatches), ...(audit && { audit }) };
    this.undoStack.push(entry);
    let weight = this.undoStack.reduce((sum, e) => sum + e.weight, 0);
    while (this.undoStack.length > HISTORY_LIMIT || (weight > HISTORY_TEXT_BUDGET && this.undoStack.length > 1)) {
      weight -= this.undoStack.shift()!.weight;
    }
    this.redoStack = [];
    this.burst = coalesce === undefined ? null : { entry, key: coalesce, at };
  }
}

/** Removes temp files a crash mid-write left for the files named `targets` (the folder's lock is held: no write of ours is running). */
async function removeTempFiles(dir: string, targets: readonly string[]): Promise<void> {
  for (const name of await fs.readdir(dir)) {
    if (targets.includes(tempFileTarget(name) ?? '')) await fs.unlink(path.join(dir, name)).catch(() => undefined);
  }
}

/**
 * Applies patches without copying their values (immer's `applyPatches` deep-clones each
 * value, which would copy every claim to undo a delete). The values are parts of earlier,
 * frozen workspaces, so sharing them is safe, and keeps unchanged entities identical.
 */
function applySharedPatches(base: Workspace, patches: readonly Patch[]): Workspace {
  return produce(base, (draft: Draft<Workspace>) => {
    for (const { op, path: at, value } of patches) {
      if (at.length === 0) throw new Error('A history step cannot replace the whole workspace.');
      const parent = parentOf(draft, at);
      const key = at[at.length - 1]!;
      if (Array.isArray(parent) && typeof key === 'number') {
        if (op === 'add') parent.splice(key, 0, value);
        else if (op === 'remove') parent.splice(key, 1);
        else parent[key] = value;
      } else if (op === 'remove') {
        delete parent[key];
      } else {
        parent[key] = value;
      }
    }
  });
}

function setAt(draft: Draft<Workspace>, at: readonly (string | number)[], value: unknown): void {
  parentOf(draft, at)[at[at.length - 1]!] = value;
}

type Node = Record<PropertyKey, unknown>;

/**
 * The object holding the last key of `at`, ready to be written. Objects from the base come
 * as drafts; a frozen value an earlier patch of this step put in place does not, so it is
 * replaced by a shallow copy (its own children stay shared).
 */
function parentOf(draft: Draft<Workspace>, at: readonly (string | number)[]): Node {
  let node = draft as unknown as Node;
  for (const key of at.slice(0, -1)) {
    let child = node[key];
    if (child === null || typeof child !== 'object') throw new Error(`A history step does not fit the workspace at ${at.join('.')}.`);
    if (!isDraft(child) && Object.isFrozen(child)) {
      child = Array.isArray(child) ? [...(child as unknown[])] : { ...(child as Node) };
      node[key] = child;
    }
    node = child as Node;
  }
  return node;
}

/**
 * A burst of edits of one field gives one replace patch per save: applied in order, the
 * last one per path is what counts (the newest value forward; back, since undo patches run
 * newest first, the oldest value). Only when every patch is a replace and no path is inside
 * another, so the order cannot matter.
 */
function compactReplaces(patches: Patch[]): Patch[] {
  if (!patches.every((p) => p.op === 'replace')) return patches;
  const byPath = new Map<string, Patch>();
  for (const patch of patches) byPath.set(JSON.stringify(patch.path), patch);
  const keys = [...byPath.keys()].map((k) => k.slice(0, -1));
  if (keys.some((a, i) => keys.some((b, j) => i !== j && b.startsWith(`${a},`)))) return patches;
  return [...byPath.values()];
}

/** Roughly how much text patches hold: their string values and the `text` of entities they hold. */
function weigh(patches: readonly Patch[]): number {
  let chars = 0;
  for (const { value } of patches) {
    if (typeof value === 'string') chars += value.length;
    else if (value !== null && typeof value === 'object' && typeof (value as { text?: unknown }).text === 'string') {
      chars += (value as { text: string }).text.length;
    }
  }
  return chars;
}

/** Draft objects in a change's result, replaced by plain snapshots (drafts die with the change). */
function resolveDrafts<T>(value: T): T {
  if (isDraft(value)) return current(value as Draft<T>) as T;
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value;
  if (Array.isArray(value)) return value.map(resolveDrafts) as T;
  if (Object.getPrototypeOf(value) !== Object.prototype) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolveDrafts(v)])) as T;
}
