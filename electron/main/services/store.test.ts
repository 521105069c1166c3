import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { WorkspaceStore } from './store';
import { DataFileError } from './json-file';
import { DATA_FILE_NAME } from './paths';
import { SAMPLE_ARTICLE } from '../../../shared/domain/sample';
import { Workspace } from '../../../shared/domain/schemas';
import { withTempDir } from './test-helpers';

describe('WorkspaceStore', () => {
  it('starts a missing file with the sample article, on disk, whatever NODE_ENV says', async () => {
    expect(process.env.NODE_ENV).toBe('test'); // lowdb's presets would silently use memory here
    await withTempDir(async (root) => {
      const dir = path.join(root, 'nested', 'data');
      const store = await WorkspaceStore.open(dir);
      await store.close();
      const onDisk = Workspace.parse(JSON.parse(await readFile(path.join(dir, DATA_FILE_NAME), 'utf8')));
      expect(onDisk.articles.map((a) => a.title)).toEqual([SAMPLE_ARTICLE.title]);
      expect(onDisk.schemaVersion).toBe(1);
    });
  });

  it('round-trips a workspace through its file: write, reopen with a new instance, read, equal', async () => {
    await withTempDir(async (dir) => {
      const first = await WorkspaceStore.open(dir);
      await first.update('Rename', (ws) => {
        ws.settings.organizationName = 'Riverton Fact Desk';
        ws.settings.assignees.push('Sam', 'Ira');
      });
      const written = structuredClone(first.data);
      await first.close();

      const second = await WorkspaceStore.open(dir);
      expect(second.data).toEqual(written);
      await second.close();
    });
  });

  it('refuses a change that breaks the schema and leaves memory and file as they were', async () => {
    await withTempDir(async (dir) => {
      const store = await WorkspaceStore.open(dir);
      const file = path.join(dir, DATA_FILE_NAME);
      const before = await readFile(file);
      const snapshot = structuredClone(store.data);
      await expect(
        store.update('Edit', (ws) => {
          ws.articles[0]!.title = '';
        }),
      ).rejects.toThrow(/title cannot be empty/);
      expect(store.data).toEqual(snapshot);
      expect(await readFile(file)).toEqual(before);
      await store.close();
    });
  });

  it('runs concurrent changes one at a time, all of them saved', async () => {
    await withTempDir(async (dir) => {
      const store = await WorkspaceStore.open(dir);
      await Promise.all(
        Array.from({ length: 25 }, (_, i) =>
          store.update('Edit', (ws) => {
            ws.settings.assignees.push(`Editor ${i}`);
          }),
        ),
      );
      await store.close();
      const reopened = await WorkspaceStore.open(dir);
      expect(reopened.data.settings.assignees).toEqual(Array.from({ length: 25 }, (_, i) => `Editor ${i}`));
      await reopened.close();
    });
  });

  it('refuses to open a file that is not JSON or not a workspace, and never overwrites it', async () => {
    await withTempDir(async (dir) => {
      const file = path.join(dir, DATA_FILE_NAME);
      await writeFile(file, '{"schemaVersion": 1, "articles": [');
      await expect(WorkspaceStore.open(dir)).rejects.toThrow(DataFileError);
      await expect(WorkspaceStore.open(dir)).rejects.toThrow(/not valid JSON/);
      expect(await readFile(file, 'utf8')).toBe('{"schemaVersion": 1, "articles": [');

      await writeFile(file, JSON.stringify({ schemaVersion: 1, settings: {}, articles: [], claims: [], sources: [] }));
      await expect(WorkspaceStore.open(dir)).rejects.toThrow(/does not match the workspace format at settings/);
    });
  });

  it('keeps exactly one store per data file in a process', async () => {
    await withTempDir(async (dir) => {
      const store = await WorkspaceStore.open(dir);
      await expect(WorkspaceStore.open(dir)).rejects.toThrow(/already open/);
      await store.close();
      const again = await WorkspaceStore.open(dir);
      await again.close();
    });
  });
});
