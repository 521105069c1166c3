/**
 * The journal's entity-level operations: a fast-check property over random sequences of
 * writes (edits, appends, inserts, removals, moves, a removed entity brought back, settings)
 * on a small workspace-like object with structural sharing, as immer produces it: replaying
 * `opsBetween(before, after)` onto a copy of `before` gives exactly `after`, write after
 * write, and the operations are no more than the change.
 */
import fc from 'fast-check';
import { current, Immer, enablePatches } from 'immer';
import { describe, expect, it } from 'vitest';
import type { Workspace } from '../../../shared/domain/schemas';
import { decodeLog, encodeRecord } from './checksummed-log';
import { applyOps, emptyHint, noteChange, opsBetween, type JournalHint, type JournalOp, type ReplayTarget } from './journal-ops';
import { COLLECTIONS, type CollectionName } from './workspace-delta';

const SEED = Number(process.env.FUZZ_SEED ?? 20261125);

interface Entity {
  readonly id: string;
  readonly v: number;
}
interface Model {
  readonly schemaVersion: number;
  readonly settings: { readonly organizationName: string };
  readonly articles: readonly Entity[];
  readonly claims: readonly Entity[];
  readonly sources: readonly Entity[];
  readonly audit: readonly never[];
}

type Command =
  | { kind: 'edit' | 'touch' | 'insert' | 'remove' | 'restore'; c: CollectionName; at: number; v: number }
  | { kind: 'append'; c: CollectionName; v: number }
  | { kind: 'move'; c: CollectionName; from: number; to: number }
  | { kind: 'settings'; v: number };

const collection = fc.constantFrom(...COLLECTIONS);
const command: fc.Arbitrary<Command> = fc.oneof(
  fc.record({ kind: fc.constantFrom('edit', 'touch', 'insert', 'remove', 'restore'), c: collection, at: fc.nat(), v: fc.integer() }),
  fc.record({ kind: fc.constant('append'), c: collection, v: fc.integer() }),
  fc.record({ kind: fc.constant('move'), c: collection, from: fc.nat(), to: fc.nat() }),
  fc.record({ kind: fc.constant('settings'), v: fc.integer() }),
) as fc.Arbitrary<Command>;
/** Several writes, each of several commands (an empty write changes nothing). */
const writes = fc.array(fc.array(command, { maxLength: 6 }), { minLength: 1, maxLength: 6 });
const sizes = fc.record({ articles: fc.nat(4), claims: fc.nat(6), sources: fc.nat(3) });

function initial(sizes: Record<CollectionName, number>): Model {
  const make = (c: CollectionName) => Array.from({ length: sizes[c] }, (_, i) => Object.freeze({ id: `${c}-${i}`, v: i }));
  return { schemaVersion: 3, settings: { organizationName: 'start' }, articles: make('articles'), claims: make('claims'), sources: make('sources'), audit: [] };
}

/** Applies commands the way an immer change does: a changed collection is a new array, untouched entities are the same objects. */
class Editor {
  private next = 0;
  private readonly removed: Record<CollectionName, Entity[]> = { articles: [], claims: [], sources: [] };

  apply(ws: Model, commands: readonly Command[]): Model {
    let out = ws;
    for (const cmd of commands) {
      if (cmd.kind === 'settings') {
        out = { ...out, settings: { organizationName: `org ${cmd.v}` } };
        continue;
      }
      const list = [...out[cmd.c]];
      const index = (n: number, extra = 0) => n % (list.length + extra);
      if (cmd.kind === 'move') {
        if (list.length === 0) continue;
        list.splice(index(cmd.to), 0, list.splice(index(cmd.from), 1)[0]!);
      } else if (cmd.kind === 'append') list.push(this.fresh(cmd.c, cmd.v));
      else if (cmd.kind === 'insert') list.splice(index(cmd.at, 1), 0, this.fresh(cmd.c, cmd.v));
      else if (cmd.kind === 'restore') {
        const back = this.removed[cmd.c].pop();
        if (!back) continue;
        list.splice(index(cmd.at, 1), 0, back);
      } else if (list.length === 0) continue;
      else if (cmd.kind === 'edit') list[index(cmd.at)] = Object.freeze({ ...list[index(cmd.at)]!, v: cmd.v });
      else if (cmd.kind === 'touch') list[index(cmd.at)] = Object.freeze({ ...list[index(cmd.at)]! });
      else this.removed[cmd.c].push(list.splice(index(cmd.at), 1)[0]!); // remove
      out = { ...out, [cmd.c]: list };
    }
    return out;
  }

  private fresh(c: CollectionName, v: number): Entity {
    return Object.freeze({ id: `${c}-new-${this.next++}`, v });
  }
}

enablePatches();
const immer = new Immer({ autoFreeze: false });

/** The same commands as Editor, each one change on an immer draft, as the store makes them: the patches say where it wrote. */
class DraftEditor {
  private next = 0;
  private readonly removed: Record<CollectionName, Entity[]> = { articles: [], claims: [], sources: [] };

  /** Applies each command as its own change, noting where it wrote in `hint`. */
  apply(ws: Model, commands: readonly Command[], hint: JournalHint): Model {
    let out = ws;
    for (const cmd of commands) {
      const [after, patches] = immer.produceWithPatches(out, (draft) => {
        if (cmd.kind === 'settings') {
          draft.settings = { organizationName: `org ${cmd.v}` };
          return;
        }
        const list = draft[cmd.c] as Entity[];
        const index = (n: number, extra = 0) => n % (list.length + extra);
        if (cmd.kind === 'move') {
          if (list.length > 0) list.splice(index(cmd.to), 0, list.splice(index(cmd.from), 1)[0]!);
        } else if (cmd.kind === 'append') list.push(this.fresh(cmd.c, cmd.v));
        else if (cmd.kind === 'insert') list.splice(index(cmd.at, 1), 0, this.fresh(cmd.c, cmd.v));
        else if (cmd.kind === 'restore') {
          const back = this.removed[cmd.c].pop();
          if (back) list.splice(index(cmd.at, 1), 0, back);
        } else if (list.length === 0) return;
        else if (cmd.kind === 'edit') (list[index(cmd.at)] as { v: number }).v = cmd.v;
        else if (cmd.kind === 'touch') list[index(cmd.at)] = { ...current(list[index(cmd.at)]!) };
        else this.removed[cmd.c].push(current(list.splice(index(cmd.at), 1)[0]!)); // remove
      });
      noteChange(hint, out as unknown as Workspace, after as unknown as Workspace, patches);
      out = after;
    }
    return out;
  }

  private fresh(c: CollectionName, v: number): Entity {
    return { id: `${c}-new-${this.next++}`, v };
  }
}

const ops = (before: Model, after: Model): JournalOp[] => opsBetween(before as unknown as Workspace, after as unknown as Workspace);
const targetOf = (ws: Model): ReplayTarget => ({ settings: ws.settings, articles: [...ws.articles], claims: [...ws.claims], sources: [...ws.sources] }) as unknown as ReplayTarget;
const ids = (list: readonly { id: string }[]) => list.map((e) => e.id);

describe('opsBetween and applyOps', () => {
  it('replaying the operations of each write onto a copy of the workspace gives exactly the workspace after it, write after write', () => {
    fc.assert(
      fc.property(sizes, writes, (start, batches) => {
        const editor = new Editor();
        let before = initial(start);
        const target = targetOf(before);
        const indexes = new Map(); // shared by every record, as the loader shares it
        for (const batch of batches) {
          const beforeIds = COLLECTIONS.map((c) => [...before[c]]);
          const after = editor.apply(before, batch);
          applyOps(target, ops(before, after), indexes);
          for (const c of COLLECTIONS) {
            expect(ids(target[c])).toEqual(ids(after[c]));
            expect(target[c].every((entity, i) => entity === after[c][i]), `${c}: the same entity objects`).toBe(true);
          }
          expect(target.settings).toBe(after.settings);
          expect(COLLECTIONS.every((c, i) => before[c].every((e, j) => e === beforeIds[i]![j]))).toBe(true); // opsBetween changed nothing
          before = after;
        }
      }),
      { seed: SEED, numRuns: 500 },
    );
  });

  it('with the hint of the changes made on drafts, replaying gives exactly the workspace after each write', () => {
    fc.assert(
      fc.property(sizes, writes, (start, batches) => {
        const editor = new DraftEditor();
        let before = initial(start);
        const target = targetOf(before);
        const indexes = new Map();
        for (const batch of batches) {
          const hint = emptyHint();
          const after = editor.apply(before, batch, hint);
          applyOps(target, opsBetween(before as unknown as Workspace, after as unknown as Workspace, hint), indexes);
          for (const c of COLLECTIONS) {
            expect(ids(target[c])).toEqual(ids(after[c]));
            expect(target[c].every((entity, i) => entity === after[c][i]), `${c}: the same entity objects`).toBe(true);
          }
          before = after;
        }
      }),
      { seed: SEED, numRuns: 500 },
    );
  });

  it('the hint of an edit in place is its index, and its write is one put', () => {
    const before = initial({ articles: 1, claims: 5, sources: 1 }) as unknown as Workspace;
    const hint = emptyHint();
    const [after, patches] = immer.produceWithPatches(before, (draft) => {
      (draft.claims[3] as unknown as { v: number }).v = 42;
    });
    noteChange(hint, before, after, patches);
    expect([...hint.claims!]).toEqual([3]);
    expect(hint.articles!.size + hint.sources!.size).toBe(0);
    expect(opsBetween(before, after, hint)).toEqual([{ c: 'claims', put: after.claims[3] }]);
  });

  it('gives the same workspace when the operations went through a journal line (JSON, checksummed)', () => {
    fc.assert(
      fc.property(sizes, writes, (start, batches) => {
        const editor = new Editor();
        let before = initial(start);
        const target = targetOf(before);
        const lines: string[] = [];
        for (const batch of batches) {
          const after = editor.apply(before, batch);
          lines.push(encodeRecord({ seq: lines.length + 1, ops: ops(before, after) }));
          before = after;
        }
        const log = decodeLog(Buffer.from(lines.join('')));
        expect(log.damage).toBeNull();
        const indexes = new Map();
        for (const record of log.records as { ops: JournalOp[] }[]) applyOps(target, record.ops, indexes);
        for (const c of COLLECTIONS) expect(target[c]).toEqual(before[c]);
        expect(target.settings).toEqual(before.settings);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('records only what changed: a put per new or changed entity, an order only when the ids before are not a prefix of those after', () => {
    fc.assert(
      fc.property(sizes, fc.array(command, { maxLength: 8 }), (start, batch) => {
        const before = initial(start);
        const after = new Editor().apply(before, batch);
        const found = ops(before, after);
        expect(found.filter((op) => 'settings' in op)).toHaveLength(before.settings === after.settings ? 0 : 1);
        for (const c of COLLECTIONS) {
          const mine = found.filter((op) => 'c' in op && op.c === c);
          const old = new Map(before[c].map((e) => [e.id, e]));
          const changed = after[c].filter((e) => old.get(e.id) !== e);
          expect(mine.filter((op) => 'put' in op).map((op) => (op as unknown as { put: Entity }).put)).toEqual(changed);
          const prefix = before[c].length <= after[c].length && before[c].every((e, i) => after[c][i]!.id === e.id);
          const orders = mine.filter((op) => 'order' in op);
          expect(orders).toEqual(prefix ? [] : [{ c, order: ids(after[c]) }]);
          if (before[c] === after[c]) expect(mine).toEqual([]);
        }
      }),
      { seed: SEED, numRuns: 500 },
    );
  });

  it('an edit in place is exactly one put, and no order', () => {
    const before = initial({ articles: 2, claims: 5, sources: 1 });
    const claims = [...before.claims];
    claims[2] = Object.freeze({ ...claims[2]!, v: 99 });
    const after = { ...before, claims };
    expect(ops(before, after)).toEqual([{ c: 'claims', put: { id: 'claims-2', v: 99 } }]);
    expect((ops(before, after)[0] as unknown as { put: Entity }).put).toBe(claims[2]);
  });

  it('appending is one put per new entity, and no order; nothing changed is no operation at all', () => {
    const before = initial({ articles: 1, claims: 2, sources: 0 });
    const added = Object.freeze({ id: 'claims-new', v: 7 });
    expect(ops(before, { ...before, claims: [...before.claims, added] })).toEqual([{ c: 'claims', put: added }]);
    expect(ops(before, before)).toEqual([]);
    expect(ops(before, { ...before, claims: [...before.claims] })).toEqual([]); // a copy of the same entities
  });

  it('removing an entity records the order of what is left, without putting anything', () => {
    const before = initial({ articles: 0, claims: 3, sources: 0 });
    const after = { ...before, claims: [before.claims[0]!, before.claims[2]!] };
    expect(ops(before, after)).toEqual([{ c: 'claims', order: ['claims-0', 'claims-2'] }]);
    const target = targetOf(before);
    applyOps(target, ops(before, after), new Map());
    expect(target.claims).toEqual(after.claims);
  });

  it('refuses an order naming an id the collection never had', () => {
    const target = targetOf(initial({ articles: 0, claims: 2, sources: 0 }));
    expect(() => applyOps(target, [{ c: 'claims', order: ['claims-0', 'ghost'] }], new Map())).toThrow(/never had \(ghost\)/);
  });
});
