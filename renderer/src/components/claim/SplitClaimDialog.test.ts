import { describe, expect, it } from 'vitest';
import { splitPoints } from './SplitClaimDialog';

describe('splitPoints', () => {
  it('offers a split after each word that leaves text on both sides', () => {
    const quote = 'Taxes rose 3%,  and spending fell.';
    const points = splitPoints(quote);
    expect(points.map((p) => [quote.slice(0, p).trim(), quote.slice(p)])).toEqual([
      ['Taxes', 'rose 3%,  and spending fell.'],
      ['Taxes rose', '3%,  and spending fell.'],
      ['Taxes rose 3%,', 'and spending fell.'],
      ['Taxes rose 3%,  and', 'spending fell.'],
      ['Taxes rose 3%,  and spending', 'fell.'],
    ]);
  });

  it('has nothing to offer for a single word or surrounding spaces only', () => {
    expect(splitPoints('Unemployment')).toEqual([]);
    expect(splitPoints('  word  ')).toEqual([]);
  });
});
