/**
 * A team workspace's local copies of source pages, in the `source_copies` table (migration
 * 3): inserted once, never updated (a copy is evidence). A replay of the same copy (the same
 * id, source and digest, as an app's outbox sends it again after a lost answer) succeeds
 * without writing; other content under a taken id is refused. The primary key decides
 * between two puts racing with one id: the second waits for the first and then sees its row.
 */
import type pg from 'pg';
import { ApiError } from '../../../shared/api/result';
import { LocalCopy } from '../../../shared/domain/evidence';
import type { CopyStore } from '../services/evidence/types';

/** A pool or a client: anything that runs a query. */
export type Queryable = Pick<pg.Pool, 'query'> | Pick<pg.ClientBase, 'query'>;

export class PgCopyStore implements CopyStore {
  constructor(private readonly db: Queryable) {}

  async put(copy: LocalCopy): Promise<void> {
    const checked = LocalCopy.parse(copy);
    // jsonb cannot hold the NUL character: say so instead of failing inside the database.
    if (Object.values(checked).some((field) => typeof field === 'string' && field.includes('\0'))) {
      throw new ApiError('invalid_input', `The local copy ${checked.id} holds a NUL character, which the team database cannot keep: read the page again.`);
    }
    const inserted = await this.db.query('INSERT INTO source_copies (id, source_id, sha256, doc) VALUES ($1, $2, $3, $4::jsonb) ON CONFLICT (id) DO NOTHING', [
      checked.id,
      checked.sourceId,
      checked.sha256,
      JSON.stringify(checked),
    ]);
    if (inserted.rowCount === 1) return;
    const { rows } = await this.db.query<{ sha256: string; source_id: string }>('SELECT sha256, source_id FROM source_copies WHERE id = $1', [checked.id]);
    const kept = rows[0];
    if (kept && kept.sha256 === checked.sha256 && kept.source_id === checked.sourceId) return; // a replay
    throw new ApiError('conflict', `A local copy with id ${checked.id} is already kept with other content: copies are never rewritten.`);
  }

  async get(id: string): Promise<LocalCopy | null> {
    const { rows } = await this.db.query<{ doc: unknown }>('SELECT doc FROM source_copies WHERE id = $1', [id]);
    if (rows.length === 0) return null;
    const parsed = LocalCopy.safeParse(rows[0]!.doc);
    if (!parsed.success) throw new Error(`The local copy ${id} in the team database is damaged: ${parsed.error.issues[0]?.message ?? 'it does not read as a copy'}.`);
    return parsed.data;
  }
}
