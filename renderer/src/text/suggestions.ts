/**
 * "Find claims": what each sentence of an article is for the editor, given its score, the
 * claims already made, the suggestions dismissed and the threshold.
 */
import { isCandidate, type ScoredSentence } from '../../../shared/extract/extract';
import type { Span } from '../../../shared/domain/schemas';

export type SuggestionState = 'claim' | 'dismissed' | 'suggested' | 'clutter' | 'other';

export interface Suggestion {
  sentence: ScoredSentence;
  state: SuggestionState;
}

const key = (span: Span) => `${span.start}:${span.end}`;

export function classifySuggestions(
  sentences: readonly ScoredSentence[],
  claimSpans: readonly Span[],
  dismissed: readonly Span[],
  threshold: number,
): Suggestion[] {
  const claimed = new Set(claimSpans.map(key));
  const dismissedKeys = new Set(dismissed.map(key));
  return sentences.map((sentence) => {
    const k = key(sentence);
    let state: SuggestionState;
    if (claimed.has(k)) state = 'claim';
    else if (sentence.kind === 'clutter') state = 'clutter';
    else if (dismissedKeys.has(k)) state = 'dismissed';
    else if (isCandidate(sentence.kind, sentence.score, threshold)) state = 'suggested';
    else state = 'other';
    return { sentence, state };
  });
}

/** The suggestions "Accept all above threshold" would turn into claims. */
export function pendingSuggestions(suggestions: readonly Suggestion[]): Span[] {
  return suggestions.filter((s) => s.state === 'suggested').map(({ sentence }) => ({ start: sentence.start, end: sentence.end }));
}
