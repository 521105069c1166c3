/**
 * Test support for the storage tests (store.journal, store.fold, store.repair, workspace-loader,
 * store.migrate-v2): a real store with an article and three claims, edits through the
 * service API, and what the folder holds file by file (the snapshot as lowdb wrote it, the
 * journal's records, an audit file's records, every byte of every file).
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect } from 'vitest';
import type { AuditEntry, Workspace } from '../../../shared/domain/schemas';
import { AUDIT_DIR_NAME } from './audit-files';
import { readLog } from './checksummed-log';
import { DATA_FILE_NAME } from './paths';
import { LowdbWorkspaceStore, type StoreOptions } from './store';
import { articleWithClaims, BUDGET_SPANS, BUDGET_TEXT, callerFor, value, type Call } from './test-helpers';
import type { AuditRecords } from './audit-log';
import type { JournalOp } from './journal-ops';
import { JOURNAL_FILE_NAME } from './workspace-loader';

/** A journal line's record (workspace-loader.ts). */
export interface JournalRecord {
  readonly seq: number;
  readonly ops: JournalOp[];
  readonly audit: AuditRecords;
}

export const journalFile = (dir: string) => path.join(dir, JOURNAL_FILE_NAME);
export const snapshotFile = (dir: string) => path.join(dir, DATA_FILE_NAME);
export const auditFile = (dir: string, k = 1) => path.join(dir, AUDIT_DIR_NAME, `${String(k).padStart(6, '0')}.log`);

/** A store on `dir` with the sample article plus an article of three claims (made through the API). */
export async function openSeeded(dir: string, options: StoreOptions = {}): Promise<{ store: LowdbWorkspaceStore; call: Call; ids: string[] }> {
  const store = await LowdbWorkspaceStore.open(dir, options);
  const call = callerFor(store);
  const { ids } = await articleWithClaims(call, BUDGET_TEXT, BUDGET_SPANS);
  return { store, call, ids: [...ids] };
}

/** `n` edits of the claims' wording, one write each (they wait for one another), each giving an audit entry. */
export async function editClaims(call: Call, ids: readonly string[], n: number, label = 'Edit'): Promise<void> {
  for (let i = 0; i < n; i++) value(await call('updateClaim', { id: ids[i % ids.length], patch: { text: `${label} ${i} of the claim's wording` } }));
}

/** The journal's records (throws if it has a damaged tail: these tests know when it should). */
export async function journalRecords(dir: string): Promise<JournalRecord[]> {
  const log = await readLog(journalFile(dir));
  expect(log.damage).toBeNull();
  return log.records as JournalRecord[];
}

export type AuditFileRecord = { n: number; e: AuditEntry } | { reset: true };

/** The audit log the audit file's records make. */
export function logOf(records: readonly AuditFileRecord[]): AuditEntry[] {
  const log: AuditEntry[] = [];
  for (const record of records) {
    if ('reset' in record) log.length = 0;
    else log[record.n] = record.e;
  }
  return log;
}

/** An audit file's records. */
export async function auditRecords(dir: string, k = 1): Promise<AuditFileRecord[]> {
  const log = await readLog(auditFile(dir, k));
  expect(log.damage).toBeNull();
  return log.records as AuditFileRecord[];
}

/** The snapshot as it is in workspace.json (journalSeq and auditLength included). */
export async function snapshotOf(dir: string): Promise<Workspace & { journalSeq?: number; auditLength?: number }> {
  return JSON.parse(await readFile(snapshotFile(dir), 'utf8')) as Workspace & { journalSeq?: number; auditLength?: number };
}

/** Every file under `dir` (relative name → bytes): to show that nothing at all was written, moved or added. */
export async function folderFiles(dir: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    files.set(path.relative(dir, full), await readFile(full));
  }
  return files;
}

/** Reopens the folder and checks it holds exactly `expected` (data and audit), with no startup notice. */
export async function expectReopens(dir: string, expected: { data: Workspace; audit: readonly AuditEntry[] }, options: StoreOptions = {}): Promise<LowdbWorkspaceStore> {
  const reopened = await LowdbWorkspaceStore.open(dir, options);
  expect(reopened.data).toEqual(expected.data);
  expect(reopened.audit).toEqual(expected.audit);
  expect(reopened.startupNotice).toBeNull();
  return reopened;
}
