import type { SchemaMigration } from './types';

/**
 * Evidence that lasts (workspace data format 5 → 6, as migration 005 of the data files):
 * each stored source loses `archiveUrl` — a link the app built from the time the source was
 * added, with nothing archived there — and gets `archive: {"state": "none"}` and no local
 * `copies`. The links dropped are kept in `migration_notes` first. Local copies of source
 * pages get their own table: written once (the primary key), never updated.
 *
 * Old change-log payloads keep their `archiveUrl`: the Source schema ignores it and gives
 * the new fields their defaults, so a client reading the log from 0 still reads them.
 */
export const evidenceTables: SchemaMigration = {
  version: 3,
  name: 'evidence',
  sql: `
    CREATE TABLE migration_notes (
      id bigserial PRIMARY KEY,
      migration text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      note jsonb NOT NULL
    );
    INSERT INTO migration_notes (migration, note)
      SELECT 'workspace 005-truthful-archive', jsonb_build_object(
        'why', 'These links were built from the time each source was added; nothing was archived at that address. They are no longer shown as archived copies.',
        'dropped', jsonb_agg(jsonb_build_object('sourceId', id, 'title', doc->>'title', 'url', doc->>'url', 'link', doc->>'archiveUrl') ORDER BY ord))
      FROM entities
      WHERE collection = 'sources' AND jsonb_typeof(doc->'archiveUrl') = 'string' AND doc->>'archiveUrl' <> ''
      HAVING count(*) > 0;
    UPDATE entities
      SET doc = (doc - 'archiveUrl')
        || CASE WHEN doc ? 'archive' THEN '{}'::jsonb ELSE '{"archive": {"state": "none"}}'::jsonb END
        || CASE WHEN doc ? 'copies' THEN '{}'::jsonb ELSE '{"copies": []}'::jsonb END
      WHERE collection = 'sources';
    UPDATE workspace SET schema_version = 6 WHERE schema_version = 5;
    CREATE TABLE source_copies (
      id text PRIMARY KEY,
      source_id text NOT NULL,
      sha256 text NOT NULL,
      doc jsonb NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    );
  `,
};
