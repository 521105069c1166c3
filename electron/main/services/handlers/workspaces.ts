/**
 * The team-workspace methods as a workspace that does not sync answers them: the personal
 * workspace alone, nothing to sync, nobody else present. The app's workspace switcher
 * (electron/main/team/replica/switcher.ts) answers them instead wherever teams can be
 * joined; the team server answers setPresence itself and refuses the rest (policy.ts).
 */
import type { ServiceHandlers } from './index';
import { ApiError } from '../../../../shared/api/result';

export const PERSONAL_WORKSPACE_ID = 'personal';

export function workspaceHandlers(): Pick<
  ServiceHandlers,
  'listWorkspaces' | 'joinTeam' | 'switchWorkspace' | 'getSyncState' | 'syncNow' | 'discardOutboxItem' | 'setPresence'
> {
  const list = { active: PERSONAL_WORKSPACE_ID, workspaces: [{ id: PERSONAL_WORKSPACE_ID, kind: 'personal' as const, name: 'Personal workspace', address: null, person: null }] };
  return {
    listWorkspaces: async () => list,
    joinTeam: async () => {
      throw new ApiError('forbidden', 'This workspace cannot join a team. Join from the desktop app or from `npm run serve`.');
    },
    switchWorkspace: async ({ id }) => {
      if (id !== PERSONAL_WORKSPACE_ID) throw new ApiError('not_found', `There is no workspace “${id}” on this machine.`);
      return list;
    },
    getSyncState: async () => ({ kind: 'none' }),
    syncNow: async () => ({ kind: 'none' }),
    discardOutboxItem: async () => {
      throw new ApiError('not_found', 'This workspace has no outbox: it does not sync with a team server.');
    },
    setPresence: async () => ({ people: [] }),
  };
}
