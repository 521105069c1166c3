import type { SchemaMigration } from './types';

/**
 * The shared workspace: its settings (currentEditor always empty: who acts is the request's
 * person), its entities (one row each, as the JSON the domain schemas validate, sorted by
 * `ord` in workspace order), the audit log (`n`: the entry's number in the log, so a burst
 * of coalesced edits rewrites its entry), and the change log: every applied change with its
 * sequence number 1, 2, 3…, which clients catch up from. The store gives each change the
 * next number in the transaction that writes it, and the primary key makes the number the
 * database's: two writers cannot both commit the same one (see team/pg-persist.ts).
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
      n bigint PRIMARY KEY,
      claim_id text NOT NULL,
      entry jsonb NOT NULL
    );
    CREATE INDEX audit_by_claim ON audit (claim_id, n);
    CREATE TABLE changes (
      seq bigint PRIMARY KEY CHECK (seq > 0),
      at timestamptz NOT NULL,
      actor text NOT NULL,
      label text NOT NULL,
      payload jsonb NOT NULL
    );
  `,
};
