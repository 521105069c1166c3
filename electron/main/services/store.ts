import path from 'node:path';
import { COPIES_DIR_NAME, FileCopyStore } from './evidence/file-copy-store';
import type { CopyStore } from './evidence/types';
import { enableArrayMethods, enablePatches, type Draft } from 'immer';
import type { AuditEntry, Workspace } from '../../../shared/domain/schemas';
import type { HistoryResult, HistoryState, StartupNotice } from '../../../shared/api/contract';
import { DATA_FILE_NAME } from './paths';
import { DataFileError } from './json-file';
import { newId as defaultNewId } from './ids';
import { ApiError } from '../../../shared/api/result';
import { changesOf, COLLECTIONS, noChanges } from './workspace-delta';
import { AuditLog } from './audit-log';
import type { DataFolderLock } from './data-lock';
import type { Backups } from './backups';
import { removeNotice, repairNotice, writeNotice } from './recovery';
import type { UpdateOptions, WorkspaceStore } from './store-interface';
import { applySharedPatches, immer, resolveDrafts } from './store-patches';
import type { WorkspaceDisk } from './workspace-disk';
import { InPlaceLog, tryDraftChange, type DraftedChange } from './in-place-change';
import { loadWorkspace, type LoadedWorkspace } from './workspace-loader';
import { UndoHistory, type Direction, type HistoryMark } from './store-history';
import { StoreFlusher, type Checkpoint, type StoreStats } from './store-flusher';
import { commitChange, commitInPlace, freezeEntities, type CommitTarget } from './store-commit';
import { closeFolder, openFolder, type StoreOptions } from './store-open';

export { DataFolderBusyError, LOCK_FILE_NAME, type LockInfo, type LockKind } from './data-lock';
export type { ImportedAudit, UpdateOptions } from './store-interface';
export { workspaceFile } from './snapshot-file';
export { COALESCE_MS, HISTORY_LIMIT, HISTORY_TEXT_BUDGET } from './store-history';
export { SaveError, type StoreStats } from './store-flusher';
export { openFailure, type StoreOptions } from './store-open';

enablePatches();
// Array methods (find, filter, some…) on drafts read plain values instead of creating one
// proxy per element: finding a claim among 100,000 stays cheap.
enableArrayMethods();

/** The store at a write (store-flusher.ts): the workspace, where the log of writes in place was, and the undo history. */
interface StoreCheckpoint extends Checkpoint {
  readonly history: HistoryMark;
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
  /** The workspace now (what changes have made of it, saved or not). */
  private state: Workspace;
  /** Changes applied to the arrays in place, back to what the disk holds (in-place-change.ts). */
  private readonly inPlace = new InPlaceLog();
  private readonly undoHistory = new UndoHistory((value) => this.inPlace.share(value));
  /** The writes, folds and backups (store-flusher.ts). */
  private readonly flusher: StoreFlusher<StoreCheckpoint>;
  private notice: StartupNotice | null;
  /** The notice of damage found after the start, on its way to disk: `close` waits for it. */
  private noticeWrite: Promise<void> = Promise.resolve();
  /** Every change to every claim, oldest first: append-only, never part of undo (an undo appends its own entries). */
  private readonly auditLog: AuditLog;
  /** The local copies of source pages, in the data folder's `copies/` (never rewritten). */
  readonly copies: CopyStore;

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
    this.copies = new FileCopyStore(path.join(path.dirname(file), COPIES_DIR_NAME));
    this.auditLog = new AuditLog(loaded.audit, (damage) => {
      // Found when the audit files were first read (after the start): told like a start's,
      // after a notice not dismissed yet rather than in its place.
      const found = repairNotice(damage, this.now());
      this.notice = this.notice ? { ...this.notice, message: `${this.notice.message} ${found.message}` } : found;
      if (this.lock) this.noticeWrite = writeNotice(path.dirname(this.file), this.notice).catch(this.onBackupError);
    });
    this.notice = notice;
    this.flusher = new StoreFlusher<StoreCheckpoint>(
      { checkpoint: () => this.checkpoint(), rollback: (to) => this.rollback(to) },
      disk,
      this.auditLog,
      this.inPlace,
      { file, now, backups, onBackupError: this.onBackupError },
    );
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
   * an audit file is cut off and kept aside, a damaged line further into an audit file is
   * kept aside and blanked (the entries after it are kept); a startup notice
   * (`startupNotice`) says what happened. DataFileError only when the folder cannot be read at all.
   */
  static async open(dataDir: string, options: StoreOptions = {}): Promise<LowdbWorkspaceStore> {
    const folder = await openFolder(dataDir, options);
    const { file, now, newId, lock, backups, disk, loaded, notice } = folder;
    try {
      const store = new LowdbWorkspaceStore(loaded, disk, file, now, newId, lock, backups, notice, options.onBackupError);
      // A new, migrated or restored workspace starts its snapshot and audit files anew.
      if (loaded.foldNow) {
        await disk.fold(store.state, store.auditLog.length, { reset: true, entries: store.auditLog.entries.map((e, i) => [i, e] as const) });
        store.flusher.backUp({ data: store.data, audit: store.auditLog.entries.slice(), at: now() });
      }
      return store;
    } catch (error) {
      await closeFolder(folder, true);
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
    return this.flusher.stats;
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
    // A notice still on its way to disk would land after the removal and be told again at the next start.
    await this.noticeWrite;
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
        if (patches.length === 0) return { value: result, saved: this.flusher.settled() };
        if (patches.some((p) => p.path[0] === 'audit')) throw new Error('The audit log is append-only: the store records it, a change cannot edit it.');
        const record = options.record !== false;
        const at = this.now().getTime();
        const joins = record && this.undoHistory.joinsBurst(options.coalesce, at);
        const burst = record && options.coalesce !== undefined ? { key: options.coalesce, joins } : undefined;
        const auditBefore = options.audit?.replace ? this.auditLog.entries.slice() : null;
        const step = commitChange(this.commitTarget(), before, after, patches, inversePatches, label, burst, options.audit);
        this.state = step.state;
        if (record) {
          const swap = auditBefore ? { before: auditBefore, after: this.auditLog.entries.slice() } : undefined;
          this.undoHistory.record(label, step.patches, step.inversePatches, options.coalesce, at, swap);
        }
        return { value: result, saved: this.flusher.persist() };
      }),
    );
  }

  /** `update` for a change drafted entity by entity (in-place-change.ts): the same rules, written in place. */
  private updateInPlace<T>(label: string, before: Workspace, drafted: DraftedChange<T>, options: UpdateOptions): { value: T; saved: Promise<void> } {
    const { result, patches } = drafted;
    if (patches.length === 0) return { value: result, saved: this.flusher.settled() };
    const record = options.record !== false;
    const at = this.now().getTime();
    const joins = record && this.undoHistory.joinsBurst(options.coalesce, at);
    const burst = record && options.coalesce !== undefined ? { key: options.coalesce, joins } : undefined;
    const step = commitInPlace(this.commitTarget(), before, drafted, label, burst);
    this.state = step.state;
    if (record) this.undoHistory.record(label, step.patches, step.inversePatches, options.coalesce, at);
    return { value: result, saved: this.flusher.persist() };
  }

  /** Undoes the most recent recorded change (validated and saved like any change). */
  undo(): Promise<HistoryResult> {
    if (this.readOnly) return this.refuseWrite();
    return this.whenSaved(this.enqueue(async () => this.step('undo')));
  }

  /** Redoes the most recently undone change. */
  redo(): Promise<HistoryResult> {
    if (this.readOnly) return this.refuseWrite();
    return this.whenSaved(this.enqueue(async () => this.step('redo')));
  }

  /** The history once every change already asked for has run (what a client that just saved should see). */
  settledHistory(): Promise<HistoryState> {
    return this.enqueue(async () => this.history());
  }

  history(): HistoryState {
    return this.undoHistory.state();
  }

  /** Resolves once every change already applied is on disk (or its write failed). */
  flushed(): Promise<void> {
    return this.flusher.flushed();
  }

  /** Lets every change asked for apply and reach the disk, and the last backup finish, then releases the folder. */
  async close(): Promise<void> {
    await this.queue;
    await this.flushed();
    await this.flusher.backedUp();
    await this.noticeWrite;
    this.closed = true;
    this.undoHistory.clear();
    if (this.lock && this.disk) await closeFolder({ file: this.file, lock: this.lock, disk: this.disk });
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

  private step(direction: Direction): { value: HistoryResult; saved: Promise<void> } {
    const entry = this.undoHistory.next(direction);
    if (!entry) return { value: { ...this.history(), label: null, changes: noChanges() }, saved: this.flusher.settled() };
    const before = this.state;
    const patches = direction === 'undo' ? entry.inversePatches : entry.patches;
    const after = applySharedPatches(before, patches);
    const action = `${direction === 'undo' ? 'Undo' : 'Redo'}: ${entry.label}`;
    const swap = entry.audit && { entries: direction === 'undo' ? entry.audit.before : entry.audit.after, replace: true };
    const { state, delta } = commitChange(this.commitTarget(), before, after, patches, [], action, undefined, swap);
    this.state = state;
    this.undoHistory.applied(direction);
    this.auditLog.endBurst();
    return { value: { ...this.history(), label: entry.label, changes: changesOf(this.state, delta) }, saved: this.flusher.persist() };
  }

  /** A change's value once the write holding it is on disk. */
  private async whenSaved<T>(applied: Promise<{ value: T; saved: Promise<void> }>): Promise<T> {
    const { value, saved } = await applied;
    await saved;
    return value;
  }

  private commitTarget(): CommitTarget {
    return { auditLog: this.auditLog, inPlace: this.inPlace, hint: this.flusher.hint, timestamp: () => this.timestamp() };
  }

  private checkpoint(): StoreCheckpoint {
    return { data: this.state, history: this.undoHistory.mark(), logAt: this.inPlace.position };
  }

  private rollback(to: StoreCheckpoint): void {
    this.inPlace.revertTo(to.logAt);
    this.inPlace.forgetIdsOf(to.data);
    this.state = to.data;
    this.undoHistory.restore(to.history);
  }
}
