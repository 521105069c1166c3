/**
 * Reading a data folder with loadWorkspace, on real files: journal records that are out of
 * sequence, not journal records, or do not fit the workspace stop the replay there (what came
 * before stands, the rest is the damaged tail); with `repair` the tail is cut off and kept
 * aside, without it no byte changes.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { AuditEntry, Workspace } from '../../../shared/domain/schemas';
import { encodeRecord } from './checksummed-log';
import { TestClock, value, withTempDir } from './test-helpers';
import { folderFiles, journalFile, journalRecords, openSeeded, snapshotFile, type JournalRecord } from './test-storage';
import { loadWorkspace } from './workspace-loader';

type Saved = { data: Workspace; audit: AuditEntry[] };

/** A folder whose journal holds the seeded writes and three edits; the state after each record, and the records. */
async function folder(dir: string): Promise<{ states: Saved[]; records: JournalRecord[] }> {
  const clock = new TestClock();
  const { store, call, ids } = await openSeeded(dir, { now: clock.now });
  const states: Saved[] = [];
  for (let i = 0; i < 3; i++) {
    value(await call('updateClaim', { id: ids[i], patch: { text: `Edit ${i}` } }));
    states[(await journalRecords(dir)).length] = { data: structuredClone(store.data), audit: structuredClone([...store.audit]) };
  }
  await store.close();
  return { states, records: await journalRecords(dir) };
}

const load = (dir: string, repair: boolean) =>
  loadWorkspace(dir, snapshotFile(dir), { repair, now: () => new Date('2026-11-25T11:00:00.000Z'), newId: () => 'unused', backups: null });

/** Replaces the journal with `good` records and then `bad` lines; returns the bad lines' text. */
async function journalOf(dir: string, good: readonly JournalRecord[], bad: readonly unknown[]): Promise<string> {
  const tail = bad.map(encodeRecord).join('');
  await writeFile(journalFile(dir), good.map(encodeRecord).join('') + tail);
  return tail;
}

describe('loadWorkspace: journal records that cannot be replayed', () => {
  const cases: [string, (records: JournalRecord[]) => unknown, RegExp][] = [
    ['a record out of sequence', (r) => ({ ...r.at(-1)!, seq: r.at(-1)!.seq + 5 }), /^record \d+ is number \d+, after \d+$/],
    ['a line that is not a journal record', () => ({ hello: 'world' }), /^record \d+ is not a journal record$/],
    ['a record ordering claims it never had', (r) => ({ ...r.at(-1)!, ops: [{ c: 'claims', order: ['ghost'] }] }), /^record \d+ does not fit the workspace \(.*never had \(ghost\)\)$/],
  ];
  for (const [what, make, reason] of cases) {
    it(`${what}: the records before it stand; read-only changes nothing, repair cuts it and what follows off and keeps them aside`, async () => {
      await withTempDir(async (dir) => {
        const { states, records } = await folder(dir);
        const good = records.slice(0, -1);
        const tail = await journalOf(dir, good, [make(records), records.at(-1)]);
        const files = await folderFiles(dir);

        const read = (await load(dir, false))!;
        expect(read.data).toEqual(states[good.length]!.data);
        expect(read.audit.entries).toEqual(states[good.length]!.audit);
        expect(read.seq).toBe(good.at(-1)!.seq);
        expect(read.notice).toMatchObject({ kind: 'repaired', damagedFile: journalFile(dir) });
        expect(read.notice!.reason).toMatch(reason);
        expect(await folderFiles(dir)).toEqual(files);

        const repaired = (await load(dir, true))!;
        expect(repaired.data).toEqual(read.data);
        expect(repaired.notice!.damagedFile).toBe(`${journalFile(dir)}.damaged-2026-11-25T11-00-00-000Z`);
        expect(await readFile(repaired.notice!.damagedFile, 'utf8')).toBe(tail);
        expect(await journalRecords(dir)).toEqual(good);
      });
    });
  }

  it('changes that would make an invalid workspace: the snapshot alone is loaded and the whole journal is kept aside', async () => {
    await withTempDir(async (dir) => {
      const { records } = await folder(dir);
      const snapshot = JSON.parse(await readFile(snapshotFile(dir), 'utf8')) as Workspace;
      const claimPut = records.find((r) => r.ops.some((op) => 'put' in op && op.c === 'claims'))!;
      const orphan = { ...claimPut, seq: records.at(-1)!.seq + 1, ops: [{ c: 'claims', put: { ...(claimPut.ops[0] as { put: object }).put, id: 'orphanclaim01', articleId: 'no-such-article' } }] };
      const original = `${records.map(encodeRecord).join('')}${encodeRecord(orphan)}`;
      await writeFile(journalFile(dir), original);

      const loaded = (await load(dir, true))!;
      expect(loaded.data.claims).toEqual(snapshot.claims);
      expect(loaded.seq).toBe(0);
      expect(loaded.notice!.reason).toMatch(/its changes do not fit the data file/);
      expect(await readFile(loaded.notice!.damagedFile, 'utf8')).toBe(original);
      expect(await readFile(journalFile(dir), 'utf8')).toBe('');
    });
  });
});
