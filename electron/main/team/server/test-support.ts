/** Test helpers for the team server: a migrated database of its own per test, on the run's throwaway PostgreSQL (made by the test). */
import pg from 'pg';
import { migrate } from '../db/migrate';
import { People, type PeopleOptions } from './people';

/** Cheap hashes for tests that are not about hashing (the real cost is tested once). */
export const TEST_COST = { N: 2 ** 10, r: 8, p: 1 };

export interface TestPeople {
  people: People;
  pool: pg.Pool;
  url: string;
  close(): Promise<void>;
}

/** People over `url`, a new database (createTestDatabase(inject('postgresUrl'))), migrated. */
export async function testPeople(url: string, options: PeopleOptions = {}): Promise<TestPeople> {
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  const client = await pool.connect();
  try {
    await migrate(client);
  } finally {
    client.release();
  }
  return { people: new People(pool, { cost: TEST_COST, ...options }), pool, url, close: () => pool.end() };
}

/** A clock tests move by hand. */
export class ManualClock {
  ms = Date.parse('2026-12-01T09:00:00.000Z');
  readonly date = (): Date => new Date(this.ms);
  readonly now = (): number => this.ms;
  advance(ms: number): void {
    this.ms += ms;
  }
}
