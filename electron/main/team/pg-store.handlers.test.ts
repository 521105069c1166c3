/**
 * Flows of the desktop store's handler tests (handlers.test.ts, history.test.ts,
 * handlers.sources.test.ts, handlers.claims.test.ts, export/restore.test.ts) run against the
 * team store: the same handlers, the same answers, and what the database gives back after.
 */
import { describe, expect, inject, it } from 'vitest';
import { createTestDatabase } from '../../../scripts/postgres/throwaway-cluster';
import type { Workspace } from '../../../shared/domain/schemas';
import { articleWithClaims, BUDGET_SPANS, BUDGET_TEXT, TestClock, value, type Call } from '../services/test-helpers';
import type { PostgresWorkspaceStore } from './pg-store';
import { teamCaller, withTeamStore } from './pg-test-helpers';

const newDatabase = () => createTestDatabase(inject('postgresUrl'));

/** Runs `flow` as Al on a new database, then checks a reopened store reads what memory had, audit included. */
async function teamFlow(flow: (call: Call, store: PostgresWorkspaceStore) => Promise<void>, clock = new TestClock()): Promise<void> {
  const url = await newDatabase();
  let data: Workspace | undefined;
  let audit: unknown;
  await withTeamStore(
    url,
    async (store) => {
      await flow(teamCaller(store, 'Al'), store);
      data = structuredClone(store.data);
      audit = await store.readAudit();
    },
    { now: clock.now },
  );
  await withTeamStore(url, async (store) => {
    expect(store.data).toEqual(data);
    expect(await store.readAudit()).toEqual(audit);
  });
}

describe('PostgresWorkspaceStore: the handlers’ flows', () => {
  it('take an article from text to a claim with a source and a verdict, and export it', async () => {
    await teamFlow(async (call) => {
      const article = value(await call('createArticle', { title: 'Budget', text: 'Spending rose 4% this year. That is all.' }));
      const claim = value(await call('createClaim', { articleId: article.id, start: 0, end: 27 }));
      expect(value(await call('updateClaim', { id: claim.id, patch: { status: 'researching', tags: ['budget', 'budget', 'economy'], assignee: 'Sam' } }))).toMatchObject({ tags: ['budget', 'economy'] });
      const { source } = value(await call('addSource', { claimId: claim.id, stance: 'refutes', source: { url: 'https://stats.example/t1', title: 'Table 1' } }));
      const other = value(await call('createClaim', { articleId: article.id, start: 28, end: 40 }));
      expect(value(await call('addSource', { claimId: other.id, stance: 'supports', source: { url: 'https://stats.example/t1/', title: 'Again' } })).source.id).toBe(source.id);
      value(await call('setVerdict', { claimId: claim.id, verdict: { ratingId: 'mostly-false', rationale: 'Table 1 says 2%.' } }));
      const report = value(await call('exportReport', { articleId: article.id, format: 'markdown' }));
      expect(report.content).toContain('**Verdict: Mostly false**');
      expect(report.content).toContain('[Table 1](<https://stats.example/t1>) (Refutes)');
    });
  });

  it('undo every kind of edit back to the start and redo them all, each step exactly', async () => {
    await teamFlow(async (call, store) => {
      const { article, ids } = await articleWithClaims(call, BUDGET_TEXT, BUDGET_SPANS);
      const [a, b, c] = ids;
      const edits: [string, () => Promise<unknown>][] = [
        ['Edit wording', () => call('updateClaim', { id: a, patch: { text: 'Spending rose by four percent.' } })],
        ['Change status', () => call('updateClaim', { id: b, patch: { status: 'researching' } })],
        ['Add source', () => call('addSource', { claimId: a, stance: 'refutes', source: { url: 'https://stats.example/t1', title: 'Table 1' } })],
        ['Set verdict', () => call('setVerdict', { claimId: a, verdict: { ratingId: 'false', rationale: 'Table 1 says 2%.' } })],
        ['Change 2 claims', () => call('updateClaims', { ids: [a, c], patch: { priority: 'high', addTags: ['budget'], dueDate: '2026-12-01' } })],
        ['Mark as duplicate', () => call('linkDuplicate', { claimId: c, originalId: a, reuseVerdict: true })],
        ['Split claim', () => call('splitClaim', { id: b, at: 45 })],
        ['Edit article text', () => call('editArticleText', { id: article.id, text: `Update: figures revised. ${BUDGET_TEXT.replace('The mayor said so.', 'Nobody said so.')}` })],
        ['Dismiss suggestion', () => call('setSuggestionDismissed', { articleId: article.id, span: { start: 0, end: 24 }, dismissed: true })],
        ['Rename organization', () => call('updateSettings', { patch: { organizationName: 'Riverton Fact Desk' } })],
        ['Delete claim', () => call('deleteClaim', { id: a })],
        ['Delete article', () => call('deleteArticle', { id: article.id })],
      ];
      const states: Workspace[] = [structuredClone(store.data)];
      for (const [label, edit] of edits) {
        expect(await edit()).toMatchObject({ ok: true });
        expect(value(await call('getHistory', {})).undoLabel).toBe(label);
        states.push(structuredClone(store.data));
      }
      for (let i = edits.length - 1; i >= 0; i--) {
        expect(value(await call('undo', {})).label).toBe(edits[i]![0]);
        expect(store.data).toEqual(states[i]);
      }
      for (let i = 1; i <= edits.length; i++) {
        value(await call('redo', {}));
        expect(store.data).toEqual(states[i]);
      }
      for (let i = edits.length - 1; i >= 4; i--) value(await call('undo', {}));
      expect(store.data).toEqual(states[4]);
    });
  });

  it('one undo undoes a burst of wording saves of one claim, and the history keeps one entry for it', async () => {
    const clock = new TestClock();
    await teamFlow(async (call, store) => {
      const { ids } = await articleWithClaims(call, BUDGET_TEXT, BUDGET_SPANS);
      const [a] = ids;
      const original = store.data.claims.find((c) => c.id === a)!;
      for (const text of ['S', 'Sp', 'Spe', 'Spen', 'Spending up']) {
        clock.advance(400);
        value(await call('updateClaim', { id: a, patch: { text } }));
      }
      const wording = (await store.claimHistory(a)).filter((e) => e.field === 'wording');
      expect(wording.map((e) => [e.from, e.to])).toEqual([['Spending rose 4% this year.', 'Spending up']]);
      expect(value(await call('undo', {}))).toMatchObject({ label: 'Edit wording', undoLabel: 'Accept 3 suggestions' });
      expect(store.data.claims.find((c) => c.id === a)).toEqual(original);
    }, clock);
  });

  it('edits a library source for every claim citing it, recorded in each claim’s history', async () => {
    await teamFlow(async (call, store) => {
      const { ids } = await articleWithClaims(call, BUDGET_TEXT, BUDGET_SPANS);
      const [a, b, c] = ids;
      const { source } = value(await call('addSource', { claimId: a, stance: 'supports', source: { url: 'https://example.org/a', title: 'Table A' } }));
      value(await call('linkSource', { claimId: b, sourceId: source.id, stance: 'refutes' }));
      value(await call('updateSource', { id: source.id, patch: { title: 'Table A (revised)', type: 'primary', notes: 'Checked twice.' } }));
      for (const id of [a, b]) {
        const entries = value(await call('getClaimHistory', { claimId: id })).filter((e) => e.action === 'Edit source');
        expect(entries.map((e) => [e.field, e.from, e.to, e.by])).toEqual([
          ['source title', 'Table A', 'Table A (revised)', 'Al'],
          ['source type', 'Other', 'Primary document', 'Al'],
          ['source notes', null, 'Checked twice.', 'Al'],
        ]);
      }
      expect(value(await call('getClaimHistory', { claimId: c })).some((e) => e.action === 'Edit source')).toBe(false);
      expect(store.data.sources).toHaveLength(1);
    });
  });

  it('removes claims, unlinks their duplicates, restores them, and undo brings the link back', async () => {
    await teamFlow(async (call, store) => {
      const { ids } = await articleWithClaims(call, BUDGET_TEXT, BUDGET_SPANS);
      value(await call('linkDuplicate', { claimId: ids[2], originalId: ids[0] }));
      const removed = value(await call('deleteClaims', { ids: [ids[0], ids[1]] }));
      expect(store.data.claims.map((c) => c.id)).toEqual([ids[2]]);
      expect(store.data.claims[0]!.duplicateOf).toBeNull();
      value(await call('restoreDeleted', removed));
      expect(store.data.claims.map((c) => c.id).sort()).toEqual([...ids].sort());
      value(await call('undo', {}));
      value(await call('undo', {}));
      expect(store.data.claims.find((c) => c.id === ids[2])!.duplicateOf).toBe(ids[0]);
      expect(store.data.claims.map((c) => c.id)).toEqual(ids);
      expect(await call('deleteClaims', { ids: [ids[0], 'missing001'] })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    });
  });

  it('replaces the workspace with a backup, history included, as one undoable step', async () => {
    await teamFlow(async (call, store) => {
      const { ids } = await articleWithClaims(call, BUDGET_TEXT, BUDGET_SPANS);
      value(await call('updateClaim', { id: ids[0], patch: { status: 'researching' } }));
      const backup = value(await call('exportWorkspace', {}));
      const savedData = structuredClone(store.data);
      const savedAudit = await store.readAudit();
      value(await call('deleteClaim', { id: ids[1] }));
      value(await call('createArticle', { title: 'After the backup', text: 'New text here.' }));
      const changedData = structuredClone(store.data);
      const changedAudit = await store.readAudit();

      value(await call('restoreWorkspace', { content: backup.content, mode: 'replace' }));
      expect(store.data).toEqual(savedData);
      expect(await store.readAudit()).toEqual(savedAudit);
      value(await call('undo', {}));
      expect(store.data).toEqual(changedData);
      expect(await store.readAudit()).toEqual(changedAudit);
      value(await call('redo', {}));
      expect(await store.readAudit()).toEqual(savedAudit);
    });
  });
});
