/**
 * A team workspace's local copies of source pages, in the `source_copies` table: inserted
 * once, never updated (a copy is evidence). A replay of the same copy (the same id and
 * digest, from an app's outbox) succeeds without writing; other content under a taken id is
 * refused.
 */
import type pg from 'pg';
import { ApiError } from '../../../shared/api/result';
import { LocalCopy } from '../../../shared/domain/evidence';
import type { CopyStore } from '../services/evidence/types';

export class PgCopyStore implements CopyStore {
  constructor(private readonly pool: pg.Pool) {}

  async put(copy: LocalCopy): Promise<void> {
    const checked = LocalCopy.parse(copy);
    const inserted = await this.pool.query('INSERT INTO source_copies (id, source_id, sha256, doc) VALUES ($1, $2, $3, $4) ON CONFLICT (id) DO NOTHING', [
      checked.id,
      checked.sourceId,
      checked.sha256,
      checked,
    ]);
    if (inserted.rowCount === 1) return;
    const { rows } = await this.pool.query<{ sha256: string }>('SELECT sha256 FROM source_copies WHERE id = $1', [checked.id]);
    if (rows[0]?.sha256 !== checked.sha256) {
      throw new ApiError('conflict', `A local copy with id ${checked.id} is already kept with other content: copies are never rewritten.`);
    }
  }

  async get(id: string): Promise<LocalCopy | null> {
    const { rows } = await this.pool.query<{ doc: unknown }>('SELECT doc FROM source_copies WHERE id = $1', [id]);
    if (rows.length === 0) return null;
    const parsed = LocalCopy.safeParse(rows[0]!.doc);
    if (!parsed.success) throw new Error(`The local copy ${id} in the team database is damaged: ${parsed.error.issues[0]?.message ?? 'it does not read as a copy'}.`);
    return parsed.data;
  }
}
