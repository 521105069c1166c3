/**
 * The checksummed record files the journal and the audit log are kept in, on real files:
 * what a read keeps of a torn or corrupt file, and how a repair keeps the damaged tail
 * aside, byte for byte, before cutting it off; for records that stand alone (the audit
 * files), what a read keeps after a damaged line, and how a repair blanks it.
 */
import { appendFile, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodeLog, decodeRecords, encodeRecord, LogWriter, readLog, repairLog, setDamageAside } from './checksummed-log';
import { withTempDir } from './test-helpers';

const RECORDS: unknown[] = [
  { seq: 1, ops: [{ c: 'claims', put: { id: 'a', text: 'Spending rose 4%' } }] },
  'a string with a\nnewline, a "quote" and a tab\t',
  { unicode: 'Zürich — 東京 — 🙂', nested: { list: [1, 2.5, -3, null, true] } },
  [],
  null,
  42,
];

const linesOf = (records: readonly unknown[]) => records.map(encodeRecord);
const bytesOf = (lines: readonly string[]) => Buffer.from(lines.join(''), 'utf8');
const byteLength = (lines: readonly string[]) => Buffer.byteLength(lines.join(''), 'utf8');

describe('decodeLog', () => {
  it('reads back every record it encoded, with where each line ends', () => {
    const lines = linesOf(RECORDS);
    for (const line of lines) {
      expect(line).toMatch(/^[0-9a-f]{8} [^\n]*\n$/);
    }
    const contents = decodeLog(bytesOf(lines));
    expect(contents.records).toEqual(RECORDS);
    expect(contents.ends).toEqual(lines.map((_, i) => byteLength(lines.slice(0, i + 1))));
    expect(contents.goodBytes).toBe(byteLength(lines));
    expect(contents.damagedBytes).toBe(0);
    expect(contents.damage).toBeNull();
  });

  it('reads an empty file as no records and no damage', () => {
    expect(decodeLog(Buffer.alloc(0))).toEqual({ records: [], ends: [], goodBytes: 0, damagedBytes: 0, damage: null });
  });

  it('stops at a line cut off mid-way: the records before it are kept, the rest is the damaged tail', () => {
    const lines = linesOf(RECORDS.slice(0, 4));
    const whole = byteLength(lines.slice(0, 3));
    const bytes = bytesOf(lines).subarray(0, whole + 10);
    const contents = decodeLog(bytes);
    expect(contents.records).toEqual(RECORDS.slice(0, 3));
    expect(contents.goodBytes).toBe(whole);
    expect(contents.damagedBytes).toBe(10);
    expect(contents.damage).toBe('line 4 is cut off (no end of line)');
  });

  it('a whole line that only lacks its newline is cut off too (the write did not finish)', () => {
    const lines = linesOf(RECORDS.slice(0, 2));
    const bytes = bytesOf(lines).subarray(0, byteLength(lines) - 1);
    const contents = decodeLog(bytes);
    expect(contents.records).toEqual(RECORDS.slice(0, 1));
    expect(contents.damage).toBe('line 2 is cut off (no end of line)');
    expect(contents.goodBytes).toBe(byteLength(lines.slice(0, 1)));
  });

  it('any one byte of a line changed makes that line the start of the damaged tail, whatever comes after', () => {
    const lines = linesOf(RECORDS.slice(0, 3));
    const start = byteLength(lines.slice(0, 1));
    const end = byteLength(lines.slice(0, 2)); // line 2's newline is at end - 1
    const original = bytesOf(lines);
    for (let at = start; at < end; at++) {
      const bytes = Buffer.from(original);
      bytes[at] = bytes[at] === 0x23 ? 0x21 : 0x23; // '#' (or '!'): never a newline
      const contents = decodeLog(bytes);
      expect(contents.records, `byte ${at}`).toEqual(RECORDS.slice(0, 1));
      expect(contents.goodBytes, `byte ${at}`).toBe(start);
      expect(contents.damagedBytes, `byte ${at}`).toBe(original.length - start);
      expect(contents.damage, `byte ${at}`).toMatch(/^line 2 /);
    }
  });

  it('says why: a changed byte of the JSON does not match its checksum', () => {
    const lines = linesOf([{ text: 'aaaa' }, { text: 'bbbb' }, { text: 'cccc' }]);
    const bytes = Buffer.from(lines.join('').replace('bbbb', 'bbbc'), 'utf8');
    expect(decodeLog(bytes)).toMatchObject({ records: [{ text: 'aaaa' }], damage: 'line 2 does not match its checksum' });
  });

  it('says why: a line without a checksum', () => {
    const lines = [encodeRecord({ n: 1 }), `${JSON.stringify({ n: 2 })}\n`, encodeRecord({ n: 3 })];
    const contents = decodeLog(bytesOf(lines));
    expect(contents).toMatchObject({ records: [{ n: 1 }], goodBytes: byteLength(lines.slice(0, 1)), damage: 'line 2 has no checksum' });
    // An upper-case or short checksum is not one either.
    const upper = encodeRecord({ n: 2 }).replace(/^[0-9a-f]{8}/, (hex) => hex.toUpperCase().replace(/^./, 'F'));
    expect(decodeLog(Buffer.from(upper)).damage).toBe('line 1 has no checksum');
    expect(decodeLog(Buffer.from('abc {"n":1}\n')).damage).toBe('line 1 has no checksum');
    expect(decodeLog(Buffer.from('\n')).damage).toBe('line 1 has no checksum');
  });

  it('says why: a line whose checksum matches but which is not JSON', () => {
    const text = '{"n": 2, cut';
    const lines = [encodeRecord({ n: 1 }), `${crc32(text).toString(16).padStart(8, '0')} ${text}\n`, encodeRecord({ n: 3 })];
    expect(decodeLog(bytesOf(lines))).toMatchObject({ records: [{ n: 1 }], goodBytes: byteLength(lines.slice(0, 1)), damage: 'line 2 is not JSON' });
  });
});

describe('readLog, repairLog and LogWriter on real files', () => {
  it('reads a missing file as empty', async () => {
    await withTempDir(async (dir) => {
      expect(await readLog(path.join(dir, 'missing.log'))).toMatchObject({ records: [], goodBytes: 0, damage: null });
    });
  });

  it('appends through LogWriter: each append is read back whole, and size follows the file', async () => {
    await withTempDir(async (dir) => {
      const file = path.join(dir, 'a.log');
      const writer = await LogWriter.open(file);
      expect(writer.size).toBe(0);
      expect(await readdir(dir)).toEqual(['a.log']); // created at once
      await writer.append(encodeRecord(RECORDS[0]));
      await writer.append(linesOf(RECORDS.slice(1)).join(''));
      expect(writer.size).toBe((await stat(file)).size);
      await writer.close();
      expect((await readLog(file)).records).toEqual(RECORDS);

      const again = await LogWriter.open(file);
      expect(again.size).toBe((await stat(file)).size);
      await again.append(encodeRecord('more'));
      await again.truncate(byteLength(linesOf(RECORDS.slice(0, 2))));
      await again.append(encodeRecord('after truncate'));
      await again.close();
      expect((await readLog(file)).records).toEqual([...RECORDS.slice(0, 2), 'after truncate']);
    });
  });

  it('repairLog keeps the damaged tail aside byte for byte, cuts the file to its good bytes, and appends then read back whole', async () => {
    await withTempDir(async (dir) => {
      const file = path.join(dir, 'workspace.journal');
      const good = linesOf(RECORDS.slice(0, 2)).join('');
      const corrupt = encodeRecord({ n: 3 }).replace('"n":3', '"n":4'); // checksum no longer matches
      const tail = `${corrupt}${encodeRecord({ n: 5 })}${encodeRecord({ n: 6 }).slice(0, 7)}`;
      await writeFile(file, good + tail);
      const original = await readFile(file);

      const contents = await readLog(file);
      expect(contents.records).toEqual(RECORDS.slice(0, 2));
      expect(contents.damage).toBe('line 3 does not match its checksum');
      const at = new Date('2026-11-25T10:00:00.123Z');
      const aside = await repairLog(file, contents, at);
      expect(aside).toBe(`${file}.damaged-2026-11-25T10-00-00-123Z`);
      expect(await readFile(aside)).toEqual(original.subarray(Buffer.byteLength(good)));
      expect(await readFile(file)).toEqual(original.subarray(0, Buffer.byteLength(good)));
      expect(await readLog(file)).toMatchObject({ records: RECORDS.slice(0, 2), damage: null, damagedBytes: 0 });

      const writer = await LogWriter.open(file);
      expect(writer.size).toBe(Buffer.byteLength(good));
      await writer.append(encodeRecord({ n: 'after repair' }));
      await writer.close();
      expect(await readLog(file)).toMatchObject({ records: [...RECORDS.slice(0, 2), { n: 'after repair' }], damage: null });
    });
  });

  it('a torn tail appended by hand to a whole file is found and repaired the same way', async () => {
    await withTempDir(async (dir) => {
      const file = path.join(dir, 'x.log');
      const writer = await LogWriter.open(file);
      await writer.append(linesOf(RECORDS).join(''));
      await writer.close();
      const half = encodeRecord({ big: 'x'.repeat(100) }).slice(0, 50);
      await appendFile(file, half);
      const contents = await readLog(file);
      expect(contents).toMatchObject({ records: RECORDS, damagedBytes: 50, damage: `line ${RECORDS.length + 1} is cut off (no end of line)` });
      const aside = await repairLog(file, contents, new Date('2026-11-25T10:00:00.000Z'));
      expect(await readFile(aside, 'utf8')).toBe(half);
      expect((await readLog(file)).damage).toBeNull();
    });
  });
});

describe('decodeRecords and setDamageAside: records that stand alone', () => {
  const corrupt = (record: unknown) => encodeRecord(record).replace('"n":', '"N":'); // the checksum no longer matches

  it('reads on past damaged lines: every whole record is kept, with its line; damaged lines next to one another are one stretch', () => {
    const lines = [encodeRecord({ n: 0 }), corrupt({ n: 1 }), 'not a record\n', encodeRecord({ n: 3 }), corrupt({ n: 4 }), encodeRecord({ n: 5 })];
    const { records, damaged } = decodeRecords(bytesOf(lines));
    expect(records.map((r) => [r.record, r.line])).toEqual([
      [{ n: 0 }, 1],
      [{ n: 3 }, 4],
      [{ n: 5 }, 6],
    ]);
    expect(records[1]).toMatchObject({ start: byteLength(lines.slice(0, 3)), end: byteLength(lines.slice(0, 4)) });
    expect(damaged).toEqual([
      { start: byteLength(lines.slice(0, 1)), end: byteLength(lines.slice(0, 3)), why: 'line 2 does not match its checksum', lines: 2 },
      { start: byteLength(lines.slice(0, 4)), end: byteLength(lines.slice(0, 5)), why: 'line 5 does not match its checksum', lines: 1 },
    ]);
    // decodeLog, for the journal, stops at the first damaged line.
    expect(decodeLog(bytesOf(lines)).records).toEqual([{ n: 0 }]);
  });

  it('skips blank lines (a repaired one) and finds a torn last line', () => {
    const lines = [encodeRecord({ n: 0 }), `${' '.repeat(30)}\n`, '\n', encodeRecord({ n: 1 }), encodeRecord({ n: 2 }).slice(0, 9)];
    const { records, damaged } = decodeRecords(bytesOf(lines));
    expect(records.map((r) => r.record)).toEqual([{ n: 0 }, { n: 1 }]);
    expect(damaged).toEqual([{ start: byteLength(lines.slice(0, 4)), end: byteLength(lines), why: 'line 5 is cut off (no end of line)', lines: 1 }]);
  });

  it('setDamageAside keeps the damaged bytes aside, then blanks them in place and cuts a torn end off: the file reads whole, every record where it was', async () => {
    await withTempDir(async (dir) => {
      const file = path.join(dir, '000001.log');
      const lines = [encodeRecord({ n: 0 }), corrupt({ n: 1 }), encodeRecord({ n: 2 }), corrupt({ n: 3 }), encodeRecord({ n: 4 }), encodeRecord({ n: 5, text: 'a longer record' }).slice(0, 20)];
      await writeFile(file, lines.join(''));
      const { damaged } = decodeRecords(await readFile(file));
      expect(damaged).toHaveLength(3);
      const at = new Date('2026-11-25T10:00:00.000Z');

      const aside = await setDamageAside(file, damaged, at);
      expect(aside).toBe(`${file}.damaged-2026-11-25T10-00-00-000Z`);
      expect(await readFile(aside, 'utf8')).toBe(lines[1]! + lines[3]! + lines[5]!);
      const blank = (line: string) => `${' '.repeat(Buffer.byteLength(line) - 1)}\n`;
      expect(await readFile(file, 'utf8')).toBe(lines[0]! + blank(lines[1]!) + lines[2]! + blank(lines[3]!) + lines[4]!);
      expect(decodeRecords(await readFile(file))).toMatchObject({ records: [{ record: { n: 0 } }, { record: { n: 2 } }, { record: { n: 4 } }], damaged: [] });

      // Appends follow; a later repair at the same time never writes over the first copy.
      await appendFile(file, corrupt({ n: 6 }));
      const again = await setDamageAside(file, decodeRecords(await readFile(file)).damaged, at);
      expect(again).toBe(`${aside}-2`);
      expect(await readFile(aside, 'utf8')).toBe(lines[1]! + lines[3]! + lines[5]!);
      expect(await readFile(again, 'utf8')).toBe(corrupt({ n: 6 }));
      expect(decodeRecords(await readFile(file)).damaged).toEqual([]);
    });
  });
});
