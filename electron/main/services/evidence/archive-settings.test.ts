/** This machine's archive settings, in a real temp folder. */
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../../shared/api/result';
import { withTempDir } from '../test-helpers';
import { ARCHIVE_SETTINGS_FILE, ArchiveSettingsFile, MemoryArchiveSettings } from './archive-settings';
import { openArchiveSettings } from './evidence-host';

const posix = process.platform !== 'win32';

describe('archive settings of this machine', () => {
  it('default to the Internet Archive without keys, and write no file until something changes', async () => {
    await withTempDir(async (dir) => {
      const settings = await ArchiveSettingsFile.open(dir, {});
      expect(settings.view()).toEqual({ baseUrl: 'https://web.archive.org', keysSet: false, accessKeyHint: '', baseUrlFrom: 'default' });
      expect(settings.config()).toEqual({ baseUrl: 'https://web.archive.org', accessKey: null, secretKey: null });
      expect(await readdir(dir)).toEqual([]);
    });
  });

  it('keep keys in a file readable by this user only; the secret key is never in the view', async () => {
    await withTempDir(async (dir) => {
      const settings = await ArchiveSettingsFile.open(dir, {});
      const view = await settings.update({ accessKey: 'AbCdEfGh', secretKey: 's3cr3t' });
      expect(view).toEqual({ baseUrl: 'https://web.archive.org', keysSet: true, accessKeyHint: 'AbCd…', baseUrlFrom: 'default' });
      expect(JSON.stringify(view)).not.toContain('s3cr3t');
      expect(JSON.stringify(view)).not.toContain('AbCdEfGh');
      const file = path.join(dir, ARCHIVE_SETTINGS_FILE);
      if (posix) expect((await stat(file)).mode & 0o777).toBe(0o600);
      expect(await readdir(dir)).toEqual([ARCHIVE_SETTINGS_FILE]); // no temp file left behind
      const again = await ArchiveSettingsFile.open(dir, {});
      expect(again.config()).toEqual({ baseUrl: 'https://web.archive.org', accessKey: 'AbCdEfGh', secretKey: 's3cr3t' });
      // A rewrite keeps the file private.
      await again.update({ baseUrl: 'https://archive.example.org' });
      if (posix) expect((await stat(file)).mode & 0o777).toBe(0o600);
    });
  });

  it('clearKeys removes both keys; one key without the other is refused', async () => {
    await withTempDir(async (dir) => {
      const settings = await ArchiveSettingsFile.open(dir, {});
      await settings.update({ accessKey: 'key1', secretKey: 'secret1' });
      await expect(settings.update({ accessKey: 'key2', secretKey: '' })).rejects.toThrow(ApiError);
      expect(settings.config().accessKey).toBe('key1');
      expect(await settings.update({ clearKeys: true })).toMatchObject({ keysSet: false, accessKeyHint: '' });
      expect(JSON.parse(await readFile(path.join(dir, ARCHIVE_SETTINGS_FILE), 'utf8'))).toEqual({ baseUrl: null, accessKey: null, secretKey: null });
    });
  });

  it('another archive address (trailing slash dropped), null for the default, and the environment variable over both', async () => {
    await withTempDir(async (dir) => {
      const settings = await ArchiveSettingsFile.open(dir, {});
      expect(await settings.update({ baseUrl: 'https://archive.example.org/' })).toMatchObject({ baseUrl: 'https://archive.example.org', baseUrlFrom: 'settings' });
      expect((await ArchiveSettingsFile.open(dir, {})).config().baseUrl).toBe('https://archive.example.org');
      const overridden = await ArchiveSettingsFile.open(dir, { FACTCHECK_ARCHIVE_URL: 'http://127.0.0.1:9/' });
      expect(overridden.view()).toMatchObject({ baseUrl: 'http://127.0.0.1:9', baseUrlFrom: 'environment' });
      expect(overridden.config().baseUrl).toBe('http://127.0.0.1:9');
      expect(await settings.update({ baseUrl: null })).toMatchObject({ baseUrl: 'https://web.archive.org', baseUrlFrom: 'default' });
    });
  });

  it('a mistyped environment override is refused where it is used, naming the variable', () => {
    const settings = new MemoryArchiveSettings({}, { FACTCHECK_ARCHIVE_URL: 'web.archive.org' });
    expect(() => settings.config()).toThrow(/^FACTCHECK_ARCHIVE_URL \(“web\.archive\.org”\) is not an address starting with http:\/\/ or https:\/\//);
    expect(settings.view().baseUrlFrom).toBe('environment');
  });

  it.each([
    ['not JSON', '{"baseUrl": 3', /it is not valid JSON/],
    ['the wrong shape', '{"baseUrl": "ftp://x", "accessKey": null, "secretKey": null}', /baseUrl: /],
  ])('a file that is %s is refused naming the file and what to do', async (_what, text, why) => {
    await withTempDir(async (dir) => {
      const file = path.join(dir, ARCHIVE_SETTINGS_FILE);
      await writeFile(file, text);
      const error = await ArchiveSettingsFile.open(dir, {}).then(() => null, (e: unknown) => e as Error);
      expect(error?.message).toContain(`The archive settings in ${file} cannot be read`);
      expect(error?.message).toMatch(why);
      expect(error?.message).toMatch(/Fix the file, or delete it and set the archive again in Settings → Internet Archive\.$/);
      expect(await readFile(file, 'utf8')).toBe(text); // left as it was
    });
  });

  it('the app starts over a bad file with the defaults, and a change writes a good file', async () => {
    await withTempDir(async (dir) => {
      await writeFile(path.join(dir, ARCHIVE_SETTINGS_FILE), 'garbage');
      const errors: unknown[] = [];
      const original = console.error;
      console.error = (...args: unknown[]) => void errors.push(args);
      try {
        const settings = await openArchiveSettings(dir);
        expect(settings.view().keysSet).toBe(false);
        await settings.update({ accessKey: 'k', secretKey: 's' });
      } finally {
        console.error = original;
      }
      expect(errors).toHaveLength(1);
      expect((await ArchiveSettingsFile.open(dir, {})).view().keysSet).toBe(true);
    });
  });

  it('in memory (no data folder): the same behaviour, from an initial configuration', async () => {
    const settings = new MemoryArchiveSettings({ baseUrl: 'https://archive.example.org', accessKey: 'abcdef', secretKey: 'xyz' }, {});
    expect(settings.view()).toEqual({ baseUrl: 'https://archive.example.org', keysSet: true, accessKeyHint: 'abcd…', baseUrlFrom: 'settings' });
    expect(await settings.update({ clearKeys: true, baseUrl: null })).toEqual({ baseUrl: 'https://web.archive.org', keysSet: false, accessKeyHint: '', baseUrlFrom: 'default' });
  });
});
