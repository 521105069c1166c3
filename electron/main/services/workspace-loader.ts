/**
 * Reading a data folder: the snapshot (`workspace.json`), then the journal's records newer
 * than it replayed on top, validated once together. The journal is read before the
 * snapshot, so a reader that does not hold the lock (a read-only export while the app runs)
 * cannot pair a journal emptied by a fold with the snapshot from before it. A snapshot the
 * store wrote itself is not validated again (its stamp says so, snapshot-stamp.ts).
 *
 * The audit log's files are not read to start when they are large: the snapshot says how
 * many entries they hold, the journal adds what came since, and the entries themselves are
 * read when first needed (audit-log.ts). Only the newest file's last line is checked here.
 *
 * Damage is never a failed start. A damaged snapshot is set aside and the newest backup
 * that reads is loaded (recovery.ts). A damaged tail of the journal or of an audit file
 * (torn by a crash mid-write, or corrupted) is detected by its checksum, ignored, cut off
 * and kept aside, and the startup notice says so. A damaged line further into an audit file
 * loses only what it held: it is kept aside and blanked, and the entries after it are
 * kept (audit-files.ts). A journal that does not fit its snapshot is set aside whole.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { Article, AuditEntry, Claim, Settings, Source, type AuditEntry as AuditEntryType, type Workspace } from '../../../shared/domain/schemas';
import { sampleWorkspace } from '../../../shared/domain/sample';
import type { StartupNotice } from '../../../shared/api/contract';
import { applyAuditRecords, AUDIT_DIR_NAME, auditFileSizes, newestAuditTailIntact, readAuditFiles, type Damage, type LoadedAudit } from './audit-files';
import type { AuditRecords } from './audit-log';
import type { Backups } from './backups';
import { readLog, repairLog, type LogContents } from './checksummed-log';
import { DamagedDataFileError } from './json-file';
import { applyOps, type JournalOp, type ReplayTarget } from './journal-ops';
import { copyAside, newestValidBackup, recoveryNotice, repairNotice } from './recovery';
import { referencesChecked, workspaceFile, workspaceOf, type StoredWorkspace } from './snapshot-file';

export const JOURNAL_FILE_NAME = 'workspace.journal';
/** Audit files smaller than this in all are read at the start; larger ones when first needed. */
export const LAZY_AUDIT_BYTES = 4 * 1024 * 1024;

const Put = (entity: z.ZodType) => z.object({ put: entity });
const JournalOpSchema = z.union([
  Put(Claim).extend({ c: z.literal('claims') }),
  Put(Article).extend({ c: z.literal('articles') }),
  Put(Source).extend({ c: z.literal('sources') }),
  z.object({ c: z.enum(['claims', 'articles', 'sources']), order: z.array(z.string()) }),
  z.object({ settings: Settings }),
]);
const JournalRecord = z.object({
  seq: z.number().int().positive(),
  ops: z.array(JournalOpSchema),
  audit: z.object({ reset: z.boolean(), entries: z.array(z.tuple([z.number().int().nonnegative(), AuditEntry])) }),
});
type JournalRecord = { seq: number; ops: JournalOp[]; audit: AuditRecords };

/** The audit log as a start finds it: every entry, or (large files not read yet) some, and how to read the rest. */
export interface AuditStart {
  /** Entry n at index n; holes where the files hold an entry not read yet. */
  readonly entries: AuditEntryType[];
  /** Reads the audit files, when `entries` has holes; null when it is complete. */
  readonly readFiles: (() => Promise<LoadedAudit>) | null;
}

export interface LoadedWorkspace {
  readonly data: Workspace;
  readonly audit: AuditStart;
  /** The last journal record the data holds. */
  readonly seq: number;
  /** The audit records of the journal records replayed: not in the audit files yet, the next fold appends them. */
  readonly journalAudit: readonly AuditRecords[];
  /** The snapshot must be written anew before anything else (migrated, restored, or new). */
  readonly foldNow: boolean;
  /** The text of the file as it was before a migration, to keep in backups/. */
  readonly migratedText: string | null;
  /** What the editor must be told about this start, or null. */
  readonly notice: StartupNotice | null;
}

export interface LoadOptions {
  /** Cut damaged tails off and set damaged files aside (the lock is held); false to only read. */
  readonly repair: boolean;
  readonly now: () => Date;
  readonly newId: () => string;
  /** Where to look for a backup when the snapshot is damaged (null: refuse, DamagedDataFileError). */
  readonly backups: Backups | null;
  /** See LAZY_AUDIT_BYTES. */
  readonly lazyAuditBytes?: number;
}

interface Snapshot {
  value: StoredWorkspace;
  text: string;
  migratedFrom: number | null;
}

/** Reads a data folder (see the module comment). Null when it holds no workspace and `backups` is null. */
export async function loadWorkspace(dir: string, file: string, options: LoadOptions): Promise<LoadedWorkspace | null> {
  const journalFile = path.join(dir, JOURNAL_FILE_NAME);
  const journal = await readLog(journalFile);
  const reader = workspaceFile(file);
  const damage: Damage[] = [];
  let snapshot: Snapshot | null = null;
  let replayed: Replayed | null = null;
  let notice: StartupNotice | null = null;
  let restored = false;
  try {
    const raw = await reader.loadRaw();
    if (raw) {
      // Replayed on the snapshot's JSON and validated once; if that fails, the snapshot alone
      // decides: valid, and the journal is what does not fit; not valid, and it is damaged.
      replayed = replay(raw.json, journal);
      // A stamped snapshot (snapshot-stamp.ts) is valid as it is: only what the journal put on
      // top is checked (its records' entities were validated as they were read).
      const validate = (json: unknown, records: number): StoredWorkspace =>
        !raw.verified ? reader.validate(json) : records === 0 ? (json as StoredWorkspace) : referencesChecked(file, json);
      let value: StoredWorkspace;
      try {
        value = validate(replayed.json, replayed.records);
      } catch (error) {
        if (replayed.records === 0) throw error;
        value = validate(raw.json, 0);
        replayed = { json: raw.json, records: 0, audit: [], seq: value.journalSeq ?? 0, goodBytes: 0, damage: `its changes do not fit the data file (${(error as Error).message})` };
      }
      snapshot = { value, text: raw.text, migratedFrom: raw.migratedFrom };
      if (replayed.damage) damage.push({ file: journalFile, reason: replayed.damage, keptAs: null });
    }
  } catch (error) {
    if (!(error instanceof DamagedDataFileError) || !options.backups) throw error;
    // Found before anything moves; the damaged file is kept under another name, and only
    // then replaced (atomically) by what is restored: no crash can leave no data file.
    const found = await newestValidBackup(options.backups, workspaceFile);
    const at = options.now();
    const damagedFile = await copyAside(file, error.reason, at);
    notice = recoveryNotice({ at, reason: error.reason, damagedFile, backup: found?.backup ?? null });
    snapshot = found ? { value: found.loaded.value, text: found.loaded.text, migratedFrom: found.loaded.migratedFrom } : null;
    replayed = null;
    restored = true;
  }
  if (!snapshot && !options.backups) return null;
  if (options.repair && restored) await setJournalAside(dir, journalFile, journal, options.now());
  if (options.repair && replayed?.damage) {
    const keptAs = await repairLog(journalFile, { ...journal, goodBytes: replayed.goodBytes }, options.now());
    damage[damage.length - 1] = { ...damage.at(-1)!, keptAs };
  }

  const migrated = snapshot !== null && snapshot.migratedFrom !== null;
  // Before version 3, and in backups, the audit log is inside the workspace (and a tool may
  // have written one there, e.g. npm run seed:large): it is moved out to the audit files.
  const inside = snapshot !== null && (migrated || restored || snapshot.value.audit.length > 0);
  const audit = snapshot === null ? { entries: [], readFiles: null } : await startAudit(dir, snapshot.value, inside, replayed?.audit ?? [], damage, options);
  const data = snapshot ? { ...workspaceOf(snapshot.value), audit: [] } : sampleWorkspace(options.now().toISOString(), options.newId);
  if (damage.length > 0 && notice === null) notice = repairNotice(damage, options.now());
  return {
    data,
    audit,
    seq: replayed?.seq ?? 0,
    journalAudit: replayed?.audit ?? [],
    foldNow: snapshot === null || inside,
    migratedText: migrated && !restored ? snapshot!.text : null,
    notice,
  };
}

/** The audit log to start with: the snapshot's own (older formats, backups), all the files, or (large files) only what the journal added. */
async function startAudit(dir: string, snapshot: StoredWorkspace, inside: boolean, journalAudit: AuditRecords[], damage: Damage[], options: LoadOptions): Promise<AuditStart> {
  const withJournal = (entries: AuditEntryType[]) => {
    for (const records of journalAudit) applyAuditRecords(entries, records);
    return entries;
  };
  if (inside) return { entries: withJournal([...snapshot.audit]), readFiles: null };
  const length = snapshot.auditLength;
  const sizes = await auditFileSizes(dir);
  let bytes = 0;
  for (const size of sizes.values()) bytes += size;
  const lazy = length !== undefined && !journalAudit.some((r) => r.reset) && bytes >= (options.lazyAuditBytes ?? LAZY_AUDIT_BYTES) && (await newestAuditTailIntact(dir));
  // Read after the start, only the bytes the files hold now are read: what a fold appends meanwhile is in
  // memory already, and a line it is appending is not a torn one to cut off.
  if (lazy) return { entries: withJournal(new Array<AuditEntryType>(length)), readFiles: () => readAuditFiles(dir, { repair: options.repair, now: options.now, upTo: sizes }) };
  const files = await readAuditFiles(dir, { repair: options.repair, now: options.now });
  damage.push(...files.damage);
  // Entries lost with a damaged line are holes (slice keeps them): the journal's entries keep their numbers.
  return { entries: withJournal(files.entries.slice()), readFiles: null };
}

/** Moves a journal aside whole (its changes belong to a snapshot that is no longer there). */
async function setJournalAside(dir: string, journalFile: string, journal: LogContents, at: Date): Promise<void> {
  if (journal.records.length + journal.damagedBytes === 0) return;
  await fs.rename(journalFile, `${journalFile}.damaged-${at.toISOString().replace(/[:.]/g, '-')}`);
  await fs.rm(path.join(dir, AUDIT_DIR_NAME), { recursive: true, force: true });
}

interface Replayed {
  /** The snapshot's JSON with the journal's changes. */
  json: unknown;
  /** How many records were applied. */
  records: number;
  /** The audit records of the applied records, in order. */
  audit: AuditRecords[];
  seq: number;
  /** Bytes of the journal that were applied (the rest is the damaged tail). */
  goodBytes: number;
  damage: string | null;
}

/**
 * Replays the journal's records newer than the snapshot's onto its JSON (not yet
 * validated). Stops at the first record that is damaged, out of sequence or does not fit:
 * what came before it stands.
 */
function replay(json: unknown, journal: LogContents): Replayed {
  const snapshot = json as Partial<Record<keyof ReplayTarget | 'journalSeq', unknown>>;
  const seq = typeof snapshot?.journalSeq === 'number' ? snapshot.journalSeq : 0;
  const none: Replayed = { json, records: 0, audit: [], seq, goodBytes: journal.goodBytes, damage: journal.damage };
  if (journal.records.length === 0) return none;
  const lists = ['articles', 'claims', 'sources'] as const;
  if (typeof snapshot !== 'object' || snapshot === null || !lists.every((c) => Array.isArray(snapshot[c]))) return { ...none, damage: 'it does not fit the data file' };
  const target = { settings: snapshot.settings, articles: [...(snapshot.articles as [])], claims: [...(snapshot.claims as [])], sources: [...(snapshot.sources as [])] } as ReplayTarget;
  const audit: AuditRecords[] = [];
  const indexes = new Map();
  let applied = seq;
  let records = 0;
  let damage = journal.damage;
  let good = 0;
  for (let i = 0; i < journal.records.length; i++) {
    const parsed = JournalRecord.safeParse(journal.records[i]);
    if (!parsed.success) {
      damage = `record ${i + 1} is not a journal record`;
      break;
    }
    const record = parsed.data as JournalRecord;
    if (record.seq <= applied) {
      good = i + 1;
      continue; // already in the snapshot (folded before a crash emptied the journal)
    }
    if (record.seq !== applied + 1) {
      damage = `record ${i + 1} is number ${record.seq}, after ${applied}`;
      break;
    }
    try {
      applyOps(target, record.ops, indexes);
    } catch (error) {
      damage = `record ${i + 1} does not fit the workspace (${(error as Error).message})`;
      break;
    }
    audit.push(record.audit);
    applied = record.seq;
    records++;
    good = i + 1;
  }
  if (damage === null && good < journal.records.length) damage = 'has records that were not applied';
  return { json: { ...snapshot, ...target, journalSeq: applied }, records, audit, seq: applied, goodBytes: good === 0 ? 0 : journal.ends[good - 1]!, damage };
}
