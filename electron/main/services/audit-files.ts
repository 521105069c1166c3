/**
 * The audit log on disk: `audit/000001.log`, `audit/000002.log`, … — checksummed,
 * append-only record files (checksummed-log.ts), a new one started when the newest passes
 * SEGMENT_BYTES, so no file grows without end and none is ever rewritten. A record is
 * `{ n, e }` (entry number n is e; a later record for the same n wins) or `{ reset: true }`
 * (the log starts again: a restored backup brought its own).
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { AuditEntry } from '../../../shared/domain/schemas';
import type { AuditRecords } from './audit-log';
import { decodeLog, encodeRecord, LogWriter, readLog, repairLog } from './checksummed-log';

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

/** Applies audit records (from a file or a journal line) to `log`; throws on a record that does not fit. */
export function applyAuditRecords(log: AuditEntry[], records: AuditRecords): void {
  if (records.reset) log.length = 0;
  for (const [n, e] of records.entries) {
    if (n > log.length) throw new Error(`audit entry ${n} comes before entry ${log.length}`);
    log[n] = e;
  }
}

/** A damaged tail found (and, unless read-only, cut off and kept aside). */
export interface Damage {
  readonly file: string;
  readonly reason: string;
  /** Where the damaged bytes were kept; null when only read. */
  readonly keptAs: string | null;
}

export interface LoadedAudit {
  readonly entries: AuditEntry[];
  readonly damage: Damage[];
}

/** Reads every audit file in `dataDir`, in order. With `repair`, damaged tails are cut off (kept aside). */
export async function readAuditFiles(dataDir: string, options: { repair: boolean; now: () => Date }): Promise<LoadedAudit> {
  const entries: AuditEntry[] = [];
  const damage: Damage[] = [];
  for (const file of await segments(dataDir)) {
    let contents = await readLog(file);
    let problem = contents.damage;
    let good = contents.records.length;
    for (let i = 0; i < contents.records.length; i++) {
      const parsed = AuditRecord.safeParse(contents.records[i]);
      const record = parsed.success ? parsed.data : null;
      const fits = record !== null && ('reset' in record || record.n <= entries.length);
      if (!record || !fits) {
        problem = `record ${i + 1} is not an audit entry that fits`;
        good = i;
        break;
      }
      applyAuditRecords(entries, 'reset' in record ? { reset: true, entries: [] } : { reset: false, entries: [[record.n, record.e]] });
    }
    if (problem === null) continue;
    if (good < contents.records.length) contents = { ...contents, goodBytes: good === 0 ? 0 : contents.ends[good - 1]! };
    const keptAs = options.repair ? await repairLog(file, contents, options.now()) : null;
    damage.push({ file, reason: problem, keptAs });
  }
  return { entries, damage };
}

async function segments(dataDir: string): Promise<string[]> {
  const dir = path.join(dataDir, AUDIT_DIR_NAME);
  return (await fs.readdir(dir).catch(() => [] as string[])).filter(isSegment).sort().map((name) => path.join(dir, name));
}

/** How many bytes the audit files hold in all. */
export async function auditFilesBytes(dataDir: string): Promise<number> {
  let bytes = 0;
  for (const file of await segments(dataDir)) bytes += (await fs.stat(file)).size;
  return bytes;
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
    const last = decodeLog(tail.subarray(start));
    return last.damage === null && last.records.length === 1;
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
