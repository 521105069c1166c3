import { useMemo } from 'react';
import { assigneesInUse } from '../../views/claim-query';
import { useAppStore } from '../../store/react';

/** The workspace's list of names: those in settings plus everyone assigned or named in a review. */
export function usePeople(): string[] {
  const known = useAppStore((s) => s.workspace?.settings.assignees);
  const claims = useAppStore((s) => s.workspace?.claims);
  const editor = useAppStore((s) => s.workspace?.settings.currentEditor);
  return useMemo(() => {
    const reviewers = (claims ?? []).flatMap((c) => (c.review ? [c.review.reviewer, c.review.requestedBy] : []));
    return assigneesInUse(claims ?? [], [...(known ?? []), ...reviewers, editor ?? ''].filter(Boolean));
  }, [claims, known, editor]);
}
