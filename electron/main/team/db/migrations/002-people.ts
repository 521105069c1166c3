import type { SchemaMigration } from './types';

/** The desk's people, their sessions and personal access tokens (only hashes are stored). */
export const peopleTables: SchemaMigration = {
  version: 2,
  name: 'people',
  sql: `
    CREATE TABLE people (
      id bigserial PRIMARY KEY,
      name text NOT NULL,
      name_key text NOT NULL UNIQUE,
      role text NOT NULL CHECK (role IN ('editor', 'admin')),
      password_hash text NOT NULL,
      disabled boolean NOT NULL DEFAULT false,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE TABLE sessions (
      token_hash text PRIMARY KEY,
      person_id bigint NOT NULL REFERENCES people (id) ON DELETE CASCADE,
      kind text NOT NULL CHECK (kind IN ('session', 'token')),
      label text,
      created_at timestamptz NOT NULL DEFAULT now(),
      -- Sessions end after a while unused (see team/server/people.ts); tokens record their last use.
      last_used_at timestamptz NOT NULL DEFAULT now(),
      -- A session's absolute end; null for a personal access token (revoked, not expired).
      expires_at timestamptz
    );
    CREATE INDEX sessions_by_person ON sessions (person_id);
  `,
};
