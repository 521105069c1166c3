import type { Claim } from '../../../shared/domain/schemas';
import { ratingLabel } from '../../../shared/domain/rating';
import { STATUS_LABELS } from '../labels';
import { selectRatingScale } from '../store/selectors';
import { useActions, useAppStore } from '../store/react';
import { isTeamWorkspace } from '../store/presence';
import { PresenceBadge } from './team/PresenceLine';

/** The open article's claims in the order they appear in the text. */
export function ClaimList({ claims }: { claims: readonly Claim[] }) {
  const selectedId = useAppStore((s) => s.selectedClaimId);
  const scale = useAppStore(selectRatingScale);
  const { selectClaim } = useActions();
  const team = useAppStore(isTeamWorkspace);

  return (
    <section className="claims-section" aria-labelledby="claims-heading">
      <h3 id="claims-heading" className="section-title">
        Claims <span className="count" aria-hidden="true">{claims.length}</span>
      </h3>
      {claims.length === 0 ? (
        <p className="empty-note">
          No claims yet. Select a passage in the text and press <kbd>C</kbd>, or choose “Find claims” and accept the
          suggested sentences worth checking.
        </p>
      ) : (
        <ul className="claim-list" aria-label="Claims in this article">
          {claims.map((claim) => (
            <li key={claim.id}>
              <button
                type="button"
                className="claim-item"
                aria-current={claim.id === selectedId ? 'true' : undefined}
                onClick={() => selectClaim(claim.id)}
              >
                <span className="claim-item-text">{claim.text}</span>
                <span className="claim-item-meta">
                  <span className={`badge status-${claim.status}`}>{STATUS_LABELS[claim.status]}</span>
                  {claim.verdict && <span className="badge verdict">{ratingLabel(scale, claim.verdict.ratingId)}</span>}
                  {claim.anchor === 'orphaned' && <span className="badge orphaned">Orphaned</span>}
                  {claim.duplicateOf && <span className="badge duplicate">Duplicate</span>}
                  {claim.assignee && <span className="assignee">{claim.assignee}</span>}
                  {claim.score !== null && <ScoreBadge score={claim.score} />}
                  {team && <PresenceBadge claimId={claim.id} />}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export const scoreLevel = (score: number) => (score >= 0.75 ? 'high' : score >= 0.5 ? 'medium' : 'low');

/** Check-worthiness from the scorer, tinted from low to high. */
export function ScoreBadge({ score }: { score: number }) {
  return (
    <span className={`badge score score-${scoreLevel(score)}`} title="Check-worthiness score">
      {Math.round(score * 100)}%
    </span>
  );
}
