import { useId } from 'react';
import type { Article } from '../../../shared/domain/schemas';
import { pendingSuggestions, type Suggestion } from '../text/suggestions';
import { useActions } from '../store/react';
import { ScoreBadge } from './ClaimList';
import { reported } from './reported';
import { useCommand } from '../commands/react';

interface Props {
  article: Article;
  suggestions: readonly Suggestion[];
  threshold: number;
}

/**
 * "Find claims": every sentence with its check-worthiness score and the reasons for it.
 * Sentences at or above the threshold are suggested; the editor accepts them (one, or all
 * at once) as claims anchored to their exact offsets, or dismisses them.
 */
export function SuggestionList({ article, suggestions, threshold }: Props) {
  const { createClaim, createClaims, setSuggestionDismissed, setSuggestionThreshold } = useActions();
  const baseId = useId();
  const pending = pendingSuggestions(suggestions);
  useCommand('accept-suggestions', () => reported(createClaims(article.id, pending)), () => pending.length > 0);

  if (suggestions.length === 0) return <p className="empty-note">This article has no sentences to score.</p>;
  return (
    <section className="suggestions" aria-label="Find claims">
      <div className="suggestion-bar">
        <label className="threshold">
          Threshold
          <input
            type="range"
            min={0}
            max={1}
            step={0.05}
            value={threshold}
            onChange={(e) => setSuggestionThreshold(Number(e.target.value))}
          />
          <output>{threshold.toFixed(2)}</output>
        </label>
        <span className="suggestion-count" role="status">
          {pending.length} of {suggestions.length} sentences suggested
        </span>
        <button
          type="button"
          className="button primary small"
          disabled={pending.length === 0}
          onClick={() => reported(createClaims(article.id, pending))}
        >
          Accept all above threshold
        </button>
      </div>
      <ol className="sentences" aria-label="Sentences">
        {suggestions.map(({ sentence, state }) => {
          const textId = `${baseId}-${sentence.start}`;
          const span = { start: sentence.start, end: sentence.end };
          return (
            <li key={sentence.start} className={`sentence state-${state} kind-${sentence.kind}`}>
              <ScoreBadge score={sentence.score} />
              <div className="sentence-body">
                <span id={textId} className="sentence-text">
                  {sentence.text}
                </span>
                {sentence.reasons.length > 0 && (
                  <ul className="reasons" aria-label="Why">
                    {sentence.reasons.map((reason) => (
                      <li key={reason.text} className={`reason ${reason.effect}`}>
                        {reason.effect === 'raises' ? '+' : '−'} {reason.text}
                      </li>
                    ))}
                  </ul>
                )}
              </div>
              <div className="sentence-actions">
                {state === 'claim' && <span className="claim-marker">Claim</span>}
                {state === 'clutter' && <span className="muted-marker">Page clutter</span>}
                {state === 'dismissed' && (
                  <button type="button" className="button small" aria-describedby={textId} onClick={() => reported(setSuggestionDismissed(article.id, span, false))}>
                    Restore
                  </button>
                )}
                {(state === 'suggested' || state === 'other') && (
                  <button type="button" className={state === 'suggested' ? 'button small primary' : 'button small'} aria-describedby={textId} onClick={() => reported(createClaim(article.id, span.start, span.end))}>
                    Accept
                  </button>
                )}
                {state === 'suggested' && (
                  <button type="button" className="button small" aria-describedby={textId} onClick={() => reported(setSuggestionDismissed(article.id, span, true))}>
                    Dismiss
                  </button>
                )}
              </div>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
