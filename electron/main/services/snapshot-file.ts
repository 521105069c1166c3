/**
 * `workspace.json`, the snapshot the journal is folded into (lowdb's file): a workspace with
 * an empty `audit` (the log lives in audit/, see audit-files.ts) and `journalSeq`, the last
 * journal record it holds. Backups are whole workspaces with their audit log, read with the
 * same schema (they have no journalSeq).
 */
import { z } from 'zod';
import { checkReferences, WorkspaceShape, type Workspace } from '../../../shared/domain/schemas';
import { migrateWorkspaceJson } from '../../../shared/domain/migrations/index';
import { ValidatedJsonFile } from './json-file';

export const StoredWorkspace = WorkspaceShape.extend({
  journalSeq: z.number().int().nonnegative().optional(),
  /** How many audit entries the audit files held when the snapshot was written (they are read when first needed). */
  auditLength: z.number().int().nonnegative().optional(),
}).superRefine(checkReferences);
export type StoredWorkspace = z.infer<typeof StoredWorkspace>;

/** The data file's (or a backup's) reader: JSON, migrations from older versions, then the schema. */
export function workspaceFile(file: string): ValidatedJsonFile<StoredWorkspace> {
  return new ValidatedJsonFile<StoredWorkspace>(file, StoredWorkspace, { migrate: migrateWorkspaceJson });
}

/** The workspace a stored one holds (without the snapshot's bookkeeping). */
export function workspaceOf(stored: StoredWorkspace): Workspace {
  const { journalSeq: _seq, auditLength: _length, ...workspace } = stored;
  return workspace;
}
