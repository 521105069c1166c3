import { useShallow } from 'zustand/react/shallow';
import { selectArticleClaims } from '../store/selectors';
import { useActions, useAppStore, useStoreApi } from '../store/react';
import { reported } from '../components/reported';
import { CLAIM_STATUSES } from '../../../shared/domain/schemas';
import type { CommandId } from '../../../shared/commands/commands';
import { useCommand, useCommands } from './react';

/** Commands that belong to the workspace as a whole: undo/redo, claim navigation, new article. */
export function useWorkspaceCommands(): void {
  const store = useStoreApi();
  const { selectClaim, setNewArticleOpen, undo, redo, updateClaim, bulkUpdateClaims } = useActions();
  const claimIds = useAppStore(useShallow((s) => selectArticleClaims(s).map((c) => c.id)));

  // Always offered: the history lives with the store, and "Nothing to undo" is an answer too.
  useCommand('undo', () => reported(undo()));
  useCommand('redo', () => reported(redo()));
  useCommand('new-article', () => setNewArticleOpen(true));

  const step = (delta: 1 | -1) => {
    const index = claimIds.indexOf(store.getState().selectedClaimId ?? '');
    const next = index === -1 ? 0 : Math.min(Math.max(index + delta, 0), claimIds.length - 1);
    selectClaim(claimIds[next] ?? null);
  };
  useCommand('next-claim', () => step(1), () => claimIds.length > 0);
  useCommand('previous-claim', () => step(-1), () => claimIds.length > 0);

  // 1–6: the status of the claims ticked in the table or board, else of the open claim.
  const targets = (): string[] => {
    const s = store.getState();
    if (s.workspace?.settings.view.mode !== 'article' && s.selectedIds.size > 0) return [...s.selectedIds];
    return s.selectedClaimId ? [s.selectedClaimId] : [];
  };
  useCommands(
    CLAIM_STATUSES.map((status) => ({
      id: `status-${status}` as CommandId,
      run: () => {
        const ids = targets();
        if (ids.length === 1) reported(updateClaim(ids[0]!, { status }));
        else if (ids.length > 1) reported(bulkUpdateClaims(ids, { status }));
      },
      enabled: () => targets().length > 0,
    })),
  );
}
