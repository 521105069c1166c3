import { describe, expect, it } from 'vitest';
import { Article, Claim, Quote, SourceFields, Workspace } from './schemas';
import { sampleWorkspace } from './sample';
import { newClaim } from './new-claim';
import { DEFAULT_THRESHOLD } from '../checkworthiness/score';

const NOW = '2026-11-25T10:00:00.000Z';
let counter = 0;
const newId = () => `id${String(++counter).padStart(6, '0')}`;

function workspaceWithClaim() {
  const ws = sampleWorkspace(NOW, newId);
  const article = ws.articles[0]!;
  const claim = newClaim(
    {
      id: newId(),
      articleId: article.id,
      text: 'Council voted 7 to 2',
      quote: { exact: article.text.slice(0, 20), start: 0, end: 20, prefix: '', suffix: article.text.slice(20, 52) },
      score: 0.8,
      createdAt: NOW,
    },
    { tags: ['transport'], verdict: { ratingId: 'true', conclusion: 'Matches the minutes.', rationale: '', decidedAt: NOW } },
  );
  ws.claims.push(claim);
  return ws;
}

describe('domain schemas', () => {
  it('accept the sample workspace and a workspace with a claim', () => {
    expect(Workspace.safeParse(sampleWorkspace(NOW, newId)).success).toBe(true);
    expect(Workspace.safeParse(workspaceWithClaim()).success).toBe(true);
  });

  it('reject a claim that points to a missing article', () => {
    const ws = workspaceWithClaim();
    ws.claims[0]!.articleId = 'missing000';
    const result = Workspace.safeParse(ws);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/missing article/);
  });

  it('reject a verdict whose rating is not on the scale, and duplicate ids', () => {
    const ws = workspaceWithClaim();
    ws.claims[0]!.verdict!.ratingId = 'pants-on-fire';
    expect(Workspace.safeParse(ws).success).toBe(false);
    const dup = workspaceWithClaim();
    dup.articles.push({ ...dup.articles[0]! });
    expect(Workspace.safeParse(dup).error?.issues.some((i) => /duplicate id/.test(i.message))).toBe(true);
  });

  it('fill fields that older files lack with their defaults', () => {
    const ws = sampleWorkspace(NOW, newId);
    const { suggestionThreshold: _t, ...oldSettings } = ws.settings;
    const { dismissed: _d, ...oldArticle } = ws.articles[0]!;
    const parsed = Workspace.parse({ ...ws, settings: oldSettings, articles: [oldArticle] });
    expect(parsed.settings.suggestionThreshold).toBe(DEFAULT_THRESHOLD);
    expect(parsed.articles[0]!.dismissed).toEqual([]);
  });

  it('fill the review, sources and audit fields that older files lack', () => {
    const ws = workspaceWithClaim();
    const { review: _r, corrections: _c, ...oldClaim } = ws.claims[0]!;
    const { ratingPreset: _p, conclusionOnly: _o, readyRules: _y, currentEditor: _e, ...oldSettings } = ws.settings;
    const oldSource = { id: 'source0001', url: 'https://example.org/a', title: 'A', publisher: '', publishedDate: null, excerpt: '', accessedAt: NOW };
    const { audit: _a, ...old } = ws;
    const parsed = Workspace.parse({ ...old, settings: oldSettings, claims: [oldClaim], sources: [oldSource] });
    expect(parsed.claims[0]).toMatchObject({ review: null, corrections: [] });
    expect(parsed.settings).toMatchObject({ ratingPreset: 'default', conclusionOnly: false, readyRules: { requireVerdict: true, minSources: 1 }, currentEditor: '' });
    expect(parsed.sources[0]).toMatchObject({ author: '', type: 'other', notes: '', archive: { state: 'none' }, copies: [] });
    expect(parsed.audit).toEqual([]);
  });

  it('reject a wrong schema version', () => {
    expect(Workspace.safeParse({ ...sampleWorkspace(NOW, newId), schemaVersion: 99 }).success).toBe(false);
  });

  it('accept only http and https source addresses', () => {
    const base = { title: 'Budget', publisher: '', author: '', publishedDate: null, excerpt: '', type: 'official_data', notes: '' };
    expect(SourceFields.safeParse({ ...base, url: 'https://example.org/budget.pdf' }).success).toBe(true);
    expect(SourceFields.safeParse({ ...base, url: 'http://example.org' }).success).toBe(true);
    for (const url of ['javascript:alert(1)', 'file:///etc/passwd', 'data:text/html,hi', 'ftp://example.org', 'example.org', '']) {
      const result = SourceFields.safeParse({ ...base, url });
      expect(result.success, url).toBe(false);
    }
  });

  it('reject quotes whose offsets do not match their text', () => {
    expect(Quote.safeParse({ exact: 'abc', start: 4, end: 7, prefix: '', suffix: '' }).success).toBe(true);
    expect(Quote.safeParse({ exact: 'abc', start: 4, end: 9, prefix: '', suffix: '' }).success).toBe(false);
  });

  it('reject titles with line breaks or empty titles, and unknown statuses', () => {
    const ws = workspaceWithClaim();
    const article = ws.articles[0]!;
    expect(Article.safeParse({ ...article, title: 'two\nlines' }).success).toBe(false);
    expect(Article.safeParse({ ...article, title: '   ' }).success).toBe(false);
    expect(Claim.safeParse({ ...ws.claims[0], status: 'done' }).success).toBe(false);
    expect(Claim.safeParse({ ...ws.claims[0], score: 1.5 }).success).toBe(false);
  });
});
