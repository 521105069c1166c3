import { describe, expect, inject, it } from 'vitest';
import pg from 'pg';
import { createTestDatabase } from '../../../../scripts/postgres/throwaway-cluster';
import { migrate, NewerDatabaseError } from './migrate';
import { SCHEMA_MIGRATIONS } from './migrations/index';

async function connect(): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: await createTestDatabase(inject('postgresUrl')) });
  await client.connect();
  return client;
}

describe('team database migrations', () => {
  it('apply every migration once, in order, and nothing the second time', async () => {
    const client = await connect();
    try {
      expect(await migrate(client)).toEqual(SCHEMA_MIGRATIONS.map((m) => m.version));
      expect(await migrate(client)).toEqual([]);
      const { rows } = await client.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
      expect(rows.map((r) => r.version)).toEqual(SCHEMA_MIGRATIONS.map((m) => m.version));
      const tables = await client.query<{ t: string }>("SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public' ORDER BY 1");
      expect(tables.rows.map((r) => r.t)).toEqual(expect.arrayContaining(['workspace', 'entities', 'audit', 'changes', 'people', 'sessions']));
    } finally {
      await client.end();
    }
  });

  it('roll a failing migration back whole and say which one failed', async () => {
    const client = await connect();
    try {
      const broken = [{ version: 1, name: 'half', sql: 'CREATE TABLE half (n int); SELECT no_such_function();' }];
      await expect(migrate(client, broken)).rejects.toThrow(/migration 1 \(half\) failed/);
      const { rows } = await client.query("SELECT to_regclass('half') AS t");
      expect(rows[0]?.t).toBeNull();
      const applied = await client.query('SELECT version FROM schema_migrations');
      expect(applied.rowCount).toBe(0);
    } finally {
      await client.end();
    }
  });

  it('refuse a database from a newer team server and leave it alone', async () => {
    const client = await connect();
    try {
      await migrate(client);
      await client.query("INSERT INTO schema_migrations (version, name) VALUES (99, 'future')");
      await expect(migrate(client)).rejects.toBeInstanceOf(NewerDatabaseError);
    } finally {
      await client.end();
    }
  });
});
