/**
 * The store's writes (see store.ts): shared writes (group commit), the journal folded into
 * the snapshot when it grows, backups taken after a save, and the rollback of memory to
 * what the disk holds when a write fails.
 *
 * A change applied in memory asks for a write (`persist`); while one is in flight, every
 * change made meanwhile waits for the next, which holds them all. A write appends what
 * changed since the last one to the journal (workspace-disk.ts), so it costs the change,
 * not the workspace; the changes it holds are settled once it is on disk (appended and
 * fsynced). When a write fails, memory, audit log and history go back to what the disk
 * holds and every change not on disk is refused with SaveError.
 */
import type { Workspace } from '../../../shared/domain/schemas';
import { ApiError } from '../../../shared/api/result';
import { COLLECTIONS } from './workspace-delta';
import type { AuditLog } from './audit-log';
import { BackupQueue, type SavedState } from './backup-queue';
import type { Backups } from './backups';
import type { InPlaceLog } from './in-place-change';
import { emptyHint, type JournalHint } from './journal-ops';
import type { WorkspaceDisk } from './workspace-disk';

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

/** Everything a write makes durable, and what a failed write rolls back to (the audit log keeps its own marks). */
export interface Checkpoint {
  readonly data: Workspace;
  /** Where the log of writes in place was (`data`'s arrays may have been written in place since: see InPlaceLog.stateAt). */
  readonly logAt: number;
}

/** What the flusher needs of the store: its state now, and going back to an earlier one. */
export interface FlushHost<C extends Checkpoint> {
  checkpoint(): C;
  /** Memory goes back to `to` (a write failed); the changes since are refused. */
  rollback(to: C): void;
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

export interface FlusherOptions {
  /** The data file, for SaveError's message. */
  readonly file: string;
  readonly now: () => Date;
  /** The rolling backups; null for none (a read-only store). */
  readonly backups: Backups | null;
  /** Told when a backup could not be kept, or a fold failed (the save itself succeeded). */
  readonly onBackupError: (error: unknown) => void;
}

export class StoreFlusher<C extends Checkpoint> {
  /** Where the changes since the last write started wrote: what the next journal record holds. */
  private dirty: JournalHint = emptyHint();
  /** Changes applied in memory since the write in flight started: the next write holds them. */
  private pending: Batch | null = null;
  private inFlight: Batch | null = null;
  private flushScheduled = false;
  /** The write running now and the fold after it (its batch is settled before the fold): what `flushed` waits for. */
  private flushing: Promise<void> = Promise.resolve();
  /** What the disk holds (the last successful write, or what was read). */
  private durable: C;
  private readonly counters: StoreStats = { writes: 0, failedWrites: 0, changes: 0, folds: 0, failedFolds: 0, backups: 0, failedBackups: 0 };
  /** Backups are copied after the save they copy is acknowledged, one at a time. */
  private readonly backupQueue: BackupQueue | null;

  constructor(
    private readonly host: FlushHost<C>,
    /** Null for a read-only store: nothing is ever written. */
    private readonly disk: WorkspaceDisk | null,
    private readonly auditLog: AuditLog,
    /** Changes applied to the arrays in place, back to what the disk holds (in-place-change.ts). */
    private readonly inPlace: InPlaceLog,
    private readonly options: FlusherOptions,
  ) {
    this.durable = host.checkpoint();
    this.backupQueue = options.backups && new BackupQueue(options.backups, this.counters, options.onBackupError);
  }

  /** Where the changes since the last write started wrote (journal-ops.ts): changes note what they touch here. */
  get hint(): JournalHint {
    return this.dirty;
  }

  get stats(): Readonly<StoreStats> {
    return { ...this.counters };
  }

  /** Asks for a write of the current state; resolves when it is on disk. */
  persist(): Promise<void> {
    this.counters.changes++;
    this.pending ??= newBatch();
    this.scheduleFlush();
    return this.pending.saved;
  }

  /** The write that will hold the state as it is now: the pending one, else the one in flight (none: on disk already). */
  settled(): Promise<void> {
    return (this.pending ?? this.inFlight)?.saved ?? Promise.resolve();
  }

  /** Resolves once every change already applied is on disk (or its write failed). */
  async flushed(): Promise<void> {
    // The batch in flight is settled before its write's fold ends: waiting on it again would never yield.
    while (this.pending || this.inFlight) await (this.inFlight ? this.flushing : this.pending!.saved).catch(() => undefined);
  }

  /** Resolves once the backup being copied (if any) is kept. */
  backedUp(): Promise<void> {
    return this.backupQueue?.idle() ?? Promise.resolve();
  }

  /** Keeps a backup of a saved state when one is due, off the save's path (backup-queue.ts). */
  backUp(saved: SavedState): void {
    this.backupQueue?.add(saved);
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

  /** A checkpoint's workspace as it was when taken, in arrays of its own (later changes may have written its arrays in place). */
  private dataAt(checkpoint: C): Workspace {
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
    const state = this.host.checkpoint();
    const hint = this.dirty;
    this.dirty = emptyHint();
    const audit = this.auditLog.beginWrite();
    const at = this.options.now();
    const due = this.backupQueue?.due(at) ?? false;
    // A backup holds the whole log: when it is not read yet, it is read now and the copy taken at a later save.
    if (due && !this.auditLog.loaded) void this.auditLog.ensureLoaded().catch(this.options.onBackupError);
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
      this.dirty = emptyHint();
      this.host.rollback(this.durable);
      this.auditLog.writeFailed();
      const error = new SaveError(this.options.file, cause);
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
      this.options.onBackupError(error);
    }
  }
}
