/**
 * Changes written in place (in-place-change.ts): an edit or an append does not copy the
 * workspace's arrays, yet everything that needs an earlier state still gets it exactly: a
 * reader's workspace never changes under it, a refused change and a failed save leave
 * nothing behind, a fold writes only what is on disk, and undo/redo across a removal
 * restore the right entities.
 */
import { describe, expect, it, vi } from 'vitest';
import { PRIORITIES, type Workspace } from '../../../shared/domain/schemas';
import { LowdbWorkspaceStore, SaveError } from './store';
import { immer } from './store-patches';
import { callerFor, largeWorkspace, value, withTempDir } from './test-helpers';
import { snapshotFile, openSeeded } from './test-storage';
import { storedWorkspace } from './test-stored';
import { writeFile } from 'node:fs/promises';

const nextPriority = (p: (typeof PRIORITIES)[number]) => PRIORITIES[(PRIORITIES.indexOf(p) + 1) % PRIORITIES.length]!;

describe('changes written in place', () => {
  it('edits and appends never draft the whole workspace; removals do, and all of them land', async () => {
    await withTempDir(async (dir) => {
      const { store, call, ids } = await openSeeded(dir);
      const whole = vi.spyOn(immer, 'produceWithPatches');
      value(await call('updateClaim', { id: ids[0], patch: { priority: 'high', tags: ['budget'] } }));
      value(await call('updateClaim', { id: ids[1], patch: { status: 'researching' } }));
      await store.update('Add', (ws) => void ws.sources.push({ ...sourceLike(ws), id: 'src-in-place', title: 'Added in place' }));
      expect(whole).not.toHaveBeenCalled();
      value(await call('deleteClaims', { ids: [ids[2]] }));
      expect(whole).toHaveBeenCalled();
      whole.mockRestore();
      const data = store.data;
      expect(data.claims.find((c) => c.id === ids[0])).toMatchObject({ priority: 'high', tags: ['budget'] });
      expect(data.sources.at(-1)).toMatchObject({ id: 'src-in-place', title: 'Added in place' });
      expect(data.claims.some((c) => c.id === ids[2])).toBe(false);
      await store.close();
      // What the disk holds is what memory held.
      const reopened = await LowdbWorkspaceStore.open(dir);
      expect(reopened.data).toEqual(data);
      await reopened.close();
    });
  });

  it('a workspace read before a change does not change after it', async () => {
    await withTempDir(async (dir) => {
      const { store, ids } = await openSeeded(dir);
      const before = store.data;
      const claim = before.claims.find((c) => c.id === ids[0])!;
      const count = before.claims.length;
      await store.update('Edit', (ws) => void (ws.claims.find((c) => c.id === ids[0])!.priority = nextPriority(claim.priority)));
      await store.update('Add', (ws) => void ws.sources.push({ ...sourceLike(ws), id: 'src-later', title: 'Later' }));
      expect(before.claims.find((c) => c.id === ids[0])).toBe(claim);
      expect(before.claims).toHaveLength(count);
      expect(before.sources.some((s) => s.id === 'src-later')).toBe(false);
      expect(store.data.claims.find((c) => c.id === ids[0])!.priority).toBe(nextPriority(claim.priority));
      await store.close();
    });
  });

  it('a refused change written in place is taken back entirely, the id it appended too', async () => {
    await withTempDir(async (dir) => {
      const { store, ids } = await openSeeded(dir);
      const before = { ...(await storedWorkspace(store)), audit: [] }; // not read from the store (see below)
      const bad = (ws: Workspace) => {
        ws.claims.find((c) => c.id === ids[0])!.priority = 'high';
        ws.sources.push({ ...sourceLike(ws), id: 'src-refused' });
        ws.claims.find((c) => c.id === ids[1])!.articleId = 'missing000';
      };
      await expect(store.update('Bad', bad)).rejects.toThrow(/missing article/);
      expect(store.data).toEqual(before);
      // The refused append's id is not taken: the same id can be added now.
      await store.update('Add', (ws) => void ws.sources.push({ ...sourceLike(ws), id: 'src-refused', title: 'Now' }));
      expect(store.data.sources.at(-1)!.id).toBe('src-refused');
      await store.close();
    });
  });

  it('a failed save takes back the edits written in place since the last one on disk', async () => {
    await withTempDir(async (dir) => {
      let fail = false;
      const { store, ids } = await openSeeded(dir, {
        appendJournal: async (append, lines) => {
          if (fail) throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
          await append(lines);
        },
      });
      // Not read from the store: reading would make the next change copy the arrays, not write them in place.
      const saved = { ...(await storedWorkspace(store)), audit: [] };
      fail = true;
      const results = await Promise.allSettled([
        store.update('Edit', (ws) => void (ws.claims.find((c) => c.id === ids[0])!.text = 'Lost wording of the claim')),
        store.update('Add', (ws) => void ws.sources.push({ ...sourceLike(ws), id: 'src-lost' })),
      ]);
      expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
      expect((results[0] as PromiseRejectedResult).reason).toBeInstanceOf(SaveError);
      expect(store.data).toEqual(saved);
      fail = false;
      await store.update('Add', (ws) => void ws.sources.push({ ...sourceLike(ws), id: 'src-lost', title: 'Kept' }));
      await store.close();
      const reopened = await LowdbWorkspaceStore.open(dir);
      expect(reopened.data.claims.find((c) => c.id === ids[0])!.text).toBe(saved.claims.find((c) => c.id === ids[0])!.text);
      expect(reopened.data.sources.filter((s) => s.id === 'src-lost').map((s) => s.title)).toEqual(['Kept']);
      await reopened.close();
    });
  });

  it('a fold writes what is on disk, not an edit made while the write was in flight that then failed', async () => {
    await withTempDir(async (dir) => {
      await writeFile(snapshotFile(dir), JSON.stringify(largeWorkspace(1, 3)));
      let calls = 0;
      let inFlight: Promise<unknown> | null = null;
      let target = '';
      const store: LowdbWorkspaceStore = await LowdbWorkspaceStore.open(dir, {
        foldBytes: 1, // every write is folded into the snapshot
        appendJournal: async (append, lines) => {
          calls++;
          if (calls === 1) {
            // While the first write is on its way, an edit is made in memory (in place)…
            inFlight = store.update('During', (ws) => void (ws.claims.find((c) => c.id === target)!.text = 'Made during the write'));
            await append(lines);
            return;
          }
          // …and its own write fails.
          throw Object.assign(new Error('disk gone'), { code: 'EIO' });
        },
      });
      target = store.data.claims[1]!.id;
      const original = store.data.claims[1]!.text;
      await store.update('First', (ws) => void (ws.claims[0]!.priority = nextPriority(ws.claims[0]!.priority)));
      await expect(inFlight).rejects.toBeInstanceOf(SaveError);
      await store.flushed();
      expect(store.stats.folds).toBeGreaterThanOrEqual(1);
      await store.close();
      const data = await storedWorkspace({ file: snapshotFile(dir) });
      expect(data.claims[1]!.text).toBe(original);
    });
  });

  it('undo and redo across a removal and a later edit restore the right claims', async () => {
    await withTempDir(async (dir) => {
      const { store, ids } = await openSeeded(dir);
      const call = callerFor(store);
      const wording = (id: string) => store.data.claims.find((c) => c.id === id)?.text;
      const first = wording(ids[1]!);
      value(await call('deleteClaims', { ids: [ids[0]] }));
      value(await call('updateClaim', { id: ids[1], patch: { text: 'Edited after the removal' } }));
      await store.undo(); // the edit
      expect(wording(ids[1]!)).toBe(first);
      await store.undo(); // the removal
      expect(wording(ids[0]!)).toBeDefined();
      await store.redo(); // the removal again: the edit stays undone
      expect(wording(ids[0]!)).toBeUndefined();
      expect(wording(ids[1]!)).toBe(first);
      await store.redo(); // the edit again
      expect(wording(ids[1]!)).toBe('Edited after the removal');
      await store.close();
    });
  });
});

/** A valid library source to append (`id` and `title` set by the caller). */
function sourceLike(_ws: Workspace): Workspace['sources'][number] {
  return {
    id: 'src-copy',
    url: 'https://example.org/report',
    title: 'A report',
    publisher: 'Example',
    author: '',
    publishedDate: null,
    excerpt: '',
    type: 'other',
    notes: '',
    accessedAt: '2026-11-25T10:00:00.000Z',
    archive: { state: 'none' },
    copies: [],
  };
}
