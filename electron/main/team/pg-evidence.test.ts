/** Evidence on the team server, against a real PostgreSQL: migration 3, and local copies kept once. */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { describe, expect, inject, it } from 'vitest';
import { createTestDatabase } from '../../../scripts/postgres/throwaway-cluster';
import type { LocalCopy } from '../../../shared/domain/evidence';
import { SCHEMA_VERSION } from '../../../shared/domain/schemas';
import { articleWithClaims, BUDGET_SPANS, BUDGET_TEXT, value } from '../services/test-helpers';
import { migrate } from './db/migrate';
import { SCHEMA_MIGRATIONS } from './db/migrations/index';
import { teamCaller, withTeamStore } from './pg-test-helpers';

const v5 = () => JSON.parse(readFileSync(new URL('../../../shared/domain/migrations/fixtures/workspace-v5.json', import.meta.url), 'utf8')) as Record<string, unknown[]> & { settings: Record<string, unknown> };

describe('team database migration 3 (evidence)', () => {
  it('drops the made-up archive links of stored sources into a note, marks them not archived, and the store opens the workspace', async () => {
    const url = await createTestDatabase(inject('postgresUrl'));
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await migrate(client, SCHEMA_MIGRATIONS.filter((m) => m.version < 3));
      const ws = v5();
      await client.query('INSERT INTO workspace (id, schema_version, settings) VALUES (1, 5, $1)', [{ ...ws.settings, currentEditor: '' }]);
      for (const collection of ['articles', 'claims', 'sources'] as const) {
        for (const [i, doc] of ws[collection]!.entries()) {
          await client.query('INSERT INTO entities (collection, id, ord, doc) VALUES ($1, $2, $3, $4)', [collection, (doc as { id: string }).id, i, doc]);
        }
      }
      expect(await migrate(client)).toEqual([3]);
      const sources = await client.query<{ doc: Record<string, unknown> }>("SELECT doc FROM entities WHERE collection = 'sources' ORDER BY ord");
      expect(sources.rows.map((r) => [r.doc.archiveUrl, r.doc.archive, r.doc.copies])).toEqual([
        [undefined, { state: 'none' }, []],
        [undefined, { state: 'none' }, []],
      ]);
      const notes = await client.query<{ migration: string; note: { dropped: unknown[] } }>('SELECT migration, note FROM migration_notes');
      expect(notes.rows).toHaveLength(1);
      expect(notes.rows[0]!.note.dropped).toEqual([
        { sourceId: 'src_v5_0001', title: 'Labour market, May', url: 'https://stats.example/labour?month=may', link: 'https://web.archive.org/web/20261125100000/https://stats.example/labour?month=may' },
      ]);
      const version = await client.query<{ schema_version: number }>('SELECT schema_version FROM workspace');
      expect(version.rows[0]!.schema_version).toBe(SCHEMA_VERSION);
    } finally {
      await client.end();
    }
    await withTeamStore(url, async (store) => {
      expect(store.data.sources.map((s) => s.archive.state)).toEqual(['none', 'none']);
    });
  });
});

describe('local copies on the team server', () => {
  it('are kept once in source_copies, listed on the source for everyone, and never rewritten', async () => {
    const url = await createTestDatabase(inject('postgresUrl'));
    await withTeamStore(url, async (store) => {
      const ana = teamCaller(store, 'Ana');
      const { ids } = await articleWithClaims(ana, BUDGET_TEXT, BUDGET_SPANS);
      const { source } = value(await ana('addSource', { claimId: ids[0], stance: 'refutes', source: { url: 'https://stats.example/labour', title: 'Labour' } }));
      expect(source.archive).toEqual({ state: 'none' });
      const body = Buffer.from('<p>The rate was 4.3%.</p>');
      const copy: LocalCopy = {
        id: 'copy_team_01',
        sourceId: source.id,
        requestedUrl: 'https://stats.example/labour',
        finalUrl: 'https://stats.example/labour',
        fetchedAt: '2026-11-25T10:00:00.000Z',
        sha256: createHash('sha256').update(body).digest('hex'),
        bytes: body.length,
        title: 'Labour',
        byline: '',
        contentType: 'text/html',
        text: 'The rate was 4.3%.',
      };
      expect(value(await ana('keepLocalCopy', { sourceId: source.id, copy })).copies.map((c) => c.id)).toEqual([copy.id]);
      // Bo's outbox sends the same copy again: nothing changes.
      const bo = teamCaller(store, 'Bo');
      expect(value(await bo('keepLocalCopy', { sourceId: source.id, copy })).copies).toHaveLength(1);
      expect(value(await bo('getLocalCopy', { copyId: copy.id }))).toEqual(copy);
      const forged = await bo('keepLocalCopy', { sourceId: source.id, copy: { ...copy, text: 'The rate was 3.1%.', sha256: 'b'.repeat(64) } });
      expect(forged).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringMatching(/never rewritten/) } });
      expect(value(await ana('getLocalCopy', { copyId: copy.id })).text).toBe('The rate was 4.3%.');
      const snapshot = { state: 'archived', service: 'internet_archive', snapshotUrl: 'https://web.archive.org/web/20261125093000/https://stats.example/labour', snapshotAt: '2026-11-25T09:30:00Z', origin: 'saved', recordedAt: '2026-11-25T10:00:00.000Z' };
      expect(value(await bo('recordArchive', { sourceId: source.id, archive: snapshot })).archive).toEqual(snapshot);
    });
    // Read back from the database by a new store.
    await withTeamStore(url, async (store) => {
      expect(store.data.sources.find((s) => s.copies.length > 0)!.archive.state).toBe('archived');
      expect((await store.copies.get('copy_team_01'))?.text).toBe('The rate was 4.3%.');
    });
  });
});
