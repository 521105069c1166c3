import { describe, expect, inject, it } from 'vitest';
import pg from 'pg';
import { createTestDatabase } from './throwaway-cluster';

describe('the throwaway PostgreSQL cluster', () => {
  it('gives each test its own empty database on 127.0.0.1', async () => {
    const a = await createTestDatabase(inject('postgresUrl'));
    const b = await createTestDatabase(inject('postgresUrl'));
    expect(a).not.toBe(b);
    expect(new URL(a).hostname).toBe('127.0.0.1');
    const client = new pg.Client({ connectionString: a });
    await client.connect();
    try {
      await client.query('CREATE TABLE t (n int)');
      await client.query('INSERT INTO t VALUES (1), (2)');
      const { rows } = await client.query<{ total: string }>('SELECT sum(n) AS total FROM t');
      expect(rows[0]?.total).toBe('3');
      const version = await client.query<{ server_version: string }>('SHOW server_version');
      expect(Number.parseInt(version.rows[0]!.server_version, 10)).toBeGreaterThanOrEqual(15);
    } finally {
      await client.end();
    }
    const other = new pg.Client({ connectionString: b });
    await other.connect();
    try {
      const { rows } = await other.query("SELECT to_regclass('t') AS t");
      expect(rows[0]?.t).toBeNull();
    } finally {
      await other.end();
    }
  });
});
