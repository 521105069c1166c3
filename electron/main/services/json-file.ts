import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Adapter } from 'lowdb';
import type { z } from 'zod';

/** The data file exists but cannot be used; it is never overwritten when this is thrown. */
export class DataFileError extends Error {
  constructor(
    readonly file: string,
    reason: string,
  ) {
    super(`The data file ${file} cannot be read: ${reason}`);
    this.name = 'DataFileError';
  }
}

/**
 * A lowdb adapter for one JSON file that validates what it reads with a zod schema and
 * writes atomically: a temp file is written and fsynced, renamed over the data file, and
 * the folder is fsynced, so a crash leaves either the old or the new file, never half.
 */
export class ValidatedJsonFile<T> implements Adapter<T> {
  constructor(
    readonly file: string,
    private readonly schema: z.ZodType<T>,
  ) {}

  async read(): Promise<T | null> {
    let text: string;
    try {
      text = await fs.readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      throw new DataFileError(this.file, `it is not valid JSON (${(error as Error).message})`);
    }
    const parsed = this.schema.safeParse(json);
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      const where = first?.path.length ? ` at ${first.path.join('.')}` : '';
      throw new DataFileError(this.file, `it does not match the workspace format${where}: ${first?.message ?? 'unknown problem'}`);
    }
    return parsed.data;
  }

  async write(data: T): Promise<void> {
    const dir = path.dirname(this.file);
    const temp = path.join(dir, `.${path.basename(this.file)}.${process.pid}.tmp`);
    const handle = await fs.open(temp, 'w');
    try {
      await handle.writeFile(`${JSON.stringify(data, null, 2)}\n`, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(temp, this.file);
    await syncFolder(dir);
  }
}

async function syncFolder(dir: string): Promise<void> {
  // Windows cannot open a folder for fsync; the rename is already durable enough there.
  if (process.platform === 'win32') return;
  const handle = await fs.open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
