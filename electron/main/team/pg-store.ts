/**
 * The team workspace store (issue 15): the WorkspaceStore of a team server, whose data lives
 * in PostgreSQL. The same handlers as the desktop app run on it.
 *
 * Like the personal store, it keeps the workspace in memory (one process serves a workspace)
 * and a change runs on an immer draft, is validated and audited by the same code
 * (store-commit.ts) and becomes current at once, so changes apply one at a time in call
 * order. The database is the truth: each change gets the next sequence number and is written
 * in a transaction with its entities, settings, audit entries and one `changes` row
 * (pg-persist.ts); its promise resolves after COMMIT. Writes are shared (group commit):
 * changes made while a transaction is in flight go together in the next one. When a
 * transaction fails, memory, audit log, histories and sequence go back to what the database
 * holds and every change not in it is refused with TeamSaveError.
 *
 * Who acts is the request's person (`runAs`, actor.ts): changes see them as
 * `settings.currentEditor`, which is never stored. Each person has an undo history of their
 * own, of steps by entity id and field (entity-steps.ts); an undo that would overwrite what
 * someone else changed since is refused, saying who and what.
 */
import { PgCopyStore } from './pg-copy-store';
import type { CopyStore } from '../services/evidence/types';
import { enablePatches, type Draft, type Patch } from 'immer';
import pg from 'pg';
import type { AuditEntry, Workspace } from '../../../shared/domain/schemas';
import type { HistoryResult, HistoryState } from '../../../shared/api/contract';
import { ApiError } from '../../../shared/api/result';
import { newId as defaultNewId } from '../services/ids';
import { AuditLog } from '../services/audit-log';
import type { UpdateOptions, WorkspaceStore } from '../services/store-interface';
import { immer, resolveDrafts } from '../services/store-patches';
import { UndoHistory, type Direction, type HistoryMark } from '../services/store-history';
import { commitChange, freezeEntities, type CommitTarget } from '../services/store-commit';
import { InPlaceLog } from '../services/in-place-change';
import { emptyHint } from '../services/journal-ops';
import { changesOf, COLLECTIONS, noChanges, type WorkspaceDelta } from '../services/workspace-delta';
import { migrate } from './db/migrate';
import { currentActor, runAs, withEditor } from './actor';
import { applySteps, conflictOf, describeConflict, entitySteps, type LastChange } from './entity-steps';
import { TeamWriter, type AppliedChange } from './pg-writer';
import { databaseDisplayName, loadTeamWorkspace, readAuditRows, readChanges, type ChangeRecord } from './pg-persist';

export { databaseDisplayName, type ChangeRecord } from './pg-persist';
export { TeamSaveError } from './pg-writer';

enablePatches();

export interface PgStoreOptions {
  readonly now?: () => Date;
  readonly newId?: () => string;
  /** More pool settings (max connections…); the connection string is `open`'s. */
  readonly pool?: Omit<pg.PoolConfig, 'connectionString'>;
}

/** The most records `changesSince` gives at once (and the default). */
export const CHANGES_PAGE = 500;

/** What the store was at one moment, to roll back to when a write fails. */
interface Checkpoint {
  readonly state: Workspace;
  readonly histories: ReadonlyMap<string, HistoryMark>;
  readonly seq: number;
}

export class PostgresWorkspaceStore implements WorkspaceStore {
  readonly readOnly = false;
  readonly startupNotice = null;
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;
  /** The workspace now (every change applied, written or not), currentEditor empty. */
  private state: Workspace;
  /** The workspace as each person sees it (`state` with their name as currentEditor), until the next change. */
  private views = new Map<string, Workspace>();
  private readonly histories = new Map<string, UndoHistory>();
  private readonly auditLog: AuditLog;
  /** The sequence number of the last change applied (written or not). */
  private seq: number;
  /** Who last changed each entity (`claims:ID`) and the settings, and how: for the words of a refused undo. */
  private readonly lastChanged = new Map<string, LastChange>();
  private readonly writer: TeamWriter<Checkpoint>;
  /** The local copies of source pages (source_copies): written once, never rewritten. */
  readonly copies: CopyStore;

  private constructor(
    private readonly pool: pg.Pool,
    readonly file: string,
    loaded: Awaited<ReturnType<typeof loadTeamWorkspace>>,
    private readonly now: () => Date,
    readonly newId: () => string,
  ) {
    this.state = withEditor(freezeEntities(loaded.data), '');
    this.copies = new PgCopyStore(pool);
    this.seq = loaded.latestSeq;
    const holes = new Array<AuditEntry>(loaded.auditLength);
    const readFiles = async () => {
      const { rows } = await pool.query<{ n: string; entry: AuditEntry }>('SELECT n, entry FROM audit WHERE n < $1 ORDER BY n', [loaded.auditLength]);
      const entries: AuditEntry[] = [];
      for (const row of rows) entries[Number(row.n)] = row.entry;
      return { entries, damage: [] };
    };
    this.auditLog = new AuditLog({ entries: holes, readFiles: loaded.auditLength > 0 ? readFiles : null });
    this.writer = new TeamWriter<Checkpoint>(pool, this.auditLog, loaded.ords, this.lastChanged, {
      checkpoint: () => ({ state: this.state, histories: new Map([...this.histories].map(([a, h]) => [a, h.mark()])), seq: this.seq }),
      rollback: (to) => this.rollback(to),
    });
  }

  /**
   * Connects to the team database, brings its schema up to date (db/migrate.ts), and reads
   * the workspace into memory; a new database starts an empty workspace (no sample article:
   * see pg-persist.ts, emptyTeamWorkspace). Refuses a workspace the domain schema refuses.
   */
  static async open(databaseUrl: string, options: PgStoreOptions = {}): Promise<PostgresWorkspaceStore> {
    const pool = new pg.Pool({ max: 4, ...options.pool, connectionString: databaseUrl });
    // A connection the server dropped (idle, or in use: then its query fails too, which the
    // store handles): the pool forgets it and the next query gets a new one.
    pool.on('error', () => undefined);
    pool.on('connect', (client) => client.on('error', () => undefined));
    const now = options.now ?? (() => new Date());
    try {
      const client = await pool.connect();
      try {
        await migrate(client);
        const loaded = await loadTeamWorkspace(client, now().toISOString());
        return new PostgresWorkspaceStore(pool, databaseDisplayName(databaseUrl), loaded, now, options.newId ?? defaultNewId);
      } finally {
        client.release();
      }
    } catch (error) {
      await pool.end().catch(() => undefined);
      throw error;
    }
  }

  /** Runs `call` as `actor`: every read of `data` and every change inside it sees them as `settings.currentEditor`. */
  runAs<T>(actor: string, call: () => Promise<T>): Promise<T> {
    return runAs(actor, call);
  }

  /** The current workspace as the person acting now sees it (deeply frozen; `audit` empty: see `readAudit`). */
  get data(): Workspace {
    return this.view(currentActor());
  }

  /** The sequence number of the last change written to the database (0 for none). */
  get latestSeq(): number {
    return this.writer.durableSeq;
  }

  async dismissStartupNotice(): Promise<boolean> {
    return false;
  }

  timestamp(): string {
    return this.now().toISOString();
  }

  /**
   * The change log after `seq`, oldest first: at most `limit` records (at most CHANGES_PAGE).
   * The next page is what comes after the last record's seq.
   */
  changesSince(seq: number, limit: number = CHANGES_PAGE): Promise<ChangeRecord[]> {
    return readChanges(this.pool, Math.max(0, Math.floor(seq)), Math.min(CHANGES_PAGE, Math.max(1, Math.floor(limit))));
  }

  /** Calls `listener` with each change once it is committed, in sequence order. Returns the unsubscribe. */
  subscribe(listener: (record: ChangeRecord) => void): () => void {
    return this.writer.subscribe(listener);
  }

  update<T>(label: string, change: (draft: Workspace) => T, options: UpdateOptions = {}): Promise<T> {
    const actor = currentActor();
    return this.whenSaved(
      this.enqueue(async () => {
        // Replacing the log keeps the old one for undo: every entry must be in memory.
        if (options.audit?.replace) await this.auditLog.ensureLoaded();
        const before = this.view(actor);
        let result!: T;
        const [after, patches, inversePatches] = immer.produceWithPatches(before, (draft: Draft<Workspace>) => {
          result = resolveDrafts(change(draft as Workspace));
          // Who acts is the request's person: a change cannot make itself someone else.
          if (draft.settings.currentEditor !== actor) draft.settings.currentEditor = actor;
        });
        if (patches.length === 0) return { value: result, saved: this.writer.settled() };
        if (patches.some((p) => p.path[0] === 'audit')) throw new Error('The audit log is append-only: the store records it, a change cannot edit it.');
        const record = options.record !== false;
        const at = this.now().getTime();
        const history = this.historyOf(actor);
        const joins = record && history.joinsBurst(options.coalesce, at);
        const burst = record && options.coalesce !== undefined ? { key: options.coalesce, joins } : undefined;
        const auditBefore = options.audit?.replace ? this.auditLog.entries.slice() : null;
        const step = commitChange(this.commitTarget(), before, after, patches, inversePatches, label, burst, options.audit);
        const steps = entitySteps(before, step.state, step.delta);
        if (record && (steps.patches.length > 0 || auditBefore)) {
          const swap = auditBefore ? { before: auditBefore, after: this.auditLog.entries.slice() } : undefined;
          history.record(label, steps.patches, steps.inversePatches, options.coalesce, at, swap);
        }
        // Last: the write may start at once, and its checkpoint must hold the whole change.
        return { value: result, saved: this.apply(step.state, step.delta, actor, label) };
      }),
    );
  }

  /** Undoes the acting person's most recent recorded change, unless someone changed what it touched since. */
  undo(): Promise<HistoryResult> {
    const actor = currentActor();
    return this.whenSaved(this.enqueue(async () => this.step('undo', actor)));
  }

  redo(): Promise<HistoryResult> {
    const actor = currentActor();
    return this.whenSaved(this.enqueue(async () => this.step('redo', actor)));
  }

  /** The acting person's undo/redo state. */
  history(): HistoryState {
    return this.historyState(currentActor());
  }

  settledHistory(): Promise<HistoryState> {
    const actor = currentActor();
    return this.enqueue(async () => this.historyState(actor));
  }

  /** One claim's audit entries from the database, once every change asked for is written. */
  async claimHistory(claimId: string): Promise<AuditEntry[]> {
    await this.settledWrites();
    return readAuditRows(this.pool, claimId);
  }

  async readAudit(): Promise<readonly AuditEntry[]> {
    await this.settledWrites();
    return readAuditRows(this.pool);
  }

  /** Lets every change asked for be written (or refused), then ends the pool. */
  async close(): Promise<void> {
    if (this.closed) return;
    await this.queue;
    await this.writer.flushed();
    this.closed = true;
    this.histories.clear();
    await this.pool.end();
  }

  private async settledWrites(): Promise<void> {
    await this.enqueue(async () => undefined);
    await this.writer.flushed();
  }

  private view(actor: string): Workspace {
    let view = this.views.get(actor);
    if (!view) this.views.set(actor, (view = withEditor(this.state, actor)));
    return view;
  }

  private historyOf(actor: string): UndoHistory {
    let history = this.histories.get(actor);
    if (!history) this.histories.set(actor, (history = new UndoHistory(() => undefined)));
    return history;
  }

  private historyState(actor: string): HistoryState {
    return this.histories.get(actor)?.state() ?? { canUndo: false, canRedo: false, undoLabel: null, redoLabel: null };
  }

  /** Makes `after` (as the actor saw it) current under the next sequence number, and asks for its write. */
  private apply(after: Workspace, delta: WorkspaceDelta, actor: string, label: string): Promise<void> {
    const state = withEditor(after, '');
    const moved = COLLECTIONS.filter((c) => state[c] !== this.state[c] && delta[c].touched.length === 0 && delta[c].removed.length === 0);
    this.setState(state);
    this.seq += 1;
    const change: AppliedChange = { record: { seq: this.seq, actor, label, at: this.timestamp(), changes: changesOf(state, delta) }, delta, state, moved };
    return this.writer.write(change);
  }

  private step(direction: Direction, actor: string): { value: HistoryResult; saved: Promise<void> } {
    const history = this.histories.get(actor);
    const entry = history?.next(direction);
    if (!history || !entry) return { value: { ...this.historyState(actor), label: null, changes: noChanges() }, saved: this.writer.settled() };
    const before = this.view(actor);
    const conflict = conflictOf(before, direction === 'undo' ? entry.patches : entry.inversePatches);
    if (conflict) {
      const key = conflict.collection === 'settings' ? 'settings' : `${conflict.collection}:${conflict.id}`;
      throw new ApiError('conflict', describeConflict(direction, entry.label, conflict, this.lastChanged.get(key), actor));
    }
    const after = applySteps(before, direction === 'undo' ? entry.inversePatches : entry.patches);
    const moved: Patch[] = [...COLLECTIONS, 'settings' as const].filter((k) => after[k] !== before[k]).map((k) => ({ op: 'replace', path: [k], value: undefined }));
    const action = `${direction === 'undo' ? 'Undo' : 'Redo'}: ${entry.label}`;
    const swap = entry.audit && { entries: direction === 'undo' ? entry.audit.before : entry.audit.after, replace: true };
    const { state, delta } = commitChange(this.commitTarget(), before, after, moved, [], action, undefined, swap);
    history.applied(direction);
    this.auditLog.endBurst();
    const saved = this.apply(state, delta, actor, action);
    return { value: { ...this.historyState(actor), label: entry.label, changes: changesOf(this.state, delta) }, saved };
  }

  private setState(state: Workspace): void {
    this.state = state;
    this.views.clear();
  }

  private rollback(to: Checkpoint): void {
    this.setState(to.state);
    this.seq = to.seq;
    for (const [actor, history] of this.histories) {
      const mark = to.histories.get(actor);
      if (mark) history.restore(mark);
      else history.clear();
    }
  }

  private commitTarget(): CommitTarget {
    return { auditLog: this.auditLog, inPlace: new InPlaceLog(), hint: emptyHint(), timestamp: () => this.timestamp() };
  }

  private async whenSaved<T>(applied: Promise<{ value: T; saved: Promise<void> }>): Promise<T> {
    const { value, saved } = await applied;
    await saved;
    return value;
  }

  private enqueue<T>(run: () => Promise<T>): Promise<T> {
    const guarded = () => {
      if (this.closed) return Promise.reject(new Error('The team workspace store is closed.'));
      return run();
    };
    const next = this.queue.then(guarded, guarded);
    this.queue = next.catch(() => undefined);
    return next;
  }
}
