import { useMemo, useState } from 'react';
import type { Claim } from '../../../../shared/domain/schemas';
import { createSimilarityIndex, type SimilarClaim, type SimilarityIndex } from '../../../../shared/similarity/similarity-index';
import { useAppStore } from '../../store/react';

/**
 * The similarity index over every claim of the workspace, built when first needed and
 * kept in step with the store: claims are immutable there, so a changed object is a
 * changed claim and only those are re-indexed.
 */
class LiveSimilarity {
  private index: SimilarityIndex | null = null;
  private indexed = new Map<string, Claim>();

  similarTo(claims: readonly Claim[], id: string): SimilarClaim[] {
    this.sync(claims);
    return this.index!.findSimilarTo(id, { limit: 5 });
  }

  private sync(claims: readonly Claim[]): void {
    if (!this.index) {
      this.index = createSimilarityIndex(claims);
      this.indexed = new Map(claims.map((c) => [c.id, c]));
      return;
    }
    const seen = new Set<string>();
    for (const claim of claims) {
      seen.add(claim.id);
      const before = this.indexed.get(claim.id);
      if (before === claim) continue;
      if (!before) this.index.add(claim);
      else if (before.text !== claim.text) this.index.update(claim);
      this.indexed.set(claim.id, claim);
    }
    for (const id of this.indexed.keys()) {
      if (seen.has(id)) continue;
      this.index.remove(id);
      this.indexed.delete(id);
    }
  }
}

export interface DuplicateSuggestion {
  similar: SimilarClaim;
  claim: Claim;
}

/** Claims elsewhere in the workspace (other articles included) that this one may repeat. */
export function useDuplicates(claim: Claim): DuplicateSuggestion[] {
  const claims = useAppStore((s) => s.workspace?.claims);
  const [live] = useState(() => new LiveSimilarity());
  return useMemo(() => {
    if (!claims) return [];
    const byId = new Map(claims.map((c) => [c.id, c]));
    return live
      .similarTo(claims, claim.id)
      .map((similar) => ({ similar, claim: byId.get(similar.claimId)! }))
      .filter(({ claim: other }) => other && other.duplicateOf !== claim.id);
  }, [live, claims, claim.id]);
}
