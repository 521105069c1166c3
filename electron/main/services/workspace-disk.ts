/**
 * How a personal workspace is kept on disk, so that a write costs what it changed:
 *
 * - `workspace.journal`: one checksummed line per write (journal-ops.ts): the entities it
 *   changed and the audit entries it added, appended and fsynced before the write is
 *   acknowledged.
 * - `workspace.json`: lowdb's file, a snapshot of the workspace (audit log left out) and the
 *   number of the last journal record it holds. When the journal passes FOLD_BYTES it is
 *   folded in: the audit entries it holds are appended to the audit files, the snapshot is
 *   written (atomically, through lowdb), then the journal is emptied. A crash at any step
 *   leaves records that are replayed again, to the same effect.
 * - `audit/`: the audit log, append-only files (audit-files.ts).
 */
import path from 'node:path';
import { Low, type Adapter } from 'lowdb';
import type { Workspace } from '../../../shared/domain/schemas';
import { AuditFiles, encodeAuditRecords } from './audit-files';
import type { AuditRecords } from './audit-log';
import { encodeRecord, LogWriter } from './checksummed-log';
import { opsBetween, type JournalHint } from './journal-ops';
import { StoredWorkspace, workspaceFile } from './snapshot-file';
import { writeStamp } from './snapshot-stamp';
import { JOURNAL_FILE_NAME } from './workspace-loader';

/** Past this size the journal is folded into the snapshot. */
export const FOLD_BYTES = 16 * 1024 * 1024;

/** lowdb's adapter for the snapshot: validated reads, atomic writes through `writer`. */
class SnapshotAdapter implements Adapter<StoredWorkspace> {
  constructor(
    private readonly file: string,
    private readonly writer: (file: string, text: string) => Promise<void>,
  ) {}

  read(): Promise<StoredWorkspace | null> {
    return workspaceFile(this.file).read();
  }

  /**
   * The text is made before the first await: later changes to `data` cannot slip into it.
   * The store's data is valid (every change validates what it touched), so the file gets the
   * stamp that spares the next start validating it whole (snapshot-stamp.ts).
   */
  async write(data: StoredWorkspace): Promise<void> {
    const text = workspaceFile(this.file).serialize(data);
    await this.writer(this.file, text);
    // Without a stamp the next start validates the file whole: slower, never wrong.
    await writeStamp(this.file, text, StoredWorkspace).catch(() => undefined);
  }
}

export interface DiskOptions {
  /** Writes the snapshot's text durably (writeFileAtomic); tests inject failures here. */
  readonly writeFile: (file: string, text: string) => Promise<void>;
  /** Appends to the journal durably; tests inject failures here. Default: the journal's own append. */
  readonly appendJournal?: (append: (lines: string) => Promise<void>, lines: string) => Promise<void>;
  readonly foldBytes?: number;
}

export class WorkspaceDisk {
  /** The number of the last journal record written. */
  private seq: number;
  /** The audit records in the journal since the last fold, as audit-file lines. */
  private auditSinceFold = '';

  private constructor(
    private readonly db: Low<StoredWorkspace>,
    private readonly journal: LogWriter,
    private readonly audit: AuditFiles,
    seq: number,
    private readonly options: DiskOptions,
  ) {
    this.seq = seq;
  }

  /** `journalAudit`: the audit records of the journal's records (since the last fold), which the next fold moves to the audit files. */
  static async open(dir: string, seq: number, options: DiskOptions, journalAudit: readonly AuditRecords[] = []): Promise<WorkspaceDisk> {
    const file = path.join(dir, 'workspace.json');
    const db = new Low<StoredWorkspace>(new SnapshotAdapter(file, options.writeFile), null as unknown as StoredWorkspace);
    const journal = await LogWriter.open(path.join(dir, JOURNAL_FILE_NAME));
    const disk = new WorkspaceDisk(db, journal, await AuditFiles.open(dir), seq, options);
    disk.auditSinceFold = journalAudit.map(encodeAuditRecords).join('');
    return disk;
  }

  /** Appends one write (what turned `before` into `after`, and its audit records) to the journal; `hint`: see opsBetween. */
  async append(before: Workspace, after: Workspace, audit: AuditRecords, hint?: JournalHint): Promise<void> {
    const seq = this.seq + 1;
    const line = encodeRecord({ seq, ops: opsBetween(before, after, hint), audit });
    const append = (lines: string) => this.journal.append(lines);
    const size = this.journal.size;
    try {
      await (this.options.appendJournal ? this.options.appendJournal(append, line) : append(line));
    } catch (error) {
      // Whatever part of the record reached the file goes: the journal ends at the last whole write.
      await this.journal.truncate(size).catch(() => undefined);
      throw error;
    }
    this.seq = seq;
    this.auditSinceFold += encodeAuditRecords(audit);
  }

  /** Whether the journal has grown past the size at which it is folded into the snapshot. */
  get foldDue(): boolean {
    return this.journal.size > (this.options.foldBytes ?? FOLD_BYTES);
  }

  /**
   * Folds the journal into the snapshot: `data` must be the workspace the journal leads to
   * (what is on disk), `auditLength` how many audit entries the disk holds with it,
   * `audit` the records not yet in the audit files beyond the journal's
   * (the whole log, with reset, when the folder starts a new one: after a migration or a
   * restore from backup).
   */
  async fold(data: Workspace, auditLength: number, audit?: AuditRecords): Promise<void> {
    // A log started anew makes the journal's records moot (they may not even fit the files).
    await this.audit.append((audit?.reset ? '' : this.auditSinceFold) + (audit ? encodeAuditRecords(audit) : ''));
    this.auditSinceFold = '';
    this.db.data = { ...data, audit: [], journalSeq: this.seq, auditLength };
    await this.db.write();
    await this.journal.truncate(0);
  }

  /** The journal's size in bytes (for stats and tests). */
  get journalBytes(): number {
    return this.journal.size;
  }

  async close(): Promise<void> {
    await this.journal.close();
    await this.audit.close();
  }
}
