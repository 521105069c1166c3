/**
 * openWorkspace and getWorkspacePart through the API, on a real store: the first view of a
 * large workspace, made once per state of the workspace, and the parts that complete it.
 */
import { writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { firstShownClaims, indexById } from '../../../shared/domain/claim-query';
import { DEFAULT_VIEW } from '../../../shared/domain/schemas';
import { largeWorkspace, value, withApi } from './test-helpers';
import { snapshotFile } from './test-storage';

describe('opening a workspace', () => {
  it('a small workspace comes whole, every article with its text', async () => {
    await withApi(async (call, store) => {
      const opening = value(await call('openWorkspace', { firstClaims: 10 }));
      expect(opening.complete).toBe(true);
      expect(opening.workspace).toEqual(store.data);
      expect(opening.withText).toEqual(store.data.articles.map((a) => a.id));
    });
  });

  it('a large one: every article (only the first with its text), the saved view’s first claims and the first article’s, no sources; the parts give the rest', async () => {
    await withTempSeed(async (call, store) => {
      const data = store.data;
      const opening = value(await call('openWorkspace', { firstClaims: 5 }));
      expect(opening.complete).toBe(false);
      expect(opening.totals).toEqual({ articles: 4, claims: 24, sources: 1 });
      expect(opening.withText).toEqual([data.articles[0]!.id]);
      expect(opening.workspace.articles.map((a) => a.text)).toEqual(data.articles.map((a, i) => (i === 0 ? a.text : '')));
      const shown = firstShownClaims(data.claims, indexById(data.articles), data.settings.view ?? DEFAULT_VIEW, 5);
      const firstArticles = data.claims.filter((c) => c.articleId === data.articles[0]!.id);
      expect(new Set(opening.workspace.claims.map((c) => c.id))).toEqual(new Set([...shown, ...firstArticles].map((c) => c.id)));
      expect(opening.workspace.sources).toEqual([]);

      const part = value(await call('getWorkspacePart', { part: 'claims', offset: 20, limit: 10 }));
      expect(part.claims).toEqual(data.claims.slice(20));
      expect(part.articles).toEqual([]);
      expect(value(await call('getWorkspacePart', { part: 'articles', offset: 1, limit: 2 })).articles).toEqual(data.articles.slice(1, 3));
    });
  });

  it('is made once per state of the workspace: asked again, the same answer; after an edit, one that shows it', async () => {
    await withTempSeed(async (call, store) => {
      const first = value(await call('openWorkspace', { firstClaims: 5 }));
      expect(value(await call('openWorkspace', { firstClaims: 5 }))).toBe(first);
      expect(value(await call('openWorkspace', { firstClaims: 6 }))).not.toBe(first);

      const claim = first.workspace.claims[0]!;
      value(await call('updateClaim', { id: claim.id, patch: { text: 'A new wording of the claim' } }));
      const after = value(await call('openWorkspace', { firstClaims: 5 }));
      expect(after).not.toBe(first);
      expect(after.workspace.claims.find((c) => c.id === claim.id)?.text).toBe('A new wording of the claim');
      expect(store.data.claims.find((c) => c.id === claim.id)?.text).toBe('A new wording of the claim');
    });
  });
});

/** The API over a folder seeded with 4 articles of 6 claims each. */
function withTempSeed(run: Parameters<typeof withApi>[0]): Promise<void> {
  return withApi(run, {}, (dir) => writeFile(snapshotFile(dir), JSON.stringify(largeWorkspace(4, 6))));
}
