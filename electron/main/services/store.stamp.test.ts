/**
 * The snapshot's stamp (snapshot-stamp.ts), on real files: a snapshot the store wrote is not
 * validated again at the next start, but only the exact bytes it wrote under the same schema
 * are trusted. Anything else is validated whole, and a journal on top of a trusted snapshot
 * is still checked for how it fits.
 */
import { appendFile, readFile, rm, writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { encodeRecord } from './checksummed-log';
import { StoredWorkspace } from './snapshot-file';
import { STAMP_SUFFIX, writeStamp } from './snapshot-stamp';
import { LowdbWorkspaceStore } from './store';
import { TestClock, withTempDir } from './test-helpers';
import { journalFile, journalRecords, openSeeded, snapshotFile, snapshotOf } from './test-storage';

/** A folder whose snapshot holds three claims (folded at once), then closed. */
async function foldedFolder(dir: string, clock: TestClock): Promise<string[]> {
  const { store, ids } = await openSeeded(dir, { now: clock.now, foldBytes: 1 });
  await store.close();
  expect((await journalRecords(dir)).length).toBe(0);
  expect((await snapshotOf(dir)).claims.map((c) => c.id)).toEqual(expect.arrayContaining(ids));
  clock.advance(60_000);
  return ids;
}

/** The snapshot with its first claim's status set to something no schema allows. */
async function withBogusStatus(dir: string): Promise<string> {
  const json = await snapshotOf(dir);
  (json.claims[0] as { status: string }).status = 'bogus';
  const text = `${JSON.stringify(json)}\n`;
  await writeFile(snapshotFile(dir), text);
  return text;
}

describe('the snapshot stamp', () => {
  it('is written with every snapshot, and vouches for exactly those bytes under this schema', async () => {
    await withTempDir(async (dir) => {
      const clock = new TestClock();
      await foldedFolder(dir, clock);
      const stamp = JSON.parse(await readFile(`${snapshotFile(dir)}${STAMP_SUFFIX}`, 'utf8')) as { schema: string; sha256: string };
      expect(stamp.sha256).toMatch(/^[0-9a-f]{64}$/);

      // Stamped by this schema, even a value the schema forbids is taken as written: the
      // stamp is what spares the start validating the file (this file was never validated).
      const text = await withBogusStatus(dir);
      await writeStamp(snapshotFile(dir), text, StoredWorkspace);
      const trusted = await LowdbWorkspaceStore.open(dir, { now: clock.now });
      expect(trusted.data.claims[0]!.status).toBe('bogus');
      expect(trusted.startupNotice).toBeNull();
      await trusted.close();
    });
  });

  it('a snapshot changed after its stamp was written is validated whole: the damage is found, set aside and a backup restored', async () => {
    await withTempDir(async (dir) => {
      const clock = new TestClock();
      await foldedFolder(dir, clock);
      await withBogusStatus(dir);
      const store = await LowdbWorkspaceStore.open(dir, { now: clock.now });
      expect(store.startupNotice).toMatchObject({ kind: 'recovered' });
      expect(store.startupNotice!.reason).toContain('claims.0.status');
      expect(store.data.claims.every((c) => c.status !== ('bogus' as string))).toBe(true);
      await store.close();
    });
  });

  it('a stamp written under another schema, or a missing one, vouches for nothing', async () => {
    for (const stamp of ['other schema', 'none'] as const) {
      await withTempDir(async (dir) => {
        const clock = new TestClock();
        await foldedFolder(dir, clock);
        const text = await withBogusStatus(dir);
        if (stamp === 'other schema') await writeStamp(snapshotFile(dir), text, z.object({ claims: z.array(z.unknown()) }));
        else await rm(`${snapshotFile(dir)}${STAMP_SUFFIX}`);
        const store = await LowdbWorkspaceStore.open(dir, { now: clock.now });
        expect(store.startupNotice, stamp).toMatchObject({ kind: 'recovered' });
        await store.close();
      });
    }
  });

  it('a journal record that breaks a reference is refused on top of a trusted snapshot, which opens as it was', async () => {
    await withTempDir(async (dir) => {
      const clock = new TestClock();
      const ids = await foldedFolder(dir, clock);
      const before = await snapshotOf(dir);
      const claim = { ...before.claims.find((c) => c.id === ids[0])!, articleId: 'no-such-article' };
      await appendFile(journalFile(dir), encodeRecord({ seq: (before.journalSeq ?? 0) + 1, ops: [{ c: 'claims', put: claim }], audit: { reset: false, entries: [] } }));

      const store = await LowdbWorkspaceStore.open(dir, { now: clock.now });
      expect(store.data.claims.find((c) => c.id === ids[0])!.articleId).toBe(before.claims.find((c) => c.id === ids[0])!.articleId);
      expect(store.startupNotice).toMatchObject({ kind: 'repaired' });
      expect(store.startupNotice!.reason).toContain('refers to a missing article');
      await store.close();
    });
  });
});
