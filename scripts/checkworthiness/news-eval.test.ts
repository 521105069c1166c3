import { describe, expect, it } from 'vitest';
import { countSuggestions, scoreArticle } from './news-eval';
import type { Row } from './news-dev';

const row = (sentence: string, checkworthy: boolean, paragraph = 1): Row => ({ article: 'x1', paragraph, sentence, checkworthy, kind: checkworthy ? 'figure' : 'opinion', claimant: null, split: 'tune' });

describe('news dev evaluation', () => {
  const text = 'Budget vote delayed\n\nUnemployment fell to 3.5% last year, the finance minister said. What a lovely day it is!\n\nShare this article';
  const rows = [row('Budget vote delayed', false, 0), row('Unemployment fell to 3.5% last year, the finance minister said.', true), row('What a lovely day it is!', false), row('Share this article', false, 2)];

  it('matches each gold sentence to the segment the app made of it, in order', () => {
    const scored = scoreArticle(text, rows);
    expect(scored.map((s) => s.row.sentence)).toEqual(rows.map((r) => r.sentence));
    expect(scored[1]!.suggested).toBe(true);
    expect(scored[2]!.suggested).toBe(false);
    expect(scored[1]!.score).toBeGreaterThan(scored[2]!.score);
  });

  it('a sentence missing from the text is an error, not a silent miss', () => {
    expect(() => scoreArticle(text, [row('Not in the article at all.', true)])).toThrow(/not in x1/);
  });

  it('counts true and false positives and misses of the suggestions', () => {
    const scored = [
      { row: row('a', true), score: 0.9, suggested: true },
      { row: row('b', true), score: 0.2, suggested: false },
      { row: row('c', false), score: 0.7, suggested: true },
      { row: row('d', false), score: 0.1, suggested: false },
    ];
    expect(countSuggestions(scored)).toEqual({ truePositives: 1, falsePositives: 1, falseNegatives: 1 });
  });
});
