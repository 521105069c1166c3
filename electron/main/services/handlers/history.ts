/** Undo and redo (of any change, by any method) and the recorded history of a claim. */
import type { Handlers } from '../../../../shared/api/contract';
import type { WorkspaceStore } from '../store-interface';
import { findClaim } from './claim-edits';

type HistoryMethod = 'undo' | 'redo' | 'getHistory' | 'getClaimHistory';

export function historyHandlers(store: WorkspaceStore): Handlers<HistoryMethod> {
  return {
    undo: () => store.undo(),
    redo: () => store.redo(),
    getHistory: () => store.settledHistory(),
    async getClaimHistory({ claimId }) {
      const entries = await store.claimHistory(claimId);
      if (entries.length === 0) findClaim(store.data, claimId);
      return entries;
    },
  };
}
