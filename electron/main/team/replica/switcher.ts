/**
 * The workspace the app has open: the personal one (a file on this machine) or the local
 * copy of a team workspace joined here. The app talks to one set of handlers; this sends
 * each call to the open workspace and answers joining, switching and the outbox itself.
 * The open workspace is remembered for the next start.
 */
import type { LiveEvent, ServiceMethod } from '../../../../shared/api/contract';
import type { WorkspaceEntry, WorkspaceList } from '../../../../shared/api/team-methods';
import { ApiError } from '../../../../shared/api/result';
import type { AppInfo, ServiceHandlers } from '../../services/handlers/index';
import { PERSONAL_WORKSPACE_ID } from '../../services/handlers/workspaces';
import { nameKey } from '../server/people';
import { joinTeam } from './join-team';
import type { ReplicaTiming } from './replica-timing';
import { joinedTeams, readActive, writeActive, type TeamInfo } from './team-files';
import { TeamReplica } from './team-replica';

type Handler = (input: unknown) => Promise<unknown>;

export class WorkspaceSwitcher {
  readonly handlers: ServiceHandlers;
  private replica: TeamReplica | null = null;
  private unfollow: (() => void) | null = null;
  private readonly listeners = new Set<(event: LiveEvent) => void>();
  private switching: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly dataDir: string,
    private readonly personal: ServiceHandlers,
    private readonly app: Omit<AppInfo, 'mode'>,
    private readonly timing: Partial<ReplicaTiming>,
  ) {
    const handlers: Partial<Record<ServiceMethod, Handler>> = {};
    for (const method of Object.keys(personal) as ServiceMethod[]) {
      handlers[method] = (input) => ((this.replica?.handlers ?? this.personal)[method] as Handler)(input);
    }
    const own: Partial<ServiceHandlers> = {
      listWorkspaces: () => this.list(),
      joinTeam: (input) => this.exclusive(() => this.join(input)),
      switchWorkspace: ({ id }) => this.exclusive(() => this.activate(id).then(() => this.list())),
      getSyncState: async () => this.replica?.syncState() ?? { kind: 'none' },
      syncNow: async () => (this.replica ? this.replica.syncNow() : { kind: 'none' }),
      discardOutboxItem: async ({ id }) => {
        if (!this.replica) throw new ApiError('not_found', 'The personal workspace has no outbox: it does not sync with a team server.');
        return this.replica.discard(id);
      },
    };
    this.handlers = { ...handlers, ...own } as ServiceHandlers;
  }

  /** The switcher over `dataDir`, with the workspace open at the last start opened again. */
  static async open(dataDir: string, personal: ServiceHandlers, app: Omit<AppInfo, 'mode'>, timing: Partial<ReplicaTiming> = {}): Promise<WorkspaceSwitcher> {
    const switcher = new WorkspaceSwitcher(dataDir, personal, app, timing);
    const active = await readActive(dataDir);
    if (active && active !== PERSONAL_WORKSPACE_ID) {
      await switcher.activate(active).catch((error: unknown) => console.error(`The team workspace open last time could not be opened: ${(error as Error).message}`));
    }
    return switcher;
  }

  /** The open workspace's live events (a team copy's changes, sync state and presence). */
  subscribe(listener: (event: LiveEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** What a newly connected page is told first. */
  currentSync(): LiveEvent {
    return { kind: 'sync', state: this.replica?.syncState() ?? { kind: 'none' } };
  }

  async close(): Promise<void> {
    await this.switching.catch(() => undefined);
    await this.closeReplica();
  }

  private exclusive<T>(step: () => Promise<T>): Promise<T> {
    const next = this.switching.catch(() => undefined).then(step);
    this.switching = next;
    return next;
  }

  private async list(): Promise<WorkspaceList> {
    const teams = await joinedTeams(this.dataDir);
    return {
      active: this.replica?.info.id ?? PERSONAL_WORKSPACE_ID,
      workspaces: [{ id: PERSONAL_WORKSPACE_ID, kind: 'personal', name: 'Personal workspace', address: null, person: null }, ...teams.map(entryOf)],
    };
  }

  private async join(input: { address: string; name: string; password: string }): Promise<WorkspaceEntry> {
    const origin = new URL(input.address).origin;
    const known = (await joinedTeams(this.dataDir)).find((t) => t.address === origin && nameKey(t.person) === nameKey(input.name));
    const info = known ?? (await joinTeam(this.dataDir, input));
    await this.activate(info.id);
    return entryOf(info);
  }

  private async activate(id: string): Promise<void> {
    if ((this.replica?.info.id ?? PERSONAL_WORKSPACE_ID) === id) return;
    const info = id === PERSONAL_WORKSPACE_ID ? null : (await joinedTeams(this.dataDir)).find((t) => t.id === id);
    if (info === undefined) throw new ApiError('not_found', `There is no team workspace “${id}” on this machine.`);
    await this.closeReplica();
    if (info) {
      this.replica = await TeamReplica.open(this.dataDir, info, this.app, this.timing);
      this.unfollow = this.replica.subscribe((event) => this.listeners.forEach((l) => l(event)));
    }
    await writeActive(this.dataDir, id);
    this.listeners.forEach((l) => l(this.currentSync()));
  }

  private async closeReplica(): Promise<void> {
    this.unfollow?.();
    this.unfollow = null;
    const replica = this.replica;
    this.replica = null;
    await replica?.close();
  }
}

function entryOf(info: TeamInfo): WorkspaceEntry {
  return { id: info.id, kind: 'team', name: `Team at ${new URL(info.address).host}`, address: info.address, person: info.person };
}
