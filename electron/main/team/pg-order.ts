/**
 * The order of a collection in the `entities` table: each row's `ord`, a number that sorts
 * the rows in workspace order. A write gives new ords to the entities it wrote only, placed
 * between their untouched neighbours (an append goes after the last, an insert halfway
 * between); when no room is left between two neighbours, or untouched entities were moved
 * (a reorder), the whole collection is numbered again 0, 1, 2….
 */

type Entity = { readonly id: string };

export interface OrdPlan {
  /** New ords for the entities the write must give one (the written ones, or all when `renumber`). */
  readonly ords: Map<string, number>;
  /** The collection is numbered again: every row's ord changes. */
  readonly renumber: boolean;
}

/** The smallest gap kept between two ords before the collection is numbered again. */
const MIN_GAP = 1e-9;

/**
 * Ords for `list` (the collection as the write leaves it), where `written` are the ids the
 * write puts and `known` the ords the table holds now.
 */
export function planOrds(list: readonly Entity[], written: ReadonlySet<string>, known: ReadonlyMap<string, number>): OrdPlan {
  const ords = new Map<string, number>();
  let previous = -Infinity;
  let run: string[] = [];
  for (const entity of list) {
    const ord = written.has(entity.id) ? undefined : known.get(entity.id);
    if (ord === undefined) {
      run.push(entity.id);
      continue;
    }
    if (ord <= previous || !place(run, previous, ord, known, ords)) return renumbered(list);
    run = [];
    previous = ord;
  }
  if (!place(run, previous, Infinity, known, ords)) return renumbered(list);
  return { ords, renumber: false };
}

/** Ords strictly between `low` and `high` for the run of ids, in order; false when there is no room. */
function place(run: readonly string[], low: number, high: number, known: ReadonlyMap<string, number>, out: Map<string, number>): boolean {
  if (run.length === 0) return true;
  // Entities the write only edited keep their ords when these still fit.
  const kept = run.map((id) => known.get(id));
  if (kept.every((o, i) => o !== undefined && o > low && o < high && (i === 0 || o > kept[i - 1]!))) {
    run.forEach((id, i) => out.set(id, kept[i]!));
    return true;
  }
  if (low === -Infinity && high === Infinity) run.forEach((id, i) => out.set(id, i));
  else if (high === Infinity) run.forEach((id, i) => out.set(id, Math.floor(low) + 1 + i));
  else if (low === -Infinity) run.forEach((id, i) => out.set(id, Math.ceil(high) - run.length + i));
  else {
    const gap = (high - low) / (run.length + 1);
    if (gap < MIN_GAP * Math.max(1, Math.abs(low), Math.abs(high))) return false;
    run.forEach((id, i) => out.set(id, low + gap * (i + 1)));
  }
  return true;
}

function renumbered(list: readonly Entity[]): OrdPlan {
  return { ords: new Map(list.map((e, i) => [e.id, i])), renumber: true };
}
