import { describe, expect, it } from 'vitest';
import type { MethodName } from '../../../shared/api/contract';
import { ratingPreset, suggestMapping } from '../../../shared/domain/rating-presets';
import type { Claim } from '../../../shared/domain/schemas';
import type { LowdbWorkspaceStore } from './store';
import { articleWithClaims, expectRefused, TestClock, value, withApi, type Call } from './test-helpers';
import { storedWorkspace } from './test-stored';

const TEXT = 'Spending rose 4% this year. Unemployment fell to 3.1% in May. The mayor said so. Taxes went up twice.';
const SPANS = [
  { start: 0, end: 27 },
  { start: 28, end: 61 },
  { start: 62, end: 80 },
  { start: 81, end: 101 },
] as const;
const LOCKED = 'This claim is published. Reopen it for correction first.';

const setup = (call: Call) => articleWithClaims(call, TEXT, SPANS);

const claimOf = (store: LowdbWorkspaceStore, id: string): Claim => store.data.claims.find((c) => c.id === id)!;

/** A verdict and `sources` distinct sources: what the default rule asks before Ready. */
async function makeReady(call: Call, id: string, sources = 1, ratingId = 'false') {
  value(await call('setVerdict', { claimId: id, verdict: { ratingId, conclusion: 'It fell.', rationale: 'See the table.' } }));
  for (let i = 0; i < sources; i++) {
    value(await call('addSource', { claimId: id, stance: 'refutes', source: { url: `https://stats.example/${id}/${i}`, title: `Table ${i}` } }));
  }
}

const iAm = async (call: Call, name: string) => value(await call('updateSettings', { patch: { currentEditor: name } }));

/** A published claim: ready, reviewed by Bo at Al's request, approved. */
async function publish(call: Call, id: string, prepare = true) {
  if (prepare) await makeReady(call, id);
  await iAm(call, 'Al');
  value(await call('requestReview', { claimId: id, reviewer: 'Bo' }));
  await iAm(call, 'Bo');
  return value(await call('decideReview', { claimId: id, approve: true }));
}

describe('the Ready rule', () => {
  it('refuses to mark a claim Ready without a verdict and a source, naming the claim and what is missing', async () => {
    await withApi(async (call, store) => {
      const { ids } = await setup(call);
      const [a] = ids;
      await expectRefused(call, store, 'updateClaim', { id: a, patch: { status: 'ready' } }, 'conflict', 'Cannot mark “Spending rose 4% this year.” Ready: it has no verdict and 0 of 1 required sources.');
      value(await call('setVerdict', { claimId: a, verdict: { ratingId: 'false' } }));
      await expectRefused(call, store, 'updateClaim', { id: a, patch: { status: 'ready', priority: 'high' } }, 'conflict', /Ready: it has 0 of 1 required sources\.$/);
      value(await call('addSource', { claimId: a, stance: 'refutes', source: { url: 'https://stats.example/t1', title: 'Table 1' } }));
      expect(value(await call('updateClaim', { id: a, patch: { status: 'ready' } })).status).toBe('ready');
      // Already Ready: saving the status again is not a move, and other fields still save.
      expect(value(await call('updateClaim', { id: a, patch: { status: 'ready', priority: 'urgent' } })).priority).toBe('urgent');
    });
  });

  it('follows the workspace rules: two sources, or no rule at all', async () => {
    await withApi(async (call, store) => {
      const { ids } = await setup(call);
      const [a, b] = ids;
      await makeReady(call, a, 1);
      value(await call('updateSettings', { patch: { readyRules: { requireVerdict: true, minSources: 2 } } }));
      expect(store.history().undoLabel).toBe('Change ready rules');
      await expectRefused(call, store, 'updateClaim', { id: a, patch: { status: 'ready' } }, 'conflict', /it has 1 of 2 required sources\./);
      value(await call('addSource', { claimId: a, stance: 'supports', source: { url: 'https://stats.example/t2', title: 'Table 2' } }));
      value(await call('updateClaim', { id: a, patch: { status: 'ready' } }));
      value(await call('updateSettings', { patch: { readyRules: { requireVerdict: false, minSources: 0 } } }));
      expect(value(await call('updateClaim', { id: b, patch: { status: 'ready' } })).status).toBe('ready');
      const bad = await call('updateSettings', { patch: { readyRules: { requireVerdict: true, minSources: 3 } } });
      expect(bad.ok).toBe(false);
    });
  });

  it('in bulk is all or none, and says how many other claims fall short', async () => {
    await withApi(async (call, store) => {
      const { ids } = await setup(call);
      const [a, b, c] = ids;
      await makeReady(call, a);
      await expectRefused(
        call,
        store,
        'updateClaims',
        { ids: [a, b, c], patch: { status: 'ready', priority: 'high' } },
        'conflict',
        'Cannot mark “Unemployment fell to 3.1% in May.” Ready: it has no verdict and 0 of 1 required sources. 1 other selected claim cannot be marked Ready either. Nothing was changed.',
      );
      await expectRefused(call, store, 'updateClaims', { ids: [a, b], patch: { status: 'ready' } }, 'conflict', /Cannot mark “Unemployment.*sources\. Nothing was changed\.$/);
      const done = value(await call('updateClaims', { ids: [a], patch: { status: 'ready' } }));
      expect(done[0]!.status).toBe('ready');
    });
  });

  it('in a written-conclusion workspace also needs the conclusion', async () => {
    await withApi(async (call, store) => {
      const { ids } = await setup(call);
      const [a] = ids;
      const fullFact = ratingPreset('fullfact');
      value(await call('setRatingScale', { preset: 'fullfact', levels: fullFact.levels, conclusionOnly: true }));
      value(await call('setVerdict', { claimId: a, verdict: { ratingId: 'see-conclusion' } }));
      value(await call('addSource', { claimId: a, stance: 'refutes', source: { url: 'https://stats.example/t1', title: 'Table 1' } }));
      await expectRefused(call, store, 'updateClaim', { id: a, patch: { status: 'ready' } }, 'conflict', /it has a verdict without a written conclusion\.$/);
      value(await call('setVerdict', { claimId: a, verdict: { ratingId: 'see-conclusion', conclusion: 'Wrong: spending fell 2%.' } }));
      expect(value(await call('updateClaim', { id: a, patch: { status: 'ready' } })).status).toBe('ready');
    });
  });

  it('refuses In review and Published as plain status changes: they come from the review', async () => {
    await withApi(async (call, store) => {
      const { ids } = await setup(call);
      const [a, b] = ids;
      await makeReady(call, a);
      const viaReview = /use Request review/;
      await expectRefused(call, store, 'updateClaim', { id: a, patch: { status: 'published' } }, 'forbidden', 'A claim is published when its reviewer approves it: use Request review.');
      await expectRefused(
        call,
        store,
        'updateClaim',
        { id: a, patch: { status: 'in_review' } },
        'forbidden',
        'A claim goes to In review when you ask for a review: use Request review and choose a reviewer.',
      );
      await expectRefused(call, store, 'updateClaims', { ids: [a, b], patch: { status: 'published' } }, 'forbidden', viaReview);
      await expectRefused(call, store, 'updateClaims', { ids: [b], patch: { status: 'in_review', priority: 'low' } }, 'forbidden', viaReview);
    });
  });

  it('a split of a Ready claim leaves the new part Researching: it has no verdict', async () => {
    await withApi(async (call) => {
      const { ids } = await setup(call);
      await makeReady(call, ids[0]);
      value(await call('updateClaim', { id: ids[0], patch: { status: 'ready' } }));
      const { first, second } = value(await call('splitClaim', { id: ids[0], at: 9 }));
      expect([first.status, second.status]).toEqual(['ready', 'researching']);
    });
  });
});

describe('review', () => {
  it('needs to know who is asking, and someone else to review', async () => {
    await withApi(async (call, store) => {
      const { ids } = await setup(call);
      const [a] = ids;
      await expectRefused(call, store, 'requestReview', { claimId: a, reviewer: 'Bo' }, 'forbidden', 'Say who you are first (status bar).');
      await iAm(call, 'Al');
      await expectRefused(call, store, 'requestReview', { claimId: a, reviewer: ' al ' }, 'forbidden', 'Ask another editor to review: you cannot review your own claim.');
      await expectRefused(call, store, 'requestReview', { claimId: a, reviewer: '' }, 'invalid_input', /choose a reviewer/);
      // The Ready rule applies before a claim goes for review.
      await expectRefused(call, store, 'requestReview', { claimId: a, reviewer: 'Bo' }, 'conflict', 'Cannot send “Spending rose 4% this year.” for review: it has no verdict and 0 of 1 required sources.');
    });
  });

  it('request → send back with a comment → request again → approve: published, with who and when', async () => {
    const clock = new TestClock();
    await withApi(
      async (call, store) => {
        const { ids } = await setup(call);
        const [a] = ids;
        await makeReady(call, a);
        await iAm(call, 'Al');
        const requested = value(await call('requestReview', { claimId: a, reviewer: 'Bo' }));
        expect(requested.status).toBe('in_review');
        expect(requested.review).toEqual({ state: 'requested', requestedBy: 'Al', requestedAt: clock.now().toISOString(), reviewer: 'Bo', decidedAt: null, comment: '' });
        expect(store.history().undoLabel).toBe('Request review');

        // Only the named reviewer decides, and only with a name set.
        await expectRefused(call, store, 'decideReview', { claimId: a, approve: true }, 'forbidden', 'Only Bo can approve this review.');
        await expectRefused(call, store, 'decideReview', { claimId: a, approve: false, comment: 'Needs a source.' }, 'forbidden', 'Only Bo can send this claim back.');
        await iAm(call, '');
        await expectRefused(call, store, 'decideReview', { claimId: a, approve: true }, 'forbidden', 'Say who you are first (status bar).');
        await iAm(call, 'Bo');
        await expectRefused(call, store, 'decideReview', { claimId: a, approve: false }, 'invalid_input', 'Write a comment saying what needs to change before sending the claim back.');
        await expectRefused(call, store, 'decideReview', { claimId: a, approve: false, comment: '   ' }, 'invalid_input', /Write a comment/);

        clock.advance(60_000);
        const sentBack = value(await call('decideReview', { claimId: a, approve: false, comment: ' Cite the May release. ' }));
        expect(sentBack.status).toBe('researching');
        expect(sentBack.review).toMatchObject({ state: 'sent_back', reviewer: 'Bo', comment: 'Cite the May release.', decidedAt: clock.now().toISOString() });
        await expectRefused(call, store, 'decideReview', { claimId: a, approve: true }, 'conflict', /is not waiting for a review \(it is Researching\): request one first\./);

        await iAm(call, 'Al');
        value(await call('requestReview', { claimId: a, reviewer: 'bo' }));
        await iAm(call, 'Bo');
        clock.advance(60_000);
        const approved = value(await call('decideReview', { claimId: a, approve: true, comment: 'Good.' }));
        expect(approved.status).toBe('published');
        expect(approved.review).toEqual({
          state: 'approved',
          requestedBy: 'Al',
          requestedAt: new Date(clock.now().getTime() - 60_000).toISOString(),
          reviewer: 'bo',
          decidedAt: clock.now().toISOString(),
          comment: 'Good.',
        });
        expect(store.history().undoLabel).toBe('Approve review');
      },
      { now: clock.now },
    );
  });

  it('checks the Ready rule again at approval', async () => {
    await withApi(async (call, store) => {
      const { ids } = await setup(call);
      const [a] = ids;
      await makeReady(call, a);
      await iAm(call, 'Al');
      value(await call('requestReview', { claimId: a, reviewer: 'Bo' }));
      value(await call('setVerdict', { claimId: a, verdict: null }));
      await iAm(call, 'Bo');
      await expectRefused(call, store, 'decideReview', { claimId: a, approve: true }, 'conflict', 'Cannot publish “Spending rose 4% this year.”: it has no verdict.');
    });
  });

  it('moving a claim out of In review by hand withdraws the request', async () => {
    await withApi(async (call, store) => {
      const { ids } = await setup(call);
      await makeReady(call, ids[0]);
      await iAm(call, 'Al');
      value(await call('requestReview', { claimId: ids[0], reviewer: 'Bo' }));
      const back = value(await call('updateClaim', { id: ids[0], patch: { status: 'researching' } }));
      expect(back.review).toBeNull();
      await iAm(call, 'Bo');
      await expectRefused(call, store, 'decideReview', { claimId: ids[0], approve: true }, 'conflict', /not waiting for a review/);
    });
  });

  it('who you are is saved but is not an undoable edit', async () => {
    await withApi(async (call, store) => {
      await iAm(call, 'Al');
      expect(store.data.settings.currentEditor).toBe('Al');
      expect(store.history().canUndo).toBe(false);
    });
  });
});

describe('a published claim', () => {
  type Ids = { article: string; published: string; other: string; source: string; otherSource: string };
  const mutations: [MethodName, (ids: Ids) => unknown][] = [
    ['updateClaim', ({ published }) => ({ id: published, patch: { priority: 'urgent' } })],
    ['updateClaim', ({ published }) => ({ id: published, patch: { text: 'New wording' } })],
    ['updateClaim', ({ published }) => ({ id: published, patch: { status: 'dropped' } })],
    ['updateClaims', ({ published, other }) => ({ ids: [other, published], patch: { addTags: ['x'] } })],
    ['deleteClaim', ({ published }) => ({ id: published })],
    ['deleteClaims', ({ published, other }) => ({ ids: [other, published] })],
    ['deleteArticle', ({ article }) => ({ id: article })],
    ['mergeClaims', ({ published, other }) => ({ keepId: published, mergeId: other })],
    ['mergeClaims', ({ published, other }) => ({ keepId: other, mergeId: published })],
    ['splitClaim', ({ published }) => ({ id: published, at: 9 })],
    ['linkDuplicate', ({ published, other }) => ({ claimId: published, originalId: other, reuseVerdict: true })],
    ['addSource', ({ published }) => ({ claimId: published, stance: 'supports', source: { url: 'https://new.example/x', title: 'X' } })],
    ['linkSource', ({ published, otherSource }) => ({ claimId: published, sourceId: otherSource, stance: 'supports' })],
    ['setSourceStance', ({ published, source }) => ({ claimId: published, sourceId: source, stance: 'supports' })],
    ['unlinkSource', ({ published, source }) => ({ claimId: published, sourceId: source })],
    ['setVerdict', ({ published }) => ({ claimId: published, verdict: { ratingId: 'true' } })],
    ['setVerdict', ({ published }) => ({ claimId: published, verdict: null })],
    ['requestReview', ({ published }) => ({ claimId: published, reviewer: 'Cy' })],
  ];

  it.each(mutations)('refuses %s, leaving memory, file, audit and history as they were', async (method, input) => {
    await withApi(async (call, store) => {
      const { article, ids } = await setup(call);
      const [a, b] = ids;
      await publish(call, a);
      const source = claimOf(store, a).sources[0]!.sourceId;
      const otherSource = value(await call('addSource', { claimId: b, stance: 'context', source: { url: 'https://other.example/y', title: 'Y' } })).source.id;
      const message =
        method === 'updateClaims' || method === 'deleteClaims'
          ? '“Spending rose 4% this year.” is published. Reopen it for correction first. Nothing was changed.'
          : method === 'deleteArticle'
            ? '“Budget” has 1 published claim. Reopen it for correction first; nothing was deleted.'
            : LOCKED;
      await expectRefused(call, store, method, input({ article: article.id, published: a, other: b, source, otherSource }), 'forbidden', message);
    });
  });

  it('follows its quote when the article text is edited (recorded in its history), and is orphaned if the quote goes', async () => {
    await withApi(async (call, store) => {
      const { article, ids } = await setup(call);
      const [a] = ids;
      await publish(call, a);
      const moved = value(await call('editArticleText', { id: article.id, text: `Update: revised. ${TEXT}` }));
      expect(moved.moved).toBe(4);
      expect(claimOf(store, a)).toMatchObject({ status: 'published', quote: { start: 17, end: 44 } });
      const gone = value(await call('editArticleText', { id: article.id, text: TEXT.replace('Spending rose 4% this year. ', '') }));
      expect(gone.orphaned).toBe(1);
      expect(claimOf(store, a)).toMatchObject({ status: 'published', anchor: 'orphaned' });
      const history = value(await call('getClaimHistory', { claimId: a }));
      expect(history.filter((e) => e.action === 'Edit article text').map((e) => [e.field, e.from, e.to])).toEqual([
        ['quote', '0–27: Spending rose 4% this year.', '17–44: Spending rose 4% this year.'],
        ['anchor', 'Attached', 'Orphaned (quote no longer in the text)'],
      ]);
    });
  });

  it('is reopened for correction with a note, which the report shows', async () => {
    const clock = new TestClock();
    await withApi(
      async (call, store) => {
        const { article, ids } = await setup(call);
        const [a, b] = ids;
        await expectRefused(call, store, 'reopenClaim', { claimId: b, note: 'x' }, 'conflict', 'Only published claims are reopened for correction; “Unemployment fell to 3.1% in May.” is New.');
        await publish(call, a);
        await expectRefused(call, store, 'reopenClaim', { claimId: a, note: '  ' }, 'invalid_input', /write a correction note/);
        await iAm(call, '');
        await expectRefused(call, store, 'reopenClaim', { claimId: a, note: 'Fix the figure.' }, 'forbidden', 'Say who you are first (status bar).');
        await iAm(call, 'Cy');
        clock.advance(86_400_000);
        const reopened = value(await call('reopenClaim', { claimId: a, note: ' The table was revised: 3.9%, not 4%. ' }));
        expect(reopened).toMatchObject({ status: 'researching', review: null });
        expect(reopened.corrections).toEqual([{ note: 'The table was revised: 3.9%, not 4%.', by: 'Cy', at: '2026-11-26T10:00:00.000Z' }]);
        expect(store.history().undoLabel).toBe('Reopen for correction');
        // Editable again; the correction stays through the next publication.
        value(await call('setVerdict', { claimId: a, verdict: { ratingId: 'mostly-false', conclusion: 'Revised.' } }));
        await publish(call, a, false);
        expect(claimOf(store, a).corrections).toHaveLength(1);
        const report = value(await call('exportReport', { articleId: article.id, format: 'markdown' })).content;
        expect(report).toContain('### Corrections\n\n- 2026-11-26: The table was revised: 3.9%, not 4%. (Cy)');
      },
      { now: clock.now },
    );
  });
});

describe('setRatingScale', () => {
  it('refuses while verdicts would be left on levels that are gone, and moves them with a mapping', async () => {
    await withApi(async (call, store) => {
      const { ids } = await setup(call);
      const [a, b, c, d] = ids;
      const politifact = ratingPreset('politifact');
      const settings = value(await call('setRatingScale', { preset: 'politifact', levels: politifact.levels }));
      expect(settings).toMatchObject({ ratingPreset: 'politifact', conclusionOnly: false });
      expect(store.history().undoLabel).toBe('Change rating scale');
      for (const id of [a, b, c]) value(await call('setVerdict', { claimId: id, verdict: { ratingId: 'mostly-true' } }));
      value(await call('setVerdict', { claimId: d, verdict: { ratingId: 'pants-on-fire' } }));

      const pinocchios = ratingPreset('pinocchios').levels;
      await expectRefused(
        call,
        store,
        'setRatingScale',
        { preset: 'pinocchios', levels: pinocchios },
        'conflict',
        '3 verdicts use "Mostly true", 1 uses "Pants on fire": choose what they become.',
      );
      await expectRefused(
        call,
        store,
        'setRatingScale',
        { preset: 'pinocchios', levels: pinocchios, mapping: { 'mostly-true': 'one-pinocchio' } },
        'conflict',
        '1 verdict uses "Pants on fire": choose what they become.',
      );
      await expectRefused(call, store, 'setRatingScale', { preset: 'pinocchios', levels: pinocchios, mapping: { 'mostly-true': 'true' } }, 'invalid_input', '"mostly-true" is mapped to "true", which is not a level of the new scale.');

      const mapping = suggestMapping(politifact.levels, pinocchios);
      value(await call('setRatingScale', { preset: 'pinocchios', levels: pinocchios, mapping }));
      expect([a, b, c, d].map((id) => claimOf(store, id).verdict!.ratingId)).toEqual(['one-pinocchio', 'one-pinocchio', 'one-pinocchio', 'bottomless-pinocchio']);
      expect(value(await call('getClaimHistory', { claimId: d })).at(-1)).toMatchObject({
        action: 'Change rating scale',
        field: 'rating',
        from: 'Pants on fire',
        to: 'Bottomless Pinocchio',
      });
      // Undo puts back both the scale and the verdicts.
      value(await call('undo', {}));
      expect(store.data.settings.ratingPreset).toBe('politifact');
      expect(claimOf(store, d).verdict!.ratingId).toBe('pants-on-fire');
    });
  });

  it('keeps verdicts on levels that stay, and checks the levels', async () => {
    await withApi(async (call, store) => {
      const { ids } = await setup(call);
      value(await call('setVerdict', { claimId: ids[0], verdict: { ratingId: 'half-true' } }));
      // Default → PolitiFact style: every level in use keeps its id.
      value(await call('setRatingScale', { preset: 'politifact', levels: ratingPreset('politifact').levels }));
      expect(claimOf(store, ids[0]).verdict!.ratingId).toBe('half-true');

      const level = (id: string, label: string) => ({ id, label, value: null, description: '' });
      await expectRefused(call, store, 'setRatingScale', { preset: 'custom', levels: [level('a', 'A'), level('a', 'B')] }, 'invalid_input', 'Two levels have the id "a": each level needs its own.');
      await expectRefused(call, store, 'setRatingScale', { preset: 'custom', levels: [level('a', 'Yes'), level('b', ' yes')] }, 'invalid_input', 'Two levels are labelled "yes": give each level its own label.');
      await expectRefused(
        call,
        store,
        'setRatingScale',
        { preset: 'custom', levels: [level('a', 'A'), level('b', 'B')], conclusionOnly: true },
        'invalid_input',
        'A written-conclusion scale has exactly one level (such as "See conclusion"); this one has 2.',
      );
      await expectRefused(call, store, 'setRatingScale', { preset: 'custom', levels: [] }, 'invalid_input', /levels/);
      await expectRefused(call, store, 'setRatingScale', { preset: 'mine', levels: [level('a', 'A')] }, 'invalid_input', /preset/);
    });
  });
});

describe('getWorkspace', () => {
  it('answers without the audit log, which stays in the file', async () => {
    await withApi(async (call, store) => {
      const { ids } = await setup(call);
      value(await call('updateClaim', { id: ids[0], patch: { priority: 'high' } }));
      const ws = value(await call('getWorkspace', {}));
      expect(ws.audit).toEqual([]);
      expect(ws.claims).toHaveLength(4);
      const onDisk = await storedWorkspace(store);
      expect(onDisk.audit.length).toBeGreaterThan(4);
    });
  });
});
