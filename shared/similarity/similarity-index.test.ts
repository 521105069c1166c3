import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { claimSimilarity, DUPLICATE_THRESHOLD, RELATED_THRESHOLD } from './score';
import { createSimilarityIndex, type SimilarityDoc } from './similarity-index';

const CLAIMS: SimilarityDoc[] = [
  { id: 'c-unemp-35', text: 'Unemployment fell to 3.5% in March, the lowest level since 2001.' },
  { id: 'c-unemp-7', text: 'Unemployment fell to 7% in March.' },
  { id: 'c-inflation', text: 'Inflation fell to 3.5% in March.' },
  { id: 'c-unemp-rose', text: 'Unemployment rose in March, the first rise since 2001.' },
  { id: 'c-bus-cost', text: 'The new bus lanes will cost $48 million.' },
  { id: 'c-bus-time', text: 'Mayor Ana Ruiz said the bus lanes would cut commute times by 15 minutes.' },
  { id: 'c-ridership', text: "Ridership on the city's buses fell by a third during 2021." },
  { id: 'c-schools', text: 'The council approved three new schools.' },
  { id: 'c-parks', text: 'The council approved three new parks.' },
  { id: 'c-jobs', text: 'Sen. Laura Chen claimed that 40,000 jobs were created last year.' },
  { id: 'c-waiting', text: 'The health minister said the government had cut waiting times by 40 minutes.' },
  { id: 'c-figure-only', text: '42%' },
];

describe('createSimilarityIndex', () => {
  const index = createSimilarityIndex(CLAIMS);

  it('ranks the true duplicate first, the same claim with another figure after it', () => {
    const results = index.findSimilar('In March unemployment dropped to 3.5 percent, its lowest since 2001');
    expect(results[0]).toMatchObject({ claimId: 'c-unemp-35', duplicate: true, figuresDiffer: false });
    const other = results.find((r) => r.claimId === 'c-unemp-7');
    expect(other).toMatchObject({ duplicate: false, figuresDiffer: true });
    expect(results.every((r, i) => i === 0 || r.score <= results[i - 1]!.score)).toBe(true);
    expect(results.find((r) => r.claimId === 'c-inflation')?.duplicate ?? false).toBe(false);
  });

  it('ranks duplicates first for reported speech, number formats and paraphrase', () => {
    const top = (text: string) => index.findSimilar(text)[0]?.claimId;
    expect(top('"We have cut waiting times by 40 minutes," the health minister told reporters.')).toBe('c-waiting');
    expect(top('“We created 40,000 jobs last year,” Sen. Laura Chen said.')).toBe('c-jobs');
    expect(top('The bus lanes are going to cost 48,000,000 dollars')).toBe('c-bus-cost');
    expect(top('According to Mayor Ruiz, the lanes will reduce commutes by 15 minutes')).toBe('c-bus-time');
    expect(top('Council approves 3 new schools')).toBe('c-schools');
    expect(top('42 percent')).toBe('c-figure-only');
  });

  it('reports a negated wording as related, not duplicate', () => {
    const result = index.findSimilar('Unemployment did not rise in March').find((r) => r.claimId === 'c-unemp-rose');
    expect(result).toMatchObject({ duplicate: false, polarityDiffers: true });
  });

  it('returns the same scores as scoring the pair directly', () => {
    const text = 'Bus ridership in the city dropped by a third in 2021';
    const [first] = index.findSimilar(text);
    expect(first?.claimId).toBe('c-ridership');
    expect(first?.score).toBeCloseTo(claimSimilarity(text, CLAIMS[6]!.text).score, 12);
  });

  it('honours excludeId, limit and threshold', () => {
    const text = CLAIMS[0]!.text;
    expect(index.findSimilar(text)[0]?.claimId).toBe('c-unemp-35');
    expect(index.findSimilar(text, { excludeId: 'c-unemp-35' }).map((r) => r.claimId)).not.toContain('c-unemp-35');
    expect(index.findSimilar(text, { limit: 1 })).toHaveLength(1);
    expect(index.findSimilar(text, { limit: 0 })).toEqual([]);
    expect(index.findSimilar(text, { threshold: DUPLICATE_THRESHOLD }).every((r) => r.duplicate)).toBe(true);
    expect(index.findSimilar(text).every((r) => r.score >= RELATED_THRESHOLD)).toBe(true);
    expect(index.findSimilar('Completely unrelated wording about penguins')).toEqual([]);
  });

  it('finds what is like an indexed claim, itself excluded', () => {
    const results = index.findSimilarTo('c-schools', { threshold: 0.3 });
    expect(results.map((r) => r.claimId)).toContain('c-parks');
    expect(results.map((r) => r.claimId)).not.toContain('c-schools');
    expect(index.findSimilarTo('missing')).toEqual([]);
  });
});

describe('incremental updates', () => {
  it('adds, updates and removes claims', () => {
    const index = createSimilarityIndex();
    expect(index.size).toBe(0);
    index.add({ id: 'a', text: 'Crime rose 12% last year.' });
    index.add({ id: 'b', text: 'House prices rose 12% last year.' });
    expect(index.size).toBe(2);
    expect(index.findSimilar('Last year crime rose by 12 percent')[0]?.claimId).toBe('a');

    index.update({ id: 'a', text: 'The mayor promised free buses.' });
    expect(index.findSimilar('Last year crime rose by 12 percent', { threshold: DUPLICATE_THRESHOLD })).toEqual([]);
    expect(index.findSimilar('The mayor promised buses would be free')[0]?.claimId).toBe('a');

    expect(index.remove('a')).toBe(true);
    expect(index.remove('a')).toBe(false);
    expect(index.has('a')).toBe(false);
    expect(index.findSimilar('The mayor promised free buses.')).toEqual([]);
    expect(index.size).toBe(1);
  });

  it('re-adding an id replaces its wording', () => {
    const index = createSimilarityIndex([{ id: 'x', text: 'Taxes rose.' }]);
    index.add({ id: 'x', text: 'Rents fell.' });
    expect(index.size).toBe(1);
    expect(index.findSimilar('Taxes rose.')).toEqual([]);
    expect(index.findSimilar('Rents fell.')[0]?.claimId).toBe('x');
  });
});

describe('candidate pruning', () => {
  // Small vocabulary so wordings overlap a lot: the hard case for pruning.
  const word = fc.constantFrom(
    'unemployment', 'inflation', 'rents', 'taxes', 'rose', 'fell', 'not', 'mayor', 'said', 'council', 'schools', 'parks',
    'the', 'new', 'three', '12%', '$4.50', '3.5%', 'March', 'last', 'year', 'buses', 'cost', 'Riverton', 'hospital',
  );
  const wording = fc.array(word, { minLength: 1, maxLength: 9 }).map((w) => w.join(' '));

  it('returns exactly what a full scan returns, for thresholds ≥ 0.3', () => {
    fc.assert(
      fc.property(fc.array(wording, { minLength: 1, maxLength: 40 }), wording, fc.double({ min: 0.3, max: 0.95, noNaN: true }), (texts, query, threshold) => {
        const docs = texts.map((text, i) => ({ id: `c${i}`, text }));
        const index = createSimilarityIndex(docs);
        const expected = docs
          .map((d) => ({ id: d.id, score: claimSimilarity(query, d.text).score }))
          .filter((r) => r.score >= threshold && r.score > 0)
          .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1))
          .map((r) => r.id);
        const actual = index.findSimilar(query, { threshold, limit: docs.length }).map((r) => r.claimId);
        expect(actual).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});
