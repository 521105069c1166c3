/**
 * What a store's data folder holds, for tests: the workspace as the next start would read
 * it (snapshot, journal and audit files together), and every byte of those files, to show
 * that a refused change wrote nothing.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Workspace } from '../../../shared/domain/schemas';
import { AUDIT_DIR_NAME } from './audit-files';
import { AuditLog } from './audit-log';
import { JOURNAL_FILE_NAME, loadWorkspace } from './workspace-loader';

/** The workspace with its audit log, as stored in the folder of `file` (read without repairing anything). */
export async function storedWorkspace(store: { file: string }): Promise<Workspace> {
  const dir = path.dirname(store.file);
  const loaded = await loadWorkspace(dir, store.file, { repair: false, now: () => new Date(), newId: () => 'unused', backups: null });
  if (!loaded) throw new Error(`no workspace in ${dir}`);
  const audit = new AuditLog(loaded.audit);
  await audit.ensureLoaded();
  return { ...loaded.data, audit: [...audit.entries] };
}

/** Every byte of the snapshot, the journal and the audit files, in one buffer. */
export async function storedBytes(store: { file: string }): Promise<Buffer> {
  const dir = path.dirname(store.file);
  const audit = (await readdir(path.join(dir, AUDIT_DIR_NAME)).catch(() => [] as string[])).sort().map((name) => path.join(AUDIT_DIR_NAME, name));
  const parts = await Promise.all([path.basename(store.file), JOURNAL_FILE_NAME, ...audit].map((name) => readFile(path.join(dir, name)).catch(() => Buffer.alloc(0))));
  return Buffer.concat(parts.flatMap((part, i) => [Buffer.from(`\n--${i}--\n`), part]));
}
