/**
 * Other people's changes in a team workspace, applied as they come: the same entity
 * deltas undo and redo apply. The entities are replaced whole and in the server's order, so
 * the workspace converges on the server's even for changes it had already loaded. Text the
 * editor is typing stays (drafts are left alone): saving it is a later write that wins.
 */
import type { LiveEvent } from '../../../shared/api/contract';
import { applyChanges } from './entities';
import type { AppState } from './types';

type Set = (update: (s: AppState) => Partial<AppState>) => void;

export function applyLiveEvent(event: LiveEvent, set: Set, reload: () => void): void {
  if (event.kind === 'reset') return reload();
  if (event.kind === 'connection') return set(() => ({ live: event.connected ? 'connected' : 'reconnecting' }));
  const { changes } = event.record;
  const removedClaims = new Set(changes.removed.claims);
  const removedArticles = new Set(changes.removed.articles);
  set((s) => ({
    workspace: s.workspace ? applyChanges(s.workspace, changes) : s.workspace,
    selectedClaimId: s.selectedClaimId && removedClaims.has(s.selectedClaimId) ? null : s.selectedClaimId,
    selectedArticleId: s.selectedArticleId && removedArticles.has(s.selectedArticleId) ? null : s.selectedArticleId,
  }));
}
