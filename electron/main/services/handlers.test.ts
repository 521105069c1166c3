import { describe, expect, it } from 'vitest';
import type { MethodName } from '../../../shared/api/contract';
import { value, withApi } from './test-helpers';
import { scoreSentence } from '../../../shared/checkworthiness/score';
import { storedBytes } from './test-stored';

describe('service handlers', () => {
  it('take an article from text to a claim with a source and a verdict, and export it', async () => {
    await withApi(async (call) => {
      const article = value(await call('createArticle', { title: 'Budget', text: 'Spending rose 4% this year. That is all.' }));
      expect(article).toMatchObject({ url: null, outlet: '', author: '', publishedDate: null });
      const claim = value(await call('createClaim', { articleId: article.id, start: 0, end: 27 }));
      expect(claim.quote).toMatchObject({ exact: 'Spending rose 4% this year.', prefix: '', suffix: ' That is all.' });
      expect(claim.text).toBe('Spending rose 4% this year.');
      expect(claim.status).toBe('new');

      const updated = value(await call('updateClaim', { id: claim.id, patch: { status: 'researching', tags: ['budget', 'budget', 'economy'], assignee: 'Sam' } }));
      expect(updated).toMatchObject({ status: 'researching', tags: ['budget', 'economy'], assignee: 'Sam' });

      const { source } = value(
        await call('addSource', { claimId: claim.id, stance: 'refutes', source: { url: 'https://stats.example/t1', title: 'Table 1' } }),
      );
      // The same address on another claim reuses the library entry.
      const other = value(await call('createClaim', { articleId: article.id, start: 28, end: 40 }));
      const reused = value(await call('addSource', { claimId: other.id, stance: 'supports', source: { url: 'https://stats.example/t1', title: 'Table 1 (again)' } }));
      expect(reused.source.id).toBe(source.id);

      const rated = value(await call('setVerdict', { claimId: claim.id, verdict: { ratingId: 'mostly-false', rationale: 'Table 1 says 2%.' } }));
      expect(rated.verdict).toMatchObject({ ratingId: 'mostly-false', conclusion: '', rationale: 'Table 1 says 2%.' });

      const report = value(await call('exportReport', { articleId: article.id, format: 'markdown' }));
      expect(report.fileName).toBe('fact-check-budget.md');
      expect(report.content).toContain('**Verdict: Mostly false**');
      expect(report.content).toContain('[Table 1](<https://stats.example/t1>) (Refutes)');
    });
  });

  it('creates several claims at once, scored, and refuses the whole batch if one is bad', async () => {
    await withApi(async (call, store) => {
      const article = value(await call('createArticle', { title: 'Rates', text: 'Rates rose 2% in May. Thank you. Prices fell.' }));
      const claims = value(await call('createClaims', { articleId: article.id, spans: [{ start: 0, end: 21 }, { start: 33, end: 45 }] }));
      expect(claims.map((c) => c.quote.exact)).toEqual(['Rates rose 2% in May.', 'Prices fell.']);
      expect(claims[0]!.score).toBe(scoreSentence('Rates rose 2% in May.').score);
      const before = await storedBytes(store);
      for (const spans of [[{ start: 22, end: 32 }, { start: 0, end: 21 }], [{ start: 22, end: 32 }, { start: 22, end: 32 }], [{ start: 22, end: 99 }]]) {
        const result = await call('createClaims', { articleId: article.id, spans });
        expect(result.ok).toBe(false);
      }
      expect(await storedBytes(store)).toEqual(before);
    });
  });

  it('dismisses a suggestion and brings it back, once per passage', async () => {
    await withApi(async (call, store) => {
      const articleId = store.data.articles[0]!.id;
      const span = { start: 0, end: 10 };
      expect(value(await call('setSuggestionDismissed', { articleId, span, dismissed: true })).dismissed).toEqual([span]);
      expect(value(await call('setSuggestionDismissed', { articleId, span, dismissed: true })).dismissed).toEqual([span]);
      expect(value(await call('setSuggestionDismissed', { articleId, span, dismissed: false })).dismissed).toEqual([]);
      const outside = await call('setSuggestionDismissed', { articleId, span: { start: 0, end: 1e6 }, dismissed: true });
      expect(outside).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    });
  });

  it('changing one setting leaves the others as they were', async () => {
    await withApi(async (call) => {
      value(await call('updateSettings', { patch: { suggestionThreshold: 0.7 } }));
      const settings = value(await call('updateSettings', { patch: { organizationName: 'Riverton Fact Desk' } }));
      expect(settings).toMatchObject({ organizationName: 'Riverton Fact Desk', suggestionThreshold: 0.7 });
    });
  });

  it('delete and restore give back exactly what was removed', async () => {
    await withApi(async (call, store) => {
      const articleId = store.data.articles[0]!.id;
      value(await call('createClaim', { articleId, start: 0, end: 10 }));
      const before = structuredClone(store.data);
      const removed = value(await call('deleteArticle', { id: articleId }));
      expect(removed.claims).toHaveLength(1);
      expect(store.data.articles).toHaveLength(0);
      expect(store.data.claims).toHaveLength(0);
      value(await call('restoreDeleted', removed));
      expect(store.data).toEqual(before);
      const again = await call('restoreDeleted', removed);
      expect(again).toMatchObject({ ok: false, error: { code: 'conflict' } });
    });
  });

  const refused: [MethodName, (ids: { article: string; claim: string }) => unknown, RegExp][] = [
    ['createArticle', () => ({ title: '', text: 'x' }), /title cannot be empty/],
    ['createArticle', () => ({ title: 'T', text: '   ' }), /text cannot be empty/],
    ['createArticle', () => ({ title: 'T', text: 'x', url: 'file:///etc/passwd' }), /web address/],
    ['createArticle', () => ({ title: 'T', text: 'x', id: 'chosen0001' }), /Unrecognized key/i],
    ['createClaim', ({ article }) => ({ articleId: article, start: 5, end: 5 }), /not inside the article text/],
    ['createClaim', ({ article }) => ({ articleId: article, start: 0, end: 10_000 }), /not inside the article text/],
    ['createClaim', () => ({ articleId: 'nope000000', start: 0, end: 3 }), /no article with id/],
    ['createClaim', ({ article }) => ({ articleId: article, start: 0, end: 10 }), /already a claim/],
    ['updateClaim', ({ claim }) => ({ id: claim, patch: { status: 'done' } }), /status/],
    ['updateClaim', ({ claim }) => ({ id: claim, patch: { text: ' ' } }), /wording cannot be empty/],
    ['addSource', ({ claim }) => ({ claimId: claim, stance: 'supports', source: { url: 'javascript:alert(1)', title: 'x' } }), /web address/],
    ['addSource', ({ claim }) => ({ claimId: claim, stance: 'agrees', source: { url: 'https://a.example', title: 'x' } }), /stance/],
    ['setVerdict', ({ claim }) => ({ claimId: claim, verdict: { ratingId: 'pants-on-fire' } }), /not a rating on this workspace's scale/],
    ['unlinkSource', ({ claim }) => ({ claimId: claim, sourceId: 'source0000' }), /does not cite/],
    ['deleteClaim', () => ({ id: '../../etc' }), /not a valid id/],
    ['exportReport', ({ article }) => ({ articleId: article, format: 'exe' }), /format/],
    ['getWorkspace', () => null, /expected object/i],
    ['updateSettings', () => ({ patch: { ratingScale: [] } }), /Unrecognized key/i],
    ['updateSettings', () => ({ patch: { suggestionThreshold: 1.5 } }), /suggestionThreshold/],
    ['createClaims', ({ article }) => ({ articleId: article, spans: [] }), /spans/],
    ['setSuggestionDismissed', ({ article }) => ({ articleId: article, span: { start: 5, end: 2 }, dismissed: true }), /must end after it starts/],
    ['editArticleText', ({ article }) => ({ id: article, text: ' \n ' }), /text cannot be empty/],
    ['editArticleText', () => ({ id: 'missing000', text: 'New text.' }), /no article with id missing000/],
    ['updateClaims', ({ claim }) => ({ ids: [claim, 'missing000'], patch: { status: 'ready' } }), /no claim with id missing000.*nothing was changed/],
    ['updateClaims', ({ claim }) => ({ ids: [claim], patch: {} }), /the bulk change is empty/],
    ['updateClaims', ({ claim }) => ({ ids: [claim], patch: { addTags: [''] } }), /tag cannot be empty/],
    ['updateClaims', () => ({ ids: [], patch: { status: 'ready' } }), /ids/],
    ['deleteClaims', ({ claim }) => ({ ids: [claim, 'missing000'] }), /no claim with id missing000/],
    ['mergeClaims', ({ claim }) => ({ keepId: claim, mergeId: claim }), /cannot be merged into itself/],
    ['mergeClaims', ({ claim }) => ({ keepId: claim, mergeId: 'missing000' }), /no claim with id missing000/],
    ['splitClaim', ({ claim }) => ({ id: claim, at: 10 }), /must be inside the claim's quote \(between 0 and 10/],
    ['splitClaim', ({ claim }) => ({ id: claim, at: 0 }), /at/],
    ['linkDuplicate', ({ claim }) => ({ claimId: claim, originalId: claim }), /cannot be a duplicate of itself/],
    ['linkDuplicate', ({ claim }) => ({ claimId: claim, originalId: 'missing000' }), /no claim with id missing000/],
    ['undo', () => ({ steps: 2 }), /Unrecognized key/i],
  ];

  it.each(refused)('%s refuses bad input with a clear message and leaves the file byte-identical', async (method, input, message) => {
    await withApi(async (call, store) => {
      const article = store.data.articles[0]!.id;
      const claim = value(await call('createClaim', { articleId: article, start: 0, end: 10 })).id;
      const before = await storedBytes(store);
      const result = await call(method, input({ article, claim }));
      expect(result.ok).toBe(false);
      expect(!result.ok && result.error.message).toMatch(message);
      expect(await storedBytes(store)).toEqual(before);
    });
  });
});
