/** Local copies in the team database, against a real throwaway PostgreSQL (no mocks): kept once, never rewritten. */
import { createHash } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createTestDatabase } from '../../../scripts/postgres/throwaway-cluster';
import { ApiError } from '../../../shared/api/result';
import type { LocalCopy } from '../../../shared/domain/evidence';
import { migrate } from './db/migrate';
import { PgCopyStore } from './pg-copy-store';

let pool: pg.Pool;

beforeAll(async () => {
  pool = new pg.Pool({ connectionString: await createTestDatabase(inject('postgresUrl')), max: 4 });
  const client = await pool.connect();
  try {
    await migrate(client);
  } finally {
    client.release();
  }
});

afterAll(async () => {
  await pool.end();
});

let serial = 0;
function copyOf(text: string, more: Partial<LocalCopy> = {}): LocalCopy {
  const body = Buffer.from(`<html><body><p>${text}</p></body></html>`);
  return {
    id: `copy_${String(++serial).padStart(4, '0')}`,
    sourceId: 'src_labour_01',
    requestedUrl: 'https://stats.example/labour',
    finalUrl: 'https://stats.example/labour/may',
    fetchedAt: '2026-12-05T09:12:00.000Z',
    sha256: createHash('sha256').update(body).digest('hex'),
    bytes: body.length,
    title: 'Labour market, May',
    byline: 'Statistics office',
    contentType: 'text/html; charset=utf-8',
    text,
    ...more,
  };
}

async function rowsOf(id: string) {
  const { rows } = await pool.query<{ source_id: string; sha256: string; doc: unknown; created_at: Date }>('SELECT source_id, sha256, doc, created_at FROM source_copies WHERE id = $1', [id]);
  return rows;
}

async function refusal(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

describe('PgCopyStore', () => {
  it('keeps a copy in source_copies and gives it back as it was', async () => {
    const store = new PgCopyStore(pool);
    const copy = copyOf('The rate was 4.3% — «Économie» 📉, "quoted", back\\slash,\nnew line.');
    await store.put(copy);
    expect(await store.get(copy.id)).toEqual(copy);
    const rows = await rowsOf(copy.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ source_id: copy.sourceId, sha256: copy.sha256, doc: copy });
  });

  it('answers null for an id it does not keep', async () => {
    expect(await new PgCopyStore(pool).get('copy_nosuch')).toBeNull();
  });

  it('accepts a replay of the same copy without writing it again', async () => {
    const store = new PgCopyStore(pool);
    const copy = copyOf('Replayed by an outbox.');
    await store.put(copy);
    const [first] = await rowsOf(copy.id);
    await store.put(structuredClone(copy));
    const rows = await rowsOf(copy.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.created_at).toEqual(first!.created_at);
  });

  it('refuses other content under a taken id, and keeps the first', async () => {
    const store = new PgCopyStore(pool);
    const copy = copyOf('The rate was 4.3%.');
    await store.put(copy);
    const forged = { ...copy, text: 'The rate was 3.1%.', sha256: 'b'.repeat(64) };
    const error = await refusal(store.put(forged));
    expect(error.code).toBe('conflict');
    expect(error.message).toBe(`A local copy with id ${copy.id} is already kept with other content: copies are never rewritten.`);
    // The same bytes claimed for another source is not the same copy either.
    expect((await refusal(store.put({ ...copy, sourceId: 'src_other_01' }))).code).toBe('conflict');
    expect(await store.get(copy.id)).toEqual(copy);
  });

  it('keeps one row when two puts of the same copy race, and one winner when they differ', async () => {
    const store = new PgCopyStore(pool);
    const copy = copyOf('Sent twice at once.');
    await Promise.all([store.put(copy), store.put(copy), new PgCopyStore(pool).put(copy)]);
    expect(await rowsOf(copy.id)).toHaveLength(1);

    const a = copyOf('Version A.');
    const b = { ...a, text: 'Version B.', sha256: 'c'.repeat(64) };
    const results = await Promise.allSettled([store.put(a), store.put(b)]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((r) => r.status === 'rejected');
    expect((rejected!.reason as ApiError).code).toBe('conflict');
    const kept = await store.get(a.id);
    expect([a, b]).toContainEqual(kept);
  });

  it('works inside a transaction on a client, and a rollback keeps nothing', async () => {
    const client = await pool.connect();
    const copy = copyOf('Written in a transaction.');
    try {
      await client.query('BEGIN');
      const store = new PgCopyStore(client);
      await store.put(copy);
      expect(await store.get(copy.id)).toEqual(copy);
      await client.query('ROLLBACK');
    } finally {
      client.release();
    }
    expect(await new PgCopyStore(pool).get(copy.id)).toBeNull();
  });

  it('keeps a large copy whole', async () => {
    const store = new PgCopyStore(pool);
    const copy = copyOf('Paragraph of a long report.\n\n'.repeat(100_000));
    await store.put(copy);
    expect((await store.get(copy.id))?.text).toBe(copy.text);
  });

  it('refuses what is not a copy, and a NUL character jsonb cannot hold, in words', async () => {
    const store = new PgCopyStore(pool);
    await expect(store.put({ ...copyOf('x'), sha256: 'abc' })).rejects.toThrow(/SHA-256/);
    const nul = copyOf('before\u0000after');
    const error = await refusal(store.put(nul));
    expect(error.code).toBe('invalid_input');
    expect(error.message).toMatch(/NUL character/);
    expect(await rowsOf(nul.id)).toHaveLength(0);
    // The six characters \u0000 written on a page about JSON are text like any other.
    const written = copyOf('Escape NUL as \\u0000 in JSON.');
    await store.put(written);
    expect((await store.get(written.id))?.text).toBe('Escape NUL as \\u0000 in JSON.');
  });

  it('says a damaged row is damaged rather than giving it out', async () => {
    await pool.query("INSERT INTO source_copies (id, source_id, sha256, doc) VALUES ('copy_damaged', 'src_labour_01', $1, '{\"id\": \"copy_damaged\"}')", ['d'.repeat(64)]);
    await expect(new PgCopyStore(pool).get('copy_damaged')).rejects.toThrow(/copy_damaged in the team database is damaged/);
  });
});
