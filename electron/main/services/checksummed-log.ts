/**
 * Append-only files of JSON records, one a line, each line checksummed: `<crc32 hex> <json>\n`.
 * The workspace journal and the audit log are kept this way. An append is one write and
 * one fsync, so a record is on disk before it is acknowledged; a crash can only tear the
 * record being written. Reading stops at the first line that is cut off, does not match
 * its checksum or is not JSON: that line and everything after it are the damaged tail,
 * which `repairLog` moves aside (never deletes) before the file is appended to again.
 *
 * A log whose records stand alone (the audit files) is read past a damaged line instead,
 * keeping every whole record after it (`decodeRecords`), and repaired by blanking the
 * damaged lines, kept aside first (`setDamageAside`).
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import { syncFolder } from './json-file';

export function encodeRecord(record: unknown): string {
  const json = JSON.stringify(record);
  return `${crc32(json).toString(16).padStart(8, '0')} ${json}\n`;
}

/** What a read found: the records of the intact lines, and where a damaged tail starts, if any. */
export interface LogContents {
  readonly records: unknown[];
  /** Where each record's line ends (the byte offset after its newline). */
  readonly ends: number[];
  /** Bytes of intact lines at the start of the file. */
  readonly goodBytes: number;
  /** Bytes after them (0 when the file is whole). */
  readonly damagedBytes: number;
  /** Why the tail is damaged, in words; null when the file is whole. */
  readonly damage: string | null;
}

const EMPTY: LogContents = { records: [], ends: [], goodBytes: 0, damagedBytes: 0, damage: null };

/** Decodes a log's bytes (see the module comment). */
export function decodeLog(bytes: Buffer): LogContents {
  const records: unknown[] = [];
  const ends: number[] = [];
  let offset = 0;
  let line = 0;
  while (offset < bytes.length) {
    line++;
    const decoded = decodeLine(bytes, offset, line);
    if ('why' in decoded) return { records, ends, goodBytes: offset, damagedBytes: bytes.length - offset, damage: decoded.why };
    records.push(decoded.record);
    offset = decoded.end;
    ends.push(offset);
  }
  return { ...EMPTY, records, ends, goodBytes: offset };
}

/** The line starting at `offset`: its record, or why it is damaged; `end`: the offset after its newline. */
function decodeLine(bytes: Buffer, offset: number, line: number): { record: unknown; end: number } | { why: string; end: number } {
  const newline = bytes.indexOf(0x0a, offset);
  if (newline < 0) return { why: `line ${line} is cut off (no end of line)`, end: bytes.length };
  const end = newline + 1;
  const text = bytes.toString('utf8', offset, newline);
  const space = text.indexOf(' ');
  const json = text.slice(space + 1);
  if (space !== 8 || !/^[0-9a-f]{8}$/.test(text.slice(0, 8))) return { why: `line ${line} has no checksum`, end };
  if (crc32(json) !== Number.parseInt(text.slice(0, 8), 16)) return { why: `line ${line} does not match its checksum`, end };
  try {
    return { record: JSON.parse(json), end };
  } catch {
    return { why: `line ${line} is not JSON`, end };
  }
}

/** A record of a log of standalone records, and where its line is. */
export interface PlacedRecord {
  readonly record: unknown;
  /** Its line's number (from 1). */
  readonly line: number;
  /** Its line's bytes: [start, end), the newline included. */
  readonly start: number;
  readonly end: number;
}

/** Damaged lines next to one another: bytes [start, end); why the first one is damaged. */
export interface DamagedStretch {
  readonly start: number;
  readonly end: number;
  readonly why: string;
  /** Lines in the stretch. */
  readonly lines: number;
}

/**
 * Decodes a log whose records stand alone (the audit files: each record says which entry it
 * is), where one damaged line does not make the lines after it worth less: unlike decodeLog,
 * reading goes on after a damaged line, and every line after it that matches its checksum
 * is a record. Blank lines (a damaged line blanked by `setDamageAside`) are skipped.
 */
export function decodeRecords(bytes: Buffer): { records: PlacedRecord[]; damaged: DamagedStretch[] } {
  const records: PlacedRecord[] = [];
  const damaged: DamagedStretch[] = [];
  let offset = 0;
  let line = 0;
  while (offset < bytes.length) {
    line++;
    const start = offset;
    const decoded = decodeLine(bytes, start, line);
    offset = decoded.end;
    if ('record' in decoded) records.push({ record: decoded.record, line, start, end: offset });
    else if (!isBlank(bytes, start, offset)) addDamage(damaged, { start, end: offset, why: decoded.why, lines: 1 });
  }
  return { records, damaged };
}

/** Adds `stretch` to `damaged` (in file order), joined to the stretch it follows without a gap. */
export function addDamage(damaged: DamagedStretch[], stretch: DamagedStretch): void {
  const last = damaged.at(-1);
  if (last && last.end === stretch.start) damaged[damaged.length - 1] = { ...last, end: stretch.end, lines: last.lines + stretch.lines };
  else damaged.push(stretch);
}

/** A line of spaces only (or an empty one), its newline included. */
function isBlank(bytes: Buffer, start: number, end: number): boolean {
  if (bytes[end - 1] !== 0x0a) return false;
  for (let i = start; i < end - 1; i++) if (bytes[i] !== 0x20) return false;
  return true;
}

export async function readLog(file: string): Promise<LogContents> {
  try {
    return decodeLog(await fs.readFile(file));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return EMPTY;
    throw error;
  }
}

/**
 * Cuts a damaged tail off `file` (see readLog), after keeping a copy of it as
 * `<file>.damaged-<time>` beside it. Returns the copy's path.
 */
export async function repairLog(file: string, contents: LogContents, at: Date): Promise<string> {
  const bytes = await fs.readFile(file);
  const aside = `${file}.damaged-${at.toISOString().replace(/[:.]/g, '-')}`;
  const handle = await fs.open(aside, 'w');
  try {
    await handle.writeFile(bytes.subarray(contents.goodBytes));
    await handle.sync();
  } finally {
    await handle.close();
  }
  const log = await fs.open(file, 'r+');
  try {
    await log.truncate(contents.goodBytes);
    await log.sync();
  } finally {
    await log.close();
  }
  await syncFolder(path.dirname(file));
  return aside;
}

/**
 * Repairs a log of standalone records (decodeRecords) without losing a byte: the damaged
 * stretches are first copied, one after the other, to `<file>.damaged-<time>` beside it
 * (fsynced, and never over an earlier copy), then each is blanked in the file (overwritten
 * with spaces, its newline kept), so that the next read finds the file whole and tells
 * the damage no more. No other byte moves: the records after a damaged line stay where they
 * are, and an append running meanwhile is not disturbed. A last line without an end of line
 * (a torn tail) is cut off instead. A crash midway leaves a line still damaged, which the
 * next read finds and keeps aside again (the first copy holds it as it was). Returns the
 * copy's path.
 */
export async function setDamageAside(file: string, damaged: readonly DamagedStretch[], at: Date): Promise<string> {
  const handle = await fs.open(file, 'r+');
  try {
    const parts: Buffer[] = [];
    for (const { start, end } of damaged) {
      const part = Buffer.alloc(end - start);
      await handle.read(part, 0, part.length, start);
      parts.push(part);
    }
    const aside = await writeAside(file, Buffer.concat(parts), at);
    const size = (await handle.stat()).size;
    for (const [i, { start, end }] of damaged.entries()) {
      if (end === size && parts[i]!.at(-1) !== 0x0a) await handle.truncate(start);
      else await handle.write(Buffer.from(`${' '.repeat(end - start - 1)}\n`), 0, end - start, start);
    }
    await handle.sync();
    return aside;
  } finally {
    await handle.close();
  }
}

/** Writes `bytes` durably to a new `<file>.damaged-<time>` (`-2`, `-3`… when taken). */
async function writeAside(file: string, bytes: Buffer, at: Date): Promise<string> {
  const stem = `${file}.damaged-${at.toISOString().replace(/[:.]/g, '-')}`;
  for (let n = 1; ; n++) {
    const aside = n === 1 ? stem : `${stem}-${n}`;
    let handle: fs.FileHandle;
    try {
      handle = await fs.open(aside, 'wx');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') continue;
      throw error;
    }
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await syncFolder(path.dirname(file));
    return aside;
  }
}

/** One append-only log file, open for appending. Appends are made one at a time by the caller. */
export class LogWriter {
  private constructor(
    readonly file: string,
    private handle: fs.FileHandle,
    /** Bytes in the file. */
    public size: number,
  ) {}

  /** Opens (creating) `file` for appending; the new file's folder entry is made durable. */
  static async open(file: string): Promise<LogWriter> {
    const existed = await fs.stat(file).then(
      (s) => s.size,
      () => null,
    );
    const handle = await fs.open(file, 'a');
    if (existed === null) await syncFolder(path.dirname(file));
    return new LogWriter(file, handle, existed ?? 0);
  }

  /** Appends the lines (from encodeRecord) and waits until they are on disk. */
  async append(lines: string): Promise<void> {
    const bytes = Buffer.from(lines, 'utf8');
    try {
      await this.handle.write(bytes);
      await this.handle.datasync();
    } catch (error) {
      // A partial write leaves a torn tail: cut it off so later appends follow whole lines.
      await this.truncate(this.size).catch(() => undefined);
      throw error;
    }
    this.size += bytes.length;
  }

  /** Cuts the file back to `size` bytes (emptying it once its records were folded elsewhere, durably). */
  async truncate(size: number): Promise<void> {
    await this.handle.truncate(size);
    await this.handle.sync();
    this.size = size;
  }

  async close(): Promise<void> {
    await this.handle.close();
  }
}
