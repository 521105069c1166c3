/**
 * Damage to the journal's or an audit file's end, on real files: a torn tail (a crash
 * mid-append) or a corrupt line is found by its checksum; the store opens with every whole
 * record before it, the damaged bytes are cut off and kept aside unchanged, and the startup
 * notice says so. A read-only open reads the same and changes nothing.
 */
import { appendFile, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AuditEntry, Workspace } from '../../../shared/domain/schemas';
import { decodeLog, encodeRecord } from './checksummed-log';
import { readNotice } from './recovery';
import { LowdbWorkspaceStore, type StoreOptions } from './store';
import { callerFor, TestClock, value, withTempDir } from './test-helpers';
import { auditFile, auditRecords, folderFiles, journalFile, journalRecords, openSeeded } from './test-storage';

type Saved = { data: Workspace; audit: AuditEntry[] };
const STAMP = '2026-11-25T10-01-00-000Z'; // the clock when the folder is reopened

/** A folder with the seeded workspace and `edits` more writes (journal only); the state after each journal record. */
async function folderWithJournal(dir: string, clock: TestClock, edits: number, options: StoreOptions = {}): Promise<Saved[]> {
  const { store, call, ids } = await openSeeded(dir, { now: clock.now, ...options });
  const states: Saved[] = [];
  for (let i = 0; i < edits; i++) {
    value(await call('updateClaim', { id: ids[i % 3], patch: { text: `Edit ${i} of the wording` } }));
    states[(await journalRecords(dir)).length] = { data: structuredClone(store.data), audit: structuredClone([...store.audit]) };
  }
  await store.close();
  clock.advance(60_000);
  return states;
}

async function reopen(dir: string, clock: TestClock, options: StoreOptions = {}) {
  const store = await LowdbWorkspaceStore.open(dir, { now: clock.now, ...options });
  await store.readAudit(); // the whole log (read now if it was large)
  return store;
}

describe('LowdbWorkspaceStore: a damaged journal', () => {
  it('a torn tail: opens with every whole record, keeps the tail aside byte for byte, cuts the journal to its whole records, and says so', async () => {
    await withTempDir(async (dir) => {
      const clock = new TestClock();
      const states = await folderWithJournal(dir, clock, 5);
      const whole = await readFile(journalFile(dir));
      const records = await journalRecords(dir);
      const torn = encodeRecord({ seq: records.length + 1, ops: [], audit: { reset: false, entries: [] } }).slice(0, 30);
      await appendFile(journalFile(dir), torn);

      const store = await reopen(dir, clock);
      expect(store.data).toEqual(states[records.length]!.data);
      expect(store.audit).toEqual(states[records.length]!.audit);
      const notice = store.startupNotice!;
      expect(notice).toMatchObject({ kind: 'repaired', reason: `line ${records.length + 1} is cut off (no end of line)`, restoredFrom: null });
      expect(notice.damagedFile).toBe(`${journalFile(dir)}.damaged-${STAMP}`);
      expect(notice.message).toContain('workspace.journal');
      expect(await readFile(notice.damagedFile, 'utf8')).toBe(torn);
      expect(await readFile(journalFile(dir))).toEqual(whole);

      // The journal goes on after its whole records, and reads back whole.
      value(await callerFor(store)('updateSettings', { patch: { organizationName: 'After the repair' } }));
      const expected = { data: structuredClone(store.data), audit: structuredClone([...store.audit]) };
      await store.close();
      expect(decodeLog(await readFile(journalFile(dir))).damage).toBeNull();
      const again = await reopen(dir, clock);
      expect({ data: again.data, audit: again.audit }).toEqual(expected);
      expect(again.startupNotice).toEqual(notice); // kept until the editor dismisses it
      await again.close();
    });
  });

  it('a corrupt byte in a record in the middle: that record and every one after it are dropped, kept aside, and the notice says which line', async () => {
    await withTempDir(async (dir) => {
      const clock = new TestClock();
      const states = await folderWithJournal(dir, clock, 6);
      const original = await readFile(journalFile(dir));
      const { ends } = decodeLog(original);
      const line = 5; // of 8
      const bytes = Buffer.from(original);
      bytes[ends[line - 2]! + 40]! ^= 0x01;
      await writeFile(journalFile(dir), bytes);

      const store = await reopen(dir, clock);
      expect(store.data).toEqual(states[line - 1]!.data);
      expect(store.audit).toEqual(states[line - 1]!.audit);
      expect(store.startupNotice).toMatchObject({ kind: 'repaired', reason: `line ${line} does not match its checksum` });
      expect(await readFile(store.startupNotice!.damagedFile)).toEqual(bytes.subarray(ends[line - 2]!));
      expect(await readFile(journalFile(dir))).toEqual(original.subarray(0, ends[line - 2]!));
      await store.close();
    });
  });

  it('a read-only open of a folder with a torn journal reads every whole record and changes no byte of the folder', async () => {
    await withTempDir(async (dir) => {
      const clock = new TestClock();
      const states = await folderWithJournal(dir, clock, 4);
      const count = (await journalRecords(dir)).length;
      await appendFile(journalFile(dir), encodeRecord({ seq: count + 1 }).slice(0, 12));
      await appendFile(auditFile(dir), '0badc0de {"n":'); // an audit file torn as well
      const files = await folderFiles(dir);

      const store = await LowdbWorkspaceStore.openReadOnly(dir, { now: clock.now });
      expect(store.readOnly).toBe(true);
      expect(store.data).toEqual(states[count]!.data);
      expect(await store.readAudit()).toEqual(states[count]!.audit);
      await expect(store.update('Edit', (ws) => void (ws.settings.organizationName = 'x'))).rejects.toThrow(/read-only/);
      await store.close();
      expect(await folderFiles(dir)).toEqual(files);
    });
  });
});

describe('LowdbWorkspaceStore: a damaged audit file', () => {
  /** A folder whose journal was folded: the audit file holds the whole log (sixteen entries and more), the journal is empty. */
  async function foldedFolder(dir: string, clock: TestClock): Promise<Saved> {
    const { store, call, ids } = await openSeeded(dir, { now: clock.now, foldBytes: 1 });
    for (let i = 0; i < 13; i++) value(await call('updateClaim', { id: ids[i % 3], patch: { text: `Folded edit ${i}` } }));
    await store.flushed();
    const saved = { data: structuredClone(store.data), audit: structuredClone([...store.audit]) };
    await store.close();
    expect((await readFile(journalFile(dir))).length).toBe(0);
    expect(await auditRecords(dir)).toHaveLength(saved.audit.length + 1); // a reset, then one record an entry
    clock.advance(60_000);
    return saved;
  }

  // lazyAuditBytes 1: the start does not read the audit files (their last line decides whether it may).
  for (const [how, options] of [['read at the start', {}], ['read when first needed', { lazyAuditBytes: 1 }]] as const) {
    it(`a torn tail (${how}): the log holds every whole entry, the tail is kept aside and cut off, and the notice says so`, async () => {
      await withTempDir(async (dir) => {
        const clock = new TestClock();
        const saved = await foldedFolder(dir, clock);
        const whole = await readFile(auditFile(dir));
        const torn = encodeRecord({ n: saved.audit.length, e: saved.audit[0] }).slice(0, 50);
        await appendFile(auditFile(dir), torn);

        const store = await reopen(dir, clock, options);
        expect(store.data).toEqual(saved.data);
        expect(store.audit).toEqual(saved.audit);
        expect(store.startupNotice).toMatchObject({ kind: 'repaired', damagedFile: `${auditFile(dir)}.damaged-${STAMP}` });
        expect(store.startupNotice!.reason).toMatch(/cut off/);
        expect(store.startupNotice!.message).toContain(path.basename(auditFile(dir)));
        expect(await readFile(store.startupNotice!.damagedFile, 'utf8')).toBe(torn);
        expect(await readFile(auditFile(dir))).toEqual(whole);
        await store.close();
      });
    });

    it(`a corrupt entry in the middle (${how}): the entries before it are kept, the rest is set aside, and the notice says so`, async () => {
      await withTempDir(async (dir) => {
        const clock = new TestClock();
        const saved = await foldedFolder(dir, clock);
        const original = await readFile(auditFile(dir));
        const { ends } = decodeLog(original);
        const line = 8; // a reset, then entries 0..6 whole: entry 7 is corrupt
        const bytes = Buffer.from(original);
        bytes[ends[line - 2]! + 30]! ^= 0x01;
        await writeFile(auditFile(dir), bytes);

        const store = await reopen(dir, clock, options);
        expect(store.data).toEqual(saved.data);
        expect(store.audit).toEqual(saved.audit.slice(0, line - 2));
        expect(store.startupNotice).toMatchObject({ kind: 'repaired', reason: `line ${line} does not match its checksum` });
        // Kept for the next start too (when found after the start, it is written in the background).
        await expect.poll(async () => (await readNotice(dir))?.reason).toBe(store.startupNotice!.reason);
        expect(await readFile(store.startupNotice!.damagedFile)).toEqual(bytes.subarray(ends[line - 2]!));
        expect(await readFile(auditFile(dir))).toEqual(original.subarray(0, ends[line - 2]!));
        await store.close();
      });
    });
  }

  it('a corrupt entry in the middle while the journal holds newer entries: the store still opens, with the workspace whole', async () => {
    await withTempDir(async (dir) => {
      const clock = new TestClock();
      const saved = await foldedFolder(dir, clock);
      const states = await folderWithJournal(dir, clock, 3); // entries 16 and on are in the journal
      const last = states.at(-1)!;
      expect(last.audit.length).toBeGreaterThan(saved.audit.length);
      const original = await readFile(auditFile(dir));
      const { ends } = decodeLog(original);
      const bytes = Buffer.from(original);
      bytes[ends[3]! + 30]! ^= 0x01; // entry 3 of 16
      await writeFile(auditFile(dir), bytes);

      const store = await reopen(dir, clock);
      expect(store.data).toEqual(last.data);
      expect(store.startupNotice).toMatchObject({ kind: 'repaired', reason: 'line 5 does not match its checksum' });
      // The entries before the damage, then the journal's (numbered after the lost ones).
      expect(await store.readAudit()).toEqual([...saved.audit.slice(0, 3), ...last.audit.slice(saved.audit.length)]);
      await store.close();
    });
  });
});
