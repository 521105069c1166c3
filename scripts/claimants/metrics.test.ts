import { describe, expect, it } from 'vitest';
import { align, ratio, score, type GoldRow } from './metrics';

const row = (sentence: string, claimant: GoldRow['claimant'], checkworthy = true): GoldRow => ({
  article: 'x1', paragraph: 1, sentence, checkworthy, kind: 'figure', claimant, split: 'tune',
});
const ann = { name: 'Ann Lee', role: 'mayor' };

describe('claimant evaluation', () => {
  it('aligns by text, ignoring whitespace, a repeated sentence to its next occurrence, a missing one to nothing', () => {
    const gold = [row('She said  so.', ann), row('She said so.', null), row('Gone.', null)];
    const pairs = align(gold, [
      { text: 'She said so.', claimant: ann },
      { text: 'Extra.', claimant: null },
      { text: 'She said\nso.', claimant: null },
    ]);
    expect(pairs.map((p) => p.predicted)).toEqual([ann, null, undefined]);
  });

  it('scores name matches on attributed sentences, attributed candidates, name and role, and false positives', () => {
    const gold = [
      row('A.', ann),
      row('B.', ann, false),
      row('C.', { name: 'Ann Lee', role: null }),
      row('D.', null),
      row('E.', null),
      row('F.', ann),
    ];
    const s = score(align(gold, [
      { text: 'A.', claimant: ann },
      { text: 'B.', claimant: { name: 'Ann Lee', role: 'council leader' } },
      { text: 'C.', claimant: { name: 'Lee', role: null } },
      { text: 'D.', claimant: ann },
      { text: 'E.', claimant: null },
    ]));
    expect(s.attributed).toEqual({ hits: 2, total: 4 });
    expect(s.candidates).toEqual({ hits: 1, total: 3 });
    expect(s.nameAndRole).toEqual({ hits: 1, total: 4 });
    expect(s.falsePositives).toEqual({ hits: 1, total: 2 });
    expect(s.unaligned).toBe(1);
    expect(ratio(s.attributed)).toBe(0.5);
    expect(ratio({ hits: 0, total: 0 })).toBe(0);
  });
});
