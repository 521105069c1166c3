import { readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { withTempDir } from '../test-helpers';
import { ARCHIVE_SETTINGS_FILE, ArchiveSettingsFile } from './archive-settings';
import { openArchiveSettings } from './evidence-host';

describe('archive settings of this machine', () => {
  it('default to the Internet Archive without keys; keys are kept in a 0600 file and the secret is never shown', async () => {
    await withTempDir(async (dir) => {
      const settings = await ArchiveSettingsFile.open(dir, {});
      expect(settings.view()).toEqual({ baseUrl: 'https://web.archive.org', keysSet: false, accessKeyHint: '', baseUrlFrom: 'default' });
      const view = await settings.update({ accessKey: 'AbCdEfGh', secretKey: 's3cr3t' });
      expect(view).toEqual({ baseUrl: 'https://web.archive.org', keysSet: true, accessKeyHint: 'AbCd…', baseUrlFrom: 'default' });
      expect(JSON.stringify(view)).not.toContain('s3cr3t');
      const file = path.join(dir, ARCHIVE_SETTINGS_FILE);
      expect((await stat(file)).mode & 0o777).toBe(0o600);
      const again = await ArchiveSettingsFile.open(dir, {});
      expect(again.config()).toEqual({ baseUrl: 'https://web.archive.org', accessKey: 'AbCdEfGh', secretKey: 's3cr3t' });
      await again.update({ clearKeys: true });
      expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ baseUrl: null, accessKey: null, secretKey: null });
    });
  });

  it('another archive address, and the environment variable over it', async () => {
    await withTempDir(async (dir) => {
      const settings = await ArchiveSettingsFile.open(dir, {});
      expect((await settings.update({ baseUrl: 'https://archive.example.org/' })).baseUrl).toBe('https://archive.example.org');
      const overridden = await ArchiveSettingsFile.open(dir, { FACTCHECK_ARCHIVE_URL: 'http://127.0.0.1:9/' });
      expect(overridden.view()).toMatchObject({ baseUrl: 'http://127.0.0.1:9', baseUrlFrom: 'environment' });
      expect((await settings.update({ baseUrl: null })).baseUrlFrom).toBe('default');
    });
  });

  it('a file that cannot be read is refused with what to do; the app starts with defaults and a change writes a good file', async () => {
    await withTempDir(async (dir) => {
      const file = path.join(dir, ARCHIVE_SETTINGS_FILE);
      await writeFile(file, '{"baseUrl": 3');
      await expect(ArchiveSettingsFile.open(dir, {})).rejects.toThrow(/cannot be read: fix the file, or delete it/);
      const settings = await openArchiveSettings(dir);
      expect(settings.view().keysSet).toBe(false);
      await settings.update({ accessKey: 'k', secretKey: 's' });
      expect((await ArchiveSettingsFile.open(dir, {})).view().keysSet).toBe(true);
    });
  });
});
