/**
 * Damage to the journal or an audit file, on real files: a torn tail (a crash mid-append)
 * or a corrupt line is found by its checksum. The journal opens with every whole record
 * before it and the damaged bytes are cut off; an audit file keeps every whole record,
 * before and after a damaged line, which is blanked in the file. The damaged bytes are kept
 * aside unchanged, the startup notice says so (once), and the next start finds the files
 * whole. A read-only open reads the same and changes nothing.
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

    it(`a corrupt entry in the middle (${how}): the entries before and after it are kept, the damaged line alone is kept aside and blanked in the file, and the notice says where`, async () => {
      await withTempDir(async (dir) => {
        const clock = new TestClock();
        const saved = await foldedFolder(dir, clock);
        const original = await readFile(auditFile(dir));
        const { ends } = decodeLog(original);
        const line = 8; // a reset, then entries 0..5 whole: entry 6 is corrupt, entries 7 and on are whole again
        const [start, end] = [ends[line - 2]!, ends[line - 1]!];
        const bytes = Buffer.from(original);
        bytes[start + 30]! ^= 0x01;
        await writeFile(auditFile(dir), bytes);

        const store = await reopen(dir, clock, options);
        expect(store.data).toEqual(saved.data);
        expect(store.audit).toEqual(saved.audit.filter((_, n) => n !== line - 2));
        const notice = store.startupNotice!;
        expect(notice).toMatchObject({ kind: 'repaired', reason: `line ${line} does not match its checksum`, damagedFile: `${auditFile(dir)}.damaged-${STAMP}` });
        expect(notice.message).toContain(`audit/${path.basename(auditFile(dir))}`);
        expect(notice.message).toContain(notice.damagedFile);
        expect(notice.message).toMatch(/before and after it were loaded/);
        // Kept for the next start too (when found after the start, it is written in the background).
        await expect.poll(async () => (await readNotice(dir))?.reason).toBe(notice.reason);
        // The damaged bytes, unchanged, beside the file; in the file, the line is blanked (no other byte moves).
        expect(await readFile(notice.damagedFile)).toEqual(bytes.subarray(start, end));
        const repaired = await readFile(auditFile(dir));
        expect(repaired.subarray(start, end).toString()).toBe(`${' '.repeat(end - start - 1)}\n`);
        expect(Buffer.concat([repaired.subarray(0, start), repaired.subarray(end)])).toEqual(Buffer.concat([original.subarray(0, start), original.subarray(end)]));
        await store.close();
      });
    });

    it(`a corrupt entry in the middle (${how}) is told once: the next starts find the file whole, with the entries written since`, async () => {
      await withTempDir(async (dir) => {
        const clock = new TestClock();
        const saved = await foldedFolder(dir, clock);
        const original = await readFile(auditFile(dir));
        const { ends } = decodeLog(original);
        const bytes = Buffer.from(original);
        bytes[ends[6]! + 30]! ^= 0x01; // line 8: entry 6
        await writeFile(auditFile(dir), bytes);
        const asideFiles = async () => [...(await folderFiles(dir)).keys()].filter((name) => name.includes('.damaged-'));
        // Every write folded at once: the entries written after the repair go into the repaired file.
        const reopenFolding = async () => {
          const store = await reopen(dir, clock, { ...options, foldBytes: 1 });
          return { store, call: callerFor(store), claimId: store.data.claims.at(-1)!.id };
        };

        const first = await reopenFolding();
        const notice = first.store.startupNotice!;
        expect(notice).toMatchObject({ kind: 'repaired', reason: 'line 8 does not match its checksum' });
        const expected = saved.audit.filter((_, n) => n !== 6);
        value(await first.call('updateClaim', { id: first.claimId, patch: { text: 'Written after the repair' } }));
        await first.store.flushed();
        expected.push(...first.store.audit.slice(expected.length));
        expect(first.store.audit).toEqual(expected);
        await first.store.close();
        clock.advance(60_000);
        expect(await asideFiles()).toEqual([`audit/000001.log.damaged-${STAMP}`]);

        // Not dismissed yet: the same notice, kept until the editor dismisses it, and no new damage found.
        const second = await reopenFolding();
        expect(await second.store.readAudit()).toEqual(expected);
        expect(second.store.startupNotice).toEqual(notice);
        expect(await second.store.dismissStartupNotice()).toBe(true);
        value(await second.call('updateClaim', { id: second.claimId, patch: { text: 'Written after the notice was read' } }));
        await second.store.flushed();
        expected.push(...second.store.audit.slice(expected.length));
        await second.store.close();
        clock.advance(60_000);

        // Dismissed: nothing more to say, every entry is there, and nothing else was set aside.
        for (let i = 0; i < 2; i++) {
          const again = await reopenFolding();
          expect(await again.store.readAudit()).toEqual(expected);
          expect(again.store.startupNotice).toBeNull();
          await again.store.close();
          clock.advance(60_000);
        }
        expect(await asideFiles()).toEqual([`audit/000001.log.damaged-${STAMP}`]);
      });
    });
  }

  it('two damaged stretches (a line whose checksum matches but is no audit record, and a corrupt one): both blanked, every other entry kept, and the notice counts them', async () => {
    await withTempDir(async (dir) => {
      const clock = new TestClock();
      const saved = await foldedFolder(dir, clock);
      const lines = (await readFile(auditFile(dir), 'utf8')).split(/(?<=\n)/);
      const foreign = encodeRecord({ n: 'three', e: null }); // whole, but not an audit record
      lines.splice(4, 0, foreign); // after entry 2
      const corrupt = lines[10]!.replace('"n":', '"N":'); // entry 8; its checksum no longer matches
      lines[10] = corrupt;
      await writeFile(auditFile(dir), lines.join(''));

      const store = await reopen(dir, clock);
      expect(store.audit).toEqual(saved.audit.filter((_, n) => n !== 8));
      const notice = store.startupNotice!;
      expect(notice.reason).toBe('line 5 is not an audit record');
      expect(notice.message).toMatch(/^2 lines of audit\/000001\.log were damaged \(line 5 is not an audit record\)/);
      expect(notice.message).toContain(`kept aside, unchanged, in ${notice.damagedFile}`);
      expect(await readFile(notice.damagedFile, 'utf8')).toBe(foreign + corrupt);
      await store.close();
    });
  });

  it('a read-only open of an audit file damaged in the middle reads every whole entry, before and after, and changes no byte', async () => {
    await withTempDir(async (dir) => {
      const clock = new TestClock();
      const saved = await foldedFolder(dir, clock);
      const bytes = await readFile(auditFile(dir));
      bytes[decodeLog(bytes).ends[6]! + 30]! ^= 0x01; // entry 6
      await writeFile(auditFile(dir), bytes);
      const files = await folderFiles(dir);

      const store = await LowdbWorkspaceStore.openReadOnly(dir, { now: clock.now });
      expect(await store.readAudit()).toEqual(saved.audit.filter((_, n) => n !== 6));
      await store.close();
      expect(await folderFiles(dir)).toEqual(files);
    });
  });

  it('damage found when the audit files are first read, and dismissed at once: the notice does not come back at the next start', async () => {
    await withTempDir(async (dir) => {
      const clock = new TestClock();
      await foldedFolder(dir, clock);
      const bytes = await readFile(auditFile(dir));
      bytes[decodeLog(bytes).ends[6]! + 30]! ^= 0x01;
      await writeFile(auditFile(dir), bytes);

      const store = await reopen(dir, clock, { lazyAuditBytes: 1 }); // the damage is found after the start
      expect(store.startupNotice).toMatchObject({ kind: 'repaired', reason: 'line 8 does not match its checksum' });
      expect(await store.dismissStartupNotice()).toBe(true); // while the notice may still be on its way to disk
      await store.close();
      const again = await reopen(dir, clock, { lazyAuditBytes: 1 });
      expect(again.startupNotice).toBeNull();
      expect(await readNotice(dir)).toBeNull();
      await again.close();
    });
  });

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
      // Every entry but the damaged one: the files' before and after it, then the journal's.
      const expected = last.audit.filter((_, n) => n !== 3);
      expect(await store.readAudit()).toEqual(expected);
      await store.close();
      clock.advance(60_000);
      const again = await reopen(dir, clock, { foldBytes: 1 });
      expect(again.startupNotice).toEqual(store.startupNotice); // the same notice, until dismissed: nothing new was found
      expect(await again.readAudit()).toEqual(expected);
      await again.close();
    });
  });
});
