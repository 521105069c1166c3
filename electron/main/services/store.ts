import { promises as fs } from 'node:fs';
import path from 'node:path';
import { enableArrayMethods, enablePatches, freeze, type Draft, type Patch } from 'immer';
import type { AuditEntry, Workspace } from '../../../shared/domain/schemas';
import type { HistoryResult, HistoryState, StartupNotice } from '../../../shared/api/contract';
import { DATA_FILE_NAME } from './paths';
import { DataFileError, NewerDataFileError, tempFileTarget, writeFileAtomic } from './json-file';
import { newId as defaultNewId } from './ids';
import { ApiError } from '../../../shared/api/result';
import { changesOf, checkChange, COLLECTIONS, diffWorkspace, noChanges, type CollectionName, type WorkspaceDelta } from './workspace-delta';
import { auditEntries, checkAuditEntries } from './audit';
import { AuditLog, type AuditBurst } from './audit-log';
import { DataFolderBusyError, DataFolderLock, type LockKind } from './data-lock';
import { BACKUP_DIR_NAME, Backups, DEFAULT_BACKUP_POLICY, type BackupPolicy } from './backups';
import { NOTICE_FILE_NAME, readNotice, removeNotice, repairNotice, writeNotice } from './recovery';
import type { ImportedAudit, UpdateOptions, WorkspaceStore } from './store-interface';
import { applySharedPatches, compactReplaces, immer, resolveDrafts, setAt, weigh } from './store-patches';
import { workspaceFile } from './snapshot-file';
import { WorkspaceDisk, type DiskOptions } from './workspace-disk';
import { emptyHint, noteChange, noteWrites, type JournalHint } from './journal-ops';
import { beforeView, InPlaceLog, tryDraftChange, type DraftedChange } from './in-place-change';
import { loadWorkspace, type LoadedWorkspace } from './workspace-loader';

export { DataFolderBusyError, LOCK_FILE_NAME, type LockInfo, type LockKind } from './data-lock';
export type { ImportedAudit, UpdateOptions } from './store-interface';
export { workspaceFile } from './snapshot-file';

enablePatches();
// Array methods (find, filter, some…) on drafts read plain values instead of creating one
// proxy per element: finding a claim among 100,000 stays cheap.
enableArrayMethods();

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

/** Counters for benchmarks and tests. */
export interface StoreStats {
  /** Successful writes (journal appends; each may hold many updates). */
  writes: number;
  failedWrites: number;
  /** Updates, undos and redos that changed something (each was acknowledged by a write, or refused by a failed one). */
  changes: number;
  /** Times the journal was folded into the snapshot. */
  folds: number;
  failedFolds: number;
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

/** Everything a write makes durable, and what a failed write rolls back to (the audit log keeps its own marks). */
interface Checkpoint {
  readonly data: Workspace;
  readonly undo: readonly HistoryEntry[];
  readonly redo: readonly HistoryEntry[];
  readonly burst: LowdbWorkspaceStore['burst'];
  /** Where the log of writes in place was (`data`'s arrays may have been written in place since: see InPlaceLog.stateAt). */
  readonly logAt: number;
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
 * The personal workspace store: the workspace in memory, kept on disk as a lowdb snapshot,
 * a journal of changes and the audit files (workspace-disk.ts). A change runs on an immer
 * draft (structural sharing: what it does not touch is not copied), only what it touched is
 * validated (a refused change leaves memory, disk and history as they were), and the new
 * workspace becomes current in memory at once, so changes apply in call order.
 *
 * Writes are shared (group commit): a change asks for a write; while one is in flight,
 * every change made meanwhile waits for the next, which holds them all, so a burst of a
 * thousand changes costs two or three writes. A write appends what changed since the last
 * one to the journal, so it costs the change, not the workspace. A change's promise
 * resolves only once a write holding it is on disk (appended and fsynced). When a write
 * fails, memory, audit log and history roll back to what the disk holds and every change
 * not on disk is refused with SaveError: memory never claims more than the disk holds.
 * Every entity is deeply frozen; every change is recorded as patches for undo and redo.
 */
export class LowdbWorkspaceStore implements WorkspaceStore {
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;
  private undoStack: HistoryEntry[] = [];
  private redoStack: HistoryEntry[] = [];
  /** The entry the last recorded change pushed, while further changes may join it. */
  private burst: { entry: HistoryEntry; key: string; at: number } | null = null;
  /** The workspace now (what changes have made of it, saved or not). */
  private state: Workspace;
  /** What the disk holds (the last successful write, or what was read). */
  private durable: Checkpoint;
  /** Where the changes since the last write started wrote: what the next journal record holds. */
  private dirty: JournalHint = emptyHint();
  /** Changes applied to the arrays in place, back to what the disk holds (in-place-change.ts). */
  private readonly inPlace = new InPlaceLog();
  /** Changes applied in memory since the write in flight started: the next write holds them. */
  private pending: Batch | null = null;
  private inFlight: Batch | null = null;
  private flushScheduled = false;
  /** The write running now and the fold after it (its batch is settled before the fold): what `flushed` waits for. */
  private flushing: Promise<void> = Promise.resolve();
  /** Backups are copied after the save they copy is acknowledged, one at a time. */
  private backupQueue: Promise<void> = Promise.resolve();
  private backingUp = false;
  /** The newest saved state not yet considered for a backup. */
  private nextBackup: { data: Workspace; audit: readonly AuditEntry[]; at: Date } | null = null;
  private readonly counters: StoreStats = { writes: 0, failedWrites: 0, changes: 0, folds: 0, failedFolds: 0, backups: 0, failedBackups: 0 };
  private notice: StartupNotice | null;
  /** The notice of damage found after the start, on its way to disk: `close` waits for it. */
  private noticeWrite: Promise<void> = Promise.resolve();
  /** Every change to every claim, oldest first: append-only, never part of undo (an undo appends its own entries). */
  private readonly auditLog: AuditLog;

  private constructor(
    loaded: LoadedWorkspace,
    private readonly disk: WorkspaceDisk | null,
    readonly file: string,
    readonly now: () => Date,
    readonly newId: () => string,
    /** The data folder's lock; null for a read-only store, which takes none. */
    private readonly lock: DataFolderLock | null,
    /** The rolling backups; null for a read-only store. */
    readonly backups: Backups | null,
    notice: StartupNotice | null,
    private readonly onBackupError: (error: unknown) => void = (error) => console.warn(`Fact-check Desk: a backup could not be kept: ${(error as Error)?.message ?? String(error)}`),
  ) {
    this.state = freezeEntities(loaded.data);
    this.auditLog = new AuditLog(loaded.audit, (damage) => {
      // Found when the audit files were first read (after the start): told like a start's.
      this.notice ??= repairNotice(damage, this.now());
      if (this.lock) this.noticeWrite = writeNotice(path.dirname(this.file), this.notice).catch(this.onBackupError);
    });
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
   * copy of it as it was is kept in `backups/` (`…-before-v3.json`). A file from a newer
   * version is refused (NewerDataFileError) and left as it is. Damage never stops the
   * start (workspace-loader.ts): a damaged data file is set aside and the newest valid
   * backup (else the sample workspace) takes its place; a damaged end of the journal or of
   * an audit file is cut off and kept aside; a startup notice (`startupNotice`) says what
   * happened. DataFileError only when the folder cannot be read at all.
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
    let disk: WorkspaceDisk | null = null;
    try {
      lock = await DataFolderLock.acquire(dir, options.kind ?? 'desktop');
      await removeTempFiles(dir, [DATA_FILE_NAME, NOTICE_FILE_NAME]);
      const backups = new Backups(path.join(dir, BACKUP_DIR_NAME), { ...DEFAULT_BACKUP_POLICY, ...options.backups });
      await backups.load();
      const loaded = (await loadWorkspace(dir, file, { repair: true, now, newId, backups, lazyAuditBytes: options.lazyAuditBytes }))!;
      if (loaded.notice) await writeNotice(dir, loaded.notice);
      if (loaded.migratedText !== null) await backups.keepBeforeMigration(loaded.migratedText, now(), loaded.data.schemaVersion);
      const diskOptions: DiskOptions = {
        writeFile: options.writeFile ?? writeFileAtomic,
        ...(options.appendJournal && { appendJournal: options.appendJournal }),
        ...(options.foldBytes !== undefined && { foldBytes: options.foldBytes }),
      };
      disk = await WorkspaceDisk.open(dir, loaded.seq, diskOptions, loaded.journalAudit);
      const notice = loaded.notice ?? (await readNotice(dir));
      const store = new LowdbWorkspaceStore(loaded, disk, file, now, newId, lock, backups, notice, options.onBackupError);
      // A new, migrated or restored workspace starts its snapshot and audit files anew.
      if (loaded.foldNow) {
        await disk.fold(store.state, store.auditLog.length, { reset: true, entries: store.auditLog.entries.map((e, i) => [i, e] as const) });
        store.backUp({ data: store.data, audit: store.auditLog.entries.slice(), at: now() });
      }
      return store;
    } catch (error) {
      await disk?.close().catch(() => undefined);
      await lock?.release();
      openFiles.delete(file);
      throw error;
    }
  }

  /**
   * Opens a data folder's workspace to read it only (exports): no lock, so it works while
   * the app has the folder open; nothing is ever written (`update`, `undo` and `redo`
   * refuse), not even a repair. What it holds is the folder as it was when opened. Refuses
   * a folder without a workspace, or a file that cannot be read, with DataFileError.
   */
  static async openReadOnly(dataDir: string, options: Omit<StoreOptions, 'kind'> = {}): Promise<LowdbWorkspaceStore> {
    const now = options.now ?? (() => new Date());
    const newId = options.newId ?? defaultNewId;
    const dir = path.resolve(dataDir);
    const file = path.join(dir, DATA_FILE_NAME);
    const loaded = await loadWorkspace(dir, file, { repair: false, now, newId, backups: null, lazyAuditBytes: options.lazyAuditBytes });
    if (!loaded) throw new DataFileError(file, 'there is no workspace in this folder (no such file)');
    return new LowdbWorkspaceStore(loaded, null, file, now, newId, null, null, null);
  }

  /** True for a store from `openReadOnly`. */
  get readOnly(): boolean {
    return this.lock === null;
  }

  /**
   * The current workspace, its entities deeply frozen, with an empty `audit` (see `audit`):
   * changes go through `update`. It does not change after it is read: the next change
   * copies an array it writes to (once) rather than write a handed-out one in place.
   */
  get data(): Workspace {
    for (const c of COLLECTIONS) this.inPlace.share(this.state[c]);
    return this.state;
  }

  /** The whole audit log, oldest first, as it is now (saved or not). */
  get audit(): readonly AuditEntry[] {
    return this.auditLog.entries;
  }

  /** Counters: writes (each holding one or more changes), failed writes, changes, folds, backups. */
  get stats(): Readonly<StoreStats> {
    return { ...this.counters };
  }

  /** The journal's size in bytes (0 right after a fold). */
  get journalBytes(): number {
    return this.disk?.journalBytes ?? 0;
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
  async readAudit(): Promise<readonly AuditEntry[]> {
    await this.auditLog.ensureLoaded();
    return this.enqueue(async () => this.auditLog.entries.slice());
  }

  /** One claim's audit entries, oldest first (a deleted claim's too), once every change already asked for has run. */
  async claimHistory(claimId: string): Promise<AuditEntry[]> {
    await this.auditLog.ensureLoaded();
    return this.enqueue(async () => this.auditLog.entries.filter((entry) => entry.claimId === claimId));
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
        // Replacing the log keeps the old one for undo: every entry must be in memory.
        if (options.audit?.replace) await this.auditLog.ensureLoaded();
        const before = this.state;
        // Most changes edit or add a few entities: drafted on their own, written in place.
        const drafted = options.audit ? null : tryDraftChange(before, immer, change);
        if (drafted) return this.updateInPlace(label, before, drafted, options);
        let result!: T;
        const [after, patches, inversePatches] = immer.produceWithPatches(before, (draft: Draft<Workspace>) => {
          result = resolveDrafts(change(draft as Workspace));
        });
        if (patches.length === 0) return { value: result, saved: this.settled() };
        if (patches.some((p) => p.path[0] === 'audit')) throw new Error('The audit log is append-only: the store records it, a change cannot edit it.');
        const record = options.record !== false;
        const at = this.now().getTime();
        const joins = record && this.joinsBurst(options.coalesce, at);
        const burst = record && options.coalesce !== undefined ? { key: options.coalesce, joins } : undefined;
        const auditBefore = options.audit?.replace ? this.auditLog.entries.slice() : null;
        const step = this.commit(before, after, patches, inversePatches, label, burst, options.audit);
        if (record) {
          const swap = auditBefore ? { before: auditBefore, after: this.auditLog.entries.slice() } : undefined;
          this.record(label, step.patches, step.inversePatches, options.coalesce, at, swap);
        }
        return { value: result, saved: this.persist() };
      }),
    );
  }

  /** `update` for a change drafted entity by entity (in-place-change.ts): the same rules, written in place. */
  private updateInPlace<T>(label: string, before: Workspace, drafted: DraftedChange<T>, options: UpdateOptions): { value: T; saved: Promise<void> } {
    const { result, patches } = drafted;
    if (patches.length === 0) return { value: result, saved: this.settled() };
    const record = options.record !== false;
    const at = this.now().getTime();
    const joins = record && this.joinsBurst(options.coalesce, at);
    const burst = record && options.coalesce !== undefined ? { key: options.coalesce, joins } : undefined;
    const step = this.commitInPlace(before, drafted, label, burst);
    if (record) this.record(label, step.patches, step.inversePatches, options.coalesce, at);
    return { value: result, saved: this.persist() };
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
    // The batch in flight is settled before its write's fold ends: waiting on it again would never yield.
    while (this.pending || this.inFlight) await (this.inFlight ? this.flushing : this.pending!.saved).catch(() => undefined);
  }

  /** Lets every change asked for apply and reach the disk, and the last backup finish, then releases the folder. */
  async close(): Promise<void> {
    await this.queue;
    await this.flushed();
    await this.backupQueue;
    await this.noticeWrite;
    this.closed = true;
    this.undoStack = [];
    this.redoStack = [];
    this.burst = null;
    await this.disk?.close();
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
    const before = this.state;
    const patches = entry[direction];
    const after = applySharedPatches(before, patches);
    const action = `${direction === 'inversePatches' ? 'Undo' : 'Redo'}: ${entry.label}`;
    const swap = entry.audit && { entries: direction === 'inversePatches' ? entry.audit.before : entry.audit.after, replace: true };
    const { delta } = this.commit(before, after, patches, [], action, undefined, swap);
    from.pop();
    to.push(entry);
    this.burst = null;
    this.auditLog.endBurst();
    return { value: { ...this.history(), label: entry.label, changes: changesOf(this.state, delta) }, saved: this.persist() };
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
      this.flushing = this.flush();
    });
  }

  private checkpoint(): Checkpoint {
    return { data: this.state, undo: this.undoStack.slice(), redo: this.redoStack.slice(), burst: this.burst, logAt: this.inPlace.position };
  }

  /** A checkpoint's workspace as it was when taken, in arrays of its own (later changes may have written its arrays in place). */
  private dataAt(checkpoint: Checkpoint): Workspace {
    return this.inPlace.stateAt(checkpoint.data, checkpoint.logAt);
  }

  /**
   * Writes every change applied so far as one journal record; settles the changes waiting
   * on it. Then, off their path, takes a backup when one is due and folds the journal into
   * the snapshot when it has grown past its size (changes made meanwhile wait for the next
   * write, as they do behind any write).
   */
  private async flush(): Promise<void> {
    const batch = this.pending;
    const disk = this.disk;
    if (!batch || this.inFlight || !disk) return;
    this.pending = null;
    this.inFlight = batch;
    const state = this.checkpoint();
    const hint = this.dirty;
    this.dirty = emptyHint();
    const audit = this.auditLog.beginWrite();
    const at = this.now();
    const due = this.backups?.due(at) ?? false;
    // A backup holds the whole log: when it is not read yet, it is read now and the copy taken at a later save.
    if (due && !this.auditLog.loaded) void this.auditLog.ensureLoaded().catch(this.onBackupError);
    const backup = due && this.auditLog.loaded ? { data: this.dataAt(state), audit: this.auditLog.entries.slice(), at } : null;
    try {
      // A log started anew (a restore) goes first in an empty journal: replayed onto audit files
      // that a fold cut short already appended the journal to, what came before it cannot clash.
      if (audit.reset && disk.journalBytes > 0) await disk.fold(this.dataAt(this.durable), this.auditLog.durableLength);
      // Collections a change may have reordered are compared with what the disk holds (as it was).
      const compare = COLLECTIONS.some((c) => hint[c] === null);
      await disk.append(compare ? this.dataAt(this.durable) : this.durable.data, state.data, audit, hint);
    } catch (cause) {
      this.inFlight = null;
      this.counters.failedWrites++;
      // Memory goes back to what the disk holds; every change not on it is refused.
      this.rollback(this.durable);
      this.auditLog.writeFailed();
      const error = new SaveError(this.file, cause);
      const waiting = this.pending as Batch | null;
      this.pending = null;
      batch.reject(error);
      waiting?.reject(error);
      return;
    }
    this.counters.writes++;
    this.durable = state;
    this.inPlace.forgetBefore(state.logAt);
    this.auditLog.writeSucceeded();
    batch.resolve();
    if (backup) this.backUp(backup);
    if (disk.foldDue) await this.fold(disk, this.dataAt(state));
    this.inFlight = null;
    this.scheduleFlush();
  }

  /** Folds the journal into the snapshot; a failure loses nothing (the journal still holds it all) and is retried after the next write. */
  private async fold(disk: WorkspaceDisk, data: Workspace): Promise<void> {
    try {
      await disk.fold(data, this.auditLog.durableLength);
      this.counters.folds++;
    } catch (error) {
      this.counters.failedFolds++;
      this.onBackupError(error);
    }
  }

  private rollback(to: Checkpoint): void {
    this.inPlace.revertTo(to.logAt);
    this.inPlace.forgetIdsOf(to.data);
    this.dirty = emptyHint();
    this.state = to.data;
    this.undoStack = to.undo.slice();
    this.redoStack = to.redo.slice();
    this.burst = to.burst;
  }

  /**
   * After a save: keeps a copy of the whole workspace with its audit log in backups/ when one
   * is due, off the save's path. One copy at a time; a save acknowledged while a copy is
   * being made waits, and only the newest such save is considered when the copy is done.
   */
  private backUp(saved: { data: Workspace; audit: readonly AuditEntry[]; at: Date }): void {
    if (!this.backups) return;
    this.nextBackup = saved;
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
          const text = workspaceFile(backups.dir).serialize({ ...next.data, audit: next.audit as AuditEntry[] });
          await backups.save(text, next.at);
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
   * AuditLog.append). `imported`: see `UpdateOptions.audit`.
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
      const [normalized, more, moreInverse] = immer.produceWithPatches(after, (draft: Draft<Workspace>) => {
        for (const { path: at, value } of replacements) setAt(draft, at, value);
      });
      after = normalized;
      patches = [...patches, ...more];
      inversePatches = [...moreInverse, ...inversePatches];
    }
    const generated = imported?.replace ? [] : auditEntries(before, after, delta, { action, by: before.settings.currentEditor, at: this.timestamp() });
    const entries = imported ? [...imported.entries, ...generated] : generated;
    checkAuditEntries(entries);
    if (imported?.replace) this.auditLog.replace(entries);
    else this.auditLog.append(entries, burst);
    noteChange(this.dirty, before, after, patches);
    this.state = freezeTouched(after, delta);
    return { delta, patches, inversePatches };
  }

  /**
   * `commit` for a drafted change: applies it in place, validates what it touched, records
   * its audit entries and makes it current; refuses with the reasons, leaving everything as
   * it was.
   */
  private commitInPlace(
    before: Workspace,
    drafted: DraftedChange<unknown>,
    action: string,
    burst: AuditBurst | undefined,
  ): { patches: readonly Patch[]; inversePatches: readonly Patch[] } {
    const mark = this.inPlace.position;
    let { patches, inversePatches } = drafted;
    try {
      const { after, delta } = this.inPlace.apply(before, drafted);
      const { issues, replacements } = checkChange(before, after, delta);
      if (issues.length > 0) {
        throw new ApiError('invalid_input', `The change was refused: ${issues.map((i) => i.message).join('; ')}`, issues);
      }
      let state = after;
      for (const { path: [head, index], value } of replacements) {
        // Store what a read of the file would give (trimmed text, filled defaults).
        const old = head === 'settings' ? state.settings : state[head as CollectionName][index as number];
        if (head === 'settings') state = { ...state, settings: value as Workspace['settings'] };
        else this.inPlace.replace(state, head as CollectionName, index as number, value as { id: string });
        const at = head === 'settings' ? ['settings'] : [head!, index!];
        patches = [...patches, { op: 'replace', path: at, value }];
        inversePatches = [{ op: 'replace', path: at, value: old }, ...inversePatches];
      }
      const entries = auditEntries(beforeView(before, after, drafted), state, delta, { action, by: before.settings.currentEditor, at: this.timestamp() });
      checkAuditEntries(entries);
      this.auditLog.append(entries, burst);
      for (const c of COLLECTIONS) noteWrites(this.dirty, c, delta[c].touched);
      this.state = freezeTouched(state, delta);
      return { patches, inversePatches };
    } catch (error) {
      this.inPlace.revertTo(mark);
      throw error;
    }
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
    // A whole collection a step holds (a removal, a reorder) must not be written in place later.
    for (const p of [...patches, ...inversePatches]) if (p.path.length === 1) this.inPlace.share(p.value);
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

/** Deep-freezes every entity and the settings (not the collection arrays: see store-patches.ts). */
function freezeEntities(ws: Workspace): Workspace {
  for (const c of COLLECTIONS) for (const entity of ws[c]) freeze(entity, true);
  freeze(ws.settings, true);
  Object.freeze(ws.audit);
  return Object.freeze(ws);
}

/** Freezes what a change made new: the entities it touched, the settings, the workspace object. */
function freezeTouched(ws: Workspace, delta: WorkspaceDelta): Workspace {
  for (const c of COLLECTIONS) for (const i of delta[c].touched) freeze(ws[c][i], true);
  if (delta.settings || delta.other) freeze(ws.settings, true);
  if (delta.other) for (const c of COLLECTIONS) for (const entity of ws[c]) freeze(entity, true);
  return Object.freeze(ws);
}

/** Removes temp files a crash mid-write left for the files named `targets` (the folder's lock is held: no write of ours is running). */
async function removeTempFiles(dir: string, targets: readonly string[]): Promise<void> {
  for (const name of await fs.readdir(dir)) {
    if (targets.includes(tempFileTarget(name) ?? '')) await fs.unlink(path.join(dir, name)).catch(() => undefined);
  }
}
