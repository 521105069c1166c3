/**
 * The audit log in memory: coalescing within a burst of edits, what each write must hold
 * (only the numbered entries changed since the last one, or the whole log after a replace),
 * and rolling back to what the disk holds when a write fails, changes made while it was in
 * flight included.
 */
import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../../shared/domain/schemas';
import { AuditLog } from './audit-log';

let clock = 0;
function entry(claimId: string, field: string | null, to: string | null, by = 'Sam'): AuditEntry {
  const at = new Date(Date.parse('2026-11-25T10:00:00.000Z') + 1_000 * clock++).toISOString();
  return { claimId, at, by, action: field ? `Change ${field}` : 'Create claim', field, from: null, to };
}

/** A log of three entries on disk. */
function durableLog(): { log: AuditLog; start: AuditEntry[] } {
  const start = [entry('c1', null, null), entry('c2', null, null), entry('c1', 'status', 'ready')];
  return { log: new AuditLog({ entries: start, readFiles: null }), start };
}
const typing = (to: string, joins = true) => [[entry('c1', 'text', to)], { key: 'c1:text', joins }] as const;

describe('AuditLog: coalescing', () => {
  it('within a burst, an edit of the same claim, field, action and editor updates the entry the burst wrote (its new value and time)', () => {
    const { log, start } = durableLog();
    log.append(...typing('S', false));
    const first = log.entries[3]!;
    log.append(...typing('Sp'));
    log.append(...typing('Spe'));
    expect(log.length).toBe(4);
    expect(log.entries[3]).toMatchObject({ claimId: 'c1', field: 'text', to: 'Spe', from: null });
    expect(log.entries[3]!.at > first.at).toBe(true);
    expect(log.entries.slice(0, 3)).toEqual(start); // earlier entries, even of the same field, are not touched
  });

  it('starts a new entry for another field, another editor, another burst, a change without a burst, and after endBurst', () => {
    const { log } = durableLog();
    log.append(...typing('a', false));
    log.append([entry('c1', 'status', 'checking')], { key: 'c1:text', joins: true }); // another field, same burst
    log.append([entry('c1', 'text', 'ab', 'Ira')], { key: 'c1:text', joins: true }); // another editor
    expect(log.length).toBe(6);
    log.append(...typing('abc', false)); // joins: false starts a new burst
    expect(log.length).toBe(7);
    log.append(...typing('abcd')); // joins that one
    expect(log.length).toBe(7);
    log.append([entry('c2', 'text', 'x')], undefined); // no burst: ends it
    log.append(...typing('abcde'));
    expect(log.length).toBe(9);
    log.endBurst();
    log.append(...typing('abcdef'));
    expect(log.length).toBe(10);
    log.append([], { key: 'c1:text', joins: true }); // nothing to append changes nothing
    expect(log.length).toBe(10);
  });

  it('keeps its entries frozen, and copies entries it is given that are not', () => {
    const given = entry('c1', null, null);
    const log = new AuditLog({ entries: [given], readFiles: null });
    expect(Object.isFrozen(log.entries[0])).toBe(true);
    expect(Object.isFrozen(given)).toBe(false);
    log.append([entry('c2', null, null)], undefined);
    expect(Object.isFrozen(log.entries[1])).toBe(true);
  });
});

describe('AuditLog: what a write holds', () => {
  it('beginWrite returns only the entries added or rewritten since the last write, numbered; after it succeeds the next holds only newer changes', () => {
    const { log } = durableLog();
    expect(log.beginWrite()).toEqual({ reset: false, entries: [] });
    log.writeSucceeded();
    log.append([entry('c3', null, null)], undefined);
    log.append([entry('c3', 'text', 'x')], undefined);
    const first = log.beginWrite();
    expect(first).toEqual({ reset: false, entries: [[3, log.entries[3]], [4, log.entries[4]]] });
    log.append([entry('c4', null, null)], undefined); // made while the write is in flight
    log.writeSucceeded();
    expect(log.beginWrite()).toEqual({ reset: false, entries: [[5, log.entries[5]]] });
    log.writeSucceeded();
    expect(log.beginWrite()).toEqual({ reset: false, entries: [] });
  });

  it('an entry the burst rewrites after it was written is written again, under its number', () => {
    const { log } = durableLog();
    log.append(...typing('a', false));
    expect(log.beginWrite().entries.map(([n]) => n)).toEqual([3]);
    log.writeSucceeded();
    log.append(...typing('ab'));
    log.append([entry('c9', null, null)], undefined);
    const write = log.beginWrite();
    expect(write.entries.map(([n, e]) => [n, e.to])).toEqual([
      [3, 'ab'],
      [4, null],
    ]);
  });

  it('after a replace, the write holds the whole log anew (reset), changes made after the replace included', () => {
    const { log } = durableLog();
    const restored = [entry('r1', null, null), entry('r2', null, null)];
    log.replace(restored);
    log.append([entry('r1', 'text', 'after')], undefined);
    const write = log.beginWrite();
    expect(write.reset).toBe(true);
    expect(write.entries).toEqual([
      [0, restored[0]],
      [1, restored[1]],
      [2, log.entries[2]],
    ]);
    log.writeSucceeded();
    expect(log.beginWrite()).toEqual({ reset: false, entries: [] });
  });
});

describe('AuditLog: a failed write rolls back to what the disk holds', () => {
  it('appends are cut off and entries rewritten since are restored, those made while the write was in flight too', () => {
    const { log, start } = durableLog();
    log.append(...typing('a', false));
    log.beginWrite();
    log.writeSucceeded(); // the disk holds entry 3 = 'a'
    const written = log.entries.slice();

    log.append(...typing('ab')); // rewrites entry 3 before the write, twice
    log.append(...typing('ab!'));
    log.append([entry('c5', null, null)], undefined);
    expect(log.beginWrite().entries.map(([n]) => n)).toEqual([3, 4]);
    log.append(...typing('abc', true)); // the burst continues while the write is in flight: entry 3 again
    log.append([entry('c6', null, null)], undefined);
    log.writeFailed();

    expect(log.entries).toEqual(written);
    expect(log.entries[3]).toBe(written[3]);
    expect(log.entries.slice(0, 3)).toEqual(start);
    expect(log.beginWrite()).toEqual({ reset: false, entries: [] }); // nothing left to write
    log.writeSucceeded();
    // The burst is where it was on disk: the next edit still coalesces into entry 3.
    log.append(...typing('abcd'));
    expect(log.length).toBe(4);
    expect(log.beginWrite().entries.map(([n, e]) => [n, e.to])).toEqual([[3, 'abcd']]);
  });

  it('a replace before the failed write is undone', () => {
    const { log, start } = durableLog();
    log.replace([entry('r1', null, null)]);
    expect(log.beginWrite().reset).toBe(true);
    log.writeFailed();
    expect(log.entries).toEqual(start);
    expect(log.beginWrite()).toEqual({ reset: false, entries: [] });
  });

  it('a replace made while the write was in flight is undone, and so is what the failed write held', () => {
    const { log, start } = durableLog();
    log.append([entry('c4', null, null)], undefined);
    log.beginWrite();
    log.replace([entry('r1', null, null), entry('r2', null, null)]);
    log.append([entry('r1', 'text', 'x')], undefined);
    log.writeFailed();
    expect(log.entries).toEqual(start);
    expect(log.beginWrite()).toEqual({ reset: false, entries: [] });
  });

  it('when the write in flight succeeds and the next (holding a replace made meanwhile) fails, the log is what the first wrote', () => {
    const { log } = durableLog();
    log.append([entry('c4', null, null)], undefined);
    log.beginWrite();
    log.replace([entry('r1', null, null)]);
    log.writeSucceeded();
    const inMemory = [...log.entries];
    expect(inMemory).toHaveLength(1);
    // The disk still holds the four entries: the replace is in the next write.
    const next = log.beginWrite();
    expect(next.reset).toBe(true);
    expect(next.entries.map(([n, e]) => [n, e.claimId])).toEqual([[0, 'r1']]);
    log.writeFailed();
    expect(log.entries.map((e) => e.claimId)).toEqual(['c1', 'c2', 'c1', 'c4']);
  });
});
