/** A JSON object as it comes out of JSON.parse (before any schema has looked at it). */
export type JsonObject = { [key: string]: unknown };

/**
 * One numbered step of the data file's format: turns the JSON of format version `from`
 * into format version `to` (= from + 1). It works on plain parsed JSON, before the schema
 * validates it, may change its argument in place, and sets nothing but the fields it is
 * about: `schemaVersion` is set by the registry. What it cannot make sense of it leaves
 * alone, for the schema to refuse.
 */
export interface Migration {
  readonly from: number;
  readonly to: number;
  /** The file's name without extension, e.g. "001-fill-v1-defaults". */
  readonly name: string;
  migrate(json: JsonObject): JsonObject;
  /**
   * What the migration takes out of a file, to keep beside its backup (e.g. the links it
   * drops), read from the JSON before `migrate` runs; null when there is nothing to say.
   */
  note?(json: JsonObject): MigrationNote | null;
}

/** A note kept in backups/ when a migration drops something: `name` goes into the file name; `text` is JSON. */
export interface MigrationNote {
  readonly name: string;
  readonly text: string;
}

export function isObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Runs `visit` on every element of `list` that is an object (a list that is not an array is skipped). */
export function eachObject(list: unknown, visit: (item: JsonObject) => void): void {
  if (!Array.isArray(list)) return;
  for (const item of list) if (isObject(item)) visit(item);
}
