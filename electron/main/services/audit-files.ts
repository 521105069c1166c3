/**
 * The audit log on disk: `audit/000001.log`, `audit/000002.log`, … — checksummed,
 * append-only record files (checksummed-log.ts), a new one started when the newest passes
 * SEGMENT_BYTES, so no file grows without end and none is ever rewritten. A record is
 * `{ n, e }` (entry number n is e; a later record for the same n wins) or `{ reset: true }`
 * (the log starts again: a restored backup brought its own).
 *
 * Each record stands alone, so a damaged line loses only what it held: the records after it
 * are read as well, and entries it held are holes in the log (the entries after them keep
 * their numbers). A repair keeps the damaged line aside and blanks it in the file, the one
 * change ever made to a file's bytes, so that the next read finds the file whole.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { AuditEntry } from '../../../shared/domain/schemas';
import type { AuditRecords } from './audit-log';
import { addDamage, decodeRecords, encodeRecord, LogWriter, setDamageAside, type DamagedStretch } from './checksummed-log';

export const AUDIT_DIR_NAME = 'audit';
export const SEGMENT_BYTES = 32 * 1024 * 1024;

const AuditRecord = z.union([z.object({ n: z.number().int().nonnegative(), e: AuditEntry }), z.object({ reset: z.literal(true) })]);

const segmentName = (k: number) => `${String(k).padStart(6, '0')}.log`;
const isSegment = (name: string) => /^\d{6}\.log$/.test(name);

/** The records of one write as lines of an audit file. */
export function encodeAuditRecords(records: AuditRecords): string {
  let lines = records.reset ? encodeRecord({ reset: true }) : '';
  for (const [n, e] of records.entries) lines += encodeRecord({ n, e });
  return lines;
}

/**
 * Applies audit records (from a file or a journal line) to `log`. An entry numbered past the
 * end leaves holes for the entries before it that were lost with a damaged line: the
 * entries after them keep their numbers.
 */
export function applyAuditRecords(log: AuditEntry[], records: AuditRecords): void {
  if (records.reset) log.length = 0;
  for (const [n, e] of records.entries) log[n] = e;
}

/** Damage found in a file (and, unless read-only, repaired: kept aside, then cut off or blanked). */
export interface Damage {
  readonly file: string;
  readonly reason: string;
  /** Where the damaged bytes were kept; null when only read. */
  readonly keptAs: string | null;
  /** Damaged lines blanked in the file (an audit file's, with whole lines after them); 0 or absent: only the end was damaged. */
  readonly lines?: number;
  /** With `lines`: a torn end was cut off as well. */
  readonly endCut?: boolean;
}

export interface LoadedAudit {
  readonly entries: AuditEntry[];
  readonly damage: Damage[];
}

export interface ReadOptions {
  /** Repair what is damaged (the lock is held); false to only read. */
  readonly repair: boolean;
  readonly now: () => Date;
  /** Read only this many bytes of each file, and no file not named (see auditFileSizes); default: every byte of every file. */
  readonly upTo?: ReadonlyMap<string, number>;
}

/** Reads every audit file in `dataDir`, in order. With `repair`, damaged lines are kept aside, then blanked (a torn tail cut off). */
export async function readAuditFiles(dataDir: string, options: ReadOptions): Promise<LoadedAudit> {
  const entries: AuditEntry[] = [];
  const damage: Damage[] = [];
  for (const file of await segments(dataDir)) {
    const limit = options.upTo ? options.upTo.get(file) : Infinity;
    if (limit === undefined) continue;
    const bytes = await readBytes(file, limit);
    const { records, damaged } = decodeRecords(bytes);
    const stretches: DamagedStretch[] = [];
    for (const { record, line, start, end } of records) {
      const parsed = AuditRecord.safeParse(record);
      if (parsed.success) {
        applyAuditRecords(entries, 'reset' in parsed.data ? { reset: true, entries: [] } : { reset: false, entries: [[parsed.data.n, parsed.data.e]] });
        continue;
      }
      while (damaged.length > 0 && damaged[0]!.start < start) addDamage(stretches, damaged.shift()!);
      addDamage(stretches, { start, end, why: `line ${line} is not an audit record`, lines: 1 });
    }
    for (const stretch of damaged) addDamage(stretches, stretch);
    if (stretches.length === 0) continue;
    const keptAs = options.repair ? await setDamageAside(file, stretches, options.now()) : null;
    const torn = stretches.at(-1)!.end === bytes.length && bytes.at(-1) !== 0x0a;
    const lines = stretches.reduce((sum, s) => sum + s.lines, 0) - (torn ? stretches.at(-1)!.lines : 0);
    damage.push({ file, reason: stretches[0]!.why, keptAs, lines, endCut: torn });
  }
  return { entries, damage };
}

async function readBytes(file: string, limit: number): Promise<Buffer> {
  const bytes = await fs.readFile(file).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return Buffer.alloc(0);
    throw error;
  });
  return limit < bytes.length ? bytes.subarray(0, limit) : bytes;
}

async function segments(dataDir: string): Promise<string[]> {
  const dir = path.join(dataDir, AUDIT_DIR_NAME);
  return (await fs.readdir(dir).catch(() => [] as string[])).filter(isSegment).sort().map((name) => path.join(dir, name));
}

/**
 * Every audit file and its size in bytes. A store that reads the files after it started
 * (workspace-loader.ts) reads only these bytes: what was appended since (by a fold) is in
 * memory already, and a line being appended is not a torn one.
 */
export async function auditFileSizes(dataDir: string): Promise<Map<string, number>> {
  const sizes = new Map<string, number>();
  for (const file of await segments(dataDir)) sizes.set(file, (await fs.stat(file)).size);
  return sizes;
}

/**
 * Whether the newest audit file ends with a whole line that matches its checksum: what a
 * crash while the files were appended to would break. (Damage further in is found when the
 * files are read.)
 */
export async function newestAuditTailIntact(dataDir: string): Promise<boolean> {
  const newest = (await segments(dataDir)).at(-1);
  if (!newest) return true;
  const handle = await fs.open(newest, 'r');
  try {
    const { size } = await handle.stat();
    if (size === 0) return true;
    const length = Math.min(size, 256 * 1024);
    const tail = Buffer.alloc(length);
    await handle.read(tail, 0, length, size - length);
    if (tail[length - 1] !== 0x0a) return false;
    const start = tail.lastIndexOf(0x0a, length - 2) + 1;
    if (start === 0 && length < size) return false; // a line longer than we read: let the full read decide
    // A blanked line (a damaged one, kept aside) is as whole as any.
    const last = decodeRecords(tail.subarray(start));
    return last.damaged.length === 0;
  } finally {
    await handle.close();
  }
}

/** Appends to the newest audit file, starting a new one past SEGMENT_BYTES. */
export class AuditFiles {
  private constructor(
    private readonly dir: string,
    private writer: LogWriter,
    private number: number,
  ) {}

  static async open(dataDir: string): Promise<AuditFiles> {
    const dir = path.join(dataDir, AUDIT_DIR_NAME);
    await fs.mkdir(dir, { recursive: true });
    const names = (await fs.readdir(dir)).filter(isSegment).sort();
    const number = names.length > 0 ? Number.parseInt(names.at(-1)!, 10) : 1;
    return new AuditFiles(dir, await LogWriter.open(path.join(dir, segmentName(number))), number);
  }

  /** Appends the lines (encodeAuditRecords) and waits until they are on disk. */
  async append(lines: string): Promise<void> {
    if (lines === '') return;
    if (this.writer.size > 0 && this.writer.size + lines.length > SEGMENT_BYTES) {
      await this.writer.close();
      this.number++;
      this.writer = await LogWriter.open(path.join(this.dir, segmentName(this.number)));
    }
    await this.writer.append(lines);
  }

  close(): Promise<void> {
    return this.writer.close();
  }
}
