import type { Client } from '../api/client';
import { applyChanges } from './entities';
import type { HistorySlice, Slice } from './types';

const NOTHING = { canUndo: false, canRedo: false, undoLabel: null, redoLabel: null };

/**
 * Undo and redo for every edit, across the whole workspace. The history lives with the
 * store on the other side of the API (every change there is recorded, whatever method
 * made it); this slice asks for a step and applies the entities that step changed.
 */
export function createHistorySlice(client: Client): Slice<HistorySlice> {
  return (set, get) => {
    let refreshing: Promise<void> | null = null;

    const step = async (which: 'undo' | 'redo') => {
      const result = await get().perform(which === 'undo' ? 'Could not undo' : 'Could not redo', () => client[which]({}));
      const { label, changes, ...history } = result;
      const removedClaims = new Set(changes.removed.claims);
      const removedArticles = new Set(changes.removed.articles);
      // Typed-but-unsent text of a claim this step changed would overwrite the step: drop it.
      get().discardDrafts(changes.claims.map((c) => c.id).concat(changes.removed.claims));
      set((s) => ({
        workspace: s.workspace ? applyChanges(s.workspace, changes) : s.workspace,
        history,
        selectedClaimId: s.selectedClaimId && removedClaims.has(s.selectedClaimId) ? null : s.selectedClaimId,
        selectedArticleId: s.selectedArticleId && removedArticles.has(s.selectedArticleId) ? null : s.selectedArticleId,
      }));
      const verb = which === 'undo' ? 'Undid' : 'Redid';
      get().pushToast(label ? { kind: 'info', message: `${verb}: ${label}.` } : { kind: 'info', message: `Nothing to ${which}.` });
    };

    return {
      history: NOTHING,
      undo: () => step('undo'),
      redo: () => step('redo'),
      refreshHistory() {
        // Writes come in bursts; one request in flight answers them all.
        refreshing ??= client
          .getHistory({})
          .then((history) => set({ history }))
          .catch(() => undefined) // the status bar already reports failing writes
          .finally(() => {
            refreshing = null;
          });
        return refreshing;
      },
    };
  };
}
