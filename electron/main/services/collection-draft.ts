/**
 * A draft of one of the workspace's entity arrays that costs what a change touches.
 *
 * An immer draft of a 100,000-claim array copies the whole array as soon as one claim in it
 * changes (V8 copies it at ~30 ns an element: ~3 ms an edit). This draft instead drafts each
 * entity on its own, when it is first read, and keeps appended entities aside, so an edit
 * of one claim copies one claim. It looks like the array to a change: indexing, `length`,
 * `push`, iteration and the array methods work, and, as in immer, `find`, `filter`, `some`
 * and the other searches call their callback with the current values and return drafts.
 * What it cannot do in place (remove, insert, reorder, assign an index, replace the array)
 * throws NeedsWholeDraft: the store then runs the change again on an ordinary immer draft.
 */
import { current, isDraft, type Draft, type Immer, type Patch } from 'immer';

type Entity = { readonly id: string };

/** The change did something a collection draft does not do in place: run it on a whole-workspace draft. */
export class NeedsWholeDraft extends Error {
  constructor(what: string) {
    super(`needs a whole-workspace draft: ${what}`);
  }
}

/** One entity a change edited in place: where, before and after, and the patches, relative to the entity. */
export interface EntityEdit<E> {
  readonly index: number;
  readonly before: E;
  readonly after: E;
  readonly patches: Patch[];
  readonly inversePatches: Patch[];
}

export interface CollectionChanges<E> {
  readonly edits: EntityEdit<E>[];
  readonly appended: E[];
}

/** Searches whose callback reads the current values and whose result (an element, or elements) comes back as drafts. */
const SEARCHES = new Set<PropertyKey>(['find', 'findLast', 'findIndex', 'findLastIndex', 'some', 'every', 'filter', 'includes', 'indexOf', 'lastIndexOf']);
const IN_PLACE_ONLY = new Set<PropertyKey>(['splice', 'sort', 'reverse', 'pop', 'shift', 'unshift', 'fill', 'copyWithin']);

const draftsByProxy = new WeakMap<object, CollectionDraft<Entity>>();

/** For a collection draft, a read-only array of its current plain values (what `current` gives for an immer draft); else undefined. */
export function collectionView<T>(items: readonly T[]): readonly T[] | undefined {
  return (draftsByProxy.get(items) as CollectionDraft<T & Entity> | undefined)?.view as readonly T[] | undefined;
}

/** The current value of a (possibly draft) array, without creating a proxy per element. */
export function snapshot<T>(items: readonly T[]): readonly T[] {
  return collectionView(items) ?? (isDraft(items) ? (current(items as never) as readonly T[]) : items);
}

/**
 * The element of `items` with this id (a draft, from a draft), or undefined: by an index of
 * the ids for a collection draft (finding one claim among 100,000 by scanning costs ~2 ms),
 * else by scanning.
 */
export function findById<E extends Entity>(items: readonly E[], id: string): E | undefined {
  const draft = draftsByProxy.get(items) as CollectionDraft<E> | undefined;
  return draft ? draft.byId(id) : items.find((item) => item.id === id);
}

/** `findById` for many ids at once (an array that is not a collection draft is scanned once). */
export function findAllById<E extends Entity>(items: readonly E[], ids: readonly string[]): (E | undefined)[] {
  const draft = draftsByProxy.get(items) as CollectionDraft<E> | undefined;
  if (draft) return ids.map((id) => draft.byId(id));
  const index = new Map<string, number>();
  snapshot(items).forEach((item, i) => index.set(item.id, i));
  return ids.map((id) => {
    const i = index.get(id);
    return i === undefined ? undefined : items[i];
  });
}

/** Where each id is in an array of the store's, built when first asked; checked on use, rebuilt on a miss (the array may have grown or shrunk at its end since). */
const positions = new WeakMap<readonly Entity[], Map<string, number>>();

function positionOf(list: readonly Entity[], id: string): number | undefined {
  const known = positions.get(list)?.get(id);
  if (known !== undefined && list[known]?.id === id) return known;
  const map = new Map<string, number>();
  list.forEach((entity, i) => map.set(entity.id, i));
  positions.set(list, map);
  return map.get(id);
}

const isIndex = (key: PropertyKey): boolean => typeof key === 'string' && key !== '' && String(Number(key) >>> 0) === key;

/**
 * A read-only array of `length()` elements, element i being `at(i)`: what a reader of an
 * array sees (indexing, `length`, the array methods), without copying one.
 */
export function arrayView<T>(length: () => number, at: (i: number) => T | undefined): readonly T[] {
  return new Proxy([] as T[], {
    get: (target, key) => {
      if (key === 'length') return length();
      if (isIndex(key)) return at(Number(key as string));
      return Reflect.get(target, key);
    },
    set: () => {
      throw new TypeError('A view of a collection cannot be changed.');
    },
    has: (target, key) => (isIndex(key) ? Number(key as string) < length() : Reflect.has(target, key)),
  });
}

export class CollectionDraft<E extends Entity> {
  /** What the change sees in place of the array. */
  readonly proxy: E[];
  private readonly drafts = new Map<number, Draft<E>>();
  private readonly appended: E[] = [];

  constructor(
    private readonly base: readonly E[],
    private readonly immer: Immer,
    name: string,
  ) {
    this.proxy = new Proxy([] as E[], {
      get: (target, key) => {
        if (key === 'length') return this.length;
        if (isIndex(key)) return this.item(Number(key as string));
        if (key === 'push') return (...items: E[]) => this.appended.push(...items) + this.base.length;
        if (SEARCHES.has(key)) return this.search(key as string);
        if (IN_PLACE_ONLY.has(key)) throw new NeedsWholeDraft(`${name}.${String(key)}`);
        // forEach, map, reduce, slice, iteration…: Array.prototype's own, reading through this proxy (drafts).
        return Reflect.get(target, key);
      },
      set: (_target, key) => {
        throw new NeedsWholeDraft(`${name}[${String(key)}] =`);
      },
      deleteProperty: (_target, key) => {
        throw new NeedsWholeDraft(`delete ${name}[${String(key)}]`);
      },
      defineProperty: (_target, key) => {
        throw new NeedsWholeDraft(`defining ${name}.${String(key)}`);
      },
      has: (target, key) => (isIndex(key) ? Number(key as string) < this.length : Reflect.has(target, key)),
    });
    draftsByProxy.set(this.proxy, this);
  }

  /** The element with this id, as `item` gives it (see findById). */
  byId(id: string): E | undefined {
    const k = this.appended.findIndex((entity) => entity.id === id);
    if (k >= 0) return this.appended[k];
    const i = positionOf(this.base, id);
    return i === undefined ? undefined : this.item(i);
  }

  get length(): number {
    return this.base.length + this.appended.length;
  }

  /** The element at `i` for writing: a draft of a base entity (made once), or an appended value. */
  private item(i: number): E | undefined {
    if (i >= this.base.length) return this.appended[i - this.base.length];
    let draft = this.drafts.get(i);
    if (!draft) {
      draft = this.immer.createDraft(this.base[i]!) as Draft<E>;
      this.drafts.set(i, draft);
    }
    return draft as E;
  }

  /** The element at `i` for reading: its draft when it has one, else the base value. */
  private latest(i: number): E | undefined {
    if (i >= this.base.length) return this.appended[i - this.base.length];
    return (this.drafts.get(i) as E | undefined) ?? this.base[i];
  }

  private search(method: string): (...args: unknown[]) => unknown {
    return (...args: unknown[]) => {
      const n = this.length;
      const at = (i: number) => this.latest(i)!;
      if (method === 'includes' || method === 'indexOf' || method === 'lastIndexOf') {
        const values = Array.from({ length: n }, (_, i) => at(i)) as unknown as Record<string, (...a: unknown[]) => unknown>;
        return values[method]!(...args);
      }
      const predicate = args[0] as (value: E, index: number, array: unknown) => unknown;
      const thisArg = args[1];
      const test = (i: number) => predicate.call(thisArg, at(i), i, this.proxy);
      switch (method) {
        case 'find':
          for (let i = 0; i < n; i++) if (test(i)) return this.item(i);
          return undefined;
        case 'findLast':
          for (let i = n - 1; i >= 0; i--) if (test(i)) return this.item(i);
          return undefined;
        case 'findIndex':
          for (let i = 0; i < n; i++) if (test(i)) return i;
          return -1;
        case 'findLastIndex':
          for (let i = n - 1; i >= 0; i--) if (test(i)) return i;
          return -1;
        case 'some':
          for (let i = 0; i < n; i++) if (test(i)) return true;
          return false;
        case 'every':
          for (let i = 0; i < n; i++) if (!test(i)) return false;
          return true;
        default: {
          // filter
          const out: E[] = [];
          for (let i = 0; i < n; i++) if (test(i)) out.push(this.item(i)!);
          return out;
        }
      }
    };
  }

  /** A read-only array of the current plain values (see collectionView). */
  readonly view: readonly E[] = arrayView(
    () => this.length,
    (i) => {
      const value = this.latest(i);
      return value !== undefined && isDraft(value) ? (current(value as Draft<E>) as E) : value;
    },
  );

  /** Throws NeedsWholeDraft when an appended value holds a draft (to be asked before any draft is finished). */
  checkAppended(name: string): void {
    if (this.appended.some((value) => holdsDraft(value))) throw new NeedsWholeDraft(`${name}.push of a draft`);
  }

  /**
   * Ends the change: the entities it edited (with their patches) and the ones it appended.
   * Throws NeedsWholeDraft when an edit changed an entity's id, or holds a draft of another
   * entity (immer can only finish those in one draft of the whole workspace).
   */
  finish(name: string): CollectionChanges<E> {
    const edits: EntityEdit<E>[] = [];
    for (const [index, draft] of [...this.drafts].sort((a, b) => a[0] - b[0])) {
      let patches: Patch[] = [];
      let inversePatches: Patch[] = [];
      const after = this.immer.finishDraft(draft, (p, ip) => {
        patches = p;
        inversePatches = ip;
      }) as E;
      const before = this.base[index]!;
      if (after === before) continue;
      if (after.id !== before.id) throw new NeedsWholeDraft(`${name}[${index}].id changed`);
      if (patches.some((p) => holdsDraft(p.value))) throw new NeedsWholeDraft(`${name}[${index}] holds another draft`);
      edits.push({ index, before, after, patches, inversePatches });
    }
    return { edits, appended: this.appended };
  }
}

/** Whether `value` is, or holds, an immer draft (a finished one too: it is a revoked proxy then). */
function holdsDraft(value: unknown, seen = new Set<object>()): boolean {
  if (value === null || typeof value !== 'object') return false;
  try {
    if (isDraft(value)) return true;
  } catch {
    return true; // only a revoked proxy throws here
  }
  if (seen.has(value) || Object.isFrozen(value)) return false;
  seen.add(value);
  return Object.values(value).some((child) => holdsDraft(child, seen));
}
