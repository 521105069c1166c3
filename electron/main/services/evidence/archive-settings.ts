/**
 * The archive settings of this machine: which archive to use (the Internet Archive unless
 * set) and the access keys of its authenticated Save Page Now API. They are an account's
 * secrets, not the desk's work, so they live in `<data folder>/archive-settings.json`
 * (mode 0600), never in the workspace, its exports or backups; the secret key never leaves
 * this process (the app sees only whether keys are set). `FACTCHECK_ARCHIVE_URL` overrides
 * the address (tests point it at a local fake archive).
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { ArchiveSettingsPatch, ArchiveSettingsView } from '../../../../shared/api/evidence-methods';
import { syncFolder } from '../json-file';
import { INTERNET_ARCHIVE, type ArchiveConfig, type ArchiveSettingsSource } from './types';

export const ARCHIVE_SETTINGS_FILE = 'archive-settings.json';
export const ARCHIVE_URL_ENV = 'FACTCHECK_ARCHIVE_URL';

const Stored = z.strictObject({
  baseUrl: z.url({ protocol: /^https?$/ }).nullable(),
  accessKey: z.string().min(1).max(200).nullable(),
  secretKey: z.string().min(1).max(200).nullable(),
});
type Stored = z.infer<typeof Stored>;

const EMPTY: Stored = { baseUrl: null, accessKey: null, secretKey: null };

/** Settings kept in memory: processes without a data folder (the CLI, tests). */
export class MemoryArchiveSettings implements ArchiveSettingsSource {
  protected stored: Stored;

  constructor(
    initial: Partial<Stored> = {},
    private readonly env: NodeJS.ProcessEnv = process.env,
  ) {
    this.stored = { ...EMPTY, ...initial };
  }

  config(): ArchiveConfig {
    const override = this.env[ARCHIVE_URL_ENV]?.trim();
    const baseUrl = (override || this.stored.baseUrl || INTERNET_ARCHIVE).replace(/\/+$/, '');
    return { baseUrl, accessKey: this.stored.accessKey, secretKey: this.stored.secretKey };
  }

  view(): ArchiveSettingsView {
    const override = this.env[ARCHIVE_URL_ENV]?.trim();
    return {
      baseUrl: this.config().baseUrl,
      keysSet: this.stored.accessKey !== null && this.stored.secretKey !== null,
      accessKeyHint: this.stored.accessKey ? `${this.stored.accessKey.slice(0, 4)}…` : '',
      baseUrlFrom: override ? 'environment' : this.stored.baseUrl ? 'settings' : 'default',
    };
  }

  async update(patch: z.output<typeof ArchiveSettingsPatch>): Promise<ArchiveSettingsView> {
    const next: Stored = { ...this.stored };
    if (patch.baseUrl !== undefined) next.baseUrl = patch.baseUrl === null ? null : patch.baseUrl.replace(/\/+$/, '');
    if (patch.clearKeys) {
      next.accessKey = null;
      next.secretKey = null;
    }
    if (patch.accessKey !== undefined && patch.secretKey !== undefined) {
      next.accessKey = patch.accessKey || null;
      next.secretKey = patch.secretKey || null;
    }
    await this.save(next);
    this.stored = next;
    return this.view();
  }

  protected async save(_next: Stored): Promise<void> {}
}

/** Settings in the data folder's archive-settings.json. */
export class ArchiveSettingsFile extends MemoryArchiveSettings {
  private constructor(
    readonly file: string,
    stored: Stored,
    env: NodeJS.ProcessEnv,
  ) {
    super(stored, env);
  }

  /** Defaults, saved to `dataDir` at the first change (over a file that could not be read). */
  static fresh(dataDir: string, env: NodeJS.ProcessEnv = process.env): ArchiveSettingsFile {
    return new ArchiveSettingsFile(path.join(dataDir, ARCHIVE_SETTINGS_FILE), EMPTY, env);
  }

  /** Reads the file (none: defaults). A file that cannot be read is refused with what to do. */
  static async open(dataDir: string, env: NodeJS.ProcessEnv = process.env): Promise<ArchiveSettingsFile> {
    const file = path.join(dataDir, ARCHIVE_SETTINGS_FILE);
    let text: string;
    try {
      text = await fs.readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return new ArchiveSettingsFile(file, EMPTY, env);
      throw error;
    }
    let parsed: Stored;
    try {
      parsed = Stored.parse(JSON.parse(text));
    } catch {
      throw new Error(`The archive settings in ${file} cannot be read: fix the file, or delete it and set the archive's keys again in Settings › Internet Archive.`);
    }
    return new ArchiveSettingsFile(file, parsed, env);
  }

  protected override async save(next: Stored): Promise<void> {
    await fs.mkdir(path.dirname(this.file), { recursive: true });
    // Access keys are an account's secrets: readable by this user only, from the first byte written.
    const temp = `${this.file}.${process.pid}.tmp`;
    const handle = await fs.open(temp, 'w', 0o600);
    try {
      await handle.writeFile(`${JSON.stringify(next, null, 2)}\n`, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(temp, this.file);
    await syncFolder(path.dirname(this.file));
  }
}
