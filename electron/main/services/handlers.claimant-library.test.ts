// The claimant library (issue 14): stored claimants with aliases, through the service API over
// a real store: matching suggestions and typed names to them, rename, merge and delete, undo.
import { describe, expect, it } from 'vitest';
import { articleWithClaims, callerFor, expectRefused, value, withApi, withTempDir, type Call } from './test-helpers';
import { LowdbWorkspaceStore } from './store';

const TEXT = 'The ceasefire will hold until May, the Kremlin said on Monday. Prices rose 4 percent in March, Lavrov told reporters. Exports fell by half, Sergey Lavrov said.';
const at = (s: string) => ({ start: TEXT.indexOf(s), end: TEXT.indexOf(s) + s.length });
const SPANS = [
  at('The ceasefire will hold until May, the Kremlin said on Monday.'),
  at('Prices rose 4 percent in March, Lavrov told reporters.'),
  at('Exports fell by half, Sergey Lavrov said.'),
] as const;

const claimantOf = (store: LowdbWorkspaceStore, id: string) => store.data.claims.find((c) => c.id === id)!.claimant;
const LAVROV = { name: 'Sergey Lavrov', role: 'foreign minister', aliases: ['Lavrov', "Russia's top diplomat"] };

async function publish(call: Call, id: string) {
  value(await call('setVerdict', { claimId: id, verdict: { ratingId: 'false', conclusion: 'No.', rationale: '' } }));
  value(await call('addSource', { claimId: id, stance: 'refutes', source: { url: 'https://stats.example/exports', title: 'Exports' } }));
  value(await call('updateSettings', { patch: { currentEditor: 'Al' } }));
  value(await call('requestReview', { claimId: id, reviewer: 'Bo' }));
  value(await call('updateSettings', { patch: { currentEditor: 'Bo' } }));
  return value(await call('decideReview', { claimId: id, approve: true }));
}

describe('the stored claimant library', () => {
  it('saveClaimant adds an entry (aliases once each, never the name), undoable; suggestions and typed aliases resolve to it', async () => {
    await withApi(async (call, store) => {
      const saved = value(await call('saveClaimant', { name: 'Russian government', aliases: ['the Kremlin', 'The  Kremlin', 'russian government', 'Moscow'] }));
      expect(saved).toEqual({ claimants: [{ name: 'Russian government', role: null, aliases: ['the Kremlin', 'Moscow'] }], claims: [], skippedPublished: 0 });
      expect(store.history().undoLabel).toBe('Save claimant');
      value(await call('saveClaimant', LAVROV));

      const { ids } = await articleWithClaims(call, TEXT, SPANS);
      const claims = ids.map((id) => store.data.claims.find((c) => c.id === id)!);
      // The engine found "the Kremlin" and "Lavrov": the library names them.
      expect(claims.map((c) => c.suggestedClaimant)).toEqual([
        { name: 'Russian government', role: null },
        { name: 'Sergey Lavrov', role: 'foreign minister' },
        { name: 'Sergey Lavrov', role: 'foreign minister' },
      ]);

      // A typed alias is stored as the canonical name; the role typed is kept, else the entry's.
      expect(value(await call('updateClaim', { id: ids[1], patch: { claimant: { name: 'lavrov', role: null } } })).claimant).toEqual({ name: 'Sergey Lavrov', role: 'foreign minister' });
      expect(value(await call('updateClaim', { id: ids[0], patch: { claimant: { name: 'the kremlin', role: 'spokesman' } } })).claimant).toEqual({ name: 'Russian government', role: 'spokesman' });
      const history = value(await call('getClaimHistory', { claimId: ids[1] }));
      expect(history.at(-1)).toMatchObject({ action: 'Set claimant', field: 'claimant', to: 'Sergey Lavrov, foreign minister' });

      // Back past the two claimants set, the claims and the article, to the second entry.
      for (let i = 0; i < 4; i++) value(await call('undo', {}));
      expect(store.history().undoLabel).toBe('Save claimant');
      value(await call('undo', {}));
      expect(store.data.settings.claimants.map((e) => e.name)).toEqual(['Russian government']);
      value(await call('redo', {}));
      expect(store.data.settings.claimants.map((e) => e.name)).toEqual(['Russian government', 'Sergey Lavrov']);
    });
  });

  it('refuses a name or alias another claimant has, saying what to do, and changes nothing', async () => {
    await withApi(async (call, store) => {
      value(await call('saveClaimant', LAVROV));
      value(await call('saveClaimant', { name: 'Maria Zakharova', role: 'spokeswoman' }));
      await expectRefused(call, store, 'saveClaimant', { name: 'LAVROV' }, 'conflict', '“LAVROV” is already an alias of “Sergey Lavrov”; merge them instead.');
      await expectRefused(call, store, 'saveClaimant', { name: 'sergey lavrov' }, 'conflict', '“sergey lavrov” is already the name of a claimant in the library; edit it there.');
      await expectRefused(call, store, 'saveClaimant', { name: 'Maria Zakharova', previousName: 'Maria Zakharova', aliases: ['Lavrov'] }, 'conflict', '“Lavrov” is already an alias of “Sergey Lavrov”; remove it there first, or merge the two claimants.');
      await expectRefused(call, store, 'saveClaimant', { name: 'Sergey Lavrov', previousName: 'Maria Zakharova' }, 'conflict', '“Sergey Lavrov” is already the name of a claimant; merge them instead.');
      await expectRefused(call, store, 'saveClaimant', { name: 'Lavrov S.', previousName: 'Lavrov' }, 'conflict', '“Lavrov” is already an alias of “Sergey Lavrov”: edit that claimant instead.');
      await expectRefused(call, store, 'saveClaimant', { name: 'A', aliases: ['B\nC'] }, 'invalid_input', /single line/);
      await expectRefused(call, store, 'deleteClaimant', { name: 'Dmitry Peskov' }, 'not_found', /is not in the claimant library/);
      await expectRefused(call, store, 'mergeClaimants', { from: 'Lavrov', into: 'Maria Zakharova' }, 'conflict', /alias of “Sergey Lavrov”/);
      await expectRefused(call, store, 'mergeClaimants', { from: 'Sergey Lavrov', into: 'sergey  LAVROV' }, 'invalid_input', /the same claimant/);
      await expectRefused(call, store, 'mergeClaimants', { from: 'Nobody Known', into: 'Sergey Lavrov' }, 'not_found', /no claimant “Nobody Known”/);
    });
  });

  it('renaming renames the claimant on every claim naming the old name or an alias (audited each), skips published claims, and undoes as one step', async () => {
    await withApi(async (call, store) => {
      const { ids } = await articleWithClaims(call, TEXT, SPANS);
      const [kremlin, lavrov, sergey] = ids;
      value(await call('updateClaim', { id: kremlin, patch: { claimant: { name: 'Lavrov', role: null } } }));
      value(await call('updateClaim', { id: lavrov, patch: { claimant: { name: 'Sergey Lavrov', role: 'minister' } } }));
      value(await call('updateClaim', { id: sergey, patch: { claimant: { name: 'Sergey Lavrov', role: null } } }));
      await publish(call, sergey);

      // A name only on claims becomes an entry, renamed, with the alias.
      const result = value(await call('saveClaimant', { name: 'Sergei Lavrov', role: 'foreign minister', aliases: ['Lavrov'], previousName: 'Sergey Lavrov' }));
      expect(result.claimants).toEqual([{ name: 'Sergei Lavrov', role: 'foreign minister', aliases: ['Lavrov'] }]);
      expect(result.claims.map((c) => c.id).sort()).toEqual([kremlin, lavrov].sort());
      expect(result.skippedPublished).toBe(1);
      expect(claimantOf(store, kremlin)).toEqual({ name: 'Sergei Lavrov', role: 'foreign minister' });
      expect(claimantOf(store, lavrov)).toEqual({ name: 'Sergei Lavrov', role: 'minister' });
      expect(claimantOf(store, sergey)).toEqual({ name: 'Sergey Lavrov', role: null });
      expect(store.history().undoLabel).toBe('Rename claimant');
      const audit = value(await call('getClaimHistory', { claimId: lavrov }));
      expect(audit.at(-1)).toMatchObject({ action: 'Rename claimant', field: 'claimant', from: 'Sergey Lavrov, minister', to: 'Sergei Lavrov, minister' });

      value(await call('undo', {}));
      expect(store.data.settings.claimants).toEqual([]);
      expect(claimantOf(store, kremlin)).toEqual({ name: 'Lavrov', role: null });
      expect(claimantOf(store, lavrov)).toEqual({ name: 'Sergey Lavrov', role: 'minister' });
      value(await call('redo', {}));
      expect(claimantOf(store, kremlin)?.name).toBe('Sergei Lavrov');
    });
  });

  it('merge makes the first claimant’s name and aliases aliases of the second, renames its claims (role kept, else the target’s), and undoes', async () => {
    await withApi(async (call, store) => {
      const { ids } = await articleWithClaims(call, TEXT, SPANS);
      const [kremlin, lavrov] = ids;
      value(await call('saveClaimant', { name: 'the Kremlin', aliases: ['Kremlin officials'] }));
      value(await call('saveClaimant', { name: 'Russian government', role: 'government' }));
      value(await call('updateClaim', { id: kremlin, patch: { claimant: { name: 'Kremlin officials', role: null } } }));
      value(await call('updateClaim', { id: lavrov, patch: { claimant: { name: 'the Kremlin', role: 'press office' } } }));
      expect(claimantOf(store, kremlin)?.name).toBe('the Kremlin');

      const merged = value(await call('mergeClaimants', { from: 'the Kremlin', into: 'Russian government' }));
      expect(merged.claimants).toEqual([{ name: 'Russian government', role: 'government', aliases: ['the Kremlin', 'Kremlin officials'] }]);
      expect(merged.claims).toHaveLength(2);
      expect(claimantOf(store, kremlin)).toEqual({ name: 'Russian government', role: 'government' });
      expect(claimantOf(store, lavrov)).toEqual({ name: 'Russian government', role: 'press office' });
      expect(store.history().undoLabel).toBe('Merge claimants');

      value(await call('undo', {}));
      expect(store.data.settings.claimants.map((e) => e.name)).toEqual(['the Kremlin', 'Russian government']);
      expect(claimantOf(store, kremlin)).toEqual({ name: 'the Kremlin', role: null });
      expect(claimantOf(store, lavrov)).toEqual({ name: 'the Kremlin', role: 'press office' });
    });
  });

  it('merges two spellings found only on claims into a new entry', async () => {
    await withApi(async (call, store) => {
      const { ids } = await articleWithClaims(call, TEXT, SPANS);
      value(await call('updateClaim', { id: ids[0], patch: { claimant: { name: 'S. Lavrov', role: null } } }));
      value(await call('updateClaim', { id: ids[1], patch: { claimant: { name: 'Sergey Lavrov', role: 'foreign minister' } } }));
      const merged = value(await call('mergeClaimants', { from: 'S. Lavrov', into: 'Sergey Lavrov' }));
      expect(merged.claimants).toEqual([{ name: 'Sergey Lavrov', role: 'foreign minister', aliases: ['S. Lavrov'] }]);
      expect(claimantOf(store, ids[0])).toEqual({ name: 'Sergey Lavrov', role: 'foreign minister' });
    });
  });

  it('deleteClaimant removes the entry only (claims keep their claimant), undoable', async () => {
    await withApi(async (call, store) => {
      const { ids } = await articleWithClaims(call, TEXT, SPANS);
      value(await call('saveClaimant', LAVROV));
      value(await call('updateClaim', { id: ids[1], patch: { claimant: { name: 'Lavrov', role: null } } }));
      const removed = value(await call('deleteClaimant', { name: 'sergey lavrov' }));
      expect(removed).toEqual({ claimants: [], claims: [], skippedPublished: 0 });
      expect(claimantOf(store, ids[1])).toEqual({ name: 'Sergey Lavrov', role: 'foreign minister' });
      expect(store.history().undoLabel).toBe('Delete claimant');
      value(await call('undo', {}));
      expect(store.data.settings.claimants).toEqual([LAVROV]);
    });
  });

  it('keeps the list across a restart', async () => {
    await withTempDir(async (dir) => {
      const first = await LowdbWorkspaceStore.open(dir);
      value(await callerFor(first)('saveClaimant', LAVROV));
      await first.close();
      const second = await LowdbWorkspaceStore.open(dir);
      try {
        expect(second.data.settings.claimants).toEqual([LAVROV]);
      } finally {
        await second.close();
      }
    });
  });
});
