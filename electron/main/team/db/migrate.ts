/**
 * Brings a team database to the newest schema: the migrations it has not had, in order,
 * each in its own transaction, recorded in `schema_migrations`. An advisory lock lets
 * several team-server processes start against one database at once. A database from a
 * newer version of the app is refused, not touched.
 */
import type pg from 'pg';
import { SCHEMA_MIGRATIONS, type SchemaMigration } from './migrations/index';

/** Any fixed number: the key of the advisory lock migrations hold. */
const MIGRATION_LOCK = 7_160_414;

export class NewerDatabaseError extends Error {
  constructor(readonly found: number, readonly known: number) {
    super(`This team database has schema version ${found}, newer than this team server knows (${known}). Update the team server.`);
    this.name = 'NewerDatabaseError';
  }
}

/** The versions applied; what `migrate` ran. */
export async function migrate(client: pg.ClientBase, migrations: readonly SchemaMigration[] = SCHEMA_MIGRATIONS): Promise<number[]> {
  await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
  try {
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version int PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    const { rows } = await client.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
    const applied = new Set(rows.map((r) => r.version));
    const newest = migrations.at(-1)?.version ?? 0;
    const found = Math.max(0, ...applied);
    if (found > newest) throw new NewerDatabaseError(found, newest);
    const ran: number[] = [];
    for (const migration of migrations) {
      if (applied.has(migration.version)) continue;
      await client.query('BEGIN');
      try {
        await client.query(migration.sql);
        await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [migration.version, migration.name]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw new Error(`Team database migration ${migration.version} (${migration.name}) failed: ${(error as Error).message}`, { cause: error });
      }
      ran.push(migration.version);
    }
    return ran;
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
  }
}
