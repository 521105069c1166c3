import { copyFile, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import type { LocalCopy } from '../../../shared/domain/evidence';
import { SCHEMA_VERSION } from '../../../shared/domain/schemas';
import { BACKUP_DIR_NAME } from './backups';
import { COPIES_DIR_NAME } from './evidence/file-copy-store';
import { DATA_FILE_NAME } from './paths';
import { articleWithClaims, BUDGET_SPANS, BUDGET_TEXT, expectRefused, TestClock, value, withApi, type Call } from './test-helpers';

const NOW = '2026-11-25T10:00:00.000Z';

async function sourceOn(call: Call, url = 'https://stats.example/labour') {
  const { article, ids } = await articleWithClaims(call, BUDGET_TEXT, BUDGET_SPANS);
  const { source } = value(await call('addSource', { claimId: ids[0], stance: 'refutes', source: { url, title: 'Labour market' } }));
  return { articleId: article.id, claimIds: ids, source };
}

function copyOf(sourceId: string, text: string, id = 'copy0000001'): LocalCopy {
  const bytes = Buffer.from(`<html><title>Labour</title><p>${text}</p></html>`);
  return {
    id,
    sourceId,
    requestedUrl: 'https://stats.example/labour',
    finalUrl: 'https://stats.example/labour/',
    fetchedAt: NOW,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    bytes: bytes.length,
    title: 'Labour',
    byline: 'Statistics Office',
    contentType: 'text/html; charset=utf-8',
    text,
  };
}

const snapshot = { state: 'archived', service: 'internet_archive', snapshotUrl: 'https://web.archive.org/web/20261125093000/https://stats.example/labour', snapshotAt: '2026-11-25T09:30:00Z', origin: 'found', recordedAt: NOW } as const;

describe('recording what an archive answered', () => {
  it('a new source is not archived; a snapshot is recorded with its address and date, in the claim history; a later failure never hides it', async () => {
    await withApi(async (call, store) => {
      const { claimIds, source } = await sourceOn(call);
      expect(source.archive).toEqual({ state: 'none' });
      const requested = value(await call('recordArchive', { sourceId: source.id, archive: { state: 'requested', service: 'internet_archive', requestedAt: NOW, jobId: 'spn2-1' } }));
      expect(requested.archive.state).toBe('requested');
      const archived = value(await call('recordArchive', { sourceId: source.id, archive: snapshot }));
      expect(archived.archive).toEqual(snapshot);
      await expectRefused(call, store, 'recordArchive', { sourceId: source.id, archive: { state: 'failed', service: 'internet_archive', failedAt: NOW, reason: 'busy' } }, 'conflict', /already has an archived snapshot/);
      const history = value(await call('getClaimHistory', { claimId: claimIds[0] }));
      expect(history.filter((e) => e.field === 'source archive').map((e) => e.to)).toEqual([
        'Archive requested 2026-11-25 10:00 UTC (Internet Archive has not answered yet)',
        `Internet Archive snapshot of 2026-11-25 09:30 UTC: ${snapshot.snapshotUrl}`,
      ]);
    });
  });

  it('refuses a snapshot without an http(s) address or date, and an unknown source, changing nothing', async () => {
    await withApi(async (call, store) => {
      const { source } = await sourceOn(call);
      await expectRefused(call, store, 'recordArchive', { sourceId: source.id, archive: { ...snapshot, snapshotUrl: 'javascript:alert(1)' } }, 'invalid_input', /http/);
      await expectRefused(call, store, 'recordArchive', { sourceId: source.id, archive: { ...snapshot, snapshotAt: 'yesterday' } }, 'invalid_input', /.+/);
      await expectRefused(call, store, 'recordArchive', { sourceId: 'nosuchsource', archive: snapshot }, 'not_found', /no source with id nosuchsource/);
    });
  });
});

describe('local copies', () => {
  it('are kept once in copies/, listed on the source, readable back, and never rewritten', async () => {
    await withApi(async (call, store, dir) => {
      const { source } = await sourceOn(call);
      const copy = copyOf(source.id, 'The rate was 4.3%.');
      const kept = value(await call('keepLocalCopy', { sourceId: source.id, copy }));
      expect(kept.copies).toEqual([{ id: copy.id, fetchedAt: copy.fetchedAt, finalUrl: copy.finalUrl, sha256: copy.sha256, bytes: copy.bytes, title: copy.title }]);
      expect(await readdir(path.join(dir, COPIES_DIR_NAME))).toEqual([`${copy.id}.json`]);
      expect(value(await call('getLocalCopy', { copyId: copy.id }))).toEqual(copy);
      // The same copy again (a replay from an outbox) changes nothing.
      expect(value(await call('keepLocalCopy', { sourceId: source.id, copy })).copies).toHaveLength(1);
      // Other content under the same id is refused: evidence is never rewritten.
      const forged = copyOf(source.id, 'The rate was 3.1%.');
      await expectRefused(call, store, 'keepLocalCopy', { sourceId: source.id, copy: forged }, 'conflict', /never rewritten/);
      expect(value(await call('getLocalCopy', { copyId: copy.id })).text).toBe('The rate was 4.3%.');
      await expectRefused(call, store, 'getLocalCopy', { copyId: 'nosuchcopy' }, 'not_found', /no local copy/);
      await expectRefused(call, store, 'keepLocalCopy', { sourceId: source.id, copy: { ...copy, sha256: 'abc' } }, 'invalid_input', /SHA-256/);
    });
  });

  it('travel in the article JSON export and the workspace backup, and are kept when read back', async () => {
    let bundle = '';
    let backup = '';
    let copy: LocalCopy | null = null;
    await withApi(async (call) => {
      const { articleId, source } = await sourceOn(call);
      copy = copyOf(source.id, 'The rate was 4.3%.');
      value(await call('keepLocalCopy', { sourceId: source.id, copy }));
      value(await call('recordArchive', { sourceId: source.id, archive: snapshot }));
      bundle = value(await call('exportReport', { articleId, format: 'json' })).content;
      backup = value(await call('exportWorkspace', {})).content;
    });
    expect((JSON.parse(bundle) as { copies: LocalCopy[] }).copies).toEqual([copy]);
    expect((JSON.parse(backup) as { copies: LocalCopy[] }).copies).toEqual([copy]);

    await withApi(async (call) => {
      value(await call('importBundle', { content: bundle }));
      const [source] = value(await call('getWorkspace', {})).sources.filter((s) => s.copies.length > 0);
      expect(source!.archive).toEqual(snapshot);
      expect(value(await call('getLocalCopy', { copyId: source!.copies[0]!.id })).text).toBe('The rate was 4.3%.');
    });
    await withApi(async (call) => {
      value(await call('restoreWorkspace', { content: backup, mode: 'replace' }));
      const source = value(await call('getWorkspace', {})).sources.find((s) => s.copies.length > 0)!;
      expect(value(await call('getLocalCopy', { copyId: source.copies[0]!.id }))).toEqual(copy);
    });
  });

  it('a copy in a file under an id this workspace already uses for another copy is kept under a new id', async () => {
    await withApi(async (call) => {
      const { articleId, source } = await sourceOn(call);
      const mine = copyOf(source.id, 'Mine.');
      value(await call('keepLocalCopy', { sourceId: source.id, copy: mine }));
      const exported = JSON.parse(value(await call('exportReport', { articleId, format: 'json' })).content) as { sources: { url: string; copies: { id: string; sha256: string }[] }[]; copies: LocalCopy[] };
      const theirs = copyOf(source.id, 'Theirs.');
      exported.sources[0]!.url = 'https://other.example/page';
      exported.sources[0]!.copies = [{ ...exported.sources[0]!.copies[0]!, sha256: theirs.sha256 }];
      exported.copies = [theirs];
      value(await call('importBundle', { content: JSON.stringify(exported) }));
      const added = value(await call('getWorkspace', {})).sources.find((s) => s.url === 'https://other.example/page')!;
      expect(added.copies[0]!.id).not.toBe(mine.id);
      expect(value(await call('getLocalCopy', { copyId: added.copies[0]!.id })).text).toBe('Theirs.');
      expect(value(await call('getLocalCopy', { copyId: mine.id })).text).toBe('Mine.');
    });
  });
});

describe('opening a version 5 data folder', () => {
  it('drops the made-up archive links and keeps them in a migration note in backups/, beside the file as it was', async () => {
    const clock = new TestClock();
    await withApi(
      async (call, store, dir) => {
        expect(store.data.schemaVersion).toBe(SCHEMA_VERSION);
        expect(store.data.sources.map((s) => s.archive)).toEqual([{ state: 'none' }, { state: 'none' }]);
        const names = await readdir(path.join(dir, BACKUP_DIR_NAME));
        expect(names).toContain(`workspace-2026-11-25T10-00-00-000Z-before-v${SCHEMA_VERSION}.json`);
        const note = names.find((n) => n.startsWith('migration-note-'))!;
        expect(note).toBe('migration-note-2026-11-25T10-00-00-000Z-archive-links-dropped.json');
        const text = JSON.parse(await readFile(path.join(dir, BACKUP_DIR_NAME, note), 'utf8')) as { dropped: { link: string }[] };
        expect(text.dropped.map((d) => d.link)).toEqual(['https://web.archive.org/web/20261125100000/https://stats.example/labour?month=may']);
        // The workspace still works, and the note is not taken for a backup of the workspace.
        value(await call('updateSource', { id: store.data.sources[0]!.id, patch: { notes: 'checked' } }));
      },
      { now: clock.now },
      async (dir) => copyFile(new URL('../../../shared/domain/migrations/fixtures/workspace-v5.json', import.meta.url), path.join(dir, DATA_FILE_NAME)),
    );
  });
});
