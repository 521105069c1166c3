/**
 * The store's journal, on real files: an edit appends one checksummed record of what it
 * changed (workspace.json and the audit files are left alone until a fold), a reopened
 * store replays the records, and a journal append that fails leaves no byte behind.
 */
import { readFile, stat } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { SaveError } from './store';
import { TestClock, value, withTempDir } from './test-helpers';
import { storedBytes } from './test-stored';
import { auditFile, editClaims, expectReopens, folderFiles, journalFile, journalRecords, openSeeded, snapshotFile } from './test-storage';

describe('LowdbWorkspaceStore: the journal', () => {
  it('an edit appends one record to the journal and leaves workspace.json and the audit files as they were; a reopened store replays them', async () => {
    await withTempDir(async (dir) => {
      const clock = new TestClock();
      const { store, call, ids } = await openSeeded(dir, { now: clock.now });
      const snapshot = await readFile(snapshotFile(dir));
      const audit = await readFile(auditFile(dir));
      const before = await journalRecords(dir);
      expect(before.length).toBeGreaterThanOrEqual(2); // the article and its claims

      await editClaims(call, ids, 12);
      expect(await readFile(snapshotFile(dir))).toEqual(snapshot);
      expect(await readFile(auditFile(dir))).toEqual(audit);
      const records = await journalRecords(dir);
      expect(records.slice(0, before.length)).toEqual(before); // appended, never rewritten
      const added = records.slice(before.length);
      expect(added.map((r) => r.seq)).toEqual(Array.from({ length: 12 }, (_, i) => before.length + i + 1));
      for (const [i, record] of added.entries()) {
        // What the edit changed, nothing more: the claim, and its audit entry.
        expect(record.ops).toHaveLength(1);
        expect(record.ops[0]).toMatchObject({ c: 'claims', put: { id: ids[i % 3], text: `Edit ${i} of the claim's wording` } });
        expect(record.audit.reset).toBe(false);
        expect(record.audit.entries.length).toBeGreaterThanOrEqual(1);
      }
      expect(store.journalBytes).toBe((await stat(journalFile(dir))).size);
      const expected = { data: structuredClone(store.data), audit: structuredClone(store.audit) };
      expect(expected.audit.filter((e) => e.field === 'wording')).toHaveLength(12);
      await store.close();

      const reopened = await expectReopens(dir, expected, { now: clock.now });
      expect(await readFile(snapshotFile(dir))).toEqual(snapshot); // opening replays, it does not fold
      await reopened.close();
    });
  });

  it('a deletion, its undo and its redo go through the journal (the order of what is left) and replay to the same claims in the same order', async () => {
    await withTempDir(async (dir) => {
      const clock = new TestClock();
      const { store, call, ids } = await openSeeded(dir, { now: clock.now });
      value(await call('deleteClaims', { ids: [ids[1]] }));
      const afterDelete = (await journalRecords(dir)).at(-1)!;
      expect(afterDelete.ops).toEqual([{ c: 'claims', order: [ids[0], ids[2]] }]);
      await store.undo();
      expect(store.data.claims.map((c) => c.id)).toEqual(ids);
      await store.redo();
      expect(store.data.claims.map((c) => c.id)).toEqual([ids[0], ids[2]]);
      await store.undo();
      value(await call('updateClaim', { id: ids[1]!, patch: { text: 'Brought back, then edited.' } }));
      expect(store.data.claims.map((c) => c.id)).toEqual(ids);
      const expected = { data: structuredClone(store.data), audit: structuredClone(store.audit) };
      await store.close();

      const reopened = await expectReopens(dir, expected, { now: clock.now });
      await reopened.close();
    });
  });

  it('a journal append that fails after writing half its line leaves every byte of the folder as it was, and the store carries on', async () => {
    await withTempDir(async (dir) => {
      let fail = false;
      const clock = new TestClock();
      const { store, call, ids } = await openSeeded(dir, {
        now: clock.now,
        appendJournal: async (append, lines) => {
          if (fail) {
            await append(lines.slice(0, Math.floor(lines.length / 2)));
            throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
          }
          await append(lines);
        },
      });
      await editClaims(call, ids, 3);
      const bytes = await storedBytes(store);
      const files = await folderFiles(dir);
      const saved = { data: store.data, audit: structuredClone(store.audit) };
      const journalBytes = store.journalBytes;

      fail = true;
      const results = await Promise.allSettled([
        store.update('Lost', (ws) => {
          ws.settings.organizationName = 'Lost';
        }),
        call('updateClaim', { id: ids[0], patch: { text: 'Lost too' } }),
      ]);
      expect(results[0]).toMatchObject({ status: 'rejected', reason: expect.any(SaveError) });
      expect(results[1]).toMatchObject({ status: 'fulfilled', value: { ok: false } });
      expect(await storedBytes(store)).toEqual(bytes);
      expect(await folderFiles(dir)).toEqual(files);
      expect(store.journalBytes).toBe(journalBytes);
      expect(store.data).toBe(saved.data);
      expect(store.audit).toEqual(saved.audit);

      fail = false;
      await editClaims(call, ids, 2, 'After the failure');
      const records = await journalRecords(dir);
      const seqs = records.map((r) => r.seq);
      expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1)); // no gap where the failed write was
      const expected = { data: structuredClone(store.data), audit: structuredClone(store.audit) };
      expect(expected.audit.map((e) => e.to)).not.toContain('Lost too');
      await store.close();

      const reopened = await expectReopens(dir, expected, { now: clock.now });
      expect(reopened.data.claims[1]!.text).toBe("After the failure 1 of the claim's wording");
      await reopened.close();
    });
  });
});
