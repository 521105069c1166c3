/**
 * Undo steps of a team workspace, by entity id and field rather than by array index.
 *
 * The personal store's undo steps are immer patches on array indices: right while one person
 * edits, wrong once others insert or remove entities in between. A team step says, for each
 * entity a change touched, what it did by id: added (with the index it had), removed, or
 * which fields it set (`[collection, id, field]`), and which settings fields it set
 * (`['settings', field]`). They are still immer Patch objects, so UndoHistory keeps, joins
 * (compactReplaces) and weighs them as it does the personal store's.
 *
 * Before a step is applied (an undo applies the inverse patches, a redo the forward ones),
 * `conflictOf` checks that every entity and field it touches is still what the step left
 * there: if someone else changed it since, the step is refused rather than overwrite them.
 */
import { isDeepStrictEqual } from 'node:util';
import type { Patch } from 'immer';
import type { Workspace } from '../../../shared/domain/schemas';
import { quoted } from '../../../shared/domain/rules';
import { COLLECTIONS, type CollectionName, type WorkspaceDelta } from '../services/workspace-delta';

type Entity = { readonly id: string } & Record<string, unknown>;
type Added = { readonly entity: Entity; readonly at: number };

export interface EntitySteps {
  readonly patches: Patch[];
  readonly inversePatches: Patch[];
}

const isCollection = (key: unknown): key is CollectionName => (COLLECTIONS as readonly unknown[]).includes(key);
const same = (a: unknown, b: unknown) => a === b || isDeepStrictEqual(a, b);

/** The steps forward and back of a change that turned `before` into `after` (as `delta` says), `currentEditor` aside. */
export function entitySteps(before: Workspace, after: Workspace, delta: WorkspaceDelta): EntitySteps {
  const patches: Patch[] = [];
  const inverse: Patch[] = [];
  const inverseAdds: Patch[] = [];
  for (const c of COLLECTIONS) {
    const { touched, removed } = delta[c];
    if (touched.length === 0 && removed.length === 0) continue;
    const was = before[c] as readonly Entity[];
    const now = after[c] as readonly Entity[];
    let index: Map<string, number> | null = null;
    const indexOf = (id: string) => (index ??= new Map(was.map((e, i) => [e.id, i]))).get(id);
    for (const i of touched) {
      const entity = now[i]!;
      const at = was[i]?.id === entity.id ? i : indexOf(entity.id);
      if (at === undefined) {
        patches.push({ op: 'add', path: [c, entity.id], value: { entity, at: i } satisfies Added });
        inverse.push({ op: 'remove', path: [c, entity.id] });
        continue;
      }
      const old = was[at]!;
      for (const key of new Set([...Object.keys(old), ...Object.keys(entity)])) {
        if (same(old[key], entity[key])) continue;
        patches.push(fieldPatch([c, entity.id, key], entity[key]));
        inverse.push(fieldPatch([c, entity.id, key], old[key]));
      }
    }
    for (const id of removed) {
      const at = indexOf(id)!;
      patches.push({ op: 'remove', path: [c, id] });
      inverseAdds.push({ op: 'add', path: [c, id], value: { entity: was[at]!, at } satisfies Added });
    }
  }
  if (delta.settings || delta.other) {
    const old = before.settings as unknown as Record<string, unknown>;
    const now = after.settings as unknown as Record<string, unknown>;
    for (const key of new Set([...Object.keys(old), ...Object.keys(now)])) {
      if (key === 'currentEditor' || same(old[key], now[key])) continue;
      patches.push(fieldPatch(['settings', key], now[key]));
      inverse.push(fieldPatch(['settings', key], old[key]));
    }
  }
  // Removed entities come back at their places: the lowest index first.
  inverseAdds.sort((a, b) => (a.value as Added).at - (b.value as Added).at);
  return { patches, inversePatches: [...inverse, ...inverseAdds] };
}

function fieldPatch(path: (string | number)[], value: unknown): Patch {
  return value === undefined ? { op: 'remove', path } : { op: 'replace', path, value };
}

/** `ws` with `patches` applied (entities by id): a new workspace, sharing what they do not touch. */
export function applySteps(ws: Workspace, patches: readonly Patch[]): Workspace {
  const lists = new Map<CollectionName, Entity[]>();
  const list = (c: CollectionName) => {
    let l = lists.get(c);
    if (!l) lists.set(c, (l = (ws[c] as readonly Entity[]).slice()));
    return l;
  };
  let settings: Record<string, unknown> | null = null;
  for (const { op, path, value } of patches) {
    const [head, id, key] = path as [string, string, string | undefined];
    if (head === 'settings') {
      settings ??= { ...ws.settings };
      if (op === 'remove') delete settings[id];
      else settings[id] = value;
      continue;
    }
    if (!isCollection(head)) throw new Error(`An undo step does not fit the workspace at ${path.join('.')}.`);
    const items = list(head);
    const at = items.findIndex((e) => e.id === id);
    if (key === undefined) {
      if (at >= 0) items.splice(at, 1);
      if (op === 'add') {
        const { entity, at: place } = value as Added;
        items.splice(Math.min(place, items.length), 0, entity);
      }
    } else if (at >= 0) {
      const copy: Record<string, unknown> = { ...items[at]! };
      if (op === 'remove') delete copy[key];
      else copy[key] = value;
      items[at] = copy as Entity;
    }
  }
  const out: Record<string, unknown> = { ...ws };
  for (const [c, items] of lists) out[c] = items;
  if (settings) out.settings = settings;
  return out as unknown as Workspace;
}

/** Where a step would overwrite someone else's change: what it is ('claims', id), or null when it applies cleanly. */
export interface StepConflict {
  /** 'settings', or the collection. */
  readonly collection: CollectionName | 'settings';
  /** The entity's id, or the settings field. */
  readonly id: string;
  /** The entity as it is now (null when it was deleted since). */
  readonly now: Entity | null;
}

/**
 * Whether `ws` still holds, everywhere `left` (the patches the step last applied: forward
 * for an undo, inverse for a redo) wrote, what they left there. The first place where it
 * does not, or null.
 */
export function conflictOf(ws: Workspace, left: readonly Patch[]): StepConflict | null {
  // The last patch per place is what the step left there.
  const expected = new Map<string, Patch>();
  for (const patch of left) expected.set(JSON.stringify(patch.path), patch);
  const indexes = new Map<CollectionName, Map<string, Entity>>();
  const find = (c: CollectionName, id: string) => {
    let byId = indexes.get(c);
    if (!byId) indexes.set(c, (byId = new Map((ws[c] as readonly Entity[]).map((e) => [e.id, e]))));
    return byId.get(id) ?? null;
  };
  for (const { op, path, value } of expected.values()) {
    const [head, id, key] = path as [string, string, string | undefined];
    if (head === 'settings') {
      const now = (ws.settings as unknown as Record<string, unknown>)[id];
      if (!same(now, op === 'remove' ? undefined : value)) return { collection: 'settings', id, now: null };
      continue;
    }
    if (!isCollection(head)) return { collection: 'settings', id: path.join('.'), now: null };
    const now = find(head, id);
    const fits = key === undefined ? (op === 'remove' ? now === null : now !== null && same(now, (value as Added).entity)) : now !== null && same(now[key], op === 'remove' ? undefined : value);
    if (!fits) return { collection: head, id, now };
  }
  return null;
}

/** Who last changed an entity or the settings, and how (the store keeps it for this message). */
export interface LastChange {
  readonly actor: string;
  readonly label: string;
  readonly seq: number;
}

/** "Cannot undo “Change status”: Bo changed the claim “Spending rose…” since (Change priority)." */
export function describeConflict(direction: 'undo' | 'redo', label: string, conflict: StepConflict, last: LastChange | undefined, actor: string): string {
  const who = !last ? 'Someone' : last.actor === actor ? 'You' : last.actor || 'Someone without a name';
  const entity = conflict.now as { text?: unknown; title?: unknown } | null;
  const name = typeof entity?.text === 'string' ? entity.text : typeof entity?.title === 'string' ? entity.title : null;
  const what = conflict.collection === 'settings' ? 'the settings' : `the ${conflict.collection.slice(0, -1)}${name ? ` ${quoted(name)}` : ''}`;
  const how = conflict.now === null && conflict.collection !== 'settings' ? 'deleted' : 'changed';
  return `Cannot ${direction} “${label}”: ${who} ${how} ${what} since${last ? ` (${last.label})` : ''}.`;
}
