/**
 * Folding the journal into the snapshot, on real files with a small fold threshold: the
 * snapshot records the last journal record it holds, the journal is emptied, the audit file
 * grows by the audit records the journal held; and a crash between the fold's steps (audit
 * appended, snapshot written, journal emptied) leaves records that replay to the same
 * workspace and audit log.
 */
import { readFile, stat, writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic } from './json-file';
import { callerFor, TestClock, value, withTempDir, type Call } from './test-helpers';
import { auditFile, auditRecords, expectReopens, journalFile, journalRecords, logOf, openSeeded, snapshotFile, snapshotOf } from './test-storage';
import type { LowdbWorkspaceStore } from './store';

/** The seeded store's journal is ~2,500 bytes, an edit ~800: a fold every few edits. */
const FOLD_BYTES = 6_000;

/** Edits claims (each a write with an audit entry, some rewriting the entry of the edit before) until the store has folded once more. */
async function editUntilFolded(store: LowdbWorkspaceStore, call: Call, ids: readonly string[], label: string, counter: 'folds' | 'failedFolds' = 'folds'): Promise<number> {
  const before = store.stats[counter];
  let edits = 0;
  while (store.stats[counter] === before) {
    expect(edits, 'a fold within 100 edits').toBeLessThan(100);
    const id = ids[Math.floor(edits / 2) % ids.length]; // two edits of a claim in a row coalesce: its audit entry is rewritten
    value(await call('updateClaim', { id, patch: { text: `${label}: edit ${edits++} of the wording` } }));
    await store.flushed(); // the fold runs after the write is acknowledged
  }
  return edits;
}

const saved = (store: LowdbWorkspaceStore) => ({ data: structuredClone(store.data), audit: structuredClone(store.audit) });

describe('LowdbWorkspaceStore: folding the journal into the snapshot', () => {
  it('past foldBytes: journalSeq advances to the last write, the journal is emptied, the audit file grows (append-only) to the whole log; reopening gives the same', async () => {
    await withTempDir(async (dir) => {
      const clock = new TestClock();
      const { store, call, ids } = await openSeeded(dir, { now: clock.now, foldBytes: FOLD_BYTES });
      let auditBytes = await readFile(auditFile(dir));
      for (let round = 0; round < 3; round++) {
        const edits = await editUntilFolded(store, call, ids, `Round ${round}`);
        expect(edits).toBeGreaterThan(1);
        expect(store.journalBytes).toBe(0);
        expect((await stat(journalFile(dir))).size).toBe(0);
        const { journalSeq, auditLength, ...snapshot } = await snapshotOf(dir);
        expect(journalSeq).toBe(store.stats.writes); // a new folder: every write was one journal record
        expect(auditLength).toBe(store.audit.length);
        expect(snapshot).toEqual(store.data);
        expect(snapshot.audit).toEqual([]);
        const grown = await readFile(auditFile(dir));
        expect(grown.length).toBeGreaterThan(auditBytes.length);
        expect(grown.subarray(0, auditBytes.length)).toEqual(auditBytes);
        auditBytes = grown;
        expect(logOf(await auditRecords(dir))).toEqual(store.audit);
      }
      expect(store.stats.folds).toBe(3);
      value(await call('updateClaim', { id: ids[2], patch: { text: 'After the last fold.' } }));
      expect((await journalRecords(dir)).map((r) => r.seq)).toEqual([store.stats.writes]);
      const expected = saved(store);
      await store.close();
      const reopened = await expectReopens(dir, expected, { now: clock.now, foldBytes: FOLD_BYTES });
      await reopened.close();
    });
  });

  it('closing right after the write that set off a fold (acknowledged before the fold ends) waits for the fold, and returns', async () => {
    await withTempDir(async (dir) => {
      const clock = new TestClock();
      const { store, call, ids } = await openSeeded(dir, { now: clock.now, foldBytes: 1 }); // every write folds
      await store.flushed();
      const folds = store.stats.folds;
      value(await call('updateClaim', { id: ids[0], patch: { text: 'Folded on the way out.' } }));
      const expected = saved(store);
      await store.close(); // before the fix, flushed() spun on the settled batch and never let the fold finish
      expect(store.stats.folds).toBe(folds + 1);
      expect((await stat(journalFile(dir))).size).toBe(0);
      expect((await snapshotOf(dir)).claims[0]!.text).toBe('Folded on the way out.');
      const reopened = await expectReopens(dir, expected, { now: clock.now });
      await reopened.close();
    });
  });

  it('records left in the journal after the snapshot was written (a crash before it was emptied) are skipped, and the journal goes on after them', async () => {
    await withTempDir(async (dir) => {
      const clock = new TestClock();
      let journal = Buffer.alloc(0);
      const options = {
        now: clock.now,
        foldBytes: FOLD_BYTES,
        appendJournal: async (append: (lines: string) => Promise<void>, lines: string) => {
          await append(lines);
          journal = await readFile(journalFile(dir)); // the journal as the fold found it
        },
      };
      const { store, call, ids } = await openSeeded(dir, options);
      await editUntilFolded(store, call, ids, 'Before');
      const expected = saved(store);
      const seq = (await snapshotOf(dir)).journalSeq!;
      await store.close();
      await writeFile(journalFile(dir), journal);
      expect((await journalRecords(dir)).at(-1)!.seq).toBe(seq);

      const reopened = await expectReopens(dir, expected, options);
      const reopenedCall = callerFor(reopened);
      value(await reopenedCall('updateClaim', { id: ids[0], patch: { text: 'After the crash.' } }));
      expect((await journalRecords(dir)).at(-1)!.seq).toBe(seq + 1);
      const after = saved(reopened);
      await reopened.close();
      const again = await expectReopens(dir, after, options);
      expect(again.data.claims[0]!.text).toBe('After the crash.');
      await again.close();
    });
  });

  it('a fold after a restart also moves the audit entries the journal held from before the restart into the audit file', async () => {
    await withTempDir(async (dir) => {
      const clock = new TestClock();
      const first = await openSeeded(dir, { now: clock.now }); // a journal that does not reach the fold
      for (let i = 0; i < 4; i++) value(await first.call('updateClaim', { id: first.ids[i % 3], patch: { text: `Before the restart ${i}` } }));
      await first.store.close();

      const second = await expectReopens(dir, saved(first.store), { now: clock.now, foldBytes: FOLD_BYTES });
      const call = callerFor(second);
      await editUntilFolded(second, call, first.ids, 'After the restart');
      expect(logOf(await auditRecords(dir))).toEqual(second.audit);
      const expected = saved(second);
      expect(expected.audit.filter((e) => e.to?.startsWith('Before the restart'))).toHaveLength(4);
      await second.close();

      const third = await expectReopens(dir, expected, { now: clock.now });
      await third.close();
    });
  });

  it('the same journal records twice replay once', async () => {
    await withTempDir(async (dir) => {
      const clock = new TestClock();
      const { store, call, ids } = await openSeeded(dir, { now: clock.now });
      for (let i = 0; i < 6; i++) value(await call('updateClaim', { id: ids[i % 3], patch: { text: `Edit ${i}` } }));
      const expected = saved(store);
      await store.close();
      const journal = await readFile(journalFile(dir));
      await writeFile(journalFile(dir), Buffer.concat([journal, journal]));
      const reopened = await expectReopens(dir, expected, { now: clock.now });
      await reopened.close();
    });
  });

  describe('a crash after the fold appended to the audit file, before the snapshot was written', () => {
    /** Folds with the snapshot's write failing (its audit records are appended, the journal is kept), then "crashes" (closes without a fold). */
    async function foldCutShort(dir: string, before: (store: LowdbWorkspaceStore, call: Call, ids: readonly string[]) => Promise<void>, foldBytes = FOLD_BYTES) {
      const clock = new TestClock();
      let fail = false;
      const options = {
        now: clock.now,
        foldBytes,
        onBackupError: () => undefined,
        writeFile: async (file: string, text: string) => {
          if (fail && file.endsWith('workspace.json')) throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
          await writeFileAtomic(file, text);
        },
      };
      const { store, call, ids } = await openSeeded(dir, options);
      await before(store, call, ids);
      const snapshot = await readFile(snapshotFile(dir));
      fail = true;
      await editUntilFolded(store, call, ids, 'Cut short', 'failedFolds');
      expect(await readFile(snapshotFile(dir))).toEqual(snapshot);
      expect(store.journalBytes).toBeGreaterThan(foldBytes); // kept: it is still the only place the snapshot's changes are
      expect(logOf(await auditRecords(dir))).toEqual(store.audit); // the audit file has it all already
      const expected = saved(store);
      await store.close();
      return { expected, options: { now: clock.now, foldBytes }, ids }; // the disk works again
    }

    it('replays the journal onto the audit file that already holds its records, to the same log', async () => {
      await withTempDir(async (dir) => {
        const { expected, options } = await foldCutShort(dir, async () => undefined);
        const reopened = await expectReopens(dir, expected, options);
        await reopened.close();
      });
    });

    it('the same when the journal holds a restore that replaced the audit log with a shorter one', async () => {
      await withTempDir(async (dir) => {
        const { expected, options, ids } = await foldCutShort(
          dir,
          async (store, call, ids) => {
            await editUntilFolded(store, call, ids, 'Folded'); // the audit file holds entries numbered past what the restore leaves
            for (let i = 0; store.journalBytes < 15_000; i++) value(await call('updateClaim', { id: ids[i % 3], patch: { text: `Before the restore ${i}` } }));
            const audit = store.audit.slice(0, 1);
            // What restoring a backup does (export/restore.ts): the workspace and a whole, shorter audit log.
            await store.update('Restore backup', (ws) => void (ws.settings.organizationName = 'Restored'), { audit: { entries: audit, replace: true } });
            expect(store.audit).toEqual(audit);
            expect(store.stats.folds).toBe(1); // the restore is in the journal when the next fold is cut short
          },
          20_000,
        );
        expect(expected.data.settings.organizationName).toBe('Restored');
        const reopened = await expectReopens(dir, expected, options);
        // The next fold appends the journal's audit records again: the files must still read as the same log.
        await editUntilFolded(reopened, callerFor(reopened), ids, 'After the crash');
        expect(logOf(await auditRecords(dir))).toEqual(reopened.audit);
        const after = saved(reopened);
        await reopened.close();
        const again = await expectReopens(dir, after, options);
        await again.close();
      });
    });
  });
});
