import type { SchemaMigration } from './types';

/**
 * The shared workspace: its settings, its entities (one row each, as the JSON the domain
 * schemas validate, in workspace order), the append-only audit log, and the change log:
 * every applied change with its server-ordered sequence number, which clients catch up from.
 */
export const workspaceTables: SchemaMigration = {
  version: 1,
  name: 'workspace',
  sql: `
    CREATE TABLE workspace (
      id int PRIMARY KEY CHECK (id = 1),
      schema_version int NOT NULL,
      settings jsonb NOT NULL
    );
    CREATE TABLE entities (
      collection text NOT NULL CHECK (collection IN ('articles', 'claims', 'sources')),
      id text NOT NULL,
      ord double precision NOT NULL,
      doc jsonb NOT NULL,
      PRIMARY KEY (collection, id)
    );
    CREATE TABLE audit (
      seq bigserial PRIMARY KEY,
      claim_id text NOT NULL,
      entry jsonb NOT NULL
    );
    CREATE INDEX audit_by_claim ON audit (claim_id, seq);
    CREATE TABLE changes (
      seq bigserial PRIMARY KEY,
      at timestamptz NOT NULL DEFAULT now(),
      actor text NOT NULL,
      label text NOT NULL,
      payload jsonb NOT NULL
    );
  `,
};
