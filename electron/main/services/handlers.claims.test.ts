import { describe, expect, it } from 'vitest';
import { scoreSentence } from '../../../shared/checkworthiness/score';
import type { Claim } from '../../../shared/domain/schemas';
import type { LowdbWorkspaceStore } from './store';
import { articleWithClaims, BUDGET_SPANS, BUDGET_TEXT, expectRefused, value, withApi, type Call } from './test-helpers';
import { storedBytes } from './test-stored';

const setup = (call: Call) => articleWithClaims(call, BUDGET_TEXT, BUDGET_SPANS);

const claimOf = (store: LowdbWorkspaceStore, id: string): Claim | undefined => store.data.claims.find((c) => c.id === id);

describe('updateClaims (bulk triage)', () => {
  it('sets fields and adds/removes tags on every claim, tags deduplicated in order, as one step', async () => {
    await withApi(async (call, store) => {
      const { ids } = await setup(call);
      value(await call('updateClaim', { id: ids[0], patch: { tags: ['economy', 'budget'] } }));
      const before = structuredClone(store.data);
      const updated = value(
        await call('updateClaims', {
          ids: [ids[0], ids[1], ids[0]],
          patch: { status: 'researching', priority: 'high', assignee: 'Sam', dueDate: '2026-12-01', addTags: ['local', 'budget', 'local'], removeTags: ['economy'] },
        }),
      );
      expect(updated.map((c) => c.id)).toEqual([ids[0], ids[1]]);
      expect(updated[0]).toMatchObject({ status: 'researching', priority: 'high', assignee: 'Sam', dueDate: '2026-12-01', tags: ['budget', 'local'] });
      expect(updated[1]!.tags).toEqual(['local', 'budget']);
      expect(claimOf(store, ids[1])).toEqual(updated[1]);
      expect(claimOf(store, ids[2])).toEqual(before.claims.find((c) => c.id === ids[2]));
      expect(store.history().undoLabel).toBe('Change 2 claims');
      value(await call('undo', {}));
      expect(store.data).toEqual(before);

      // Clearing the assignee and due date with null; a patch of tags only leaves the rest.
      const cleared = value(await call('updateClaims', { ids: [ids[0]], patch: { assignee: null, dueDate: null, removeTags: ['budget'] } }));
      expect(cleared[0]).toMatchObject({ assignee: null, dueDate: null, tags: ['economy'], status: 'new' });
    });
  });

  it('is all or none: an unknown id or too many tags changes nothing', async () => {
    await withApi(async (call, store) => {
      const { ids } = await setup(call);
      await expectRefused(call, store, 'updateClaims', { ids: [ids[0], 'missing001', 'missing002'], patch: { status: 'ready' } }, 'not_found', /missing001, missing002/);
      value(await call('updateClaim', { id: ids[1], patch: { tags: Array.from({ length: 49 }, (_, i) => `t${i}`) } }));
      await expectRefused(call, store, 'updateClaims', { ids: [ids[0], ids[1]], patch: { addTags: ['x', 'y'] } }, 'invalid_input', /51 tags \(50 at most\)/);
    });
  });
});

describe('deleteClaims', () => {
  it('removes the claims, unlinks their duplicates, returns what restoreDeleted puts back', async () => {
    await withApi(async (call, store) => {
      const { ids } = await setup(call);
      value(await call('linkDuplicate', { claimId: ids[2], originalId: ids[0] }));
      const removedClaims = [claimOf(store, ids[0])!, claimOf(store, ids[1])!];
      const removed = value(await call('deleteClaims', { ids: [ids[0], ids[1]] }));
      expect(removed).toEqual({ articles: [], claims: removedClaims });
      expect(store.data.claims.map((c) => c.id)).toEqual([ids[2]]);
      expect(claimOf(store, ids[2])!.duplicateOf).toBeNull();
      expect(store.history().undoLabel).toBe('Delete 2 claims');

      value(await call('restoreDeleted', removed));
      expect(store.data.claims.map((c) => c.id).sort()).toEqual([...ids].sort());
      // The link is part of the delete step: undo (not restoreDeleted) brings it back.
      value(await call('undo', {}));
      value(await call('undo', {}));
      expect(claimOf(store, ids[2])!.duplicateOf).toBe(ids[0]);
      await expectRefused(call, store, 'deleteClaims', { ids: [ids[0], 'missing001'] }, 'not_found', /missing001/);
    });
  });

  it('deleteClaim and deleteArticle unlink duplicates too; restoring a claim whose original is gone drops the link', async () => {
    await withApi(async (call, store) => {
      const { article, ids } = await setup(call);
      const other = value(await call('createArticle', { title: 'Other', text: 'Spending rose 4% this year, again.' }));
      const repeat = value(await call('createClaim', { articleId: other.id, start: 0, end: 27 }));
      value(await call('linkDuplicate', { claimId: repeat.id, originalId: ids[0] }));
      value(await call('linkDuplicate', { claimId: ids[1], originalId: ids[0] }));

      const deleted = value(await call('deleteClaim', { id: ids[1] }));
      expect(deleted.claims[0]!.duplicateOf).toBe(ids[0]);
      const gone = value(await call('deleteArticle', { id: article.id }));
      expect(gone.claims.map((c) => c.id).sort()).toEqual([ids[0], ids[2]].sort());
      expect(claimOf(store, repeat.id)!.duplicateOf).toBeNull();

      // A claim cannot come back without its article.
      await expectRefused(call, store, 'restoreDeleted', deleted, 'conflict', /its article has been deleted since; restore the article first/);
      // ids[1] was a duplicate of ids[0], which is deleted (with its article): restored unlinked.
      value(await call('restoreDeleted', gone));
      value(await call('deleteClaim', { id: ids[0] }));
      const restored = value(await call('restoreDeleted', deleted));
      expect(restored.claims[0]!.duplicateOf).toBeNull();
      expect(claimOf(store, ids[1])!.duplicateOf).toBeNull();
    });
  });
});

describe('mergeClaims', () => {
  it('combines quote, wording, tags, sources, verdict, priority, due date and score, and redirects duplicates', async () => {
    await withApi(async (call, store) => {
      const { article, ids } = await setup(call);
      const [a, b, c] = ids;
      const t1 = value(await call('addSource', { claimId: a, stance: 'supports', source: { url: 'https://stats.example/t1', title: 'T1' } })).source;
      value(await call('addSource', { claimId: b, stance: 'refutes', source: { url: 'https://stats.example/t1', title: 'T1' } }));
      const t2 = value(await call('addSource', { claimId: b, stance: 'context', source: { url: 'https://stats.example/t2', title: 'T2' } })).source;
      value(await call('setVerdict', { claimId: a, verdict: { ratingId: 'false' } }));
      const bVerdict = value(await call('setVerdict', { claimId: b, verdict: { ratingId: 'true' } })).verdict;
      value(await call('updateClaim', { id: a, patch: { tags: ['budget', 'economy'], priority: 'low', dueDate: '2026-12-20' } }));
      value(await call('updateClaim', { id: b, patch: { tags: ['jobs', 'economy'], priority: 'urgent', dueDate: '2026-12-05', assignee: 'Ira' } }));
      value(await call('linkDuplicate', { claimId: c, originalId: b }));
      const [before] = [structuredClone(store.data)];
      const scoreA = claimOf(store, a)!.score!;
      const scoreB = claimOf(store, b)!.score!;

      // Keep the second sentence, merge the first into it: the quote spans both.
      const { claim, removedId } = value(await call('mergeClaims', { keepId: b, mergeId: a }));
      expect(removedId).toBe(a);
      expect(claimOf(store, a)).toBeUndefined();
      expect(claimOf(store, b)).toEqual(claim);
      expect(claim.quote).toMatchObject({ exact: BUDGET_TEXT.slice(0, 61), start: 0, end: 61, prefix: '', suffix: ' The mayor said so.' });
      expect(claim.text).toBe('Unemployment fell to 3.1% in May. Spending rose 4% this year.');
      expect(claim.tags).toEqual(['jobs', 'economy', 'budget']);
      expect(claim.sources).toEqual([
        { sourceId: t1.id, stance: 'refutes' },
        { sourceId: t2.id, stance: 'context' },
      ]);
      expect(claim.verdict).toEqual(bVerdict);
      expect(claim).toMatchObject({ priority: 'urgent', dueDate: '2026-12-05', assignee: 'Ira', score: Math.max(scoreA, scoreB), articleId: article.id });
      expect(claimOf(store, c)!.duplicateOf).toBe(b);
      expect(store.history().undoLabel).toBe('Merge claims');
      value(await call('undo', {}));
      expect(store.data).toEqual(before);
    });
  });

  it('takes the merged claim verdict when the kept one has none, caps the wording, and unlinks a would-be cycle', async () => {
    await withApi(async (call, store) => {
      const { ids } = await setup(call);
      const [a, b, c] = ids;
      value(await call('setVerdict', { claimId: b, verdict: { ratingId: 'half-true', rationale: 'Partly.' } }));
      value(await call('updateClaim', { id: a, patch: { text: 'x'.repeat(1_500) } }));
      value(await call('updateClaim', { id: b, patch: { text: 'y'.repeat(1_500) } }));
      // a repeats c, c repeats b: merging b into a would point c at a, and a at c.
      value(await call('linkDuplicate', { claimId: c, originalId: b }));
      value(await call('linkDuplicate', { claimId: a, originalId: c }));
      const { claim } = value(await call('mergeClaims', { keepId: a, mergeId: b }));
      expect(claim.verdict).toMatchObject({ ratingId: 'half-true', rationale: 'Partly.' });
      expect(claim.text).toHaveLength(2_000);
      expect(claimOf(store, c)!.duplicateOf).toBe(a);
      expect(claim.duplicateOf).toBeNull();
    });
  });

  it('refuses claims of different articles, one claim twice, and orphaned claims, changing nothing', async () => {
    await withApi(async (call, store) => {
      const { article, ids } = await setup(call);
      const other = value(await call('createArticle', { title: 'Other', text: 'Another article entirely.' }));
      const elsewhere = value(await call('createClaim', { articleId: other.id, start: 0, end: 7 }));
      await expectRefused(call, store, 'mergeClaims', { keepId: ids[0], mergeId: elsewhere.id }, 'invalid_input', /Only claims of the same article can be merged/);
      await expectRefused(call, store, 'mergeClaims', { keepId: ids[0], mergeId: ids[0] }, 'invalid_input', /cannot be merged into itself/);
      value(await call('editArticleText', { id: article.id, text: BUDGET_TEXT.replace('The mayor said so.', 'The mayor denied it.') }));
      expect(claimOf(store, ids[2])!.anchor).toBe('orphaned');
      await expectRefused(call, store, 'mergeClaims', { keepId: ids[0], mergeId: ids[2] }, 'invalid_input', /orphaned/);
    });
  });
});

describe('splitClaim', () => {
  it('splits at an offset: the first part keeps the claim, the second copies its triage and sources, not its verdict', async () => {
    await withApi(async (call, store) => {
      const article = value(await call('createArticle', { title: 'T', text: 'Intro. Rates rose 2% in May,   and prices   fell 1% in June. End.' }));
      const end = article.text.indexOf(' End.');
      const whole = value(await call('createClaim', { articleId: article.id, start: 7, end }));
      expect(whole.quote.exact).toBe('Rates rose 2% in May,   and prices   fell 1% in June.');
      const { source } = value(await call('addSource', { claimId: whole.id, stance: 'supports', source: { url: 'https://stats.example/cpi', title: 'CPI' } }));
      value(await call('setVerdict', { claimId: whole.id, verdict: { ratingId: 'true' } }));
      value(await call('updateClaim', { id: whole.id, patch: { status: 'researching', priority: 'high', assignee: 'Sam', tags: ['prices'], dueDate: '2026-12-01' } }));
      value(await call('linkDuplicate', { claimId: whole.id, originalId: value(await call('createClaim', { articleId: article.id, start: 0, end: 6 })).id }));
      const kept = claimOf(store, whole.id)!;

      const at = article.text.indexOf('and'); // just after the spaces following the comma
      const { first, second } = value(await call('splitClaim', { id: whole.id, at }));
      expect(first).toMatchObject({ id: whole.id, text: 'Rates rose 2% in May,', verdict: kept.verdict, duplicateOf: kept.duplicateOf, sources: kept.sources });
      expect(first.quote).toMatchObject({ exact: 'Rates rose 2% in May,', start: 7, end: 28 });
      expect(second.quote).toMatchObject({ exact: 'and prices   fell 1% in June.', start: at, end, suffix: ' End.' });
      expect(second).toMatchObject({
        text: 'and prices fell 1% in June.',
        status: 'researching',
        priority: 'high',
        assignee: 'Sam',
        tags: ['prices'],
        dueDate: '2026-12-01',
        sources: [{ sourceId: source.id, stance: 'supports' }],
        verdict: null,
        duplicateOf: null,
        anchor: 'attached',
        articleId: article.id,
        score: scoreSentence('and prices   fell 1% in June.').score,
      });
      expect(second.id).not.toBe(first.id);
      expect(claimOf(store, second.id)).toEqual(second);
      expect(claimOf(store, first.id)).toEqual(first);
      expect(store.history().undoLabel).toBe('Split claim');
      value(await call('undo', {}));
      expect(claimOf(store, whole.id)).toEqual(kept);
      expect(claimOf(store, second.id)).toBeUndefined();
    });
  });

  it('refuses a split point outside the quote, a blank part, and an orphaned claim, changing nothing', async () => {
    await withApi(async (call, store) => {
      const article = value(await call('createArticle', { title: 'T', text: 'Rates rose.   Prices fell.' }));
      const claim = value(await call('createClaim', { articleId: article.id, start: 0, end: 14 })); // 'Rates rose.   '
      for (const at of [14, 20, 1_000]) {
        await expectRefused(call, store, 'splitClaim', { id: claim.id, at }, 'invalid_input', /must be inside the claim's quote \(between 0 and 14/);
      }
      await expectRefused(call, store, 'splitClaim', { id: claim.id, at: 12 }, 'invalid_input', /Both parts of a split claim must contain text/);
      await expectRefused(call, store, 'splitClaim', { id: 'missing001', at: 3 }, 'not_found', /no claim with id missing001/);
      value(await call('editArticleText', { id: article.id, text: 'Something else entirely.' }));
      await expectRefused(call, store, 'splitClaim', { id: claim.id, at: 5 }, 'invalid_input', /orphaned/);
    });
  });
});

describe('linkDuplicate', () => {
  it('marks a claim as repeating another, reusing its verdict and sources on request, and unlinks with null', async () => {
    await withApi(async (call, store) => {
      const { ids } = await setup(call);
      const [a, b] = ids;
      const t1 = value(await call('addSource', { claimId: a, stance: 'refutes', source: { url: 'https://stats.example/t1', title: 'T1' } })).source;
      const t2 = value(await call('addSource', { claimId: a, stance: 'context', source: { url: 'https://stats.example/t2', title: 'T2' } })).source;
      value(await call('addSource', { claimId: b, stance: 'supports', source: { url: 'https://stats.example/t2', title: 'T2' } }));
      const original = value(await call('setVerdict', { claimId: a, verdict: { ratingId: 'false', conclusion: 'No.', rationale: 'T1.' } }));

      const plain = value(await call('linkDuplicate', { claimId: b, originalId: a }));
      expect(plain).toMatchObject({ duplicateOf: a, verdict: null });
      expect(store.history().undoLabel).toBe('Mark as duplicate');
      const reused = value(await call('linkDuplicate', { claimId: b, originalId: a, reuseVerdict: true }));
      expect(reused.verdict).toEqual({ ...original.verdict, decidedAt: reused.verdict!.decidedAt });
      expect(reused.sources).toEqual([
        { sourceId: t2.id, stance: 'supports' },
        { sourceId: t1.id, stance: 'refutes' },
      ]);
      const unlinked = value(await call('linkDuplicate', { claimId: b, originalId: null }));
      expect(unlinked).toMatchObject({ duplicateOf: null, verdict: reused.verdict });
      expect(store.history().undoLabel).toBe('Unlink duplicate');
      // Unlinking a claim that is not a duplicate changes (and records) nothing.
      const file = await storedBytes(store);
      expect(value(await call('linkDuplicate', { claimId: b, originalId: null }))).toEqual(unlinked);
      expect(await storedBytes(store)).toEqual(file);
    });
  });

  it('refuses itself, a missing original and cycles, direct or through other claims', async () => {
    await withApi(async (call, store) => {
      const { ids } = await setup(call);
      const [a, b, c] = ids;
      await expectRefused(call, store, 'linkDuplicate', { claimId: a, originalId: a }, 'invalid_input', /cannot be a duplicate of itself/);
      await expectRefused(call, store, 'linkDuplicate', { claimId: a, originalId: 'missing001' }, 'not_found', /missing001/);
      value(await call('linkDuplicate', { claimId: b, originalId: a }));
      await expectRefused(call, store, 'linkDuplicate', { claimId: a, originalId: b }, 'invalid_input', /already marked.*duplicate of this claim.*cycle/);
      value(await call('linkDuplicate', { claimId: c, originalId: b }));
      await expectRefused(call, store, 'linkDuplicate', { claimId: a, originalId: c }, 'invalid_input', /through other claims.*cycle/);
      // Re-pointing along the chain is fine.
      expect(value(await call('linkDuplicate', { claimId: c, originalId: a })).duplicateOf).toBe(a);
    });
  });
});
