import { CLAIM_STATUSES } from '../../../shared/domain/schemas';
import type { CommandId } from '../../../shared/commands/commands';
import { claimsInArticleOrder } from '../store/entities';
import { selectClaim } from '../store/selectors';
import { useActions, useAppStore } from '../store/react';
import { reported } from '../components/reported';
import { useCommand, useCommands } from './react';

/**
 * Commands on the claim in the claim pane: 1–6 set its status, delete it, merge it with
 * the next claim of its article. (Views with a multi-selection register their own bulk
 * versions of the status commands while they are shown, which take precedence.)
 */
export function useClaimCommands(): { mergeNext: (() => void) | null } {
  const claim = useAppStore(selectClaim);
  const { updateClaim, deleteClaim, mergeClaims } = useActions();
  const has = () => claim !== undefined;

  useCommands(
    CLAIM_STATUSES.map((status) => ({
      id: `status-${status}` as CommandId,
      run: () => claim && reported(updateClaim(claim.id, { status })),
      enabled: has,
    })),
  );

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
