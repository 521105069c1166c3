import { useId, useMemo } from 'react';
import type { Article, Claim } from '../../../shared/domain/schemas';
import { splitSentences } from '../../../shared/text/sentences';
import { useActions } from '../store/react';
import { reported } from './reported';

/** The article as a numbered list of sentences, each one click away from being a claim. */
export function SentenceList({ article, claims }: { article: Article; claims: readonly Claim[] }) {
  const { createClaim } = useActions();
  const sentences = useMemo(() => splitSentences(article.text), [article.text]);
  const baseId = useId();
  // A sentence "is a claim" when a claim quotes exactly that span.
  const claimBySpan = useMemo(() => new Map(claims.map((c) => [`${c.quote.start}:${c.quote.end}`, c])), [claims]);

  if (sentences.length === 0) return <p className="empty-note">This article has no sentences to split.</p>;
  return (
    <ol className="sentences" aria-label="Sentences">
      {sentences.map((sentence) => {
        const claim = claimBySpan.get(`${sentence.start}:${sentence.end}`);
        const textId = `${baseId}-${sentence.start}`;
        return (
          <li key={sentence.start} className={claim ? 'sentence is-claim' : 'sentence'}>
            <span id={textId} className="sentence-text">
              {sentence.text}
            </span>
            {claim ? (
              <span className="claim-marker">Claim</span>
            ) : (
              <button
                type="button"
                className="button small"
                aria-describedby={textId}
                onClick={() => reported(createClaim(article.id, sentence.start, sentence.end))}
              >
                Make claim
              </button>
            )}
          </li>
        );
      })}
    </ol>
  );
}
