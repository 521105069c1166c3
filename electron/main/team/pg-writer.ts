/**
 * The team store's writes (group commit): each applied change asks for a write; while a
 * transaction is in flight, the changes made meanwhile wait for the next, which holds them
 * all. A change's promise resolves once the transaction holding it committed, and then the
 * subscribers hear of it, in sequence order. When a transaction fails, the store is put back
 * to the checkpoint of the last committed write (workspace, histories, sequence; the audit
 * log keeps its own marks) and every change not committed is refused with TeamSaveError.
 */
import type pg from 'pg';
import type { Workspace } from '../../../shared/domain/schemas';
import { ApiError } from '../../../shared/api/result';
import type { AuditLog } from '../services/audit-log';
import { COLLECTIONS, type CollectionName, type WorkspaceDelta } from '../services/workspace-delta';
import { writeBatch, type ChangeRecord } from './pg-persist';
import type { LastChange } from './entity-steps';

export class TeamSaveError extends ApiError {
  constructor(cause: unknown) {
    const error = cause as { message?: string; code?: string; constraint?: string };
    const reason =
      error?.code === '23505' && error.constraint === 'changes_pkey'
        ? 'another team server wrote to this workspace at the same time'
        : (error?.message ?? String(cause));
    super('internal', `Not saved: the team database refused the change (${reason}). The workspace is back to what the database holds; please try again.`);
    this.name = 'TeamSaveError';
    this.cause = cause;
  }
}

/** A change the store applied in memory: its change-log record, what it touched, the workspace after it. */
export interface AppliedChange {
  readonly record: ChangeRecord;
  readonly delta: WorkspaceDelta;
  readonly state: Workspace;
  /** Collections whose array the change replaced without touching or removing an entity (a reorder). */
  readonly moved: readonly CollectionName[];
}


interface Waiting {
  readonly change: AppliedChange;
  /** What `lastChanged` held before this change, to put back if it is refused. */
  readonly previous: readonly (readonly [string, LastChange | undefined])[];
  resolve(): void;
  reject(error: unknown): void;
}

export interface WriterHooks<C> {
  /** The store as it is now. */
  checkpoint(): C;
  /** Puts the store back to a checkpoint. */
  rollback(to: C): void;
}

export class TeamWriter<C extends { readonly state: Workspace; readonly seq: number }> {
  private pending: Waiting[] = [];
  private flight: Promise<void> | null = null;
  private last: Promise<void> = Promise.resolve();
  /** The store as the database holds it. */
  private durable: C;
  private readonly listeners = new Set<(record: ChangeRecord) => void>();

  constructor(
    private readonly pool: pg.Pool,
    private readonly auditLog: AuditLog,
    /** Each collection's ords in the table (pg-order.ts). */
    private ords: Record<CollectionName, Map<string, number>>,
    private readonly lastChanged: Map<string, LastChange>,
    private readonly hooks: WriterHooks<C>,
  ) {
    this.durable = hooks.checkpoint();
  }

  get durableSeq(): number {
    return this.durable.seq;
  }

  subscribe(listener: (record: ChangeRecord) => void): () => void {
    const own = (record: ChangeRecord) => listener(record);
    this.listeners.add(own);
    return () => this.listeners.delete(own);
  }

  /** Asks for the write of a change just applied; resolves once it is committed. */
  write(change: AppliedChange): Promise<void> {
    const { actor, label, seq } = change.record;
    const previous: [string, LastChange | undefined][] = [];
    const note = (key: string) => {
      previous.push([key, this.lastChanged.get(key)]);
      this.lastChanged.set(key, { actor, label, seq });
    };
    for (const c of COLLECTIONS) {
      for (const i of change.delta[c].touched) note(`${c}:${change.state[c][i]!.id}`);
      for (const id of change.delta[c].removed) note(`${c}:${id}`);
    }
    if (change.delta.settings || change.delta.other) note('settings');
    const saved = new Promise<void>((resolve, reject) => this.pending.push({ change, previous, resolve, reject }));
    this.last = saved.catch(() => undefined);
    this.kick();
    return saved;
  }

  /** Resolves once the newest change applied so far is committed (or refused). */
  settled(): Promise<void> {
    return this.last;
  }

  /** Resolves once nothing is waiting to be written. */
  async flushed(): Promise<void> {
    while (this.flight || this.pending.length > 0) await (this.flight ?? this.last);
  }

  private kick(): void {
    if (this.flight || this.pending.length === 0) return;
    const batch = this.pending;
    this.pending = [];
    const checkpoint = this.hooks.checkpoint();
    const audit = this.auditLog.beginWrite();
    const written = { articles: new Set<string>(), claims: new Set<string>(), sources: new Set<string>() };
    let settings = false;
    const moved = new Set<CollectionName>();
    for (const { change } of batch) {
      for (const c of change.moved) moved.add(c);
      for (const c of COLLECTIONS) {
        for (const i of change.delta[c].touched) written[c].add(change.state[c][i]!.id);
        for (const id of change.delta[c].removed) written[c].add(id);
      }
      settings ||= change.delta.settings || change.delta.other;
    }
    const records = batch.map((w) => w.change.record);
    this.flight = (async () => {
      try {
        const client = await this.pool.connect();
        try {
          this.ords = await writeBatch(client, { state: checkpoint.state, written, moved, settings, audit, records }, this.ords);
          client.release();
        } catch (error) {
          // A connection that failed mid-transaction is not given to anyone else.
          client.release(error as Error);
          if (!(await this.committedAnyway(records.at(-1)!))) throw error;
        }
      } catch (error) {
        this.failed(batch, error);
        return;
      }
      this.auditLog.writeSucceeded();
      this.durable = checkpoint;
      for (const waiting of batch) waiting.resolve();
      for (const record of records) {
        for (const listener of this.listeners) {
          try {
            listener(record);
          } catch (error) {
            console.warn(`Fact-check Desk team server: a change listener failed: ${(error as Error)?.message ?? String(error)}`);
          }
        }
      }
    })().finally(() => {
      this.flight = null;
      this.kick();
    });
  }

  /**
   * Whether a transaction whose connection failed committed anyway (the connection can drop
   * after the commit reached the server): its last change's row is there, this change's own
   * (not another writer's under the same number). Unknown counts as no.
   */
  private async committedAnyway(record: ChangeRecord): Promise<boolean> {
    try {
      const { rows } = await this.pool.query<{ actor: string; label: string; at: Date }>('SELECT actor, label, at FROM changes WHERE seq = $1', [record.seq]);
      const row = rows[0];
      return row !== undefined && row.actor === record.actor && row.label === record.label && row.at.toISOString() === record.at;
    } catch {
      return false;
    }
  }

  /** The batch in flight failed: back to the last committed checkpoint; it and every change after it are refused. */
  private failed(batch: readonly Waiting[], cause: unknown): void {
    const refused = [...batch, ...this.pending];
    this.pending = [];
    this.auditLog.writeFailed();
    for (let i = refused.length - 1; i >= 0; i--) {
      for (const [key, was] of [...refused[i]!.previous].reverse()) {
        if (was) this.lastChanged.set(key, was);
        else this.lastChanged.delete(key);
      }
    }
    this.hooks.rollback(this.durable);
    const error = new TeamSaveError(cause);
    for (const waiting of refused) waiting.reject(error);
  }
}
