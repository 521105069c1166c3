import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Adapter } from 'lowdb';
import type { z } from 'zod';
import { NewerFormatError, type MigrationResult } from '../../../shared/domain/migrations/index';

/** The data file exists but cannot be used; it is never overwritten when this is thrown. */
export class DataFileError extends Error {
  constructor(
    readonly file: string,
    /** Why, in words ("it is not valid JSON (…)"). */
    readonly reason: string,
    options?: { cause?: unknown; message?: string },
  ) {
    super(options?.message ?? `The data file ${file} cannot be read: ${reason}`, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'DataFileError';
  }
}

/** The file is not JSON, or not a workspace: damaged. LowdbWorkspaceStore.open sets it aside and restores a backup. */
export class DamagedDataFileError extends DataFileError {
  constructor(file: string, reason: string) {
    super(file, reason);
    this.name = 'DamagedDataFileError';
  }
}

/** The file was written by a newer version of the app: it is left exactly as it is. */
export class NewerDataFileError extends DataFileError {
  constructor(
    file: string,
    readonly version: number,
    readonly supported: number,
  ) {
    const reason = new NewerFormatError(version, supported).message;
    super(file, reason, { message: `The data file ${file} cannot be opened: ${reason}; nothing was changed. Update Fact-check Desk to open it.` });
    this.name = 'NewerDataFileError';
  }
}

/** What a read found: the value, the text it came from, and the version it was migrated from (null when current). */
export interface LoadedFile<T> {
  readonly value: T;
  readonly text: string;
  readonly migratedFrom: number | null;
}

export interface JsonFileOptions {
  /** Brings older formats up to date before validation (see shared/domain/migrations); may throw NewerFormatError. */
  migrate?: (json: unknown) => MigrationResult;
  /**
   * Whether the file's bytes are known to hold valid data (see snapshot-stamp.ts), so that
   * `loadRaw`'s caller may skip validating them. Must not throw: false when unsure.
   */
  verify?: (file: string, bytes: Uint8Array) => Promise<boolean>;
}

/**
 * A lowdb adapter for one JSON file that migrates and validates what it reads with a zod
 * schema and writes atomically: a temp file is written and fsynced, renamed over the data
 * file, and the folder is fsynced, so a crash leaves either the old or the new file, never
 * half. The text to write is made synchronously when `write` is called: later changes to
 * the value cannot slip into it.
 */
export class ValidatedJsonFile<T> implements Adapter<T> {
  constructor(
    readonly file: string,
    private readonly schema: z.ZodType<T>,
    private readonly options: JsonFileOptions = {},
  ) {}

  async read(): Promise<T | null> {
    return (await this.load())?.value ?? null;
  }

  /**
   * Reads, migrates and validates the file; null when there is none. Throws
   * DamagedDataFileError (not JSON, not the format), NewerDataFileError (a newer version's
   * file) or DataFileError (it cannot be read at all).
   */
  async load(): Promise<LoadedFile<T> | null> {
    const text = await this.readText();
    return text === null ? null : { ...this.parse(text), text };
  }

  /** Parses, migrates and validates a file's text (throws as `load`). */
  parse(text: string): { value: T; migratedFrom: number | null } {
    const { json, migratedFrom } = this.parseRaw(text);
    return { value: this.validate(json), migratedFrom };
  }

  /**
   * Reads, parses and migrates the file, without validating it (the caller validates, after
   * changing it: the store replays its journal onto the snapshot and validates once).
   * `verified`: the `verify` option vouched for the bytes, and no migration changed them.
   * Null when there is no file; throws as `load`.
   */
  async loadRaw(): Promise<{ json: unknown; text: string; migratedFrom: number | null; verified: boolean } | null> {
    const bytes = await this.readBytes();
    if (bytes === null) return null;
    const text = bytes.toString('utf8');
    const raw = this.parseRaw(text);
    // Asked only of a file that parsed and needed no migration: the others are validated anyway.
    const verified = raw.migratedFrom === null && this.options.verify !== undefined && (await this.options.verify(this.file, bytes));
    return { ...raw, text, verified };
  }

  /** The value, if `json` matches the schema; else DamagedDataFileError saying where it does not. */
  validate(json: unknown): T {
    const parsed = this.schema.safeParse(json);
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      const where = first?.path.length ? ` at ${first.path.join('.')}` : '';
      throw new DamagedDataFileError(this.file, `it does not match the workspace format${where}: ${first?.message ?? 'unknown problem'}`);
    }
    return parsed.data;
  }

  private async readText(): Promise<string | null> {
    return (await this.readBytes())?.toString('utf8') ?? null;
  }

  private async readBytes(): Promise<Buffer | null> {
    try {
      return await fs.readFile(this.file);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return null;
      throw new DataFileError(this.file, `it cannot be opened (${code ?? (error as Error).message})`, { cause: error });
    }
  }

  private parseRaw(text: string): { json: unknown; migratedFrom: number | null } {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      throw new DamagedDataFileError(this.file, `it is not valid JSON (${(error as Error).message})`);
    }
    let migratedFrom: number | null = null;
    if (this.options.migrate) {
      let migrated: MigrationResult;
      try {
        migrated = this.options.migrate(json);
      } catch (error) {
        if (error instanceof NewerFormatError) throw new NewerDataFileError(this.file, error.version, error.supported);
        throw error;
      }
      json = migrated.json;
      if (migrated.applied.length > 0) migratedFrom = migrated.from;
    }
    return { json, migratedFrom };
  }

  /**
   * The file's text for `data`: compact JSON. Every save rewrites the whole file, and
   * indentation made it ~30% bigger and slower to make for no reader: the app, backups and
   * exports are how people read it (the JSON export is indented).
   */
  serialize(data: T): string {
    return `${JSON.stringify(data)}\n`;
  }

  write(data: T): Promise<void> {
    return writeFileAtomic(this.file, this.serialize(data));
  }
}

/** The temp file a write of `file` by this process goes through. */
export function tempFileOf(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
}

/** The name of the file that `name` is a temp file of (a write by `writeFileAtomic`, by any process, in the same folder), or null. */
export function tempFileTarget(name: string): string | null {
  return /^\.(.+)\.\d+\.tmp$/.exec(name)?.[1] ?? null;
}

/**
 * Writes `text` to `file` so that a crash leaves the old file or the new one, never half:
 * temp file, fsync, rename over, fsync the folder. A failed write removes its temp file.
 */
export async function writeFileAtomic(file: string, text: string): Promise<void> {
  const dir = path.dirname(file);
  const temp = tempFileOf(file);
  try {
    const handle = await fs.open(temp, 'w');
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(temp, file);
  } catch (error) {
    await fs.unlink(temp).catch(() => undefined);
    throw error;
  }
  await syncFolder(dir);
}

export async function syncFolder(dir: string): Promise<void> {
  // Windows cannot open a folder for fsync; the rename is already durable enough there.
  if (process.platform === 'win32') return;
  const handle = await fs.open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
