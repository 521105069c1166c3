import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../../shared/domain/schemas';
import { LowdbWorkspaceStore } from './store';
import { articleWithClaims, BUDGET_SPANS, BUDGET_TEXT, callerFor, expectRefused, TestClock, value, withApi, withTempDir, type Call } from './test-helpers';
import { storedWorkspace } from './test-stored';

const setup = (call: Call) => articleWithClaims(call, BUDGET_TEXT, BUDGET_SPANS);

/** The entries' [action, field, from, to], for compact expectations. */
const rows = (entries: readonly AuditEntry[]) => entries.map((e) => [e.action, e.field, e.from, e.to]);

describe('the audit history', () => {
  it('records every field a change touched, with who, when and old → new in words', async () => {
    const clock = new TestClock();
    await withApi(
      async (call) => {
        const { ids } = await setup(call);
        const [a, b] = ids;
        const history = async (id: string) => value(await call('getClaimHistory', { claimId: id }));
        expect(await history(a)).toEqual([
          { claimId: a, at: '2026-11-25T10:00:00.000Z', by: '', action: 'Accept 3 suggestions', field: null, from: null, to: 'Spending rose 4% this year.' },
        ]);

        value(await call('updateSettings', { patch: { currentEditor: 'Al' } }));
        clock.advance(60_000);
        value(await call('updateClaim', { id: a, patch: { status: 'researching', priority: 'high', assignee: 'Sam', tags: ['budget', 'economy'], dueDate: '2026-12-01' } }));
        clock.advance(60_000);
        const { source } = value(await call('addSource', { claimId: a, stance: 'refutes', source: { url: 'https://stats.example/t1', title: 'Table 1' } }));
        value(await call('setSourceStance', { claimId: a, sourceId: source.id, stance: 'context' }));
        value(await call('setVerdict', { claimId: a, verdict: { ratingId: 'mostly-false', conclusion: 'It rose 2%.', rationale: 'Table 1 says **2%**.' } }));
        value(await call('setVerdict', { claimId: a, verdict: { ratingId: 'false', conclusion: 'It rose 2%.', rationale: 'Table 1 says **2%**.' } }));
        value(await call('unlinkSource', { claimId: a, sourceId: source.id }));
        value(await call('linkDuplicate', { claimId: b, originalId: a }));
        value(await call('updateClaims', { ids: [a, b], patch: { assignee: null, removeTags: ['economy'] } }));

        const entries = await history(a);
        expect(entries.slice(1).every((e) => e.by === 'Al')).toBe(true);
        expect(entries[1]!.at).toBe('2026-11-25T10:01:00.000Z');
        expect(entries.at(-1)!.at).toBe('2026-11-25T10:02:00.000Z');
        expect(rows(entries.slice(1))).toEqual([
          ['Edit claim', 'status', 'New', 'Researching'],
          ['Edit claim', 'priority', 'Normal', 'High'],
          ['Edit claim', 'assignee', null, 'Sam'],
          ['Edit claim', 'tags', null, 'budget, economy'],
          ['Edit claim', 'due date', null, '2026-12-01'],
          ['Add source', 'source', null, 'Table 1 (Refutes)'],
          ['Change stance', 'stance', 'Table 1: Refutes', 'Table 1: Adds context'],
          ['Set verdict', 'rating', null, 'Mostly false'],
          ['Set verdict', 'conclusion', null, 'It rose 2%.'],
          ['Set verdict', 'rationale', null, 'Table 1 says **2%**.'],
          ['Set verdict', 'rating', 'Mostly false', 'False'],
          ['Remove source', 'source', 'Table 1 (Adds context)', null],
          ['Change 2 claims', 'assignee', 'Sam', null],
          ['Change 2 claims', 'tags', 'budget, economy', 'budget'],
        ]);
        expect(rows(await history(b)).slice(1)).toEqual([['Mark as duplicate', 'duplicate of', null, 'Spending rose 4% this year.']]);
      },
      { now: clock.now },
    );
  });

  it('records review, publication, correction, merge, split and delete', async () => {
    await withApi(async (call, store) => {
      const { ids } = await setup(call);
      const [a, b, c] = ids;
      value(await call('setVerdict', { claimId: a, verdict: { ratingId: 'false' } }));
      value(await call('addSource', { claimId: a, stance: 'refutes', source: { url: 'https://stats.example/t1', title: 'Table 1' } }));
      value(await call('updateSettings', { patch: { currentEditor: 'Al' } }));
      value(await call('requestReview', { claimId: a, reviewer: 'Bo' }));
      value(await call('updateSettings', { patch: { currentEditor: 'Bo' } }));
      value(await call('decideReview', { claimId: a, approve: true }));
      value(await call('reopenClaim', { claimId: a, note: 'Figure revised.' }));
      const history = value(await call('getClaimHistory', { claimId: a }));
      expect(rows(history.filter((e) => ['Request review', 'Approve review', 'Reopen for correction'].includes(e.action)))).toEqual([
        ['Request review', 'status', 'New', 'In review'],
        ['Request review', 'review', null, 'Requested from Bo by Al'],
        ['Approve review', 'status', 'In review', 'Published'],
        ['Approve review', 'review', 'Requested from Bo by Al', 'Approved by Bo'],
        ['Reopen for correction', 'status', 'Published', 'Researching'],
        ['Reopen for correction', 'review', 'Approved by Bo', null],
        ['Reopen for correction', 'correction', null, 'Figure revised.'],
      ]);
      expect(history.filter((e) => e.action === 'Request review').map((e) => e.by)).toEqual(['Al', 'Al']);
      expect(history.filter((e) => e.action === 'Approve review').map((e) => e.by)).toEqual(['Bo', 'Bo']);

      value(await call('mergeClaims', { keepId: b, mergeId: c }));
      expect(rows(value(await call('getClaimHistory', { claimId: b })).filter((e) => e.action === 'Merge claims'))).toEqual([
        ['Merge claims', 'wording', 'Unemployment fell to 3.1% in May.', 'Unemployment fell to 3.1% in May. The mayor said so.'],
        ['Merge claims', 'quote', '28–61: Unemployment fell to 3.1% in May.', '28–80: Unemployment fell to 3.1% in May. The mayor said so.'],
      ]);
      expect(rows(value(await call('getClaimHistory', { claimId: c })).slice(-1))).toEqual([['Merge claims', null, 'The mayor said so.', null]]);

      const { second } = value(await call('splitClaim', { id: b, at: 62 }));
      expect(rows(value(await call('getClaimHistory', { claimId: second.id })))).toEqual([['Split claim', null, null, 'The mayor said so.']]);
      value(await call('deleteClaim', { id: second.id }));
      // A deleted claim keeps its history.
      expect(rows(value(await call('getClaimHistory', { claimId: second.id })))).toEqual([
        ['Split claim', null, null, 'The mayor said so.'],
        ['Delete claim', null, 'The mayor said so.', null],
      ]);
      await expectRefused(call, store, 'getClaimHistory', { claimId: 'missing000' }, 'not_found', /no claim with id missing000/);
    });
  });

  it('turns a burst of wording saves into one entry, as one undo step', async () => {
    const clock = new TestClock();
    await withApi(
      async (call) => {
        const { ids } = await setup(call);
        const [a, b] = ids;
        for (const text of ['S', 'Sp', 'Spending', 'Spending up']) {
          clock.advance(400);
          value(await call('updateClaim', { id: a, patch: { text } }));
        }
        clock.advance(400);
        value(await call('updateClaim', { id: b, patch: { text: 'Jobs' } }));
        clock.advance(3_000);
        value(await call('updateClaim', { id: a, patch: { text: 'Spending up 4%' } }));
        const entries = value(await call('getClaimHistory', { claimId: a })).slice(1);
        expect(entries.map((e) => [e.field, e.from, e.to, e.at])).toEqual([
          ['wording', 'Spending rose 4% this year.', 'Spending up', '2026-11-25T10:00:01.600Z'],
          ['wording', 'Spending up', 'Spending up 4%', '2026-11-25T10:00:05.000Z'],
        ]);
      },
      { now: clock.now },
    );
  });

  it('is not undone: undo and redo add their own entries, and report no audit in their changes', async () => {
    await withApi(async (call, store) => {
      const { ids } = await setup(call);
      const [a] = ids;
      value(await call('updateSettings', { patch: { currentEditor: 'Al' } }));
      value(await call('updateClaim', { id: a, patch: { status: 'researching' } }));
      const undone = value(await call('undo', {}));
      expect(undone.label).toBe('Change status');
      expect(Object.keys(undone.changes).sort()).toEqual(['articles', 'claims', 'removed', 'settings', 'sources']);
      expect(undone.changes.claims.map((c) => c.status)).toEqual(['new']);
      value(await call('redo', {}));
      expect(rows(value(await call('getClaimHistory', { claimId: a })).slice(1))).toEqual([
        ['Change status', 'status', 'New', 'Researching'],
        ['Undo: Change status', 'status', 'Researching', 'New'],
        ['Redo: Change status', 'status', 'New', 'Researching'],
      ]);

      // Undoing a delete brings the claim back: its history says so, and was never lost.
      value(await call('deleteClaim', { id: a }));
      value(await call('undo', {}));
      expect(rows(value(await call('getClaimHistory', { claimId: a })).slice(-2))).toEqual([
        ['Delete claim', null, 'Spending rose 4% this year.', null],
        ['Undo: Delete claim', null, null, 'Spending rose 4% this year.'],
      ]);
      // Undo does not restore the audit log of the file either: it only grows.
      const onDisk = await storedWorkspace(store);
      expect(onDisk.audit).toEqual(store.audit);
      expect(store.data.audit).toEqual([]);
    });
  });

  it('survives a restart: it is in the file', async () => {
    await withTempDir(async (dir) => {
      let store = await LowdbWorkspaceStore.open(dir);
      let call = callerFor(store);
      const { ids } = await setup(call);
      value(await call('updateSettings', { patch: { currentEditor: 'Al' } }));
      value(await call('updateClaim', { id: ids[0], patch: { priority: 'urgent' } }));
      value(await call('undo', {}));
      const before = value(await call('getClaimHistory', { claimId: ids[0] }));
      expect(before).toHaveLength(3);
      await store.close();

      store = await LowdbWorkspaceStore.open(dir);
      call = callerFor(store);
      expect(value(await call('getClaimHistory', { claimId: ids[0] }))).toEqual(before);
      expect(value(await call('getWorkspace', {})).audit).toEqual([]);
      // The history of undo is gone after a restart; the audit goes on.
      value(await call('updateClaim', { id: ids[0], patch: { priority: 'low' } }));
      expect(value(await call('getClaimHistory', { claimId: ids[0] }))).toHaveLength(4);
      await store.close();
    });
  });

  it('records nothing for a refused change or for changes that are not about claims', async () => {
    await withApi(async (call, store) => {
      const { ids } = await setup(call);
      const count = store.audit.length;
      await expectRefused(call, store, 'updateClaim', { id: ids[0], patch: { status: 'ready' } }, 'conflict', /Cannot mark/);
      value(await call('updateSettings', { patch: { organizationName: 'Desk', view: { ...store.data.settings.view, mode: 'table' } } }));
      value(await call('setSuggestionDismissed', { articleId: store.data.articles[0]!.id, span: { start: 0, end: 10 }, dismissed: true }));
      expect(store.audit.length).toBe(count);
    });
  });

  it('cannot be edited by a change: the store alone appends to it', async () => {
    await withApi(async (_call, store) => {
      await expect(
        store.update('Forge', (ws) => {
          ws.audit.push({ claimId: 'claim00001', at: '2026-11-25T10:00:00.000Z', by: 'X', action: 'Forge', field: null, from: null, to: null });
        }),
      ).rejects.toThrow(/append-only/);
    });
  });
});
