/**
 * Team database migration 3 (evidence) on a real throwaway PostgreSQL: a database built as
 * the team server before it left it (schema 2, a format-5 workspace, rows inserted by hand),
 * migrated, read by the store, and its old change log read by a client as the replica does.
 */
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { describe, expect, inject, it } from 'vitest';
import { createTestDatabase } from '../../../../scripts/postgres/throwaway-cluster';
import { ChangeRecord } from '../../../../shared/api/contract';
import { SCHEMA_VERSION } from '../../../../shared/domain/schemas';
import { LowdbWorkspaceStore } from '../../services/store';
import { withTempDir } from '../../services/test-helpers';
import { withTeamStore } from '../pg-test-helpers';
import { applyServerChanges, replaceWithServer } from '../replica/local-copy';
import { migrate } from './migrate';
import { SCHEMA_MIGRATIONS } from './migrations/index';

type Doc = Record<string, unknown> & { id: string };
type V5 = { settings: Record<string, unknown>; articles: Doc[]; claims: Doc[]; sources: Doc[] };

const OLD_LINK = 'https://web.archive.org/web/20261125100000/https://stats.example/labour?month=may';
const SNAPSHOT = {
  state: 'archived',
  service: 'internet_archive',
  snapshotUrl: 'https://web.archive.org/web/20261201080000/https://stats.example/prices',
  snapshotAt: '2026-12-01T08:00:00Z',
  origin: 'found',
  recordedAt: '2026-12-01T08:05:00.000Z',
};

/** The format-5 fixture of the data-file migrations, with a third source: half-converted (an archive state and an old link). */
function v5(): V5 {
  const ws = JSON.parse(readFileSync(new URL('../../../../shared/domain/migrations/fixtures/workspace-v5.json', import.meta.url), 'utf8')) as V5;
  ws.sources.push({ ...ws.sources[0]!, id: 'src_v5_0003', url: 'https://stats.example/prices', title: 'Prices', archiveUrl: 'https://web.archive.org/web/20261126000000/https://stats.example/prices', archive: SNAPSHOT, copies: [] });
  ws.claims.find((c) => c.id === 'v4id000003')!.sources = [{ sourceId: 'src_v5_0003', stance: 'supports' }];
  return ws;
}

/** A database as schema 2 left it, holding `ws` as the team server of format 5 wrote it. */
async function version2Database(ws: V5, changes: Array<{ payload: unknown }> = []): Promise<string> {
  const url = await createTestDatabase(inject('postgresUrl'));
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    expect(await migrate(client, SCHEMA_MIGRATIONS.filter((m) => m.version <= 2))).toEqual([1, 2]);
    await client.query('INSERT INTO workspace (id, schema_version, settings) VALUES (1, 5, $1)', [{ ...ws.settings, currentEditor: '' }]);
    for (const collection of ['articles', 'claims', 'sources'] as const) {
      for (const [i, doc] of ws[collection].entries()) {
        await client.query('INSERT INTO entities (collection, id, ord, doc) VALUES ($1, $2, $3, $4)', [collection, doc.id, i, doc]);
      }
    }
    for (const [i, change] of changes.entries()) {
      await client.query("INSERT INTO changes (seq, at, actor, label, payload) VALUES ($1, '2026-11-26T09:00:00Z', 'Ana', 'Add source', $2)", [i + 1, change.payload]);
    }
  } finally {
    await client.end();
  }
  return url;
}

async function onDatabase<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

const without = (doc: Doc, key: string) => Object.fromEntries(Object.entries(doc).filter(([k]) => k !== key));

describe('team database migration 3 (evidence)', () => {
  it('keeps the dropped archive links in a note, converts the sources to format 6, and the store opens the workspace', async () => {
    const ws = v5();
    const url = await version2Database(ws);
    await onDatabase(url, async (client) => {
      expect(await migrate(client)).toEqual([3]);

      const sources = await client.query<{ doc: Doc }>("SELECT doc FROM entities WHERE collection = 'sources' ORDER BY ord");
      expect(sources.rows.map((r) => r.doc)).toEqual([
        { ...without(ws.sources[0]!, 'archiveUrl'), archive: { state: 'none' }, copies: [] },
        { ...without(ws.sources[1]!, 'archiveUrl'), archive: { state: 'none' }, copies: [] },
        // What an archive said is kept: only the made-up link goes.
        { ...without(ws.sources[2]!, 'archiveUrl'), archive: SNAPSHOT, copies: [] },
      ]);
      // Articles and claims are as they were.
      const others = await client.query<{ doc: Doc }>("SELECT doc FROM entities WHERE collection <> 'sources' ORDER BY collection, ord");
      expect(others.rows.map((r) => r.doc)).toEqual([...ws.articles, ...ws.claims]);

      const version = await client.query<{ schema_version: number }>('SELECT schema_version FROM workspace');
      expect(version.rows).toEqual([{ schema_version: 6 }]);
      expect(SCHEMA_VERSION).toBe(6);

      const notes = await client.query<{ migration: string; created_at: Date; note: { dropped: unknown[]; why: string } }>('SELECT migration, created_at, note FROM migration_notes');
      expect(notes.rows).toHaveLength(1);
      expect(notes.rows[0]!.migration).toBe('workspace 005-truthful-archive');
      expect(notes.rows[0]!.created_at).toBeInstanceOf(Date);
      expect(notes.rows[0]!.note.why).toMatch(/nothing was archived at that address/);
      expect(notes.rows[0]!.note.dropped).toEqual([
        { sourceId: 'src_v5_0001', title: 'Labour market, May', url: 'https://stats.example/labour?month=may', link: OLD_LINK },
        { sourceId: 'src_v5_0003', title: 'Prices', url: 'https://stats.example/prices', link: 'https://web.archive.org/web/20261126000000/https://stats.example/prices' },
      ]);

      const copies = await client.query('SELECT * FROM source_copies');
      expect(copies.rowCount).toBe(0);
      const applied = await client.query<{ version: number; name: string }>('SELECT version, name FROM schema_migrations ORDER BY version');
      expect(applied.rows.map((r) => [r.version, r.name])).toEqual([[1, 'workspace'], [2, 'people'], [3, 'evidence']]);
      // Run again: nothing to do, nothing noted twice.
      expect(await migrate(client)).toEqual([]);
      expect((await client.query('SELECT 1 FROM migration_notes')).rowCount).toBe(1);
    });
    await withTeamStore(url, async (store) => {
      expect(store.data.sources.map((s) => [s.id, s.archive.state, s.copies])).toEqual([
        ['src_v5_0001', 'none', []],
        ['src_v5_0002', 'none', []],
        ['src_v5_0003', 'archived', []],
      ]);
      expect(store.data.sources.some((s) => 'archiveUrl' in s)).toBe(false);
    });
  });

  it('writes no note when no source had a link, and converts nothing in a database with no workspace yet', async () => {
    const ws = v5();
    ws.sources = ws.sources.map((s) => ({ ...without(s, 'archiveUrl'), id: s.id }));
    const url = await version2Database(ws);
    await onDatabase(url, async (client) => {
      expect(await migrate(client)).toEqual([3]);
      expect((await client.query('SELECT 1 FROM migration_notes')).rowCount).toBe(0);
      const sources = await client.query<{ doc: Doc }>("SELECT doc FROM entities WHERE collection = 'sources' ORDER BY ord");
      expect(sources.rows.map((r) => [r.doc.archive, r.doc.copies])).toEqual([
        [{ state: 'none' }, []],
        [{ state: 'none' }, []],
        [SNAPSHOT, []],
      ]);
    });

    const fresh = await createTestDatabase(inject('postgresUrl'));
    await onDatabase(fresh, async (client) => {
      expect(await migrate(client)).toEqual(SCHEMA_MIGRATIONS.map((m) => m.version));
      expect((await client.query('SELECT 1 FROM migration_notes')).rowCount).toBe(0);
      expect((await client.query('SELECT 1 FROM workspace')).rowCount).toBe(0);
    });
    // The store starts a new workspace there at format 6.
    await withTeamStore(fresh, async (store) => {
      expect(store.data.schemaVersion).toBe(6);
    });
  });

  it('leaves old change-log payloads as they were, and a client reading them gets format-6 sources', async () => {
    const ws = v5();
    const old = { ...ws.sources[0]!, excerpt: 'The rate was 4.3% (as first added).' };
    const payload = { articles: [], claims: [], sources: [old], removed: { articles: [], claims: [], sources: [] }, settings: null };
    const url = await version2Database(ws, [{ payload }]);
    await onDatabase(url, async (client) => {
      await migrate(client);
      const kept = await client.query<{ payload: unknown }>('SELECT payload FROM changes WHERE seq = 1');
      expect(kept.rows[0]!.payload).toEqual(payload);
    });

    await withTempDir(async (dir) => {
      const local = await LowdbWorkspaceStore.open(dir, { kind: 'browser' });
      try {
        await withTeamStore(url, async (store) => {
          await replaceWithServer(local, store.data, 'Bo', false);
          const records = await store.changesSince(0);
          expect(records.map((r) => r.seq)).toEqual([1]);
          // As it travels (JSON over the live stream), read with the contract's schema…
          const parsed = ChangeRecord.parse(JSON.parse(JSON.stringify(records[0])));
          expect(parsed.changes.sources).toEqual([{ ...without(old, 'archiveUrl'), archive: { state: 'none' }, copies: [] }]);
          // …and as the replica applies it (team-replica.ts: the record as it arrived, unparsed).
          await applyServerChanges(local, (JSON.parse(JSON.stringify(records[0])) as ChangeRecord).changes, 'Bo');
        });
        const source = local.data.sources.find((s) => s.id === old.id)!;
        expect(source.excerpt).toBe('The rate was 4.3% (as first added).');
        expect(source.archive).toEqual({ state: 'none' });
        expect(source.copies).toEqual([]);
        expect('archiveUrl' in source).toBe(false);
      } finally {
        await local.close();
      }
    });
  });
});
