/**
 * Append-only files of JSON records, one a line, each line checksummed: `<crc32 hex> <json>\n`.
 * The workspace journal and the audit log are kept this way. An append is one write and
 * one fsync, so a record is on disk before it is acknowledged; a crash can only tear the
 * record being written. Reading stops at the first line that is cut off, does not match
 * its checksum or is not JSON: that line and everything after it are the damaged tail,
 * which `repair` moves aside (never deletes) before the file is appended to again.
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
    const end = bytes.indexOf(0x0a, offset);
    const damaged = (why: string): LogContents => ({ records, ends, goodBytes: offset, damagedBytes: bytes.length - offset, damage: `line ${line} ${why}` });
    if (end < 0) return damaged('is cut off (no end of line)');
    const text = bytes.toString('utf8', offset, end);
    const space = text.indexOf(' ');
    const json = text.slice(space + 1);
    if (space !== 8 || !/^[0-9a-f]{8}$/.test(text.slice(0, 8))) return damaged('has no checksum');
    if (crc32(json) !== Number.parseInt(text.slice(0, 8), 16)) return damaged('does not match its checksum');
    try {
      records.push(JSON.parse(json));
    } catch {
      return damaged('is not JSON');
    }
    offset = end + 1;
    ends.push(offset);
  }
  return { ...EMPTY, records, ends, goodBytes: offset };
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
