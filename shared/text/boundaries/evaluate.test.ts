/**
 * Quality gates on the hand-written boundary test set: the same evaluation as
 * `npm run eval:segmentation`, asserted. Not timing tests.
 */
import { describe, expect, it } from 'vitest';
import { BOUNDARY_CASES } from './cases';
import { MARKER, evaluate, mark, parseCase, score } from './evaluate';
import { segmentText } from '../segmenter';
import { compromiseSegments, intlSegments } from '../../../scripts/segmentation/baselines';

describe('boundary test set', () => {
  const ours = evaluate(BOUNDARY_CASES, (text) => segmentText(text).sentences);

  it('has at least 300 cases, every group at least 10, and no marker inside a word of the unmarked text', () => {
    expect(ours.cases).toBeGreaterThanOrEqual(300);
    for (const group of BOUNDARY_CASES) expect(group.cases.length, group.name).toBeGreaterThanOrEqual(10);
    for (const group of BOUNDARY_CASES) {
      for (const c of group.cases) expect(parseCase(typeof c === 'string' ? c : c.text).text).not.toContain(MARKER);
    }
  });

  it('scores our segmenter at F1 ≥ 0.99, with every pinned kind right', () => {
    expect(ours.overall.f1).toBeGreaterThanOrEqual(0.99);
    expect(ours.kinds.correct).toBe(ours.kinds.checked);
  });

  it('scores ours above Intl.Segmenter and above compromise', () => {
    const intl = evaluate(BOUNDARY_CASES, intlSegments);
    const comp = evaluate(BOUNDARY_CASES, compromiseSegments);
    expect(ours.overall.f1).toBeGreaterThan(intl.overall.f1);
    expect(ours.overall.f1).toBeGreaterThan(comp.overall.f1);
  });
});

describe('evaluate', () => {
  it('reads gold boundaries from markers, counting neither the text’s end nor whitespace after a marker', () => {
    expect(parseCase('One.¦ Two.¦')).toEqual({ text: 'One. Two.', gold: [4] });
    expect(parseCase('One. ¦Two.')).toEqual({ text: 'One. Two.', gold: [4] });
    expect(parseCase('No boundary here.')).toEqual({ text: 'No boundary here.', gold: [] });
    expect(mark('One. Two.', [4])).toBe('One.¦ Two.');
  });

  it('sums true and false positives and negatives over cases and groups', () => {
    const groups = [{ name: 'g', cases: ['A b.¦ C d.', 'E f. G h.'] }];
    const result = evaluate(groups, (text) => [...text.matchAll(/\./g)].map((m) => ({ end: m.index + 1 })));
    expect(result.overall).toEqual(score(1, 1, 0));
    expect(result.overall.precision).toBe(0.5);
    expect(result.failures).toHaveLength(1);
    expect(result.failures[0]!.predicted).toBe('E f.¦ G h.');
  });

  it('maps compromise’s and Intl.Segmenter’s sentences back to offsets in the original text', () => {
    const text = 'He left.  She  stayed.\n\nThen rain.';
    expect(intlSegments(text).map((s) => s.end)).toEqual([8, 22, 34]);
    expect(compromiseSegments(text).map((s) => s.end)).toEqual([8, 22, 34]);
  });
});
