/**
 * Local copies in and out of exports: an article's JSON export and a workspace backup carry
 * the copies their sources list, and reading one back keeps them (written once: a copy
 * already kept under the same id and digest is the same evidence; another one under a
 * taken id is kept under a new id).
 */
import type { LocalCopy } from '../../../../shared/domain/evidence';
import type { Source } from '../../../../shared/domain/schemas';
import { ApiError } from '../../../../shared/api/result';
import type { CopyStore } from './types';

/** The copies `sources` list that the store holds (a copy missing here is left out; its source still lists it). */
export async function copiesOf(store: CopyStore, sources: readonly Source[]): Promise<LocalCopy[]> {
  const copies: LocalCopy[] = [];
  for (const source of sources) {
    for (const ref of source.copies) {
      const copy = await store.get(ref.id).catch(() => null);
      if (copy) copies.push(copy);
    }
  }
  return copies;
}

/**
 * Keeps the copies of a file read back. Returns the ids that had to change (a different
 * copy was already kept under the id): the sources' lists are renamed with it.
 */
export async function keepCopies(store: CopyStore, copies: readonly LocalCopy[], newId: () => string): Promise<Map<string, string>> {
  const renamed = new Map<string, string>();
  for (const copy of copies) {
    try {
      await store.put(copy);
    } catch (error) {
      if (!(error instanceof ApiError) || error.code !== 'conflict') throw error;
      const id = newId();
      await store.put({ ...copy, id });
      renamed.set(copy.id, id);
    }
  }
  return renamed;
}

/** `sources` with their copy lists renamed. */
export function renameCopies<T extends Source>(sources: T[], renamed: ReadonlyMap<string, string>): T[] {
  if (renamed.size === 0) return sources;
  return sources.map((s) => ({ ...s, copies: s.copies.map((c) => ({ ...c, id: renamed.get(c.id) ?? c.id })) }));
}
