/**
 * `workspace.json`, the snapshot the journal is folded into (lowdb's file): a workspace with
 * an empty `audit` (the log lives in audit/, see audit-files.ts) and `journalSeq`, the last
 * journal record it holds. Backups are whole workspaces with their audit log, read with the
 * same schema (they have no journalSeq).
 */
import { z } from 'zod';
import { checkReferences, WorkspaceShape, type Workspace } from '../../../shared/domain/schemas';
import { migrateWorkspaceJson } from '../../../shared/domain/migrations/index';
import { DamagedDataFileError, ValidatedJsonFile } from './json-file';
import { checkStamp } from './snapshot-stamp';

export const StoredWorkspace = WorkspaceShape.extend({
  journalSeq: z.number().int().nonnegative().optional(),
  /** How many audit entries the audit files held when the snapshot was written (they are read when first needed). */
  auditLength: z.number().int().nonnegative().optional(),
}).superRefine(checkReferences);
export type StoredWorkspace = z.infer<typeof StoredWorkspace>;

/**
 * The data file's (or a backup's) reader: JSON, migrations from older versions, then the
 * schema; `loadRaw` says when the file's stamp vouches for it (snapshot-stamp.ts).
 */
export function workspaceFile(file: string): ValidatedJsonFile<StoredWorkspace> {
  return new ValidatedJsonFile<StoredWorkspace>(file, StoredWorkspace, {
    migrate: migrateWorkspaceJson,
    verify: (path, bytes) => checkStamp(path, bytes, StoredWorkspace),
  });
}

/** The workspace a stored one holds (without the snapshot's bookkeeping). */
export function workspaceOf(stored: StoredWorkspace): Workspace {
  const { journalSeq: _seq, auditLength: _length, ...workspace } = stored;
  return workspace;
}

/**
 * `json`, a stamped snapshot with journal records replayed on top (snapshot-stamp.ts), if its
 * ids are unique and its references hold: the snapshot was valid, and the records' entities
 * were validated as they were read, so only how they fit together is left to check. Throws
 * DamagedDataFileError as a failed validation does.
 */
export function referencesChecked(file: string, json: unknown): StoredWorkspace {
  const workspace = json as StoredWorkspace;
  const issues: { path: PropertyKey[]; message: string }[] = [];
  const ctx = { value: workspace, addIssue: (issue: { path?: PropertyKey[]; message?: string }) => issues.push({ path: issue.path ?? [], message: issue.message ?? 'unknown problem' }) };
  checkReferences(workspace, ctx as unknown as z.RefinementCtx);
  const first = issues[0];
  if (first) throw new DamagedDataFileError(file, `it does not match the workspace format at ${first.path.join('.')}: ${first.message}`);
  return workspace;
}
