import type { Claim } from '../../../../shared/domain/schemas';
import { ratingLabel } from '../../../../shared/domain/rating';
import { selectRatingScale } from '../../store/selectors';
import { useActions, useAppStore } from '../../store/react';
import { reported } from '../reported';
import { useDuplicates } from './useDuplicates';

/**
 * "Possible duplicates": claims already in the workspace that say the same thing, with
 * their verdicts, so the editor can link this one and reuse the verdict instead of checking
 * it twice. Claims that only differ in a figure or in direction are listed as related.
 */
export function DuplicatesSection({ claim }: { claim: Claim }) {
  const suggestions = useDuplicates(claim);
  const scale = useAppStore(selectRatingScale);
  const articles = useAppStore((s) => s.workspace?.articles);
  const { linkDuplicate, selectClaim } = useActions();
  if (claim.duplicateOf || suggestions.length === 0) return null;
  const titleOf = (id: string) => articles?.find((a) => a.id === id)?.title ?? '';

  return (
    <section className="claim-section duplicates" aria-labelledby={`dup-${claim.id}`}>
      <h3 id={`dup-${claim.id}`} className="section-title">
        Possible duplicates
      </h3>
      <ul className="duplicate-list" aria-label="Similar claims">
        {suggestions.map(({ similar, claim: other }) => {
          const verdict = other.verdict ? ratingLabel(scale, other.verdict.ratingId) : null;
          return (
            <li key={other.id} className={similar.duplicate ? 'duplicate-item likely' : 'duplicate-item'}>
              <p className="duplicate-kind">
                {similar.duplicate
                  ? 'Possible duplicate of'
                  : similar.figuresDiffer
                    ? 'Related, but the figures differ:'
                    : similar.polarityDiffers
                      ? 'Related, but says the opposite:'
                      : 'Related:'}
              </p>
              <button type="button" className="link duplicate-text" onClick={() => selectClaim(other.id)}>
                “{other.text}”
              </button>
              <p className="duplicate-meta">
                {titleOf(other.articleId)}
                {verdict ? ` · verdict: ${verdict}` : ' · not rated yet'} · {Math.round(similar.score * 100)}% similar
              </p>
              {similar.duplicate && (
                <div className="duplicate-actions">
                  {verdict && (
                    <button type="button" className="button small primary" onClick={() => reported(linkDuplicate(claim.id, other.id, true))}>
                      Link and reuse verdict
                    </button>
                  )}
                  <button type="button" className="button small" onClick={() => reported(linkDuplicate(claim.id, other.id, false))}>
                    Mark as duplicate
                  </button>
                </div>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
