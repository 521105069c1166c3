import { describe, expect, it } from 'vitest';
import { generateLargeWorkspace } from '../../scripts/seed/generate-workspace';
import { filterAndSortClaims, firstShownClaims, indexById, lazyPositions, NarrowingFilter, narrows, sortClaims, EMPTY_FILTERS, type ViewFilters } from './claim-query';
import { SORT_KEYS, type ViewSettings } from './schemas';

const ws = generateLargeWorkspace({ articles: 6, claims: 400 });
const articlesById = indexById(ws.articles);
const filters = (patch: Partial<ViewFilters>): ViewFilters => ({ ...EMPTY_FILTERS, ...patch });

describe('firstShownClaims (the page a large workspace opens with)', () => {
  it('is exactly the start of the filtered, sorted view, for every sort key and direction', () => {
    for (const key of SORT_KEYS) {
      for (const direction of ['asc', 'desc'] as const) {
        for (const f of [EMPTY_FILTERS, filters({ statuses: ['new', 'researching'] }), filters({ text: 'the' })]) {
          const view: Pick<ViewSettings, 'filters' | 'sort'> = { filters: f, sort: { key, direction } };
          const whole = filterAndSortClaims(ws.claims, articlesById, view);
          for (const count of [1, 25, 150, whole.length + 5]) {
            expect(firstShownClaims(ws.claims, articlesById, view, count).map((c) => c.id), `${key} ${direction} ${count}`).toEqual(
              whole.slice(0, count).map((c) => c.id),
            );
          }
        }
      }
    }
  });
});

describe('NarrowingFilter (filtering as the editor types)', () => {
  const sorted = sortClaims(ws.claims, { key: 'updated', direction: 'desc' }, articlesById);
  const expected = (f: ViewFilters) => filterAndSortClaims(ws.claims, articlesById, { filters: f, sort: { key: 'updated', direction: 'desc' } });

  it('answers what a full filter answers while words are typed, widened, changed and cleared', () => {
    const filter = new NarrowingFilter();
    const typed = ['r', 're', 'rep', 'repo', 'report', 'repo', 'report the', 'the', 'x', ''];
    for (const text of typed) {
      const f = filters({ text, statuses: text === 'the' ? ['new'] : [] });
      expect(filter.apply(sorted, f, articlesById).map((c) => c.id), text).toEqual(expected(f).map((c) => c.id));
    }
  });

  it('starts again from every claim when the claims change', () => {
    const filter = new NarrowingFilter();
    filter.apply(sorted, filters({ text: 'the' }), articlesById);
    const fewer = sorted.slice(10);
    expect(filter.apply(fewer, filters({ text: 'they' }), articlesById)).toEqual(fewer.filter((c) => expected(filters({ text: 'they' })).includes(c)));
  });

  it('narrows only when every earlier word is inside a new word and the facets are the same', () => {
    const statuses: ViewFilters['statuses'] = ['new'];
    expect(narrows(filters({ text: 'rep', statuses }), filters({ text: 'report', statuses }))).toBe(true);
    expect(narrows(filters({ text: 'rep' }), filters({ text: 'report budget' }))).toBe(true);
    expect(narrows(filters({ text: 'report' }), filters({ text: 'rep' }))).toBe(false);
    expect(narrows(filters({ text: 'rep' }), filters({ text: 'rep', statuses }))).toBe(false);
  });
});

describe('lazyPositions', () => {
  it('finds each id where it is, and nothing else', () => {
    const positions = lazyPositions(['a', 'b', 'c']);
    expect([positions.get('a'), positions.get('c'), positions.get('z')]).toEqual([0, 2, undefined]);
    expect([positions.has('b'), positions.has('z')]).toEqual([true, false]);
  });
});
