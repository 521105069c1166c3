/**
 * A large audit log is not read to start (workspace-loader.ts): the store numbers new entries
 * after the ones on disk and reads them when they are first needed. `lazyAuditBytes: 0`
 * makes any log "large" here.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../../shared/domain/schemas';
import { AUDIT_DIR_NAME } from './audit-files';
import { LowdbWorkspaceStore } from './store';
import { articleWithClaims, BUDGET_SPANS, BUDGET_TEXT, callerFor, value, withTempDir } from './test-helpers';
import { storedWorkspace } from './test-stored';

/** A folder whose audit files hold a few entries, folded into the snapshot (so it records their count). */
async function withHistory(dir: string): Promise<{ claimId: string; entries: number }> {
  const store = await LowdbWorkspaceStore.open(dir, { foldBytes: 0 });
  const call = callerFor(store);
  const { ids } = await articleWithClaims(call, BUDGET_TEXT, BUDGET_SPANS);
  const claimId = ids[0];
  for (const status of ['researching', 'dropped', 'researching'] as const) value(await call('updateClaim', { id: claimId, patch: { status } }));
  const entries = store.audit.length;
  await store.close();
  return { claimId, entries };
}

describe('a large audit log', () => {
  it('is read when first needed, and new entries follow the ones on disk', async () => {
    await withTempDir(async (dir) => {
      const { claimId, entries } = await withHistory(dir);
      const store = await LowdbWorkspaceStore.open(dir, { lazyAuditBytes: 0 });
      // Nothing of the log was read to start…
      expect(store.audit).toEqual([]);
      const call = callerFor(store);
      value(await call('updateClaim', { id: claimId, patch: { status: 'dropped' } }));
      // …and the new entry still comes after every entry on disk.
      const history = value(await call('getClaimHistory', { claimId }));
      // The three changes before the restart, read from the files, then the new one.
      expect(history.filter((e) => e.field === 'status')).toHaveLength(4);
      expect(history.at(-1)).toMatchObject({ field: 'status' });
      expect(store.audit).toHaveLength(entries + 1);
      await store.close();
      const stored = await storedWorkspace(store);
      expect(stored.audit).toHaveLength(entries + 1);
      expect(stored.audit.slice(0, entries)).toEqual(store.audit.slice(0, entries));
    });
  });

  it('damaged in the middle of a file: found when read, the damaged line set aside, the entries after it kept, and told in the startup notice', async () => {
    await withTempDir(async (dir) => {
      const { claimId } = await withHistory(dir);
      const [segment] = await readdir(path.join(dir, AUDIT_DIR_NAME));
      const file = path.join(dir, AUDIT_DIR_NAME, segment!);
      const lines = (await readFile(file, 'utf8')).split('\n');
      // A reset, then one record an entry: every entry but the first (on line 2) is still whole.
      const whole = lines.slice(2, -1).map((line) => (JSON.parse(line.slice(9)) as { e: AuditEntry }).e);
      lines[1] = lines[1]!.replace('"claimId"', '"claimID"'); // the checksum no longer matches
      await writeFile(file, lines.join('\n'));
      const store = await LowdbWorkspaceStore.open(dir, { lazyAuditBytes: 0 });
      expect(store.startupNotice).toBeNull(); // the newest line is whole: nothing to say yet
      const history = await store.claimHistory(claimId);
      expect(history).toEqual(whole.filter((e) => e.claimId === claimId));
      expect(history.filter((e) => e.field === 'status')).toHaveLength(3);
      expect(store.startupNotice).toMatchObject({ kind: 'repaired' });
      expect(store.startupNotice!.message).toMatch(/line 2 does not match its checksum/);
      const aside = (await readdir(path.join(dir, AUDIT_DIR_NAME))).filter((name) => name.includes('.damaged-'));
      expect(aside).toHaveLength(1);
      await store.close();
    });
  });
});
