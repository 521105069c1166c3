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
import { ApiError } from '../../../../shared/api/result';
import { tempFileOf, writeFileAtomic } from '../json-file';
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
    // A mistyped override would send every archive request somewhere odd: refused where it is used, saying which setting.
    if (override && !/^https?:\/\/[^/?#\s]+(\/[^?#\s]*)?$/i.test(override)) {
      throw new ApiError('invalid_input', `${ARCHIVE_URL_ENV} (“${override.slice(0, 200)}”) is not an address starting with http:// or https://: fix it or unset it.`);
    }
    const baseUrl = (override || this.stored.baseUrl || INTERNET_ARCHIVE).replace(/\/+$/, '');
    return { baseUrl, accessKey: this.stored.accessKey, secretKey: this.stored.secretKey };
  }

  view(): ArchiveSettingsView {
    const override = this.env[ARCHIVE_URL_ENV]?.trim();
    return {
      // Never throws (unlike config()): the settings screen shows what is set, even a bad override.
      baseUrl: (override || this.stored.baseUrl || INTERNET_ARCHIVE).replace(/\/+$/, ''),
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
      // Both empty clears them; one without the other could never sign a request.
      if (!patch.accessKey !== !patch.secretKey) throw new ApiError('invalid_input', 'Give both the access key and the secret key of the Internet Archive (or clear both).');
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
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return new ArchiveSettingsFile(file, EMPTY, env);
      throw new Error(`The archive settings in ${file} cannot be opened (${code ?? (error as Error).message}): check the file's permissions.`, { cause: error });
    }
    // Never replaced by defaults silently: keys an editor set would vanish without a word.
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      throw new Error(`The archive settings in ${file} cannot be read: it is not valid JSON (${(error as Error).message}). Fix the file, or delete it and set the archive again in Settings → Internet Archive.`, { cause: error });
    }
    const parsed = Stored.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
      throw new Error(`The archive settings in ${file} cannot be read: ${where}${issue?.message ?? 'not the expected format'}. Fix the file, or delete it and set the archive again in Settings → Internet Archive.`);
    }
    return new ArchiveSettingsFile(file, parsed.data, env);
  }

  protected override async save(next: Stored): Promise<void> {
    await fs.mkdir(path.dirname(this.file), { recursive: true });
    // Access keys are an account's secrets: readable by this user only, from the first byte written.
    // writeFileAtomic opens its temp file with 'w', which keeps the mode of a file already there.
    const temp = tempFileOf(this.file);
    await (await fs.open(temp, 'w', 0o600)).close();
    await fs.chmod(temp, 0o600);
    await writeFileAtomic(this.file, `${JSON.stringify(next, null, 2)}\n`);
  }
}
