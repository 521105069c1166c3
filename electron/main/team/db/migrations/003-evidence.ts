import type { SchemaMigration } from './types';

/**
 * Evidence that lasts (workspace data format 5 → 6, as shared/domain/migrations/005 does for
 * data files): each stored source loses `archiveUrl` — a link the app built from the time the
 * source was added, with nothing archived there — and gets `archive: {"state": "none"}` and no
 * local `copies` when it has none of them (an object, an array) already. The links dropped are
 * kept first, in `migration_notes` (one row, only when there was a link: the file migration's
 * note in backups/). Only a format-5 workspace is converted; the store refuses any other.
 * Local copies of source pages get their own table: written once (the primary key), never
 * updated (team/pg-copy-store.ts).
 *
 * Old change-log payloads keep their `archiveUrl`: the log is what was sent, and the Source
 * schema ignores the key and gives the new fields their defaults, so a client reading the log
 * from an old number still reads them (db/migrate-evidence.test.ts).
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
        'migration', '005-truthful-archive',
        'why', 'These links were built from the time each source was added; nothing was archived at that address. '
          || 'They are no longer shown as archived copies. Use "Find existing snapshot" or "Archive now" on a source to record a real one.',
        'dropped', jsonb_agg(jsonb_build_object(
          'sourceId', coalesce(doc->>'id', id), 'title', coalesce(doc->>'title', ''), 'url', coalesce(doc->>'url', ''), 'link', doc->>'archiveUrl'
        ) ORDER BY ord, id))
      FROM entities
      WHERE collection = 'sources' AND jsonb_typeof(doc->'archiveUrl') = 'string' AND doc->>'archiveUrl' <> ''
        AND EXISTS (SELECT 1 FROM workspace WHERE schema_version = 5)
      HAVING count(*) > 0;
    UPDATE entities
      SET doc = (doc - 'archiveUrl')
        || CASE WHEN jsonb_typeof(doc->'archive') = 'object' THEN '{}'::jsonb ELSE '{"archive": {"state": "none"}}'::jsonb END
        || CASE WHEN jsonb_typeof(doc->'copies') = 'array' THEN '{}'::jsonb ELSE '{"copies": []}'::jsonb END
      WHERE collection = 'sources' AND EXISTS (SELECT 1 FROM workspace WHERE schema_version = 5);
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
