import { describe, expect, inject, it } from 'vitest';
import pg from 'pg';
import { createTestDatabase } from '../../../scripts/postgres/throwaway-cluster';
import type { Claim } from '../../../shared/domain/schemas';
import { articleWithClaims, BUDGET_SPANS, BUDGET_TEXT, value, type Call } from '../services/test-helpers';
import type { PostgresWorkspaceStore } from './pg-store';
import { teamCaller, withTeamStore } from './pg-test-helpers';

const newDatabase = () => createTestDatabase(inject('postgresUrl'));
const claimOf = (store: PostgresWorkspaceStore, id: string): Claim | undefined => store.data.claims.find((c) => c.id === id);

/** A verdict and a source: what the default rule asks before a review. */
async function makeReady(call: Call, id: string) {
  value(await call('setVerdict', { claimId: id, verdict: { ratingId: 'false', conclusion: 'It fell.', rationale: 'See the table.' } }));
  value(await call('addSource', { claimId: id, stance: 'refutes', source: { url: `https://stats.example/${id}`, title: 'Table' } }));
}

describe('PostgresWorkspaceStore: who acts', () => {
  it('shows each person as currentEditor inside runAs, nobody outside, and never stores the name', async () => {
    const url = await newDatabase();
    await withTeamStore(url, async (store) => {
      expect(store.data.settings.currentEditor).toBe('');
      expect(await store.runAs('Al', async () => store.data.settings.currentEditor)).toBe('Al');
      // Each change's draft sees the person who asked for it, even when they run queued together.
      const seen = await Promise.all(
        ['Al', 'Bo', 'Al'].map((who) =>
          store.runAs(who, () =>
            store.update('Rename organization', (ws) => {
              ws.settings.organizationName = `Desk of ${who}`;
              return ws.settings.currentEditor;
            }),
          ),
        ),
      );
      expect(seen).toEqual(['Al', 'Bo', 'Al']);
      expect(store.data.settings).toMatchObject({ organizationName: 'Desk of Al', currentEditor: '' });

      // Saying you are someone else changes nothing, for anyone.
      const al = teamCaller(store, 'Al');
      const before = store.latestSeq;
      expect(value(await al('updateSettings', { patch: { currentEditor: 'Mallory' } })).currentEditor).toBe('Mallory');
      expect(store.latestSeq).toBe(before);
      expect(await store.runAs('Bo', async () => store.data.settings.currentEditor)).toBe('Bo');
      expect(await store.runAs('Al', async () => store.data.settings.currentEditor)).toBe('Al');
      expect(store.data.settings.currentEditor).toBe('');
      const { ids } = await articleWithClaims(al, BUDGET_TEXT, BUDGET_SPANS);
      value(await al('updateSettings', { patch: { currentEditor: 'Mallory', organizationName: 'Riverton' } }));
      value(await al('updateClaim', { id: ids[0], patch: { status: 'researching' } }));
      expect((await store.claimHistory(ids[0])).map((e) => e.by)).toEqual(['Al', 'Al']);
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      const { rows } = await client.query<{ settings: { currentEditor: string; organizationName: string } }>('SELECT settings FROM workspace');
      await client.end();
      expect(rows[0]!.settings).toMatchObject({ currentEditor: '', organizationName: 'Riverton' });
      const feed = await store.changesSince(0);
      expect(feed.every((r) => r.changes.settings === null || r.changes.settings.currentEditor === '')).toBe(true);
    });
  });

  it('applies the review rules to the logged-in person through the real handlers, and the audit names each', async () => {
    const url = await newDatabase();
    await withTeamStore(url, async (store) => {
      const al = teamCaller(store, 'Al');
      const bo = teamCaller(store, 'Bo');
      const nobody = teamCaller(store);
      const { ids } = await articleWithClaims(al, BUDGET_TEXT, BUDGET_SPANS);
      const [a] = ids;
      await makeReady(al, a);
      expect(await al('requestReview', { claimId: a, reviewer: 'Al' })).toMatchObject({ ok: false, error: { code: 'forbidden', message: 'Ask another editor to review: you cannot review your own claim.' } });
      expect(await nobody('requestReview', { claimId: a, reviewer: 'Bo' })).toMatchObject({ ok: false, error: { code: 'forbidden', message: 'Say who you are first (status bar).' } });
      expect(value(await al('requestReview', { claimId: a, reviewer: 'Bo' })).review).toMatchObject({ state: 'requested', requestedBy: 'Al', reviewer: 'Bo' });
      expect(await al('decideReview', { claimId: a, approve: true, comment: '' })).toMatchObject({ ok: false, error: { code: 'forbidden', message: 'Only Bo can approve this review.' } });
      // Al cannot become Bo by saying so.
      await al('updateSettings', { patch: { currentEditor: 'Bo' } });
      expect(await al('decideReview', { claimId: a, approve: true, comment: '' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      const published = value(await bo('decideReview', { claimId: a, approve: true, comment: 'Good.' }));
      expect(published).toMatchObject({ status: 'published', review: { state: 'approved', reviewer: 'Bo', requestedBy: 'Al' } });
      const history = value(await bo('getClaimHistory', { claimId: a }));
      expect(history.filter((e) => e.field === 'review').map((e) => [e.by, e.to])).toEqual([
        ['Al', 'Requested from Bo by Al'],
        ['Bo', 'Approved by Bo: Good.'],
      ]);
      value(await al('reopenClaim', { claimId: a, note: 'Figure corrected.' }));
      expect(claimOf(store, a)!.corrections).toEqual([expect.objectContaining({ by: 'Al', note: 'Figure corrected.' })]);
    });
  });
});

describe('PostgresWorkspaceStore: undo per person', () => {
  it('undoes and redoes your own last change, not someone else’s; history is each person’s', async () => {
    const url = await newDatabase();
    await withTeamStore(url, async (store) => {
      const al = teamCaller(store, 'Al');
      const bo = teamCaller(store, 'Bo');
      const { ids } = await articleWithClaims(al, BUDGET_TEXT, BUDGET_SPANS);
      const [a, b, c] = ids;
      value(await al('updateClaim', { id: a, patch: { status: 'researching' } }));
      value(await bo('updateClaim', { id: b, patch: { priority: 'high' } }));
      // Bo deletes the first claim: every index after it moves, Al's steps still find theirs.
      value(await bo('deleteClaim', { id: c }));
      expect(value(await al('getHistory', {}))).toMatchObject({ undoLabel: 'Change status', canRedo: false });
      expect(value(await bo('getHistory', {}))).toMatchObject({ undoLabel: 'Delete claim' });
      expect(await store.runAs('Al', async () => store.history().undoLabel)).toBe('Change status');

      const undone = value(await al('undo', {}));
      expect(undone).toMatchObject({ label: 'Change status', canUndo: true, undoLabel: 'Accept 3 suggestions', redoLabel: 'Change status' });
      expect(undone.changes.claims.map((x) => [x.id, x.status])).toEqual([[a, 'new']]);
      expect(claimOf(store, a)!.status).toBe('new');
      expect(claimOf(store, b)!.priority).toBe('high');
      expect(claimOf(store, c)).toBeUndefined();
      expect((await store.claimHistory(a)).at(-1)).toMatchObject({ action: 'Undo: Change status', by: 'Al', field: 'status' });

      value(await bo('undo', {}));
      expect(claimOf(store, c)).toBeDefined();
      expect(store.data.claims.map((x) => x.id)).toEqual([a, b, c]);
      value(await al('redo', {}));
      expect(claimOf(store, a)!.status).toBe('researching');
      expect(value(await bo('undo', {}))).toMatchObject({ label: 'Change priority' });
      expect(claimOf(store, b)!.priority).toBe('normal');
      expect(claimOf(store, a)!.status).toBe('researching');
    });
  });

  it('refuses to undo or redo over what someone else changed since, saying who and what; nothing changes', async () => {
    const url = await newDatabase();
    await withTeamStore(url, async (store) => {
      const al = teamCaller(store, 'Al');
      const bo = teamCaller(store, 'Bo');
      const { ids } = await articleWithClaims(al, BUDGET_TEXT, BUDGET_SPANS);
      const [a, b] = ids;
      value(await al('updateClaim', { id: a, patch: { status: 'researching' } }));
      value(await bo('updateClaim', { id: a, patch: { priority: 'high' } }));
      const seq = store.latestSeq;
      const data = store.data;
      const refused = await al('undo', {});
      expect(refused).toMatchObject({ ok: false, error: { code: 'conflict', message: 'Cannot undo “Change status”: Bo changed the claim “Spending rose 4% this year.” since (Change priority).' } });
      expect(store.data).toBe(data);
      expect(store.latestSeq).toBe(seq);
      expect(value(await al('getHistory', {}))).toMatchObject({ undoLabel: 'Change status' });
      // Once Bo undoes theirs, the claim is as Al left it: Al's undo goes through.
      value(await bo('undo', {}));
      expect(value(await al('undo', {}))).toMatchObject({ label: 'Change status' });

      // Redo is checked the same way; a deleted claim is named as deleted.
      value(await bo('deleteClaim', { id: a }));
      expect(await al('redo', {})).toMatchObject({ ok: false, error: { code: 'conflict', message: 'Cannot redo “Change status”: Bo deleted the claim since (Delete claim).' } });

      // Settings are checked field by field: another field changed since does not stand in the way.
      value(await al('updateSettings', { patch: { organizationName: 'Riverton' } }));
      value(await bo('updateSettings', { patch: { suggestionThreshold: 0.7 } }));
      value(await al('undo', {}));
      expect(store.data.settings).toMatchObject({ organizationName: '', suggestionThreshold: 0.7 });
      value(await al('redo', {}));
      value(await bo('updateSettings', { patch: { organizationName: 'Bo’s desk' } }));
      expect(await al('undo', {})).toMatchObject({ ok: false, error: { code: 'conflict', message: 'Cannot undo “Rename organization”: Bo changed the settings since (Rename organization).' } });
      expect(claimOf(store, b)).toBeDefined();
    });
  });

  it('keeps each person’s history in memory only, rolled back with a failed write', async () => {
    const url = await newDatabase();
    await withTeamStore(url, async (store) => {
      const al = teamCaller(store, 'Al');
      const { ids } = await articleWithClaims(al, BUDGET_TEXT, BUDGET_SPANS);
      const history = value(await al('getHistory', {}));
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query('ALTER TABLE changes RENAME TO changes_gone');
      expect((await al('updateClaim', { id: ids[0], patch: { status: 'researching' } })).ok).toBe(false);
      await client.query('ALTER TABLE changes_gone RENAME TO changes');
      await client.end();
      expect(value(await al('getHistory', {}))).toEqual(history);
    });
    await withTeamStore(url, async (store) => {
      expect(await store.runAs('Al', async () => store.history())).toEqual({ canUndo: false, canRedo: false, undoLabel: null, redoLabel: null });
    });
  });
});
