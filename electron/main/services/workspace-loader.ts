/**
 * Reading a data folder: the snapshot (`workspace.json`), the audit files, then the
 * journal's records newer than the snapshot replayed on top. The journal is read before
 * the snapshot, so a reader that does not hold the lock (a read-only export while the app
 * runs) cannot pair a journal emptied by a fold with the snapshot from before it.
 *
 * Damage is never a failed start. A damaged snapshot is set aside and the newest backup
 * that reads is loaded (recovery.ts). A damaged tail of the journal or of an audit file
 * (torn by a crash mid-write, or corrupted) is detected by its checksum, ignored, cut off
 * and kept aside, and the startup notice says so. A journal that does not fit its snapshot
 * is set aside whole.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { Article, AuditEntry, Claim, Settings, Source, Workspace, type AuditEntry as AuditEntryType } from '../../../shared/domain/schemas';
import { SCHEMA_VERSION } from '../../../shared/domain/schemas';
import { sampleWorkspace } from '../../../shared/domain/sample';
import type { StartupNotice } from '../../../shared/api/contract';
import { applyAuditRecords, readAuditFiles, type Damage } from './audit-files';
import type { AuditRecords } from './audit-log';
import type { Backups } from './backups';
import { readLog, repairLog, type LogContents } from './checksummed-log';
import { DamagedDataFileError, type LoadedFile } from './json-file';
import { applyOps, type JournalOp, type ReplayTarget } from './journal-ops';
import { copyAside, newestValidBackup, recoveryNotice, repairNotice } from './recovery';
import { workspaceFile, workspaceOf, type StoredWorkspace } from './snapshot-file';

export const JOURNAL_FILE_NAME = 'workspace.journal';

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
export type JournalRecord = { seq: number; ops: JournalOp[]; audit: AuditRecords };

export interface LoadedWorkspace {
  readonly data: Workspace;
  readonly audit: AuditEntryType[];
  /** The last journal record the data holds. */
  readonly seq: number;
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
}

/** Reads a data folder (see the module comment). Null when it holds no workspace and `backups` is null. */
export async function loadWorkspace(dir: string, file: string, options: LoadOptions): Promise<LoadedWorkspace | null> {
  const journalFile = path.join(dir, JOURNAL_FILE_NAME);
  const journal = await readLog(journalFile);
  let loaded: LoadedFile<StoredWorkspace> | null;
  let notice: StartupNotice | null = null;
  let foldNow = false;
  let keepJournal = true;
  try {
    loaded = await workspaceFile(file).load();
  } catch (error) {
    if (!(error instanceof DamagedDataFileError) || !options.backups) throw error;
    // Found before anything moves; the damaged file is kept under another name, and only
    // then replaced (atomically) by what is restored: no crash can leave no data file.
    const found = await newestValidBackup(options.backups, workspaceFile);
    const at = options.now();
    const damagedFile = await copyAside(file, error.reason, at);
    notice = recoveryNotice({ at, reason: error.reason, damagedFile, backup: found?.backup ?? null });
    loaded = found?.loaded ?? null;
    foldNow = true;
    keepJournal = false;
  }
  if (!loaded && !options.backups) return null;
  const migrated = loaded !== null && loaded.migratedFrom !== null;
  if (migrated) foldNow = true;
  // Before version 3, and in backups, the audit log is inside the workspace (and a tool may
  // have written one there, e.g. npm run seed:large): it is moved out to the audit files.
  const inside = loaded !== null && (migrated || !keepJournal || loaded.value.audit.length > 0);
  if (inside) foldNow = true;
  let audit: AuditEntryType[] = inside ? loaded!.value.audit : [];
  const damage: Damage[] = [];
  if (!inside && loaded) {
    const files = await readAuditFiles(dir, { repair: options.repair, now: options.now });
    audit = files.entries;
    damage.push(...files.damage);
  }
  let data = loaded ? { ...workspaceOf(loaded.value), audit: [] } : sampleWorkspace(options.now().toISOString(), options.newId);
  let seq = loaded?.value.journalSeq ?? 0;
  if (!loaded) foldNow = true;

  if (keepJournal && journal.records.length + journal.damagedBytes > 0) {
    const replayed = replay(data, audit, seq, journal);
    if (replayed.damage) damage.push({ file: journalFile, reason: replayed.damage, keptAs: null });
    data = replayed.data;
    audit = replayed.audit;
    seq = replayed.seq;
    if (options.repair && replayed.damage) {
      const keptAs = await repairLog(journalFile, { ...journal, goodBytes: replayed.goodBytes }, options.now());
      damage[damage.length - 1] = { file: journalFile, reason: replayed.damage, keptAs };
    }
  } else if (!keepJournal && options.repair && journal.records.length + journal.damagedBytes > 0) {
    // Changes since a snapshot that is no longer there do not fit the backup restored instead.
    await fs.rename(journalFile, `${journalFile}.damaged-${stamp(options.now())}`);
    await fs.rm(path.join(dir, 'audit'), { recursive: true, force: true });
  }
  if (damage.length > 0 && notice === null) notice = repairNotice(damage, options.now());
  return { data, audit, seq, foldNow, migratedText: migrated && !notice ? loaded!.text : null, notice };
}

const stamp = (at: Date) => at.toISOString().replace(/[:.]/g, '-');

interface Replayed {
  data: Workspace;
  audit: AuditEntryType[];
  seq: number;
  /** Bytes of the journal that were applied (the rest is the damaged tail). */
  goodBytes: number;
  damage: string | null;
}

/**
 * Replays the journal's records newer than `seq` onto the snapshot. Stops at the first
 * record that is damaged, out of sequence, or leaves a workspace that fails the schema:
 * what came before it stands.
 */
function replay(snapshot: Workspace, snapshotAudit: AuditEntryType[], seq: number, journal: LogContents): Replayed {
  const target: ReplayTarget = { settings: snapshot.settings, articles: [...snapshot.articles], claims: [...snapshot.claims], sources: [...snapshot.sources] };
  const audit = [...snapshotAudit];
  const indexes = new Map();
  let applied = seq;
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
      applyAuditRecords(audit, record.audit);
    } catch (error) {
      damage = `record ${i + 1} does not fit the workspace (${(error as Error).message})`;
      break;
    }
    applied = record.seq;
    good = i + 1;
  }
  const replayed = { schemaVersion: SCHEMA_VERSION, ...target, audit: [] } as unknown as Workspace;
  const checked = Workspace.safeParse(replayed);
  if (!checked.success) {
    // Should never happen (every record was validated when it was written): keep the snapshot.
    return { data: snapshot, audit: snapshotAudit, seq, goodBytes: 0, damage: `the changes it holds do not make a valid workspace (${checked.error.issues[0]?.message ?? 'unknown'})` };
  }
  return { data: checked.data, audit, seq: applied, goodBytes: good === 0 ? 0 : journal.ends[good - 1]!, damage: damage ?? (good < journal.records.length ? 'has records that were not applied' : null) };
}
