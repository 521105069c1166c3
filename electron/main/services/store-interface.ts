/**
 * What the services need of a workspace store, and nothing of how it keeps the data: the
 * lowdb store of a personal workspace (store.ts) implements it, and so will the team
 * server's PostgreSQL store. Handlers are written against this interface only.
 */
import type { AuditEntry, Workspace } from '../../../shared/domain/schemas';
import type { CopyStore } from './evidence/types';
import type { HistoryResult, HistoryState, StartupNotice } from '../../../shared/api/contract';

export interface UpdateOptions {
  /**
   * Changes with the same key less than COALESCE_MS apart become one history entry (typing
   * autosaves every 400 ms; one undo undoes the burst). E.g. `${claimId}:text`.
   */
  coalesce?: string;
  /**
   * False for changes that are not edits of the work (how the claims are viewed): they are
   * saved but not undoable, and they leave the redo stack alone. Default true.
   */
  record?: boolean;
  /**
   * History brought in from outside the store (an imported article's, a restored backup's).
   * Appended to the audit log before the entries the change itself produces; with `replace`,
   * the log becomes exactly these entries (restoring a whole backup) and undo and redo swap
   * the log back and forth with the workspace.
   */
  audit?: ImportedAudit;
}

export interface ImportedAudit {
  readonly entries: readonly AuditEntry[];
  readonly replace?: boolean;
}

export interface WorkspaceStore {
  /** Where the workspace lives, for messages and getAppInfo (a file path, or a server's name). */
  readonly file: string;
  /** True when nothing can be changed (`update`, `undo`, `redo` refuse). */
  readonly readOnly: boolean;
  /** The current workspace, deeply frozen, with an empty `audit` (see `readAudit`). */
  readonly data: Workspace;
  /** What the editor must be told about this start (a damaged file set aside), until dismissed. */
  readonly startupNotice: StartupNotice | null;
  dismissStartupNotice(): Promise<boolean>;

  /** The local copies of source pages (evidence: each written once, never rewritten). */
  readonly copies: CopyStore;

  /** The store's clock, as an ISO string, for timestamps the handlers write. */
  timestamp(): string;
  newId(): string;

  /**
   * Applies `change` to a draft of the workspace, validates what it touched, records it
   * under `label` for undo and in the audit log; resolves with what `change` returned once
   * the change is durable. A refused change leaves everything as it was.
   */
  update<T>(label: string, change: (draft: Workspace) => T, options?: UpdateOptions): Promise<T>;
  undo(): Promise<HistoryResult>;
  redo(): Promise<HistoryResult>;
  /** The undo/redo state right now. */
  history(): HistoryState;
  /** The undo/redo state once every change already asked for has run. */
  settledHistory(): Promise<HistoryState>;

  /** One claim's audit entries, oldest first (a deleted claim's too), once every change already asked for has run. */
  claimHistory(claimId: string): Promise<AuditEntry[]>;
  /** The whole audit log, oldest first, once every change already asked for has run (exports, backups). */
  readAudit(): Promise<readonly AuditEntry[]>;

  /** Lets every change asked for become durable, then releases the workspace. */
  close(): Promise<void>;
}
