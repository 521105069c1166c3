/**
 * "Find claims": what each sentence of an article is for the editor, given its score, the
 * claims already made, the suggestions dismissed and the threshold. Shared by the app's
 * suggestion list ("Accept all above threshold") and the CLI's `import --accept-suggestions`,
 * so both turn the same sentences into claims.
 */
import { isCandidate, scoreSentences, type ScoredSentence } from './extract';
import type { Span } from '../domain/schemas';

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

/** The passages "Accept all above threshold" turns into claims for a new article: no claims yet, nothing dismissed. */
export function suggestedSpans(text: string, threshold: number): Span[] {
  return pendingSuggestions(classifySuggestions(scoreSentences(text), [], [], threshold));
}
