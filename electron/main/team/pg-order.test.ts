import { describe, expect, it } from 'vitest';
import { planOrds } from './pg-order';

const list = (...ids: string[]) => ids.map((id) => ({ id }));
const known = (entries: Record<string, number>) => new Map(Object.entries(entries));

describe('planOrds: the order of a collection in the entities table', () => {
  it('numbers a new collection 0, 1, 2…, appends after the last and keeps the ords of edited entities', () => {
    expect(planOrds(list('a', 'b', 'c'), new Set(['a', 'b', 'c']), known({}))).toEqual({ ords: known({ a: 0, b: 1, c: 2 }), renumber: false });
    expect(planOrds(list('a', 'b', 'c', 'd', 'e'), new Set(['d', 'e']), known({ a: 0, b: 1, c: 2.5 }))).toEqual({ ords: known({ d: 3, e: 4 }), renumber: false });
    expect(planOrds(list('a', 'b', 'c'), new Set(['b']), known({ a: 0, b: 1, c: 2 })).ords).toEqual(known({ b: 1 }));
  });

  it('puts inserted entities between their neighbours, and before the first', () => {
    const plan = planOrds(list('x', 'a', 'b', 'y', 'z', 'c'), new Set(['x', 'y', 'z']), known({ a: 0, b: 1, c: 2 }));
    expect(plan.renumber).toBe(false);
    expect(plan.ords.get('x')).toBeLessThan(0);
    const [y, z] = [plan.ords.get('y')!, plan.ords.get('z')!];
    expect(1 < y && y < z && z < 2).toBe(true);
  });

  it('numbers the collection again after a reorder, or when no room is left between two neighbours', () => {
    expect(planOrds(list('b', 'a', 'c'), new Set(), known({ a: 0, b: 1, c: 2 }))).toEqual({ ords: known({ b: 0, a: 1, c: 2 }), renumber: true });
    const tight = known({ a: 0, b: 1e-12 });
    expect(planOrds(list('a', 'n', 'b'), new Set(['n']), tight)).toEqual({ ords: known({ a: 0, n: 1, b: 2 }), renumber: true });
  });
});
