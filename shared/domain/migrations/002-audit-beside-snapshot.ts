/**
 * Migration 002, format version 2 → 3: the data folder's layout changes, the JSON does not.
 * From version 3 the data file (`workspace.json`) is a snapshot that the store folds its
 * journal of changes into, and the audit log lives in its own append-only files beside it;
 * a version 3 workspace.json keeps `audit` empty and records `journalSeq`, the last journal
 * record folded in (0: none). A version 2 file holds the whole audit log inside: the JSON
 * stays valid as it is (backups and exports keep carrying a workspace with its audit), and
 * the store, seeing a file migrated from version 2, moves the log out into the audit files
 * on its first write, after keeping the file as it was in backups/.
 */
import type { JsonObject, Migration } from './types';

export const auditBesideSnapshot: Migration = {
  from: 2,
  to: 3,
  name: '002-audit-beside-snapshot',
  migrate(json: JsonObject): JsonObject {
    return json;
  },
};
