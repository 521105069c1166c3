import { claimsInArticleOrder } from '../store/entities';
import { selectClaim } from '../store/selectors';
import { useActions, useAppStore } from '../store/react';
import { reported } from '../components/reported';
import { useCommand } from './react';

/** Commands on the claim in the claim pane: delete it, merge it with the next claim of its article. */
export function useClaimCommands(): { mergeNext: (() => void) | null } {
  const claim = useAppStore(selectClaim);
  const { deleteClaim, mergeClaims } = useActions();
  const has = () => claim !== undefined;

  useCommand('delete-claim', () => claim && reported(deleteClaim(claim.id)), has);

  // The next claim of the same article, in text order: what "merge with next" would merge.
  const next = useAppStore((s) => {
    if (!s.workspace || !claim) return undefined;
    const ordered = claimsInArticleOrder(s.workspace.claims, claim.articleId);
    return ordered[ordered.findIndex((c) => c.id === claim.id) + 1];
  });
  const mergeNext = claim && next ? () => reported(mergeClaims(claim.id, next.id)) : null;
  useCommand('merge-next', () => mergeNext?.(), () => mergeNext !== null);
  return { mergeNext };
}
