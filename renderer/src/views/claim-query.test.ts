import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_VIEW, type Article, type ViewSettings } from '../../../shared/domain/schemas';
import {
  assigneesInUse,
  claimMatcher,
  EMPTY_FILTERS,
  filterAndSortClaims,
  hasActiveFilters,
  idRange,
  indexById,
  sortClaims,
  tagsInUse,
  toggledIn,
  toggleSort,
  UNASSIGNED,
} from './claim-query';
import { makeClaim, makeClaims } from './fixtures';

const article = (id: string, title: string): Article => ({
  id,
  title,
  text: '',
  url: null,
  outlet: '',
  author: '',
  publishedDate: null,
  importedAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  dismissed: [],
});

const budget = article('article-budget', 'Budget speech');
const interview = article('article-interview', 'Minister interview');
const articles = indexById([budget, interview]);

const view = (filters: Partial<ViewSettings['filters']> = {}, sort: ViewSettings['sort'] = DEFAULT_VIEW.sort) => ({
  filters: { ...EMPTY_FILTERS, ...filters },
  sort,
});

describe('filterAndSortClaims', () => {
  const claims = [
    makeClaim(1, budget.id, { text: 'Taxes fell by 3%', status: 'new', tags: ['budget'], assignee: 'Ana Ruiz' }),
    makeClaim(2, budget.id, { text: 'Spending rose sharply', status: 'ready', tags: ['budget', 'spending'], assignee: null }),
    makeClaim(3, interview.id, { text: 'Unemployment is at 4%', status: 'researching', tags: [], assignee: 'Ben Okafor' }),
    makeClaim(4, interview.id, { text: 'Crime halved since 2010', status: 'ready', tags: ['crime'], assignee: 'Ana Ruiz' }),
  ];
  const ids = (list: { id: string }[]) => list.map((c) => c.id.replace('claim-00000', '#'));

  it('lets everything through without filters, and says when filters are active', () => {
    expect(filterAndSortClaims(claims, articles, view())).toHaveLength(4);
    expect(hasActiveFilters(EMPTY_FILTERS)).toBe(false);
    expect(hasActiveFilters({ ...EMPTY_FILTERS, text: '  ' })).toBe(false);
    expect(hasActiveFilters({ ...EMPTY_FILTERS, tags: ['x'] })).toBe(true);
  });

  it('matches the text in the wording, quote, tags, assignee and article title, case-insensitively, every word', () => {
    const match = (text: string) => ids(filterAndSortClaims(claims, articles, view({ text }, { key: 'status', direction: 'asc' }))).sort();
    expect(match('TAXES')).toEqual(['#1']);
    expect(match('spending')).toEqual(['#2']); // wording and tag
    expect(match('crime')).toEqual(['#4']); // tag
    expect(match('okafor')).toEqual(['#3']); // assignee
    expect(match('minister')).toEqual(['#3', '#4']); // article title
    expect(match('minister ana')).toEqual(['#4']); // every word, each anywhere
    expect(match('says 9%')).toEqual(['#3']); // the quote
    expect(match('nothing like this')).toEqual([]);
  });

  it('ORs values within a facet and ANDs across facets', () => {
    const f = (filters: Partial<ViewSettings['filters']>) => ids(filterAndSortClaims(claims, articles, view(filters))).sort();
    expect(f({ statuses: ['ready', 'new'] })).toEqual(['#1', '#2', '#4']);
    expect(f({ statuses: ['ready'], tags: ['budget'] })).toEqual(['#2']);
    expect(f({ tags: ['crime', 'spending'] })).toEqual(['#2', '#4']);
    expect(f({ assignees: [UNASSIGNED] })).toEqual(['#2']);
    expect(f({ assignees: ['Ana Ruiz', UNASSIGNED] })).toEqual(['#1', '#2', '#4']);
    expect(f({ articleIds: [interview.id], statuses: ['ready'] })).toEqual(['#4']);
  });

  it('sorts by each key in both directions, with missing values last either way', () => {
    const scored = [
      makeClaim(1, budget.id, { score: 0.2, dueDate: '2026-03-01', assignee: 'bea' }),
      makeClaim(2, budget.id, { score: null, dueDate: null, assignee: null }),
      makeClaim(3, budget.id, { score: 0.9, dueDate: '2026-02-01', assignee: 'Al' }),
    ];
    const order = (key: ViewSettings['sort']['key'], direction: 'asc' | 'desc') => ids(sortClaims(scored, { key, direction }, articles));
    expect(order('score', 'desc')).toEqual(['#3', '#1', '#2']);
    expect(order('score', 'asc')).toEqual(['#1', '#3', '#2']);
    expect(order('due', 'asc')).toEqual(['#3', '#1', '#2']);
    expect(order('due', 'desc')).toEqual(['#1', '#3', '#2']);
    expect(order('assignee', 'asc')).toEqual(['#3', '#1', '#2']); // case-insensitive: Al before bea
  });

  it('matches and sorts by the claimant, who comes last when nobody is named', () => {
    const said = [
      makeClaim(1, budget.id, { claimant: { name: 'the Kremlin', role: null } }),
      makeClaim(2, budget.id, { claimant: null }),
      makeClaim(3, budget.id, { claimant: { name: 'Aleksei Voronin', role: 'deputy foreign minister' } }),
    ];
    const match = (text: string) => ids(filterAndSortClaims(said, articles, view({ text }))).sort();
    expect(match('voronin')).toEqual(['#3']);
    expect(match('foreign minister')).toEqual(['#3']); // the role too
    expect(match('kremlin')).toEqual(['#1']);
    const order = (direction: 'asc' | 'desc') => ids(sortClaims(said, { key: 'claimant', direction }, articles));
    expect(order('asc')).toEqual(['#3', '#1', '#2']);
    expect(order('desc')).toEqual(['#1', '#3', '#2']);
    expect(toggleSort({ key: 'score', direction: 'desc' }, 'claimant')).toEqual({ key: 'claimant', direction: 'asc' });
  });

  it('sorts priority and status by their rank, not alphabetically', () => {
    const list = [
      makeClaim(1, budget.id, { priority: 'low', status: 'published' }),
      makeClaim(2, budget.id, { priority: 'urgent', status: 'new' }),
      makeClaim(3, budget.id, { priority: 'normal', status: 'in_review' }),
    ];
    expect(ids(sortClaims(list, { key: 'priority', direction: 'desc' }, articles))).toEqual(['#2', '#3', '#1']);
    expect(ids(sortClaims(list, { key: 'status', direction: 'asc' }, articles))).toEqual(['#2', '#3', '#1']);
  });

  it('breaks ties by article, then position in the article', () => {
    const list = [
      makeClaim(3, interview.id, { priority: 'high' }),
      makeClaim(2, budget.id, { priority: 'high' }),
      makeClaim(1, budget.id, { priority: 'high' }),
    ];
    expect(ids(sortClaims(list, { key: 'priority', direction: 'asc' }, articles))).toEqual(['#1', '#2', '#3']);
  });

  it('is a permutation of the kept claims for any filters and sort (property)', () => {
    const many = makeClaims(60, [budget.id, interview.id]);
    fc.assert(
      fc.property(
        fc.record({
          key: fc.constantFrom(...(['score', 'priority', 'status', 'assignee', 'due', 'updated'] as const)),
          direction: fc.constantFrom('asc' as const, 'desc' as const),
          text: fc.constantFrom('', 'claim', 'sentence 1', 'zzz', 'MINISTER'),
          statuses: fc.subarray(['new', 'ready', 'dropped'] as const),
        }),
        ({ key, direction, text, statuses }) => {
          const filters = { ...EMPTY_FILTERS, text, statuses: [...statuses] };
          const result = filterAndSortClaims(many, articles, { filters, sort: { key, direction } });
          const expected = many.filter(claimMatcher(filters, articles));
          expect(result.map((c) => c.id).sort()).toEqual(expected.map((c) => c.id).sort());
        },
      ),
      { numRuns: 60 },
    );
  });

  it('filters and sorts 10,000 claims quickly enough to run on every keystroke', () => {
    const many = makeClaims(10_000, [budget.id, interview.id]);
    filterAndSortClaims(many, articles, view({ text: 'warm' })); // first pass builds the lower-cased text cache
    const started = performance.now();
    const result = filterAndSortClaims(many, articles, view({ text: 'claim 12' }, { key: 'score', direction: 'desc' }));
    expect(result.length).toBeGreaterThan(0);
    // Generous bound for slow CI machines; typically a few milliseconds.
    expect(performance.now() - started).toBeLessThan(500);
  });
});

describe('sorting and selection helpers', () => {
  it('toggleSort flips the same column and starts another in its default direction', () => {
    expect(toggleSort({ key: 'score', direction: 'desc' }, 'score')).toEqual({ key: 'score', direction: 'asc' });
    expect(toggleSort({ key: 'score', direction: 'asc' }, 'score')).toEqual({ key: 'score', direction: 'desc' });
    expect(toggleSort({ key: 'score', direction: 'asc' }, 'due')).toEqual({ key: 'due', direction: 'asc' });
    expect(toggleSort({ key: 'due', direction: 'asc' }, 'updated')).toEqual({ key: 'updated', direction: 'desc' });
  });

  it('idRange covers anchor to target inclusive, either way round', () => {
    const order = ['a', 'b', 'c', 'd', 'e'];
    expect(idRange(order, 'b', 'd')).toEqual(['b', 'c', 'd']);
    expect(idRange(order, 'd', 'b')).toEqual(['b', 'c', 'd']);
    expect(idRange(order, 'c', 'c')).toEqual(['c']);
    expect(idRange(order, null, 'c')).toEqual(['c']);
    expect(idRange(order, 'gone', 'c')).toEqual(['c']);
    expect(idRange(order, 'a', 'gone')).toEqual([]);
  });

  it('idRange always holds both ends and is contiguous (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.nat(), fc.nat(), (n, x, y) => {
        const order = Array.from({ length: n }, (_, i) => `id${i}`);
        const from = order[x % n]!;
        const to = order[y % n]!;
        const range = idRange(order, from, to);
        expect(range).toContain(from);
        expect(range).toContain(to);
        expect(range.length).toBe(Math.abs((x % n) - (y % n)) + 1);
      }),
    );
  });

  it('toggledIn adds and removes without touching the original set', () => {
    const original = new Set(['a']);
    expect([...toggledIn(original, 'b')].sort()).toEqual(['a', 'b']);
    expect([...toggledIn(original, 'a')]).toEqual([]);
    expect([...original]).toEqual(['a']);
  });

  it('lists the tags and assignees in use, sorted, with the known names', () => {
    const claims = [
      makeClaim(1, budget.id, { tags: ['zeta', 'Alpha'], assignee: 'Zoë' }),
      makeClaim(2, budget.id, { tags: ['alpha2'], assignee: null }),
    ];
    expect(tagsInUse(claims)).toEqual(['Alpha', 'alpha2', 'zeta']);
    expect(assigneesInUse(claims, ['Ana', ''])).toEqual(['Ana', 'Zoë']);
  });
});
