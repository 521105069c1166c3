/**
 * Team workspaces kept on this machine: which workspaces there are (personal, teams
 * joined), the sync state of the open one (connection and outbox), and who else has which
 * claim open. The local app does the syncing; this slice only shows it and asks for it.
 *
 * Joining and switching replace the whole workspace, so both end with `loadAnew`: the same
 * `load()` the app runs at start and after a 'reset' live event, from a clean selection.
 */
import { errorMessage, type Client } from '../api/client';
import type { SyncState } from '../../../shared/api/team-methods';
import type { AppState, DraftField, Slice, SyncSlice } from './types';

/** How long joining or switching waits for edits in flight before it goes ahead anyway. */
const SETTLE_TIMEOUT_MS = 5000;

export const NO_SYNC: SyncState = { kind: 'none' };

export function createSyncSlice(client: Client): Slice<SyncSlice> {
  return (set, get, { subscribe }) => {
    /**
     * Sends what the editor typed and what is still waiting to be saved, and waits for the
     * answers: after the switch, the same calls would land in the other workspace.
     */
    const settleEdits = async () => {
      const s = get();
      s.flushSaves();
      const dirty = Object.entries(s.drafts).filter(([, draft]) => draft.dirty);
      await Promise.all(
        dirty.map(([key]) => {
          const [claimId, field] = key.split('/') as [string, DraftField];
          return s.flushDraft(claimId, field).catch(() => undefined); // reported by the draft
        }),
      );
      await untilIdle(get, (listener) => subscribe(listener));
    };

    /** What was open belongs to the workspace being left: start the next one from nothing. */
    const loadAnew = async () => {
      set({ selectedClaimId: null, selectedArticleId: null, selectedIds: new Set(), presence: [] });
      await get().load();
      void get().refreshHistory();
      void get().refreshWorkspaces();
    };

    return {
      sync: NO_SYNC,
      presence: [],
      workspaces: null,
      teamDialog: null,
      switcherOpen: false,

      async refreshWorkspaces() {
        try {
          const workspaces = await client.listWorkspaces({});
          set({ workspaces });
        } catch {
          // The switcher then offers only what it already knew; nothing the editor did failed.
        }
      },

      async joinTeam(input) {
        await settleEdits();
        // Not through `perform`: the dialog shows the server's refusal next to the fields, and
        // a wrong password is not a failed save for the status bar to keep showing.
        const entry = await client.joinTeam(input);
        set({ teamDialog: null });
        await loadAnew();
        get().pushToast({ kind: 'success', message: `Joined the team at ${entry.address ?? input.address} as ${entry.person ?? input.name}.` });
        return entry;
      },

      async switchWorkspace(id) {
        if (id === get().workspaces?.active) return;
        await settleEdits();
        const list = await get().perform('Could not open the workspace', () => client.switchWorkspace({ id }), { write: false });
        set({ workspaces: list, switcherOpen: false });
        await loadAnew();
        const name = list.workspaces.find((w) => w.id === list.active)?.name;
        if (name) get().pushToast({ kind: 'info', message: `Opened ${name}.` });
      },

      async syncNow() {
        const state = await get().perform('Could not reach the team server', () => client.syncNow({}), { write: false });
        set({ sync: state });
      },

      async discardOutboxItem(id) {
        const state = await get().perform('Could not discard the change', () => client.discardOutboxItem({ id }), { write: false });
        set({ sync: state });
      },

      setTeamDialog(dialog) {
        set({ teamDialog: dialog, switcherOpen: false });
      },
      setSwitcherOpen(open) {
        set({ switcherOpen: open });
      },
    };
  };
}

/** Loaded with the workspace; a failure must not keep the workspace from opening. */
export async function loadSyncState(client: Client): Promise<SyncState> {
  try {
    return await client.getSyncState({});
  } catch (error) {
    console.warn(`Could not read the sync state: ${errorMessage(error)}`);
    return NO_SYNC;
  }
}

/** Resolves once no write is in flight (or after SETTLE_TIMEOUT_MS: a hung save must not trap the editor). */
function untilIdle(get: () => AppState, subscribe: (listener: (s: AppState) => void) => () => void): Promise<void> {
  if (get().pendingWrites === 0) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      unsubscribe();
      resolve();
    };
    const timer = setTimeout(done, SETTLE_TIMEOUT_MS);
    const unsubscribe = subscribe((s) => {
      if (s.pendingWrites === 0) done();
    });
  });
}
