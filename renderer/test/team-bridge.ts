/**
 * The test bridge as the app sees a team workspace kept on this machine: the real services
 * for the workspace itself, and the team methods (sync state, outbox, switching, joining,
 * presence) answered by a fake the test drives and inspects.
 */
import type { FactcheckBridge, Input, LiveEvent, MethodName } from '../../shared/api/contract';
import type { ApiResult } from '../../shared/api/result';
import type { OutboxItem, PresenceEntry, SyncState, WorkspaceEntry, WorkspaceList } from '../../shared/api/team-methods';
import type { TestBridge } from './bridge';

export const PERSONAL: WorkspaceEntry = { id: 'personal', kind: 'personal', name: 'Personal workspace', address: null, person: null };
export const DESK: WorkspaceEntry = { id: 'team-desk', kind: 'team', name: 'Team at desk.example.org', address: 'https://desk.example.org', person: 'Ana' };

export function teamSync(patch: Partial<Extract<SyncState, { kind: 'team' }>> = {}): SyncState {
  return {
    kind: 'team',
    workspaceId: DESK.id,
    address: 'https://desk.example.org',
    person: 'Ana',
    connection: 'live',
    problem: null,
    lastContactAt: '2026-12-05T09:00:00.000Z',
    sending: false,
    outbox: [],
    ...patch,
  };
}

export function outboxItem(patch: Partial<OutboxItem> = {}): OutboxItem {
  return {
    id: 'o1',
    method: 'updateClaim',
    label: 'Edit wording of “Bus lanes”',
    at: '2026-12-05T09:30:00.000Z',
    state: 'waiting',
    error: null,
    written: [],
    claimId: null,
    ...patch,
  };
}

export interface TeamFake {
  bridge: FactcheckBridge;
  /** Every team method call, in order, with its input. */
  calls: { method: MethodName; input: unknown }[];
  /** Sends a live event to the app (once it listens). */
  emit(event: LiveEvent): void;
  /** What the team methods answer; change them between calls. */
  state: { mode: 'electron' | 'browser' | 'team'; sync: SyncState; list: WorkspaceList; people: PresenceEntry[]; joinError: string | null };
  appInfoCalls(): number;
}

const ok = <T,>(value: T): Promise<ApiResult<T>> => Promise.resolve({ ok: true, value });

export function createTeamFake(t: TestBridge, initial: Partial<TeamFake['state']> = {}): TeamFake {
  const state: TeamFake['state'] = {
    mode: 'team',
    sync: teamSync(),
    list: { active: DESK.id, workspaces: [PERSONAL, DESK] },
    people: [],
    joinError: null,
    ...initial,
  };
  const calls: TeamFake['calls'] = [];
  const listeners = new Set<(event: LiveEvent) => void>();
  let infos = 0;
  const record = (method: MethodName, input: unknown) => calls.push({ method, input });
  const bridge: FactcheckBridge = {
    ...t.bridge,
    getAppInfo: async (input) => {
      infos++;
      const info = await t.bridge.getAppInfo(input);
      return info.ok ? { ok: true, value: { ...info.value, mode: state.mode } } : info;
    },
    getSyncState: () => ok(state.sync),
    listWorkspaces: () => ok(state.list),
    syncNow: (input) => (record('syncNow', input), ok(state.sync)),
    discardOutboxItem: (input: Input<'discardOutboxItem'>) => {
      record('discardOutboxItem', input);
      if (state.sync.kind === 'team') state.sync = { ...state.sync, outbox: state.sync.outbox.filter((i) => i.id !== input.id) };
      return ok(state.sync);
    },
    switchWorkspace: (input: Input<'switchWorkspace'>) => {
      record('switchWorkspace', input);
      state.list = { ...state.list, active: input.id };
      return ok(state.list);
    },
    joinTeam: (input: Input<'joinTeam'>) => {
      record('joinTeam', input);
      if (state.joinError) return Promise.resolve({ ok: false, error: { code: 'forbidden', message: state.joinError, issues: [] } } as ApiResult<never>);
      state.list = { active: DESK.id, workspaces: [PERSONAL, DESK] };
      return ok({ ...DESK, address: input.address, person: input.name });
    },
    setPresence: (input: Input<'setPresence'>) => (record('setPresence', input), ok({ people: state.people })),
    onWorkspaceChanges: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return {
    bridge,
    calls,
    state,
    emit: (event) => listeners.forEach((l) => l(event)),
    appInfoCalls: () => infos,
  };
}
