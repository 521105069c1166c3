/**
 * A team workspace kept on this machine: the local copy follows the server's live change
 * stream (catching up from its last change number after a restart or a lost connection);
 * edits go to the server, or, while it cannot be reached, are done on the copy and kept in
 * the outbox, which survives a restart and is sent in order when the server is back. A change
 * the server refuses then stays in the outbox, marked refused with the server's reason, until
 * the editor has read it (and copied what they wrote) and discards it.
 */
import { randomUUID } from 'node:crypto';
import type { LiveEvent, ServiceMethod } from '../../../../shared/api/contract';
import type { PresenceEntry, SyncState, TeamConnection } from '../../../../shared/api/team-methods';
import { ApiError } from '../../../../shared/api/result';
import { createServiceHandlers, type AppInfo, type ServiceHandlers } from '../../services/handlers/index';
import { LowdbWorkspaceStore } from '../../services/store';
import { TeamClient, type ChangeListener } from '../client/team-client';
import type { ChangeRecord } from '../live/change-stream';
import { teamRefusal } from '../server/policy';
import { applyServerChanges, replaceWithServer } from './local-copy';
import { METHOD_ROUTES } from './method-routes';
import type { LocalCopy } from '../../../../shared/domain/evidence';
import { claimOf, createdId, withServerIds, writtenTexts } from './outbox-items';
import { copyDir, TeamFiles, type OutboxFile, type StoredOutboxItem, type TeamInfo } from './team-files';
import { describeProblem, ReplicaTimers, type ReplicaTiming } from './replica-timing';

type Handler = (input: unknown) => Promise<unknown>;

export class TeamReplica {
  readonly handlers: ServiceHandlers;
  private readonly local: ServiceHandlers;
  private connection: TeamConnection = 'connecting';
  private problem: string | null = null;
  private lastContactAt: string | null = null;
  private sending: Promise<void> | null = null;
  private follower: { close(): void } | null = null;
  private readonly listeners = new Set<(event: LiveEvent) => void>();
  /** Server changes and reloads, one at a time, in the server's order. */
  private chain: Promise<void> = Promise.resolve();
  private seqWaiters: { seq: number; resolve: () => void }[] = [];
  private outboxWrites: Promise<void> = Promise.resolve();
  private readonly timers: ReplicaTimers;
  private closed = false;

  private constructor(
    readonly info: TeamInfo,
    readonly store: LowdbWorkspaceStore,
    private readonly files: TeamFiles,
    private readonly client: TeamClient,
    private outbox: OutboxFile,
    private lastSeq: number,
    app: Omit<AppInfo, 'mode'>,
    timing: Partial<ReplicaTiming>,
  ) {
    this.timers = new ReplicaTimers(timing);
    this.local = createServiceHandlers(store, { ...app, mode: 'team' });
    const routed: Partial<Record<ServiceMethod, Handler>> = {};
    for (const [method, route] of Object.entries(METHOD_ROUTES) as [ServiceMethod, string][]) {
      const local = this.local[method] as Handler;
      if (route === 'queue') routed[method] = (input) => this.edit(method, input);
      else if (route === 'server') routed[method] = (input) => this.fromServer(method, input);
      else routed[method] = local;
    }
    routed.getAppInfo = async () => ({ ...(await this.local.getAppInfo({})), dataFile: `${info.address} (a copy in ${store.file})` });
    // A local copy of a page never changes once kept: one made here (offline) or read before is answered from
    // this machine; another is asked of the server once and kept here, so it can be read offline afterwards.
    routed.getLocalCopy = async (input) => {
      const { copyId } = input as { copyId: string };
      const here = await store.copies.get(copyId).catch(() => null);
      if (here) return here;
      const copy = (await this.fromServer('getLocalCopy', input)) as LocalCopy;
      await store.copies.put(copy).catch(() => undefined);
      return copy;
    };
    this.handlers = routed as ServiceHandlers;
  }

  /** Opens the copy kept in `dataDir` for a team joined before, and starts following the server. */
  static async open(dataDir: string, info: TeamInfo, app: Omit<AppInfo, 'mode'>, timing: Partial<ReplicaTiming> = {}): Promise<TeamReplica> {
    const files = new TeamFiles(dataDir, info.id);
    const store = await LowdbWorkspaceStore.open(copyDir(dataDir, info.id), { kind: 'browser' });
    try {
      const replica = new TeamReplica(info, store, files, new TeamClient(info.address, info.token), await files.readOutbox(), await files.readLastSeq(), app, timing);
      replica.connect();
      return replica;
    } catch (error) {
      await store.close();
      throw error;
    }
  }

  subscribe(listener: (event: LiveEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  syncState(): SyncState {
    return {
      kind: 'team',
      workspaceId: this.info.id,
      address: this.info.address,
      person: this.info.person,
      connection: this.connection,
      problem: this.problem,
      lastContactAt: this.lastContactAt,
      sending: this.sending !== null,
      outbox: this.outbox.items.map(({ input: _input, localId: _localId, ...item }) => item),
    };
  }

  /** Reconnects at once if the server was unreachable, and sends the outbox if it is live. */
  async syncNow(): Promise<SyncState> {
    if (this.connection === 'offline') {
      this.follower?.close();
      this.connect();
      await this.timers.settleWithin(this.timers.timing.syncNowWaitMs, () => this.connection !== 'connecting');
    }
    if (this.connection === 'live') await this.sendOutbox();
    return this.syncState();
  }

  async discard(id: string): Promise<SyncState> {
    const item = this.outbox.items.find((i) => i.id === id);
    if (!item) throw new ApiError('not_found', 'That change is no longer in the outbox.');
    if (item.state !== 'refused') throw new ApiError('conflict', 'Only a change the team server refused can be discarded; a waiting change is sent when the server is back.');
    this.outbox = { ...this.outbox, items: this.outbox.items.filter((i) => i.id !== id) };
    await this.saveOutbox();
    return this.syncState();
  }

  async close(): Promise<void> {
    this.closed = true;
    this.follower?.close();
    this.timers.clear();
    await this.chain;
    await this.outboxWrites;
    await this.files.writeLastSeq(this.lastSeq).catch(() => undefined);
    await this.store.close();
  }

  // ——— following the server ———

  private connect(): void {
    if (this.closed) return;
    if (this.connection !== 'offline') this.setConnection('connecting', this.problem);
    const listener: ChangeListener & { onPresence?(people: PresenceEntry[]): void } = {
      onChange: (record) => this.enqueue(() => this.apply(record)),
      onReset: () => this.enqueue(() => this.reload()),
      onUpToDate: () =>
        this.enqueue(async () => {
          this.timers.connected();
          this.setConnection('live', null);
          void this.sendOutbox();
        }),
      onEnd: (error) => this.lost(error ?? new Error('the team server closed the connection')),
      onPresence: (people) => this.emit({ kind: 'presence', people }),
    };
    this.follower = this.client.follow(this.lastSeq, listener);
  }

  private lost(error: Error): void {
    this.follower?.close();
    this.follower = null;
    if (this.closed) return;
    this.setConnection('offline', describeProblem(error, this.info.address));
    this.timers.reconnectLater(() => this.connect());
  }

  private enqueue(step: () => Promise<void>): Promise<void> {
    const next = this.chain.then(step).catch((error: unknown) => console.error('Team copy:', error));
    this.chain = next;
    return next;
  }

  private async apply(record: ChangeRecord): Promise<void> {
    if (record.seq <= this.lastSeq) return;
    await applyServerChanges(this.store, record.changes, this.info.person);
    this.lastSeq = record.seq;
    this.lastContactAt = record.at;
    this.timers.saveSoon(() => this.files.writeLastSeq(this.lastSeq));
    this.seqWaiters = this.seqWaiters.filter((w) => (w.seq <= this.lastSeq ? (w.resolve(), false) : true));
    this.emit({ kind: 'change', record });
  }

  /** The server's whole workspace in place of the copy; the app is told to load it anew. */
  private async reload(): Promise<void> {
    const sent = await this.client.send('getWorkspace', {});
    if (!sent.result.ok) return;
    await replaceWithServer(this.store, sent.result.value, this.info.person, true);
    this.emit({ kind: 'reset' });
  }

  private waitForSeq(seq: number): Promise<void> {
    if (seq <= this.lastSeq) return Promise.resolve();
    return this.timers.settleWithin(this.timers.timing.ownChangeWaitMs, () => this.lastSeq >= seq);
  }

  // ——— edits and the outbox ———

  private waiting(): boolean {
    return this.outbox.items.some((i) => i.state === 'waiting');
  }

  /** An edit: to the server when it is live and nothing waits before it, else on the copy and into the outbox. */
  private async edit(method: ServiceMethod, input: unknown): Promise<unknown> {
    // How this person views the claims is theirs: kept on this machine.
    if (method === 'updateSettings' && Object.keys((input as { patch: object }).patch).every((k) => k === 'view')) return (this.local[method] as Handler)(input);
    if (this.connection === 'live' && !this.waiting()) {
      const answer = await this.send(method, input);
      if (answer.reached) return answer.value();
    }
    return this.editOffline(method, input);
  }

  private async editOffline(method: ServiceMethod, input: unknown): Promise<unknown> {
    const refusal = teamRefusal(method, input, { name: this.info.person, role: this.info.role });
    if (refusal) throw new ApiError(refusal.code, refusal.message);
    const value = await (this.local[method] as Handler)(input);
    const claimId = claimOf(input, (id) => this.store.data.claims.some((c) => c.id === id));
    const claim = claimId ? this.store.data.claims.find((c) => c.id === claimId) : undefined;
    const what = this.store.history().undoLabel ?? method;
    const item: StoredOutboxItem = {
      id: randomUUID(),
      method,
      label: claim ? `${what}: “${claim.text.length > 60 ? `${claim.text.slice(0, 59)}…` : claim.text}”` : what,
      at: new Date().toISOString(),
      state: 'waiting',
      error: null,
      // What an archive or a page said is not the editor's writing (a copy's text is the page's).
      written: method === 'keepLocalCopy' || method === 'recordArchive' ? [] : writtenTexts(input),
      claimId,
      input,
      localId: method === 'createClaim' || method === 'addSource' ? createdId(value) : null,
    };
    this.outbox = { ...this.outbox, items: [...this.outbox.items, item] };
    // Kept on disk before the editor is answered: an acknowledged edit survives a restart.
    await this.saveOutbox();
    // Live, but behind earlier waiting changes: it goes right after them.
    if (this.connection === 'live') void this.sendOutbox();
    return value;
  }

  /** Sends the waiting changes in order; one at a time, however often it is asked. */
  private sendOutbox(): Promise<void> {
    this.sending ??= this.sendWaiting().finally(() => {
      this.sending = null;
      this.emitSync();
    });
    this.emitSync();
    return this.sending;
  }

  private async sendWaiting(): Promise<void> {
    let sentAny = false;
    for (let item = this.nextWaiting(); item && !this.closed; item = this.nextWaiting()) {
      const sent = await this.client.send(item.method as ServiceMethod, withServerIds(item.input, this.outbox.idMap) as never);
      if (!sent.reached || (!sent.result.ok && sent.result.error.code === 'unauthorized')) {
        this.lost(new Error(sent.result.ok ? 'unreachable' : sent.result.error.message));
        break;
      }
      sentAny = true;
      const result = sent.result;
      const idMap = { ...this.outbox.idMap };
      const serverId = result.ok ? createdId(result.value) : null;
      if (item.localId && serverId) idMap[item.localId] = serverId;
      const items = result.ok
        ? this.outbox.items.filter((i) => i.id !== item.id)
        : this.outbox.items.map((i) => (i.id === item.id ? { ...i, state: 'refused' as const, error: result.error.message } : i));
      this.outbox = { items, idMap: items.some((i) => i.state === 'waiting') ? idMap : {} };
      await this.saveOutbox();
      if (sent.seq !== null) await this.waitForSeq(sent.seq);
    }
    // Edits refused, or made on entities the server numbered anew: the copy becomes the server's.
    if (sentAny) await this.enqueue(() => this.reload());
  }

  private nextWaiting(): StoredOutboxItem | undefined {
    return this.outbox.items.find((i) => i.state === 'waiting');
  }

  private saveOutbox(): Promise<void> {
    const outbox = this.outbox;
    this.outboxWrites = this.outboxWrites.then(() => this.files.writeOutbox(outbox));
    this.emitSync();
    return this.outboxWrites;
  }

  // ——— calls that need the server ———

  private async fromServer(method: ServiceMethod, input: unknown): Promise<unknown> {
    if (this.connection === 'live' && this.waiting()) await this.sendOutbox();
    if (this.connection === 'live' && !this.waiting()) {
      const answer = await this.send(method, input);
      if (answer.reached) return answer.value();
    }
    if (method === 'getHistory') return { canUndo: false, canRedo: false, undoLabel: null, redoLabel: null };
    if (method === 'setPresence') return { people: [] };
    const why = this.waiting() ? 'the changes waiting in the outbox must reach the team server first' : `the team server cannot be reached${this.problem ? ` (${this.problem})` : ''}`;
    throw new ApiError('conflict', `This needs the team server, and ${why}. Edits of claims and sources still work; try this again when the status bar says the team is live.`);
  }

  /** A call to the server: `reached: false` when it could not be reached (the connection is then marked lost). */
  private async send(method: ServiceMethod, input: unknown): Promise<{ reached: boolean; value: () => Promise<unknown> }> {
    const sent = await this.client.send(method, input as never);
    if (!sent.reached) {
      this.lost(new Error(sent.result.ok ? 'unreachable' : sent.result.error.message));
      return { reached: false, value: async () => undefined };
    }
    const result = sent.result;
    if (sent.seq !== null) await this.waitForSeq(sent.seq);
    this.lastContactAt = new Date().toISOString();
    return {
      reached: true,
      value: async () => {
        if (result.ok) return result.value;
        // The page must not take the server's "log in" for its own: say what to do here instead.
        if (result.error.code === 'unauthorized') throw new ApiError('forbidden', `The team server no longer accepts this computer's access (${result.error.message}). Join the team again.`);
        throw new ApiError(result.error.code, result.error.message, result.error.issues);
      },
    };
  }

  private setConnection(connection: TeamConnection, problem: string | null): void {
    if (this.connection === connection && this.problem === problem) return;
    this.connection = connection;
    this.problem = problem;
    if (connection === 'live') this.lastContactAt = new Date().toISOString();
    this.emitSync();
  }

  private emitSync(): void {
    this.emit({ kind: 'sync', state: this.syncState() });
  }

  private emit(event: LiveEvent): void {
    for (const listener of this.listeners) listener(event);
  }
}
