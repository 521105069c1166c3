import { describe, expect, it } from 'vitest';
import type { HistoryResult } from '../../../shared/api/contract';
import { type Workspace } from '../../../shared/domain/schemas';
import { LowdbWorkspaceStore } from './store';
import { callerFor, TestClock, value, withApi, withTempDir, type Call } from './test-helpers';
import { storedBytes, storedWorkspace } from './test-stored';

const TEXT = 'Spending rose 4% this year. Unemployment fell to 3.1% in May. The mayor said so.';

/** An article with three claims (one per sentence) and the claims' ids. */
async function articleWithClaims(call: Call) {
  const article = value(await call('createArticle', { title: 'Budget', text: TEXT }));
  const spans = [
    { start: 0, end: 27 },
    { start: 28, end: 61 },
    { start: 62, end: 80 },
  ];
  const claims = value(await call('createClaims', { articleId: article.id, spans }));
  return { article, ids: claims.map((c) => c.id) as [string, string, string] };
}

describe('undo and redo', () => {
  it('undo every kind of edit back to the start and redo them all, each step exactly, also on disk', async () => {
    await withTempDir(async (dir) => {
      let store = await LowdbWorkspaceStore.open(dir);
      const call = callerFor(store);
      const { article, ids } = await articleWithClaims(call);
      const [a, b, c] = ids;
      const edits: [string, () => Promise<unknown>][] = [
        ['Edit wording', () => call('updateClaim', { id: a, patch: { text: 'Spending rose by four percent.' } })],
        ['Change status', () => call('updateClaim', { id: b, patch: { status: 'researching' } })],
        ['Add source', () => call('addSource', { claimId: a, stance: 'refutes', source: { url: 'https://stats.example/t1', title: 'Table 1' } })],
        ['Set verdict', () => call('setVerdict', { claimId: a, verdict: { ratingId: 'false', rationale: 'Table 1 says 2%.' } })],
        ['Change 2 claims', () => call('updateClaims', { ids: [a, c], patch: { priority: 'high', addTags: ['budget'], dueDate: '2026-12-01' } })],
        ['Mark as duplicate', () => call('linkDuplicate', { claimId: c, originalId: a, reuseVerdict: true })],
        ['Split claim', () => call('splitClaim', { id: b, at: 45 })],
        ['Edit article text', () => call('editArticleText', { id: article.id, text: `Update: figures revised. ${TEXT.replace('The mayor said so.', 'Nobody said so.')}` })],
        ['Dismiss suggestion', () => call('setSuggestionDismissed', { articleId: article.id, span: { start: 0, end: 24 }, dismissed: true })],
        ['Rename organization', () => call('updateSettings', { patch: { organizationName: 'Riverton Fact Desk' } })],
        ['Delete claim', () => call('deleteClaim', { id: a })],
        ['Delete article', () => call('deleteArticle', { id: store.data.articles[0]!.id })],
      ];
      const states: Workspace[] = [structuredClone(store.data)];
      for (const [label, edit] of edits) {
        expect(await edit()).toMatchObject({ ok: true });
        expect(store.history().undoLabel).toBe(label);
        states.push(structuredClone(store.data));
      }

      for (let i = edits.length - 1; i >= 0; i--) {
        const undone = value(await call('undo', {}));
        expect(undone.label).toBe(edits[i]![0]);
        expect(store.data).toEqual(states[i]);
        // What undo wrote is what a fresh read of the file gives (full validation on read).
        // The file also holds the audit log, which undo only appends to.
        const onDisk = await storedWorkspace(store);
        expect({ ...onDisk, audit: [] }).toEqual(states[i]);
        const label = edits[i]![0];
        if (!['Dismiss suggestion', 'Rename organization', 'Delete article'].includes(label)) expect(onDisk.audit.at(-1)?.action).toBe(`Undo: ${label}`);
      }
      expect(store.history()).toEqual({ canUndo: true, canRedo: true, undoLabel: 'Accept 3 suggestions', redoLabel: edits[0]![0] });
      await store.close();
      store = await LowdbWorkspaceStore.open(dir);
      expect(store.data).toEqual(states[0]);
      // The history lives in memory: a reopened store starts without one.
      expect(store.history()).toEqual({ canUndo: false, canRedo: false, undoLabel: null, redoLabel: null });
      await store.close();
    });
  });

  it('undo back to the start and redo to the end, every state equal to the one it returns to', async () => {
    await withApi(async (call, store) => {
      const { article, ids } = await articleWithClaims(call);
      const [a, b, c] = ids;
      const edits: (() => Promise<{ ok: boolean }>)[] = [
        () => call('updateClaim', { id: a, patch: { tags: ['economy', 'budget'] } }),
        () => call('addSource', { claimId: b, stance: 'supports', source: { url: 'https://stats.example/jobs', title: 'Jobs report' } }),
        () => call('linkDuplicate', { claimId: c, originalId: b, reuseVerdict: true }),
        () => call('mergeClaims', { keepId: a, mergeId: b }),
        () => call('editArticleText', { id: article.id, text: TEXT.replace('4%', '5%') }),
        () => call('deleteClaims', { ids: [c] }),
        () => call('updateClaims', { ids: [a], patch: { status: 'dropped', removeTags: ['economy'] } }),
      ];
      const states: Workspace[] = [structuredClone(store.data)];
      for (const edit of edits) {
        expect(await edit()).toMatchObject({ ok: true });
        states.push(structuredClone(store.data));
      }
      // A call that changes nothing is not a step.
      value(await call('restoreDeleted', { articles: [], claims: [] }));
      expect(store.history().undoLabel).toBe('Change 1 claim');
      for (let i = edits.length - 1; i >= 0; i--) {
        value(await call('undo', {}));
        expect(store.data).toEqual(states[i]);
      }
      expect(value(await call('getHistory', {}))).toMatchObject({ canRedo: true, redoLabel: 'Change tags' });
      for (let i = 1; i <= edits.length; i++) {
        value(await call('redo', {}));
        expect(store.data).toEqual(states[i]);
      }
      expect({ ...await storedWorkspace(store), audit: [] }).toEqual(states.at(-1));
    });
  });

  it('answers "nothing to undo" without writing, and reports what can be undone or redone', async () => {
    await withApi(async (call, store) => {
      const before = await storedBytes(store);
      expect(value(await call('getHistory', {}))).toEqual({ canUndo: false, canRedo: false, undoLabel: null, redoLabel: null });
      for (const method of ['undo', 'redo'] as const) {
        const result = value(await call(method, {}));
        expect(result).toEqual({
          canUndo: false,
          canRedo: false,
          undoLabel: null,
          redoLabel: null,
          label: null,
          changes: { articles: [], claims: [], sources: [], removed: { articles: [], claims: [], sources: [] }, settings: null },
        });
      }
      expect(await storedBytes(store)).toEqual(before);

      value(await call('createArticle', { title: 'One', text: 'Text.' }));
      expect(value(await call('getHistory', {}))).toEqual({ canUndo: true, canRedo: false, undoLabel: 'Add article', redoLabel: null });
      expect(value(await call('undo', {}))).toMatchObject({ label: 'Add article', canUndo: false, canRedo: true, redoLabel: 'Add article' });
      expect(value(await call('redo', {}))).toMatchObject({ label: 'Add article', canUndo: true, canRedo: false, undoLabel: 'Add article' });
    });
  });

  it('answers getHistory after the changes already asked for', async () => {
    await withApi(async (call) => {
      const saving = call('createArticle', { title: 'One', text: 'Text.' });
      const history = call('getHistory', {});
      expect(value(await history)).toMatchObject({ canUndo: true, undoLabel: 'Add article' });
      value(await saving);
    });
  });

  it('a new edit after an undo clears what could be redone', async () => {
    await withApi(async (call) => {
      const { ids } = await articleWithClaims(call);
      value(await call('updateClaim', { id: ids[0], patch: { status: 'dropped' } }));
      value(await call('undo', {}));
      expect(value(await call('getHistory', {}))).toMatchObject({ canRedo: true, redoLabel: 'Change status' });
      value(await call('updateClaim', { id: ids[0], patch: { priority: 'urgent' } }));
      expect(value(await call('getHistory', {}))).toMatchObject({ canRedo: false, redoLabel: null, undoLabel: 'Change priority' });
      expect(value(await call('redo', {})).label).toBeNull();
    });
  });

  it('one undo undoes a burst of wording saves of one claim; a pause, another field or another claim starts a new step', async () => {
    const clock = new TestClock();
    await withApi(
      async (call, store) => {
        const { ids } = await articleWithClaims(call);
        const [a, b] = ids;
        const original = store.data.claims.find((c) => c.id === a)!;
        for (const text of ['S', 'Sp', 'Spe', 'Spen', 'Spending up']) {
          clock.advance(400);
          value(await call('updateClaim', { id: a, patch: { text } }));
        }
        const afterBurst = structuredClone(store.data);
        clock.advance(3_000); // a pause: a new step
        value(await call('updateClaim', { id: a, patch: { text: 'Spending up 4%' } }));
        clock.advance(400);
        value(await call('updateClaim', { id: b, patch: { text: 'Jobless rate fell' } })); // another claim
        clock.advance(400);
        value(await call('updateClaim', { id: b, patch: { assignee: 'Sam' } })); // another field
        clock.advance(400);
        value(await call('updateClaim', { id: b, patch: { assignee: 'Samira' } }));

        expect(value(await call('undo', {}))).toMatchObject({ label: 'Change assignee' });
        expect(store.data.claims.find((c) => c.id === b)!.assignee).toBeNull();
        expect(value(await call('undo', {}))).toMatchObject({ label: 'Edit wording' });
        expect(value(await call('undo', {}))).toMatchObject({ label: 'Edit wording' });
        expect(store.data).toEqual(afterBurst);
        const burst = value(await call('undo', {}));
        expect(burst.label).toBe('Edit wording');
        expect(store.data.claims.find((c) => c.id === a)).toEqual(original);
        expect(burst.changes.claims).toEqual([original]);
        expect(value(await call('getHistory', {})).undoLabel).toBe('Accept 3 suggestions');

        // Redo brings the whole burst back; typing right after a redo starts a new step.
        value(await call('redo', {}));
        expect(store.data.claims.find((c) => c.id === a)!.text).toBe('Spending up');
        clock.advance(100);
        value(await call('updateClaim', { id: a, patch: { text: 'Spending up!' } }));
        value(await call('undo', {}));
        expect(store.data.claims.find((c) => c.id === a)!.text).toBe('Spending up');
      },
      { now: clock.now },
    );
  });

  it('undo and redo report every entity they touched as it is after the step, and what they removed', async () => {
    await withApi(async (call, store) => {
      const { article, ids } = await articleWithClaims(call);
      const [a, b, c] = ids;
      const find = (id: string) => store.data.claims.find((x) => x.id === id);

      const { source } = value(await call('addSource', { claimId: a, stance: 'supports', source: { url: 'https://stats.example/t1', title: 'Table 1' } }));
      let step: HistoryResult = value(await call('undo', {}));
      expect(step.changes).toEqual({
        articles: [],
        claims: [find(a)],
        sources: [],
        removed: { articles: [], claims: [], sources: [source.id] },
        settings: null,
      });
      step = value(await call('redo', {}));
      expect(step.changes).toMatchObject({ claims: [find(a)], sources: [source], removed: { sources: [] } });

      // Deleting a claim unlinks its duplicates; undo brings back both the claim and the link.
      value(await call('linkDuplicate', { claimId: c, originalId: b }));
      const removedB = find(b);
      value(await call('deleteClaim', { id: b }));
      expect(find(c)!.duplicateOf).toBeNull();
      step = value(await call('undo', {}));
      expect(step.label).toBe('Delete claim');
      expect(find(c)!.duplicateOf).toBe(b);
      expect(sortById(step.changes.claims)).toEqual(sortById([removedB!, find(c)!]));
      expect(step.changes.removed).toEqual({ articles: [], claims: [], sources: [] });
      step = value(await call('redo', {}));
      expect(step.changes.removed.claims).toEqual([b]);
      expect(step.changes.claims).toEqual([find(c)]);

      const all = store.data.claims.filter((x) => x.articleId === article.id);
      value(await call('deleteArticle', { id: article.id }));
      step = value(await call('undo', {}));
      expect(step.changes.articles).toEqual([article]);
      expect(sortById(step.changes.claims)).toEqual(sortById(all));
      step = value(await call('redo', {}));
      expect(step.changes.removed).toEqual({ articles: [article.id], claims: expect.arrayContaining(all.map((x) => x.id)), sources: [] });
      expect(step.changes.removed.claims).toHaveLength(all.length);

      value(await call('updateSettings', { patch: { suggestionThreshold: 0.8 } }));
      step = value(await call('undo', {}));
      expect(step.changes.settings).toEqual(store.data.settings);
      expect(step.changes.settings!.suggestionThreshold).toBe(0.5);
      expect(step.changes.claims).toEqual([]);
    });
  });

  it('does not record view changes: they are saved, not undoable, and keep redo', async () => {
    await withApi(async (call, store) => {
      value(await call('updateSettings', { patch: { organizationName: 'Desk' } }));
      value(await call('undo', {}));
      const view = { ...store.data.settings.view, mode: 'table' as const };
      value(await call('updateSettings', { patch: { view } }));
      expect(store.data.settings.view.mode).toBe('table');
      expect(value(await call('getHistory', {}))).toEqual({ canUndo: false, canRedo: true, undoLabel: null, redoLabel: 'Rename organization' });
      value(await call('redo', {}));
      expect(store.data.settings).toMatchObject({ organizationName: 'Desk', view: { mode: 'table' } });
    });
  });

  it('keeps the workspace deeply frozen through edits, undo and redo, so no step can change another', async () => {
    await withApi(async (call, store) => {
      const { ids } = await articleWithClaims(call);
      value(await call('addSource', { claimId: ids[0], stance: 'supports', source: { url: 'https://x.example', title: 'X' } }));
      value(await call('splitClaim', { id: ids[0], at: 10 }));
      value(await call('undo', {}));
      value(await call('redo', {}));
      value(await call('deleteClaim', { id: ids[1] }));
      value(await call('undo', {}));
      value(await call('updateSettings', { patch: { view: { ...store.data.settings.view, mode: 'board' } } }));
      expect(notFrozen(store.data)).toEqual([]);
    });
  });

  it('forgets the oldest steps when old article texts would take too much memory', async () => {
    await withApi(async (call, store) => {
      const article = store.data.articles[0]!;
      const big = 'A sentence of an article. '.repeat(170_000); // 4.4 million characters
      for (let i = 0; i < 8; i++) value(await call('editArticleText', { id: article.id, text: `${i} ${big}` }));
      let steps = 0;
      while (store.history().canUndo) {
        value(await call('undo', {}));
        steps++;
      }
      // Each step holds two texts (before and after), ~9 million characters: 5 fit in 50 million.
      expect(steps).toBe(5);
      expect(store.data.articles[0]!.text.startsWith('2 ')).toBe(true);
    });
  });

  it('keeps the last 500 steps', async () => {
    await withTempDir(async (dir) => {
      const store = await LowdbWorkspaceStore.open(dir);
      for (let i = 0; i < 503; i++) {
        await store.update(`Step ${i}`, (ws) => {
          ws.settings.suggestionThreshold = (i % 100) / 100;
        });
      }
      let undone = 0;
      while (store.history().canUndo) {
        await store.undo();
        undone++;
      }
      expect(undone).toBe(500);
      expect(store.history().redoLabel).toBe('Step 3');
      expect(store.data.settings.suggestionThreshold).toBe(0.02);
      await store.close();
    });
  });
});

/** What is not frozen, but the collection arrays, which only the store holds (see store-patches.ts: freezing them cost ~10 ms an edit at 100,000 claims). */
function notFrozen(value: unknown, at = 'workspace'): string[] {
  if (value === null || typeof value !== 'object') return [];
  const owned = ['workspace.articles', 'workspace.claims', 'workspace.sources'].includes(at);
  const own = Object.isFrozen(value) || owned ? [] : [at];
  return own.concat(Object.entries(value).flatMap(([k, v]) => notFrozen(v, `${at}.${k}`)));
}

function sortById<T extends { id: string }>(items: readonly T[]): T[] {
  return [...items].sort((x, y) => x.id.localeCompare(y.id));
}
