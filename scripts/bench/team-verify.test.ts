import { describe, expect, it } from 'vitest';
import { checkStream, percentile } from './team-verify';

describe('the team load test checks', () => {
  it('finds a lost edit, a duplicated change and one out of order', () => {
    const check = checkStream(
      [
        { seq: 1, tags: ['a'] },
        { seq: 3, tags: ['c'] },
        { seq: 2, tags: ['b'] },
        { seq: 3, tags: ['c'] },
      ],
      new Set(['a', 'b', 'c', 'd']),
    );
    expect(check.lost).toEqual(['d']);
    expect(check.duplicated).toEqual(['change 3', 'c']);
    expect(check.outOfOrder).toBe(1);
  });

  it('passes a stream that delivered every acknowledged edit once, in order (and edits not acknowledged, which may commit before their answer is lost)', () => {
    expect(checkStream([{ seq: 4, tags: ['a', 'x'] }, { seq: 7, tags: ['b'] }], new Set(['a', 'b']))).toEqual({ lost: [], duplicated: [], outOfOrder: 0 });
  });

  it('takes percentiles by nearest rank', () => {
    const values = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(percentile(values, 0.5)).toBe(50);
    expect(percentile(values, 0.95)).toBe(95);
    expect(percentile(values, 1)).toBe(100);
    expect(percentile([7], 0.99)).toBe(7);
    expect(percentile([], 0.5)).toBeNaN();
  });
});
