/**
 * After a save: keeps a copy of the whole workspace with its audit log in backups/ when one
 * is due (backups.ts), off the save's path. One copy at a time; a save acknowledged while a
 * copy is being made waits, and only the newest such save is considered when the copy is done.
 */
import type { AuditEntry, Workspace } from '../../../shared/domain/schemas';
import type { Backups } from './backups';
import { workspaceFile } from './snapshot-file';

/** A saved state to copy: the workspace, its whole audit log, and when it was saved. */
export interface SavedState {
  readonly data: Workspace;
  readonly audit: readonly AuditEntry[];
  readonly at: Date;
}

export class BackupQueue {
  /** The copies being made now: what `idle` waits for. */
  private copying: Promise<void> = Promise.resolve();
  private busy = false;
  /** The newest saved state not yet considered for a backup. */
  private next: SavedState | null = null;

  constructor(
    readonly backups: Backups,
    private readonly counters: { backups: number; failedBackups: number },
    /** Told when a copy could not be kept (the save itself succeeded). */
    private readonly onError: (error: unknown) => void,
  ) {}

  /** Whether a save at `at` should be copied. */
  due(at: Date): boolean {
    return this.backups.due(at);
  }

  /** Considers `saved` for a backup once the copy being made (if any) is done. */
  add(saved: SavedState): void {
    this.next = saved;
    if (this.busy) return;
    this.busy = true;
    this.copying = this.copyAll();
  }

  /** Resolves once no copy is being made. */
  idle(): Promise<void> {
    return this.copying;
  }

  private async copyAll(): Promise<void> {
    const backups = this.backups;
    try {
      for (let next = this.next; next; next = this.next) {
        this.next = null;
        if (!backups.due(next.at)) continue;
        try {
          const text = workspaceFile(backups.dir).serialize({ ...next.data, audit: next.audit as AuditEntry[] });
          await backups.save(text, next.at);
          this.counters.backups++;
        } catch (error) {
          this.counters.failedBackups++;
          this.onError(error);
        }
      }
    } finally {
      this.busy = false;
    }
  }
}
