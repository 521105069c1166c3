// Who made a claim and where its fact-check is published (issue 14): the engine's suggestion
// at creation, setting both through updateClaim, publication address on a published claim.
import { describe, expect, it } from 'vitest';
import { articleWithClaims, expectRefused, value, withApi, type Call } from './test-helpers';

const TEXT = [
  'Kestonia rules out ceasefire',
  '',
  'Kestonia will not agree to any ceasefire unless Dravian forces withdraw, Deputy Foreign Minister Aleksei Voronin told reporters on Friday. He said 3,000 prisoners were still held in Dravian camps.',
  '',
  'Fighting continued near the border on Saturday.',
].join('\n');
const first = TEXT.indexOf('Kestonia will');
const second = TEXT.indexOf('He said');
const third = TEXT.indexOf('Fighting');
const SPANS = [
  { start: first, end: TEXT.indexOf(' He said') },
  { start: second, end: TEXT.indexOf('\n\nFighting') },
  { start: third, end: TEXT.length },
] as const;

const setup = (call: Call) => articleWithClaims(call, TEXT, SPANS);

async function publish(call: Call, id: string) {
  value(await call('setVerdict', { claimId: id, verdict: { ratingId: 'false', conclusion: 'No.', rationale: '' } }));
  value(await call('addSource', { claimId: id, stance: 'refutes', source: { url: 'https://stats.example/prisoners', title: 'Prisoner figures' } }));
  value(await call('updateSettings', { patch: { currentEditor: 'Al' } }));
  value(await call('requestReview', { claimId: id, reviewer: 'Bo' }));
  value(await call('updateSettings', { patch: { currentEditor: 'Bo' } }));
  return value(await call('decideReview', { claimId: id, approve: true }));
}

describe('claimants', () => {
  it('a claim made from an attributed sentence carries the engine’s suggestion, also through a pronoun; others none', async () => {
    await withApi(async (call, store) => {
      const { ids } = await setup(call);
      const claims = ids.map((id) => store.data.claims.find((c) => c.id === id)!);
      expect(claims.map((c) => c.suggestedClaimant)).toEqual([
        { name: 'Aleksei Voronin', role: 'deputy foreign minister' },
        { name: 'Aleksei Voronin', role: 'deputy foreign minister' },
        null,
      ]);
      // A suggestion is not a claimant until the editor accepts it.
      expect(claims.map((c) => c.claimant)).toEqual([null, null, null]);
    });
  });

  it('names a suggested speaker as the workspace already does: a surname alone becomes the known full name', async () => {
    await withApi(async (call, store) => {
      const { article, ids } = await setup(call);
      value(await call('updateClaim', { id: ids[2], patch: { claimant: { name: 'Aleksei Voronin', role: 'deputy foreign minister of Kestonia' } } }));
      const text = `${TEXT}\n\nVoronin said the talks would resume in April.`;
      value(await call('editArticleText', { id: article.id, text }));
      const start = text.indexOf('Voronin said');
      const created = value(await call('createClaim', { articleId: article.id, start, end: text.length }));
      expect(created.suggestedClaimant).toEqual({ name: 'Aleksei Voronin', role: 'deputy foreign minister of Kestonia' });
      expect(store.data.claims.length).toBe(4);
    });
  });

  it('updateClaim sets and clears the claimant and the claim date, each an undoable, audited change', async () => {
    await withApi(async (call, store) => {
      const { ids } = await setup(call);
      const [a] = ids;
      const set = value(await call('updateClaim', { id: a, patch: { claimant: { name: 'Aleksei Voronin', role: "Kestonia's deputy foreign minister" }, claimDate: '2025-03-14' } }));
      expect(set).toMatchObject({ claimant: { name: 'Aleksei Voronin', role: "Kestonia's deputy foreign minister" }, claimDate: '2025-03-14' });
      const history = value(await call('getClaimHistory', { claimId: a }));
      expect(history.filter((e) => e.action === 'Edit claim').map((e) => [e.field, e.from, e.to])).toEqual([
        ['claimant', null, "Aleksei Voronin, Kestonia's deputy foreign minister"],
        ['claim date', null, '2025-03-14'],
      ]);
      value(await call('updateClaim', { id: a, patch: { claimant: { name: 'the Kremlin', role: null } } }));
      expect(store.history().undoLabel).toBe('Set claimant');
      value(await call('undo', {}));
      expect(store.data.claims.find((c) => c.id === a)!.claimant?.name).toBe('Aleksei Voronin');
      expect(value(await call('updateClaim', { id: a, patch: { claimant: null, claimDate: null } }))).toMatchObject({ claimant: null, claimDate: null });
    });
  });

  it('refuses a claimant without a name, a name over two lines, or a date that is not one, changing nothing', async () => {
    await withApi(async (call, store) => {
      const { ids } = await setup(call);
      await expectRefused(call, store, 'updateClaim', { id: ids[0], patch: { claimant: { name: '  ', role: null } } }, 'invalid_input', /claimant needs a name/);
      await expectRefused(call, store, 'updateClaim', { id: ids[0], patch: { claimant: { name: 'A\nB', role: null } } }, 'invalid_input', /single line/);
      await expectRefused(call, store, 'updateClaim', { id: ids[0], patch: { claimDate: '14 March' } }, 'invalid_input', /claimDate/);
    });
  });
});

describe('the publication address', () => {
  it('is set on a published claim without reopening it (audited), while its claimant stays locked', async () => {
    await withApi(async (call, store) => {
      const { ids } = await setup(call);
      const [a] = ids;
      await publish(call, a);
      const url = 'https://desk.example.org/fact-checks/kestonia-prisoners';
      const updated = value(await call('updateClaim', { id: a, patch: { publishedUrl: url } }));
      expect(updated).toMatchObject({ status: 'published', publishedUrl: url });
      const history = value(await call('getClaimHistory', { claimId: a }));
      expect(history.at(-1)).toMatchObject({ action: 'Set publication address', field: 'publication address', from: null, to: url });
      await expectRefused(call, store, 'updateClaim', { id: a, patch: { claimant: { name: 'X', role: null } } }, 'forbidden', 'This claim is published. Reopen it for correction first.');
      await expectRefused(call, store, 'updateClaim', { id: a, patch: { publishedUrl: url, priority: 'high' } }, 'forbidden', /Reopen it/);
      await expectRefused(call, store, 'updateClaim', { id: a, patch: { publishedUrl: 'javascript:alert(1)' } }, 'invalid_input', /web address/);
    });
  });
});

describe('the publication address template', () => {
  it('gives an approved claim without an address one from the template, unique, and keeps one set by hand', async () => {
    await withApi(async (call, store) => {
      const { ids } = await setup(call);
      const [a, b, c] = ids;
      await expectRefused(call, store, 'updateSettings', { patch: { publishedUrlTemplate: 'https://desk.example.org/fact-checks/' } }, 'invalid_input', /\{slug\} or \{id\}/);
      value(await call('updateSettings', { patch: { publishedUrlTemplate: 'https://desk.example.org/fact-checks/{slug}' } }));
      value(await call('updateClaim', { id: b, patch: { text: 'Kestonia will not agree to any ceasefire' } }));
      const first = await publish(call, a);
      expect(first.publishedUrl).toBe('https://desk.example.org/fact-checks/kestonia-will-not-agree-to-any-ceasefire-unless-dravian-forces-withdraw-deputy');
      value(await call('updateClaim', { id: b, patch: { text: first.text } }));
      expect((await publish(call, b)).publishedUrl).toBe(`${first.publishedUrl}-2`);
      value(await call('updateClaim', { id: c, patch: { publishedUrl: 'https://elsewhere.example/fighting' } }));
      expect((await publish(call, c)).publishedUrl).toBe('https://elsewhere.example/fighting');
      value(await call('updateSettings', { patch: { publishedUrlTemplate: null } }));
      expect(store.data.settings.publishedUrlTemplate).toBeNull();
    });
  });
});
