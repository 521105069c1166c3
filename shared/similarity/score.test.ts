import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { LABELLED_PAIRS } from './labelled-pairs';
import { claimSimilarity, DUPLICATE_THRESHOLD, isDuplicate, RELATED_THRESHOLD } from './score';

describe('the labelled pairs', () => {
  const scored = LABELLED_PAIRS.map((pair) => ({ ...pair, similarity: claimSimilarity(pair.a, pair.b) }));

  it('cover enough of each kind', () => {
    expect(scored.length).toBeGreaterThanOrEqual(30);
    expect(scored.filter((p) => p.duplicate).length).toBeGreaterThanOrEqual(15);
    expect(scored.filter((p) => !p.duplicate).length).toBeGreaterThanOrEqual(15);
  });

  it('are classified with precision and recall 1 at DUPLICATE_THRESHOLD', () => {
    const truePositives = scored.filter((p) => p.duplicate && isDuplicate(p.similarity)).length;
    const predicted = scored.filter((p) => isDuplicate(p.similarity)).length;
    const actual = scored.filter((p) => p.duplicate).length;
    const wrong = scored.filter((p) => p.duplicate !== isDuplicate(p.similarity)).map((p) => `${p.why}: ${p.similarity.score.toFixed(3)}`);
    expect(wrong).toEqual([]);
    expect(truePositives / predicted).toBe(1);
    expect(truePositives / actual).toBe(1);
  });

  it.each(scored.map((p) => [p.why, p] as const))('%s', (_why, pair) => {
    if (pair.duplicate) expect(pair.similarity.score).toBeGreaterThanOrEqual(DUPLICATE_THRESHOLD);
    else expect(pair.similarity.score).toBeLessThan(DUPLICATE_THRESHOLD);
  });
});

describe('claimSimilarity', () => {
  it('scores the same claim with another figure as related, with the reason', () => {
    const result = claimSimilarity('Unemployment fell to 3.5%', 'unemployment fell to 7%');
    expect(result.figuresDiffer).toBe(true);
    expect(result.score).toBeGreaterThanOrEqual(RELATED_THRESHOLD);
    expect(result.score).toBeLessThan(DUPLICATE_THRESHOLD);
  });

  it('does not count extra figures on one side as a difference', () => {
    const result = claimSimilarity('Unemployment fell to 3.5%', 'Unemployment fell to 3.5% in 2019');
    expect(result.figuresDiffer).toBe(false);
    expect(isDuplicate(result)).toBe(true);
  });

  it('flags negation and opposite directions as a polarity difference', () => {
    expect(claimSimilarity('Rents did not rise', 'Rents rose').polarityDiffers).toBe(true);
    expect(claimSimilarity('Rents rose', 'Rents fell').polarityDiffers).toBe(true);
    expect(claimSimilarity("Rents didn't fall", 'Rents did not drop').polarityDiffers).toBe(false);
  });

  it('compares wordings that are only figures by their figures', () => {
    expect(claimSimilarity('42%', '42 percent').score).toBe(1);
    expect(claimSimilarity('42', '43').score).toBe(0);
  });

  it('gives 0 for empty or stop-word-only wordings', () => {
    expect(claimSimilarity('', 'Taxes rose').score).toBe(0);
    expect(claimSimilarity('It is what it is', 'It is').score).toBe(0);
  });

  it('is symmetric, bounded, and 1 for the same wording', () => {
    const words = fc.constantFrom('taxes', 'rose', 'fell', 'not', '12%', '$4.50', 'mayor', 'said', 'schools', 'the', 'in', 'March', 'three', 'buses');
    const wording = fc.array(words, { minLength: 1, maxLength: 10 }).map((w) => w.join(' '));
    fc.assert(
      fc.property(wording, wording, (a, b) => {
        const ab = claimSimilarity(a, b).score;
        expect(ab).toBeCloseTo(claimSimilarity(b, a).score, 12);
        expect(ab).toBeGreaterThanOrEqual(0);
        expect(ab).toBeLessThanOrEqual(1 + 1e-12);
        const self = claimSimilarity(a, a).score;
        expect(self === 0 || Math.abs(self - 1) < 1e-12).toBe(true);
      }),
    );
  });
});
