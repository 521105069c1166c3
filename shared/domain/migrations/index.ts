/**
 * The data file's format versions and the numbered migrations between them. A file records
 * its version in `schemaVersion`; on reading, before the schema validates it, the
 * migrations from that version up to SCHEMA_VERSION run in order. A file from a newer
 * version than this app knows is refused (NewerFormatError), never guessed at.
 *
 * Adding a version: bump SCHEMA_VERSION in ../schemas.ts, add `NNN-what-it-does.ts` here
 * with `{ from: SCHEMA_VERSION - 1, to: SCHEMA_VERSION }`, append it to MIGRATIONS, and
 * check in a fixture of the older version with a test (see 001-fill-v1-defaults.test.ts).
 */
import { SCHEMA_VERSION } from '../schemas';
import { fillV1Defaults } from './001-fill-v1-defaults';
import { auditBesideSnapshot } from './002-audit-beside-snapshot';
import { claimantsAndPublication } from './003-claimants-and-publication';
import { claimantLibrary } from './004-claimant-library';
import { truthfulArchive } from './005-truthful-archive';
import { isObject, type Migration, type MigrationNote } from './types';

export type { JsonObject, Migration, MigrationNote } from './types';

/** Every migration, oldest first: MIGRATIONS[i] turns version i + 1 into version i + 2. */
export const MIGRATIONS: readonly Migration[] = Object.freeze([fillV1Defaults, auditBesideSnapshot, claimantsAndPublication, claimantLibrary, truthfulArchive]);

/** The oldest format version this app can still read (through the migrations). */
export const OLDEST_READABLE_VERSION = SCHEMA_VERSION - MIGRATIONS.length;

/** The file was written by a newer version of the app, in a format this one does not know. */
export class NewerFormatError extends Error {
  constructor(
    readonly version: number,
    readonly supported: number = SCHEMA_VERSION,
  ) {
    super(`it was written by a newer version of Fact-check Desk (data format ${version}; this version reads formats up to ${supported})`);
    this.name = 'NewerFormatError';
  }
}

export interface MigrationResult {
  /** The JSON in the current format (the argument itself, changed in place, when a migration ran). */
  readonly json: unknown;
  /** The version the file had; null when it has none this app can read (the schema will refuse it). */
  readonly from: number | null;
  /** The names of the migrations that ran, in order (empty for a current file). */
  readonly applied: readonly string[];
}

/**
 * Brings parsed JSON of a workspace up to SCHEMA_VERSION. Throws NewerFormatError for a
 * newer file. Anything it cannot place (not an object, no integer version, a version older
 * than the oldest migration) is returned as it is, for the schema to refuse with its reasons.
 */
export function migrateWorkspaceJson(json: unknown): MigrationResult {
  if (!isObject(json)) return { json, from: null, applied: [] };
  const version = json.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version)) return { json, from: null, applied: [] };
  if (version > SCHEMA_VERSION) throw new NewerFormatError(version);
  if (version < OLDEST_READABLE_VERSION) return { json, from: null, applied: [] };
  const applied: string[] = [];
  let current = json;
  for (const migration of MIGRATIONS) {
    if (migration.from < version) continue;
    current = migration.migrate(current);
    current.schemaVersion = migration.to;
    applied.push(migration.name);
  }
  return { json: current, from: version, applied };
}

/**
 * The notes the migrations from `json`'s version up would leave (what they drop), read from
 * the JSON as it is before migrating; empty for a current file or one this app cannot place.
 */
export function migrationNotes(json: unknown): MigrationNote[] {
  if (!isObject(json) || typeof json.schemaVersion !== 'number') return [];
  const version = json.schemaVersion;
  const notes: MigrationNote[] = [];
  for (const migration of MIGRATIONS) {
    if (migration.from < version || !migration.note) continue;
    const note = migration.note(json);
    if (note) notes.push(note);
  }
  return notes;
}

/**
 * The same, for schemas that embed a workspace (a backup file's): never throws; a newer
 * file is left as it is, and the schema's version check refuses it.
 */
export function upgradeWorkspaceJson(json: unknown): unknown {
  try {
    return migrateWorkspaceJson(json).json;
  } catch {
    return json;
  }
}
