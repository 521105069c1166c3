/**
 * Opening a version 2 data file (the audit log inside it), on real files: migration 002
 * moves the log out to the audit files, workspace.json becomes a snapshot of the current version, and the
 * file as it was is kept in backups/ byte for byte. And a current file that carries an audit
 * log inside (as `npm run seed:large` writes one) next to a journal.
 */
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { newClaim } from '../../../shared/domain/new-claim';
import { quoteAt } from '../../../shared/domain/quote';
import { sampleWorkspace } from '../../../shared/domain/sample';
import { SCHEMA_VERSION, type AuditEntry, type Workspace } from '../../../shared/domain/schemas';
import { AUDIT_DIR_NAME } from './audit-files';
import { BACKUP_DIR_NAME } from './backups';
import { LowdbWorkspaceStore } from './store';
import { callerFor, TestClock, value, withTempDir } from './test-helpers';
import { auditRecords, expectReopens, journalRecords, logOf, openSeeded, snapshotFile, snapshotOf } from './test-storage';

/** A version 2 workspace: the sample article, two claims, and their audit log inside. */
function versionTwo(): { text: string; workspace: Workspace; audit: AuditEntry[] } {
  let n = 0;
  const at = '2026-10-01T09:00:00.000Z';
  const ws = sampleWorkspace(at, () => `v2id${String(++n).padStart(6, '0')}`);
  const article = ws.articles[0]!;
  const claims = [
    [0, 30],
    [96, 160],
  ].map(([start, end]) => newClaim({ id: `v2id${String(++n).padStart(6, '0')}`, articleId: article.id, text: article.text.slice(start, end).trim(), quote: quoteAt(article.text, start!, end!), score: 0.7, createdAt: at }));
  ws.claims = claims;
  const audit: AuditEntry[] = [
    ...claims.map((c) => ({ claimId: c.id, at, by: '', action: 'Create claim', field: null, from: null, to: null })),
    { claimId: claims[0]!.id, at: '2026-10-02T09:00:00.000Z', by: 'Sam Lee', action: 'Change status', field: 'status', from: 'New', to: 'Checking' },
    { claimId: claims[1]!.id, at: '2026-10-03T09:00:00.000Z', by: 'Ira Chen', action: 'Change wording', field: 'wording', from: claims[1]!.text, to: 'Reworded' },
  ];
  const workspace = { ...ws, schemaVersion: 2, audit } as unknown as Workspace;
  return { text: `${JSON.stringify(workspace, null, 2)}\n`, workspace, audit };
}

describe('LowdbWorkspaceStore: a version 2 data file', () => {
  it('is migrated: the audit log moves to audit/, workspace.json becomes a current-version snapshot with an empty log, and the original is kept in backups/', async () => {
    await withTempDir(async (dir) => {
      const { text, workspace, audit } = versionTwo();
      await writeFile(snapshotFile(dir), text);
      const clock = new TestClock();

      const store = await LowdbWorkspaceStore.open(dir, { now: clock.now });
      expect(store.startupNotice).toBeNull();
      expect(await store.readAudit()).toEqual(audit);
      expect(store.data).toEqual({ ...workspace, schemaVersion: SCHEMA_VERSION, audit: [] });
      const claimId = workspace.claims[1]!.id;
      expect((await store.claimHistory(claimId)).map((e) => e.action)).toEqual(['Create claim', 'Change wording']);
      const expected = { data: structuredClone(store.data), audit: structuredClone([...store.audit]) };
      await store.close();

      const snapshot = await snapshotOf(dir);
      expect(snapshot).toMatchObject({ schemaVersion: SCHEMA_VERSION, audit: [], journalSeq: 0, auditLength: audit.length });
      expect(await readdir(path.join(dir, AUDIT_DIR_NAME))).toEqual(['000001.log']);
      const records = await auditRecords(dir);
      expect(records[0]).toEqual({ reset: true });
      expect(logOf(records)).toEqual(audit);
      const kept = (await readdir(path.join(dir, BACKUP_DIR_NAME))).filter((name) => name.endsWith(`-before-v${SCHEMA_VERSION}.json`));
      expect(kept).toEqual([`workspace-2026-11-25T10-00-00-000Z-before-v${SCHEMA_VERSION}.json`]);
      expect(await readFile(path.join(dir, BACKUP_DIR_NAME, kept[0]!), 'utf8')).toBe(text);

      // Opened again: current already, nothing migrated or kept again; edits append after the moved entries.
      clock.advance(60_000);
      const again = await expectReopens(dir, expected, { now: clock.now });
      value(await callerFor(again)('updateClaim', { id: claimId, patch: { text: 'After the migration.' } }));
      expect(again.audit.slice(0, audit.length)).toEqual(audit);
      expect(again.audit.at(-1)).toMatchObject({ claimId, field: 'wording', to: 'After the migration.' });
      const after = { data: structuredClone(again.data), audit: structuredClone([...again.audit]) };
      await again.close();
      expect((await readdir(path.join(dir, BACKUP_DIR_NAME))).filter((name) => name.includes('-before-'))).toEqual(kept);
      const third = await expectReopens(dir, after, { now: clock.now });
      await third.close();
    });
  });

  it('a read-only open of a version 2 file reads its audit log from inside it and writes nothing', async () => {
    await withTempDir(async (dir) => {
      const { text, audit } = versionTwo();
      await writeFile(snapshotFile(dir), text);
      const store = await LowdbWorkspaceStore.openReadOnly(dir);
      expect(await store.readAudit()).toEqual(audit);
      await store.close();
      expect(await readdir(dir)).toEqual(['workspace.json']);
      expect(await readFile(snapshotFile(dir), 'utf8')).toBe(text);
    });
  });
});

describe('LowdbWorkspaceStore: a current file with its audit log inside', () => {
  it('next to a journal (a tool wrote the file over a used folder): the log inside plus the journal is moved out, whole', async () => {
    await withTempDir(async (dir) => {
      const clock = new TestClock();
      const seeded = await openSeeded(dir, { now: clock.now, foldBytes: 1 }); // folded: the journal starts after these entries
      await seeded.store.close();
      const snapshot = await snapshotOf(dir);
      const inside = structuredClone([...seeded.store.audit]);
      expect(snapshot.auditLength).toBe(inside.length);
      const store = await LowdbWorkspaceStore.open(dir, { now: clock.now });
      for (let i = 0; i < 3; i++) value(await callerFor(store)('updateClaim', { id: seeded.ids[i], patch: { text: `Edit ${i}` } }));
      const numbers = (await journalRecords(dir)).flatMap((r) => r.audit.entries.map(([n]) => n));
      expect(Math.min(...numbers)).toBe(inside.length); // numbered after the entries in the audit files
      const expected = { data: structuredClone(store.data), audit: structuredClone([...store.audit]) };
      await store.close();
      // The snapshot rewritten with the log it had inside it, the audit files gone (a folder copied without them).
      await writeFile(snapshotFile(dir), JSON.stringify({ ...snapshot, audit: inside, auditLength: undefined }));
      await rm(path.join(dir, AUDIT_DIR_NAME), { recursive: true });

      const first = await expectReopens(dir, expected, { now: clock.now });
      await first.close();
      expect((await snapshotOf(dir)).audit).toEqual([]);
      expect(logOf(await auditRecords(dir))).toEqual(expected.audit);
      const second = await expectReopens(dir, expected, { now: clock.now });
      await second.close();
    });
  });
});
