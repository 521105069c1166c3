import { describe, expect, it } from 'vitest';
import { seededRandom } from './random';

describe('seededRandom', () => {
  it('repeats for a seed, differs between seeds, and stays in [0, 1)', () => {
    const a = seededRandom(7);
    const b = seededRandom(7);
    const c = seededRandom(8);
    const first = Array.from({ length: 1_000 }, a);
    expect(Array.from({ length: 1_000 }, b)).toEqual(first);
    expect(Array.from({ length: 1_000 }, c)).not.toEqual(first);
    expect(first.every((x) => x >= 0 && x < 1)).toBe(true);
    // Spread over the range, not stuck in a corner.
    expect(first.filter((x) => x < 0.5).length).toBeGreaterThan(400);
    expect(first.filter((x) => x < 0.5).length).toBeLessThan(600);
  });
});
