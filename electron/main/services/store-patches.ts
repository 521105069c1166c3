/**
 * Helpers of the store's undo history: applying recorded patches without copying what
 * they hold, joining a burst of edits into one step, weighing a step, and resolving draft
 * objects a change returned.
 */
import { current, Immer, isDraft, type Draft, type Patch } from 'immer';
import type { Workspace } from '../../../shared/domain/schemas';

/**
 * The store's own immer, which does not freeze what it produces: freezing a new copy of a
 * 100,000-claim array (and copying a frozen one, which V8 does slowly) cost ~10 ms an edit.
 * The store freezes what a change touched itself (store-commit.ts, freezeTouched), so every
 * entity stays deeply frozen; the collection arrays, which only the store holds, do not.
 */
export const immer = new Immer({ autoFreeze: false });

/**
 * Applies patches without copying their values (immer's `applyPatches` deep-clones each
 * value, which would copy every claim to undo a delete). The values are parts of earlier,
 * frozen workspaces, so sharing them is safe, and keeps unchanged entities identical.
 */
export function applySharedPatches(base: Workspace, patches: readonly Patch[]): Workspace {
  return immer.produce(base, (draft: Draft<Workspace>) => {
    for (const { op, path: at, value } of patches) {
      if (at.length === 0) throw new Error('A history step cannot replace the whole workspace.');
      const parent = parentOf(draft, at);
      const key = at[at.length - 1]!;
      if (Array.isArray(parent) && typeof key === 'number') {
        if (op === 'add') parent.splice(key, 0, value);
        else if (op === 'remove') parent.splice(key, 1);
        else parent[key] = value;
      } else if (op === 'remove') {
        delete parent[key];
      } else {
        parent[key] = value;
      }
    }
  });
}

export function setAt(draft: Draft<Workspace>, at: readonly (string | number)[], value: unknown): void {
  parentOf(draft, at)[at[at.length - 1]!] = value;
}

type Node = Record<PropertyKey, unknown>;

/**
 * The object holding the last key of `at`, ready to be written. Objects from the base come
 * as drafts; a frozen value an earlier patch of this step put in place does not, so it is
 * replaced by a shallow copy (its own children stay shared).
 */
function parentOf(draft: Draft<Workspace>, at: readonly (string | number)[]): Node {
  let node = draft as unknown as Node;
  for (const key of at.slice(0, -1)) {
    let child = node[key];
    if (child === null || typeof child !== 'object') throw new Error(`A history step does not fit the workspace at ${at.join('.')}.`);
    if (!isDraft(child) && Object.isFrozen(child)) {
      child = Array.isArray(child) ? [...(child as unknown[])] : { ...(child as Node) };
      node[key] = child;
    }
    node = child as Node;
  }
  return node;
}

/**
 * A burst of edits of one field gives one replace patch per save: applied in order, the
 * last one per path is what counts (the newest value forward; back, since undo patches run
 * newest first, the oldest value). Only when every patch is a replace and no path is inside
 * another, so the order cannot matter.
 */
export function compactReplaces(patches: Patch[]): Patch[] {
  if (!patches.every((p) => p.op === 'replace')) return patches;
  const byPath = new Map<string, Patch>();
  for (const patch of patches) byPath.set(JSON.stringify(patch.path), patch);
  const keys = [...byPath.keys()].map((k) => k.slice(0, -1));
  if (keys.some((a, i) => keys.some((b, j) => i !== j && b.startsWith(`${a},`)))) return patches;
  return [...byPath.values()];
}

/** Roughly how much text patches hold: their string values and the `text` of entities they hold. */
export function weigh(patches: readonly Patch[]): number {
  let chars = 0;
  for (const { value } of patches) {
    if (typeof value === 'string') chars += value.length;
    else if (value !== null && typeof value === 'object' && typeof (value as { text?: unknown }).text === 'string') {
      chars += (value as { text: string }).text.length;
    }
  }
  return chars;
}

/** Draft objects in a change's result, replaced by plain snapshots (drafts die with the change). */
export function resolveDrafts<T>(value: T): T {
  if (isDraft(value)) return current(value as Draft<T>) as T;
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value;
  if (Array.isArray(value)) return value.map(resolveDrafts) as T;
  if (Object.getPrototypeOf(value) !== Object.prototype) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolveDrafts(v)])) as T;
}
