import { describe, expect, it } from 'vitest';
import type { Article, Claim } from '../../../shared/domain/schemas';
import { DEFAULT_RATING_SCALE } from '../../../shared/domain/rating';
import { quoteAt } from '../../../shared/domain/quote';
import { newClaim } from '../../../shared/domain/new-claim';
import { buildSearchIndex, groupHits, type SearchableWorkspace } from './search-index';
import { matchRanges } from './snippet';

const NOW = '2025-03-01T10:00:00.000Z';

function article(id: string, title: string, text: string, more: Partial<Article> = {}): Article {
  return { id, title, text, url: null, outlet: 'Riverton Daily', author: 'Priya Sethi', publishedDate: null, importedAt: NOW, updatedAt: NOW, dismissed: [], ...more };
}

function claim(id: string, of: Article, sentence: string, more: Partial<Claim> = {}): Claim {
  const start = of.text.indexOf(sentence);
  if (start < 0) throw new Error(`not in the article: ${sentence}`);
  return newClaim({ id, articleId: of.id, text: sentence, quote: quoteAt(of.text, start, start + sentence.length), score: null, createdAt: NOW }, more);
}

const jobs = article('art-jobs', 'Unemployment falls to record low', [
  'Mayor Ana Ruiz said unemployment fell to 3.5% in March, the lowest level since 2001.',
  'The council will spend $48 million on bus lanes.',
  'Critics said the jobs figures leave out part-time work.',
].join(' '));
const buses = article('art-buses', 'Council approves bus lanes', [
  'Riverton city council voted 7 to 2 to build 12 kilometres of bus lanes.',
  'Mayor Ana Ruiz said the lanes would cut commute times by 15 minutes.',
  'Residents can comment until March 31.',
].join(' '), { outlet: 'Lakeside Courier', author: 'Tomás Ortega' });

const workspace = (): SearchableWorkspace & { articles: Article[]; claims: Claim[] } => ({
  settings: { ratingScale: [...DEFAULT_RATING_SCALE] },
  articles: [jobs, buses],
  claims: [
    claim('cl-unemp', jobs, 'Mayor Ana Ruiz said unemployment fell to 3.5% in March, the lowest level since 2001.', {
      tags: ['economy', 'jobs'], assignee: 'Grace Tan',
      verdict: { ratingId: 'mostly-false', conclusion: 'The rate is seasonally adjusted.', rationale: 'The statistics office reports 3.9%.', decidedAt: NOW },
    }),
    claim('cl-spend', jobs, 'The council will spend $48 million on bus lanes.', { tags: ['budget', 'transport'], claimant: { name: 'Riverton council', role: null } }),
    claim('cl-commute', buses, 'Mayor Ana Ruiz said the lanes would cut commute times by 15 minutes.', { tags: ['transport'], assignee: 'Dev Raman' }),
  ],
});

describe('buildSearchIndex', () => {
  const index = buildSearchIndex(workspace());

  it('indexes every article and claim', () => {
    expect(index.size).toBe(5);
    expect(index.has('article', 'art-jobs') && index.has('claim', 'cl-spend')).toBe(true);
  });

  it('ranks a claim whose wording matches and an article whose title matches above text-only matches', () => {
    const hits = index.search('unemployment');
    expect(hits.slice(0, 2).map((h) => h.id).sort()).toEqual(['art-jobs', 'cl-unemp']);
    expect(hits.every((h, i) => i === 0 || h.score <= hits[i - 1]!.score)).toBe(true);
    const { articles, claims } = groupHits(hits);
    expect(articles.map((h) => h.id)).toEqual(['art-jobs']);
    expect(claims[0]).toMatchObject({ kind: 'claim', id: 'cl-unemp', articleId: 'art-jobs', field: 'wording' });
  });

  it('boosts titles over body text', () => {
    const hits = index.search('bus lanes', { kinds: ['article'] });
    expect(hits.map((h) => h.id)).toEqual(['art-buses', 'art-jobs']);
  });

  it('finds words from their first letters while typing', () => {
    for (const typed of ['unemp', 'Unempl', 'unemployme']) {
      expect(index.search(typed, { kinds: ['claim'] })[0]?.id, typed).toBe('cl-unemp');
    }
    expect(index.search('commu', { kinds: ['claim'] })[0]?.id).toBe('cl-commute');
  });

  it('tolerates typos in longer words', () => {
    expect(index.search('unemploymnet', { kinds: ['claim'] })[0]?.id).toBe('cl-unemp');
    expect(index.search('comute tims', { kinds: ['claim'] })[0]?.id).toBe('cl-commute');
  });

  it('searches tags, assignees, outlets and verdicts', () => {
    expect(index.search('transport', { kinds: ['claim'] }).map((h) => h.id).sort()).toEqual(['cl-commute', 'cl-spend']);
    expect(index.search('transport')[0]).toMatchObject({ field: 'tags' });
    expect(index.search('Grace Tan').map((h) => h.id)).toEqual(['cl-unemp']);
    expect(index.search('lakeside courier').map((h) => h.id)).toEqual(['art-buses']);
    expect(index.search('mostly false').map((h) => h.id)).toEqual(['cl-unemp']);
    expect(index.search('seasonally')[0]).toMatchObject({ id: 'cl-unemp', field: 'verdict' });
  });

  it('finds claims by who made them', () => {
    const hits = index.search('riverton', { kinds: ['claim'] });
    expect(hits.map((h) => h.id)).toEqual(['cl-spend']);
    expect(hits[0]).toMatchObject({ id: 'cl-spend', field: 'claimant', snippet: 'Riverton council' });
  });

  it('requires every word, and falls back to any word when none matches all', () => {
    expect(index.search('mayor commute').map((h) => h.id)).toEqual(expect.arrayContaining(['cl-commute', 'art-buses']));
    expect(index.search('mayor commute').map((h) => h.id)).not.toContain('cl-unemp');
    expect(index.search('commute zzzzqqq').map((h) => h.id)).toContain('cl-commute');
  });

  it('gives a snippet around the first match and the terms to highlight', () => {
    const [hit] = index.search('part-time', { kinds: ['article'] });
    expect(hit).toMatchObject({ id: 'art-jobs', field: 'text' });
    expect(hit!.snippet).toContain('part-time work');
    const ranges = matchRanges(hit!.snippet, hit!.terms);
    expect(ranges.map(([s, e]) => hit!.snippet.slice(s, e).toLowerCase())).toEqual(expect.arrayContaining(['part', 'time']));
  });

  it('returns nothing for a blank query and honours the limit', () => {
    expect(index.search('   ')).toEqual([]);
    expect(index.search('mayor', { limit: 1 })).toHaveLength(1);
    expect(index.search('mayor', { limit: 0 })).toEqual([]);
  });
});

describe('incremental updates', () => {
  it('reflects upserts and removals', () => {
    const ws = workspace();
    const index = buildSearchIndex(ws);
    index.upsertClaim({ ...ws.claims[1]!, text: 'The council will spend $48 million on cycle paths.', tags: ['cycling'] });
    expect(index.search('cycling').map((h) => h.id)).toEqual(['cl-spend']);
    expect(index.search('budget')).toEqual([]);
    expect(index.size).toBe(5);

    index.upsertArticle({ ...buses, title: 'Council approves tram line' });
    expect(index.search('tram')[0]?.id).toBe('art-buses');

    expect(index.remove('claim', 'cl-unemp')).toBe(true);
    expect(index.remove('claim', 'cl-unemp')).toBe(false);
    expect(index.search('seasonally')).toEqual([]);
    expect(index.search('unemployment').map((h) => h.kind)).toEqual(['article']);
  });

  it('sync re-indexes only changed objects and drops what is gone', () => {
    const ws = workspace();
    const index = buildSearchIndex(ws);
    const edited = { ...ws.claims[2]!, text: 'Mayor Ana Ruiz said the lanes would save commuters 15 minutes.' };
    const added = claim('cl-new', jobs, 'Critics said the jobs figures leave out part-time work.', { tags: ['labour'] });
    index.sync({ ...ws, articles: [jobs], claims: [ws.claims[0]!, edited, added] });
    expect(index.size).toBe(4);
    expect(index.has('article', 'art-buses') || index.has('claim', 'cl-spend')).toBe(false);
    expect(index.search('commuters')[0]?.id).toBe('cl-commute');
    expect(index.search('labour').map((h) => h.id)).toEqual(['cl-new']);
  });

  it('sync relabels verdicts when the rating scale changes', () => {
    const ws = workspace();
    const index = buildSearchIndex(ws);
    const scale = DEFAULT_RATING_SCALE.map((r) => (r.id === 'mostly-false' ? { ...r, label: 'Misleading' } : r));
    index.sync({ ...ws, settings: { ratingScale: scale } });
    expect(index.search('misleading').map((h) => h.id)).toEqual(['cl-unemp']);
  });
});
