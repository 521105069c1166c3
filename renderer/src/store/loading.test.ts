import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Workspace } from '../../../shared/domain/schemas';
import { ValidatedJsonFile } from '../../../electron/main/services/json-file';
import { DATA_FILE_NAME } from '../../../electron/main/services/paths';
import { generateLargeWorkspace } from '../../../scripts/seed/generate-workspace';
import { createClient } from '../api/client';
import { createTestBridge, type TestBridge } from '../../test/bridge';
import { createAppStore } from './app-store';
import { partRequests } from './loading';

const SMALL_PARTS = { sources: 7, claims: 9, articles: 2 };

/** A test bridge over a generated workspace that opens in the table, sorted by score. */
async function bridgeWith(claims: number): Promise<TestBridge> {
  return createTestBridge(async (dir) => {
    const ws = generateLargeWorkspace({ articles: 5, claims });
    ws.settings.view = { ...ws.settings.view, mode: 'table', sort: { key: 'score', direction: 'desc' } };
    await new ValidatedJsonFile(path.join(dir, DATA_FILE_NAME), Workspace).write(Workspace.parse(ws));
  });
}

describe('opening a workspace in parts', () => {
  let t: TestBridge | undefined;
  afterEach(async () => {
    await t?.dispose();
    t = undefined;
  });

  it('asks for every item once, each kind in pages', () => {
    const requests = partRequests({ sources: 15, claims: 9, articles: 3 }, SMALL_PARTS);
    expect(requests).toEqual([
      { part: 'sources', offset: 0, limit: 7 },
      { part: 'sources', offset: 7, limit: 7 },
      { part: 'sources', offset: 14, limit: 7 },
      { part: 'claims', offset: 0, limit: 9 },
      { part: 'articles', offset: 0, limit: 2 },
      { part: 'articles', offset: 2, limit: 2 },
    ]);
  });

  it('shows the first claims of the saved view at once, says it is loading, then holds the whole workspace', async () => {
    t = await bridgeWith(60);
    const store = createAppStore(createClient(t.bridge), { loading: { firstClaims: 10, partSizes: SMALL_PARTS } });
    const progress: (number | null)[] = [];
    store.subscribe((s, before) => {
      if (s.loading !== before.loading) progress.push(s.loading?.loaded ?? null);
    });
    let firstView: ReturnType<typeof store.getState>['workspace'] = null;
    const unsubscribe = store.subscribe((s) => {
      if (s.loadState === 'ready' && firstView === null) firstView = s.workspace;
    });
    await store.getState().load();
    unsubscribe();

    const stored = t!.store.data;
    // The first view: the ten best-scored claims (the saved sort) and the first article's, no sources yet.
    const best = [...stored.claims].sort((a, b) => (b.score ?? -1) - (a.score ?? -1)).slice(0, 10);
    const first = firstView as unknown as Workspace;
    expect(first.claims.map((c) => c.id)).toEqual(expect.arrayContaining(best.map((c) => c.id)));
    expect(first.sources).toEqual([]);
    expect(first.articles.filter((a) => a.text !== '').map((a) => a.id)).toEqual([stored.articles[0]!.id]);
    // Progress rose to every item, then loading ended.
    const total = stored.claims.length + stored.sources.length + stored.articles.length;
    expect(progress[0]).toBe(0);
    expect(progress.at(-2)).toBe(total);
    expect(progress.at(-1)).toBeNull();
    // Then: the workspace exactly as stored.
    const ws = store.getState().workspace!;
    expect(ws.claims).toEqual(stored.claims);
    expect(ws.articles).toEqual(stored.articles);
    expect(ws.sources).toEqual(stored.sources);
  });

  it('makes a write wait until the workspace has loaded, so no part brings back what it changed', async () => {
    t = await bridgeWith(60);
    const store = createAppStore(createClient(t.bridge), { loading: { firstClaims: 10, partSizes: SMALL_PARTS } });
    const loading = store.getState().load();
    // As soon as the first view is shown, the editor changes a claim in it.
    await new Promise<void>((resolve) => {
      const stop = store.subscribe((s) => {
        if (s.loadState === 'ready') {
          stop();
          resolve();
        }
      });
    });
    expect(store.getState().loading).not.toBeNull();
    // One the editor may change (published claims are locked), and not urgent already.
    const id = store.getState().workspace!.claims.find((c) => c.status !== 'published' && c.priority !== 'urgent')!.id;
    const saved = store.getState().updateClaim(id, { priority: 'urgent' });
    expect(store.getState().pendingWrites).toBe(1); // "Saving…" while it waits
    await Promise.all([loading, saved]);
    expect(t.store.data.claims.find((c) => c.id === id)!.priority).toBe('urgent');
    expect(store.getState().workspace!.claims.find((c) => c.id === id)!.priority).toBe('urgent');
    expect(store.getState().loading).toBeNull();
  });

  it('opens a small workspace whole, in one answer', async () => {
    t = await bridgeWith(8);
    const store = createAppStore(createClient(t.bridge), { loading: { firstClaims: 10, partSizes: SMALL_PARTS } });
    await store.getState().load();
    expect(store.getState().loading).toBeNull();
    expect(store.getState().workspace!.claims).toEqual(t.store.data.claims);
    expect(store.getState().workspace!.articles).toEqual(t.store.data.articles);
  });
});
