import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { LowdbWorkspaceStore } from './store';
import { NewerDataFileError } from './json-file';
import { DATA_FILE_NAME } from './paths';
import { SAMPLE_ARTICLE } from '../../../shared/domain/sample';
import { SCHEMA_VERSION, Workspace } from '../../../shared/domain/schemas';
import { largeWorkspace, withTempDir } from './test-helpers';
import { storedBytes } from './test-stored';

describe('LowdbWorkspaceStore', () => {
  it('starts a missing file with the sample article, on disk, whatever NODE_ENV says', async () => {
    expect(process.env.NODE_ENV).toBe('test'); // lowdb's presets would silently use memory here
    await withTempDir(async (root) => {
      const dir = path.join(root, 'nested', 'data');
      const store = await LowdbWorkspaceStore.open(dir);
      await store.close();
      const onDisk = Workspace.parse(JSON.parse(await readFile(path.join(dir, DATA_FILE_NAME), 'utf8')));
      expect(onDisk.articles.map((a) => a.title)).toEqual([SAMPLE_ARTICLE.title]);
      expect(onDisk.schemaVersion).toBe(SCHEMA_VERSION);
    });
  });

  it('round-trips a workspace through its file: write, reopen with a new instance, read, equal', async () => {
    await withTempDir(async (dir) => {
      const first = await LowdbWorkspaceStore.open(dir);
      await first.update('Rename', (ws) => {
        ws.settings.organizationName = 'Riverton Fact Desk';
        ws.settings.assignees.push('Sam', 'Ira');
      });
      const written = structuredClone(first.data);
      await first.close();

      const second = await LowdbWorkspaceStore.open(dir);
      expect(second.data).toEqual(written);
      await second.close();
    });
  });

  it('opens a workspace frozen all the way down: entities, their lists and objects, the settings', async () => {
    await withTempDir(async (dir) => {
      await writeFile(path.join(dir, DATA_FILE_NAME), JSON.stringify(largeWorkspace(2, 3)));
      const store = await LowdbWorkspaceStore.open(dir);
      const claim = store.data.claims[0]!;
      for (const part of [claim, claim.quote, claim.tags, claim.sources, store.data.articles[1]!, store.data.articles[1]!.dismissed, store.data.sources[0]!, store.data.settings, store.data.settings.ratingScale, store.data.settings.ratingScale[0]!]) {
        expect(Object.isFrozen(part)).toBe(true);
      }
      expect(() => (claim.tags as string[]).push('x')).toThrow(TypeError);
      await store.close();
    });
  });

  it('refuses a change that breaks the schema and leaves memory and file as they were', async () => {
    await withTempDir(async (dir) => {
      const store = await LowdbWorkspaceStore.open(dir);
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

  it('refuses, without parsing the whole workspace, every change that breaks a rule, leaving memory, file and history as they were', async () => {
    await withTempDir(async (dir) => {
      const seeded = largeWorkspace(2, 3);
      seeded.claims[1]!.duplicateOf = seeded.claims[0]!.id;
      await writeFile(path.join(dir, DATA_FILE_NAME), JSON.stringify(seeded));
      const store = await LowdbWorkspaceStore.open(dir);
      await store.update('Rename', (ws) => {
        ws.settings.organizationName = 'Desk';
      });
      const file = await storedBytes(store);
      const data = store.data;
      const history = store.history();
      const fullParse = vi.spyOn(Workspace, 'safeParse');
      const sourceId = data.sources[0]!.id;
      const refusals: [string, (ws: Workspace) => void][] = [
        ['missing article', (ws) => void (ws.claims[2]!.articleId = 'missing000')],
        ['title cannot be empty', (ws) => void (ws.articles[0]!.title = '')],
        ['single line', (ws) => void (ws.articles[1]!.outlet = 'two\nlines')],
        ['duplicate id', (ws) => void ws.articles.push({ ...ws.articles[0]!, title: 'Copy' })],
        ['duplicate id', (ws) => void ws.claims.push({ ...ws.claims[0]!, tags: [] })],
        ['missing article', (ws) => void ws.articles.splice(0, 1)],
        ['missing source', (ws) => void (ws.sources = [])],
        ['missing source', (ws) => void ws.claims[2]!.sources.push({ sourceId: 'missing000', stance: 'context' })],
        ['duplicate of a missing claim', (ws) => void (ws.claims = ws.claims.filter((_, i) => i !== 0))],
        ['duplicate of a missing claim', (ws) => void (ws.claims[2]!.duplicateOf = ws.claims[2]!.id)],
        ['not on the scale', (ws) => void (ws.claims[2]!.verdict = { ratingId: 'pants-on-fire', conclusion: '', rationale: '', decidedAt: ws.claims[2]!.createdAt })],
        ['not on the scale', (ws) => void (ws.settings.ratingScale = ws.settings.ratingScale.filter((r) => r.id !== 'true'))],
        ['Invalid option', (ws) => void ((ws.claims[2] as { status: string }).status = 'done')],
        ['quote offsets do not match', (ws) => void (ws.claims[2]!.quote.end += 1)],
        ['Too big', (ws) => void (ws.settings.suggestionThreshold = 2)],
      ];
      expect(data.claims[0]!.sources[0]!.sourceId).toBe(sourceId);
      for (const [message, change] of refusals) {
        await expect(store.update('Bad', change), message).rejects.toThrow(new RegExp(message));
        expect(store.data).toBe(data);
        expect(await storedBytes(store)).toEqual(file);
        expect(store.history()).toEqual(history);
      }
      expect(fullParse).not.toHaveBeenCalled();
      // A change outside the collections and settings is checked by a full parse, and refused too.
      await expect(store.update('Bad', (ws) => void ((ws as { schemaVersion: number }).schemaVersion = SCHEMA_VERSION + 1))).rejects.toThrow(/schemaVersion|expected/);
      expect(fullParse).toHaveBeenCalledTimes(1);
      fullParse.mockRestore();
      expect(await storedBytes(store)).toEqual(file);
      await store.close();
    });
  });

  it('stores what a read would give (trimmed text), writes nothing for a change that changes nothing', async () => {
    await withTempDir(async (dir) => {
      const store = await LowdbWorkspaceStore.open(dir);
      const original = store.data.articles[0]!.title;
      const title = await store.update('Edit article details', (ws) => {
        ws.articles[0]!.title = '  Padded title  ';
        return ws.articles[0]!.title;
      });
      expect(title).toBe('  Padded title  ');
      expect(store.data.articles[0]!.title).toBe('Padded title');
      expect(Object.isFrozen(store.data.articles[0])).toBe(true);
      await store.undo();
      expect(store.data.articles[0]!.title).toBe(original);

      const file = await storedBytes(store);
      const data = store.data;
      const history = store.history();
      await store.update('Nothing', (ws) => {
        ws.settings.organizationName = data.settings.organizationName;
      });
      expect(store.data).toBe(data);
      expect(store.history()).toEqual(history);
      expect(await storedBytes(store)).toEqual(file);
      await store.close();
    });
  });

  it('runs concurrent changes one at a time, all of them saved', async () => {
    await withTempDir(async (dir) => {
      const store = await LowdbWorkspaceStore.open(dir);
      await Promise.all(
        Array.from({ length: 25 }, (_, i) =>
          store.update('Edit', (ws) => {
            ws.settings.assignees.push(`Editor ${i}`);
          }),
        ),
      );
      await store.close();
      const reopened = await LowdbWorkspaceStore.open(dir);
      expect(reopened.data.settings.assignees).toEqual(Array.from({ length: 25 }, (_, i) => `Editor ${i}`));
      await reopened.close();
    });
  });

  it('refuses to open a file from a newer version of the app, and never touches it', async () => {
    await withTempDir(async (dir) => {
      const file = path.join(dir, DATA_FILE_NAME);
      const newer = JSON.stringify({ schemaVersion: SCHEMA_VERSION + 1, settings: {}, articles: [], claims: [], sources: [] });
      await writeFile(file, newer);
      await expect(LowdbWorkspaceStore.open(dir)).rejects.toThrow(NewerDataFileError);
      await expect(LowdbWorkspaceStore.open(dir)).rejects.toThrow(/newer version of Fact-check Desk.*nothing was changed/);
      expect(await readFile(file, 'utf8')).toBe(newer);
      expect((await readdir(dir)).sort()).toEqual([DATA_FILE_NAME]);
    });
  });

  it('keeps exactly one store per data file in a process', async () => {
    await withTempDir(async (dir) => {
      const store = await LowdbWorkspaceStore.open(dir);
      await expect(LowdbWorkspaceStore.open(dir)).rejects.toThrow(/already open/);
      await store.close();
      const again = await LowdbWorkspaceStore.open(dir);
      await again.close();
    });
  });
});
