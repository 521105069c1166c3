import { describe, expect, it } from 'vitest';
import { classifySuggestions, pendingSuggestions } from './suggestions';
import type { ScoredSentence } from '../../../shared/extract/extract';

const sentence = (start: number, end: number, score: number, kind: ScoredSentence['kind'] = 'sentence'): ScoredSentence => ({
  text: 'x'.repeat(end - start),
  start,
  end,
  paragraph: 0,
  kind,
  score,
  reasons: [],
});

describe('classifySuggestions', () => {
  const sentences = [sentence(0, 10, 0.9), sentence(11, 20, 0.8), sentence(21, 30, 0.7), sentence(31, 40, 0.2), sentence(41, 50, 0.95, 'clutter')];

  it('tells claims, dismissed, suggested, clutter and the rest apart at the threshold', () => {
    const states = classifySuggestions(sentences, [{ start: 0, end: 10 }], [{ start: 11, end: 20 }], 0.5).map((s) => s.state);
    expect(states).toEqual(['claim', 'dismissed', 'suggested', 'other', 'clutter']);
  });

  it('moves sentences in and out of the suggestions as the threshold changes', () => {
    expect(pendingSuggestions(classifySuggestions(sentences, [], [], 0.75))).toEqual([
      { start: 0, end: 10 },
      { start: 11, end: 20 },
    ]);
    expect(pendingSuggestions(classifySuggestions(sentences, [], [], 0.1))).toHaveLength(4);
    expect(pendingSuggestions(classifySuggestions(sentences, [], [], 1))).toEqual([]);
  });
});
