/**
 * Edits at scale (10,000 claims), measured and printed, not asserted by timing: the old
 * update (structuredClone of the workspace + a full zod parse + write) against the store's
 * (immer draft + validation of what changed + write). Correctness is asserted.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Workspace } from '../../../shared/domain/schemas';
import { ValidatedJsonFile } from './json-file';
import { DATA_FILE_NAME } from './paths';
import { LowdbWorkspaceStore } from './store';
import { checkChange, diffWorkspace } from './workspace-delta';
import { produceWithPatches } from 'immer';
import { callerFor, largeWorkspace, value, withTempDir } from './test-helpers';

const RUNS = 5;

async function timed(run: (i: number) => Promise<unknown>, runs = RUNS): Promise<number> {
  await run(-1); // warm up
  const start = performance.now();
  for (let i = 0; i < runs; i++) await run(i);
  return (performance.now() - start) / runs;
}

describe('edits at 10,000 claims (measured, not asserted)', () => {
  it('costs what the edit touches plus the write, not a clone and a parse of the workspace', { timeout: 120_000 }, async () => {
    await withTempDir(async (dir) => {
      const seeded = Workspace.parse(largeWorkspace(100, 100));
      expect(seeded.claims).toHaveLength(10_000);
      await writeFile(path.join(dir, DATA_FILE_NAME), JSON.stringify(seeded));
      const store = await LowdbWorkspaceStore.open(dir);
      const call = callerFor(store);
      const target = store.data.claims[5_000]!;

      // The old update, as it was: clone everything, change, parse everything, write.
      const oldFile = new ValidatedJsonFile<Workspace>(path.join(dir, 'old.json'), Workspace);
      let old = seeded;
      const clone = await timed(async () => void structuredClone(old), 3);
      const parse = await timed(async () => void Workspace.parse(old), 3);
      const before = await timed(async (i) => {
        const draft = structuredClone(old);
        draft.claims[5_000]!.text = `Edited ${i}`;
        old = Workspace.parse(draft);
        await oldFile.write(old);
      });
      const write = await timed(() => oldFile.write(store.data), 3);
      // The store's own work for a wording edit, without the write: draft, patches, validation.
      const inMemory = await timed(async (i) => {
        const base = store.data;
        const [next, patches] = produceWithPatches(base, (ws) => {
          const claim = ws.claims.find((c) => c.id === target.id)!;
          claim.text = `In memory ${i}`;
          claim.updatedAt = new Date().toISOString();
        });
        expect(checkChange(base, next, diffWorkspace(base, next, patches)).issues).toEqual([]);
      }, 20);

      const wording = await timed(async (i) => value(await call('updateClaim', { id: target.id, patch: { text: `Edited wording ${i}` } })));
      expect(store.data.claims[5_000]!.text).toBe(`Edited wording ${RUNS - 1}`);
      const status = await timed(async (i) => value(await call('updateClaim', { id: target.id, patch: { status: i % 2 ? 'ready' : 'new' } })));
      const ids = store.data.claims.slice(0, 100).map((c) => c.id);
      const bulk = await timed(async (i) => value(await call('updateClaims', { ids, patch: { priority: i % 2 ? 'high' : 'low' } })));
      const articleId = store.data.articles[50]!.id;
      const create = await timed(async (i) => value(await call('createClaim', { articleId, start: 5 + i, end: 50 + i })), 3);
      const undo = await timed(async () => value(await call('undo', {})), 3);
      const redo = await timed(async () => value(await call('redo', {})), 3);
      const remove = await timed(async () => value(await call('deleteClaim', { id: store.data.claims.at(-1)!.id })), 3);
      const undoRemove = await timed(async () => value(await call('undo', {})), 3);
      const article = store.data.articles[50]!;
      const editText = await timed(async (i) => value(await call('editArticleText', { id: article.id, text: `Note ${i}. ${article.text}` })), 3);

      const ms = (n: number) => `${n.toFixed(1)} ms`;
      console.log(
        [
          `Per edit at ${store.data.claims.length.toLocaleString('en')} claims, ${(JSON.stringify(store.data).length / 1e6).toFixed(1)} MB file (mean of ${RUNS}):`,
          `  before (clone + full parse + write): ${ms(before)}  [structuredClone ${ms(clone)}, Workspace.parse ${ms(parse)}, write ${ms(write)}]`,
          `  after, wording edit:                ${ms(wording)}  [draft + patches + validation of what changed: ${ms(inMemory)}]`,
          `  after, status change:               ${ms(status)}`,
          `  after, bulk change of 100 claims:   ${ms(bulk)}`,
          `  after, create claim:                ${ms(create)}`,
          `  after, undo / redo:                 ${ms(undo)} / ${ms(redo)}`,
          `  after, delete claim / undo it:      ${ms(remove)} / ${ms(undoRemove)}`,
          `  after, edit article text (100 claims re-anchored): ${ms(editText)}`,
          `  (the write alone, JSON.stringify + fsync + rename: ${ms(write)})`,
        ].join('\n'),
      );
      // What the store holds is what a full parse of its file gives.
      expect(Workspace.parse(JSON.parse(JSON.stringify(store.data)))).toEqual(store.data);
      await store.close();
    });
  });
});
