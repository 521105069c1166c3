/**
 * A change that costs what it touches (issue 12): it runs on collection drafts
 * (collection-draft.ts), and its result is applied to the store's arrays in place, each
 * write recorded so it can be reverted (a refused change, a failed save) or left out of a
 * copy of an earlier state (what a fold, a backup or a failed save needs: see
 * `InPlaceLog.stateAt`). The store keeps its arrays to itself: an array a reader was given,
 * or a history step holds, is copied before it is written in place (`InPlaceLog.share`).
 */
import type { Immer, Patch } from 'immer';
import type { Settings, Workspace } from '../../../shared/domain/schemas';
import { arrayView, CollectionDraft, NeedsWholeDraft, type CollectionChanges } from './collection-draft';
import { resolveDrafts } from './store-patches';
import { COLLECTIONS, forgetIds, idsKnown, moveIds, type CollectionName, type WorkspaceDelta } from './workspace-delta';

type Entity = { readonly id: string };
type Changes = { [C in CollectionName]: CollectionChanges<Entity> };

export interface DraftedChange<T> {
  readonly result: T;
  readonly settings: Settings | null;
  readonly collections: Changes;
  readonly patches: Patch[];
  readonly inversePatches: Patch[];
}

/**
 * Runs `change` on collection drafts of `before`. Throws NeedsWholeDraft when it does
 * something they cannot (the store then runs it again on an immer draft of the whole
 * workspace: a change must not act outside its draft), and whatever the change throws.
 */
export function draftChange<T>(before: Workspace, immer: Immer, change: (draft: Workspace) => T): DraftedChange<T> {
  const drafts = {
    articles: new CollectionDraft<Entity>(before.articles, immer, 'articles'),
    claims: new CollectionDraft<Entity>(before.claims, immer, 'claims'),
    sources: new CollectionDraft<Entity>(before.sources, immer, 'sources'),
  };
  let settingsDraft: Settings | null = null;
  const read = (key: PropertyKey): unknown => {
    if (key === 'articles' || key === 'claims' || key === 'sources') return drafts[key].proxy;
    if (key === 'settings') return (settingsDraft ??= immer.createDraft(before.settings) as Settings);
    // The audit log (which a change may not touch), the version: left to the whole-workspace path and its checks.
    if (typeof key === 'string' && key in before) throw new NeedsWholeDraft(`workspace.${key}`);
    return Reflect.get(before, key);
  };
  const root = new Proxy({} as Workspace, {
    get: (_target, key) => read(key),
    set: (_target, key) => {
      throw new NeedsWholeDraft(`workspace.${String(key)} =`);
    },
    deleteProperty: (_target, key) => {
      throw new NeedsWholeDraft(`delete workspace.${String(key)}`);
    },
    has: (_target, key) => key in before,
    ownKeys: () => Reflect.ownKeys(before),
    getOwnPropertyDescriptor: (_target, key) => (key in before ? { value: read(key), writable: true, enumerable: true, configurable: true } : undefined),
  });
  // Drafts die when they are finished: what the change returns is resolved first, and
  // appended values are checked for drafts while those can still be asked.
  const result = resolveDrafts(change(root));
  for (const c of COLLECTIONS) drafts[c].checkAppended(c);
  try {
    return finishChange(before, immer, result, settingsDraft, drafts);
  } catch (error) {
    // immer could not finish a draft holding another one: the whole-workspace path can.
    if (error instanceof NeedsWholeDraft || error instanceof TypeError) throw new NeedsWholeDraft((error as Error).message);
    throw error;
  }
}

function finishChange<T>(
  before: Workspace,
  immer: Immer,
  result: T,
  settingsDraft: Settings | null,
  drafts: { [C in CollectionName]: CollectionDraft<Entity> },
): DraftedChange<T> {
  const patches: Patch[] = [];
  const inversePatches: Patch[] = [];
  let settings: Settings | null = null;
  if (settingsDraft) {
    const after = immer.finishDraft(settingsDraft, (p, ip) => {
      patches.push(...p.map((x) => ({ ...x, path: ['settings', ...x.path] })));
      inversePatches.push(...ip.map((x) => ({ ...x, path: ['settings', ...x.path] })));
    }) as Settings;
    if (after !== before.settings) settings = after;
  }
  const collections = {} as Changes;
  for (const c of COLLECTIONS) {
    const changes = drafts[c].finish(c);
    collections[c] = changes;
    for (const edit of changes.edits) {
      patches.push(...edit.patches.map((x) => ({ ...x, path: [c, edit.index, ...x.path] })));
      inversePatches.push(...edit.inversePatches.map((x) => ({ ...x, path: [c, edit.index, ...x.path] })));
    }
    const length = before[c].length;
    changes.appended.forEach((value, k) => patches.push({ op: 'add', path: [c, length + k], value }));
    if (changes.appended.length > 0) inversePatches.push({ op: 'replace', path: [c, 'length'], value: length });
  }
  return { result, settings, collections, patches, inversePatches };
}

/** `draftChange`, or null when the change needs a draft of the whole workspace (what it did is dropped: it runs again on one). */
export function tryDraftChange<T>(before: Workspace, immer: Immer, change: (draft: Workspace) => T): DraftedChange<T> | null {
  try {
    return draftChange(before, immer, change);
  } catch (error) {
    if (error instanceof NeedsWholeDraft) return null;
    throw error;
  }
}

/**
 * The workspace before a change written in place, for its audit entries: the arrays now
 * hold the change, so the entities it edited read as they were, and the ones it appended
 * are not there.
 */
export function beforeView(before: Workspace, after: Workspace, drafted: DraftedChange<unknown>): Workspace {
  const view: Record<string, unknown> = { ...before };
  for (const c of COLLECTIONS) {
    const { edits, appended } = drafted.collections[c];
    if (edits.length === 0 && appended.length === 0) continue;
    const list = after[c] as readonly unknown[];
    const length = list.length - appended.length;
    const edited = new Map<number, unknown>(edits.map((edit) => [edit.index, edit.before]));
    view[c] = arrayView(
      () => length,
      (i) => (i >= length ? undefined : edited.has(i) ? edited.get(i) : list[i]),
    );
  }
  return view as unknown as Workspace;
}

/** One write in place, and how to undo it. */
type Write =
  | { readonly list: Entity[]; readonly index: number; readonly was: Entity }
  | { readonly list: Entity[]; readonly length: number; readonly ids: readonly string[] };

/**
 * The store's writes in place, since the oldest state it may still need (the last one on
 * disk), and the arrays it has handed out (never written in place again).
 */
export class InPlaceLog {
  private writes: Write[] = [];
  /** The position of writes[0] since the store opened. */
  private base = 0;
  private readonly shared = new WeakSet<object>();

  /** Where the log is now: a state taken now is the arrays as they are, minus the writes after this. */
  get position(): number {
    return this.base + this.writes.length;
  }

  /** `list` was handed out (to a reader, or into a history step): it is copied before the next write in place. */
  share(list: unknown): void {
    if (Array.isArray(list)) this.shared.add(list);
  }

  /**
   * Applies a drafted change to `before`'s arrays in place (copying any that were shared)
   * and returns the new workspace and the change's delta. Duplicate ids among appended
   * entities are reported in the delta, for the validation to refuse.
   */
  apply(before: Workspace, change: DraftedChange<unknown>): { after: Workspace; delta: WorkspaceDelta } {
    const after: Record<string, unknown> = { ...before, settings: change.settings ?? before.settings };
    const delta = { settings: change.settings !== null, other: false } as { -readonly [K in keyof WorkspaceDelta]: WorkspaceDelta[K] };
    for (const c of COLLECTIONS) {
      const { edits, appended } = change.collections[c];
      let list = before[c] as Entity[];
      if ((edits.length > 0 || appended.length > 0) && this.shared.has(list)) {
        const copy = list.slice();
        moveIds(list, copy);
        list = copy;
      }
      after[c] = list;
      const touched: number[] = [];
      for (const { index, after: entity } of edits) {
        this.writes.push({ list, index, was: list[index]! });
        list[index] = entity;
        touched.push(index);
      }
      const duplicates: number[] = [];
      if (appended.length > 0) {
        const ids = idsKnown(list);
        const seen = new Set<string>();
        const length = list.length;
        appended.forEach((entity, k) => {
          if (seen.has(entity.id) || ids?.has(entity.id)) duplicates.push(length + k);
          seen.add(entity.id);
          touched.push(length + k);
        });
        this.writes.push({ list, length, ids: [...seen].filter((id) => !ids?.has(id)) });
        list.push(...appended);
        if (ids) for (const id of seen) ids.add(id);
      }
      delta[c] = { touched, removed: [], duplicates };
    }
    return { after: after as unknown as Workspace, delta };
  }

  /** Sets a value at `[collection, index]` in place (a validated form of what a change wrote). */
  replace(ws: Workspace, c: CollectionName, index: number, value: Entity): void {
    const list = ws[c] as Entity[];
    this.writes.push({ list, index, was: list[index]! });
    list[index] = value;
  }

  /** Undoes every write after `position`, newest first. */
  revertTo(position: number): void {
    while (this.position > position) {
      const write = this.writes.pop()!;
      if ('was' in write) write.list[write.index] = write.was;
      else {
        write.list.length = write.length;
        const ids = idsKnown(write.list);
        if (ids) for (const id of write.ids) ids.delete(id);
      }
    }
  }

  /** The writes before `position` are no longer needed (no state before it will be asked for). */
  forgetBefore(position: number): void {
    if (position <= this.base) return;
    this.writes.splice(0, position - this.base);
    this.base = position;
  }

  /**
   * `ws` as it was at `position` (taken then, its arrays since written in place), in new
   * arrays of its own: the arrays are copied and the later writes to them left out.
   */
  stateAt(ws: Workspace, position: number): Workspace {
    const copy: Record<string, unknown> = { ...ws };
    for (const c of COLLECTIONS) {
      const list = ws[c] as Entity[];
      const out = list.slice();
      for (let k = this.writes.length - 1; k >= position - this.base; k--) {
        const write = this.writes[k]!;
        if (write.list !== list) continue;
        if ('was' in write) out[write.index] = write.was;
        else out.length = write.length;
      }
      copy[c] = out;
    }
    return copy as unknown as Workspace;
  }

  /** After a failed save took memory back: the id caches of `ws`'s arrays may hold ids of writes that were undone elsewhere. */
  forgetIdsOf(ws: Workspace): void {
    for (const c of COLLECTIONS) forgetIds(ws[c]);
  }
}
