/**
 * The store's undo history: one step per recorded change, as immer patches forward and back.
 * Edits with the same coalesce key less than COALESCE_MS apart join one step (typing
 * autosaves every 400 ms; one undo undoes the burst). The oldest steps are forgotten past
 * HISTORY_LIMIT steps or HISTORY_TEXT_BUDGET characters of text. A write that fails puts
 * the history back to a mark taken when the disk last held the workspace (store-flusher.ts).
 */
import type { Patch } from 'immer';
import type { AuditEntry } from '../../../shared/domain/schemas';
import type { HistoryState } from '../../../shared/api/contract';
import { compactReplaces, weigh } from './store-patches';

/** One undoable step: immer patches forward and back. */
export interface HistoryEntry {
  readonly label: string;
  readonly patches: readonly Patch[];
  readonly inversePatches: readonly Patch[];
  /** Characters of text the entry alone keeps alive (article texts, mostly): see HISTORY_TEXT_BUDGET. */
  readonly weight: number;
  /** The audit log before and after a change that replaced it (restoring a backup). */
  readonly audit?: { readonly before: readonly AuditEntry[]; readonly after: readonly AuditEntry[] };
}

export const HISTORY_LIMIT = 500;
/** Undo keeps old article texts: past this many characters, the oldest steps are forgotten. */
export const HISTORY_TEXT_BUDGET = 50_000_000;
export const COALESCE_MS = 2_000;

/** The entry the last recorded change pushed, while further changes may join it. */
type Burst = { readonly entry: HistoryEntry; readonly key: string; readonly at: number };

/** The history at one moment, to go back to. */
export interface HistoryMark {
  readonly undo: readonly HistoryEntry[];
  readonly redo: readonly HistoryEntry[];
  readonly burst: Burst | null;
}

export type Direction = 'undo' | 'redo';

export class UndoHistory {
  private undoStack: HistoryEntry[] = [];
  private redoStack: HistoryEntry[] = [];
  private burst: Burst | null = null;

  constructor(
    /** Told of a whole collection a step holds (a removal, a reorder): it must not be written in place later. */
    private readonly share: (value: unknown) => void,
  ) {}

  state(): HistoryState {
    return {
      canUndo: this.undoStack.length > 0,
      canRedo: this.redoStack.length > 0,
      undoLabel: this.undoStack.at(-1)?.label ?? null,
      redoLabel: this.redoStack.at(-1)?.label ?? null,
    };
  }

  mark(): HistoryMark {
    return { undo: this.undoStack.slice(), redo: this.redoStack.slice(), burst: this.burst };
  }

  restore(mark: HistoryMark): void {
    this.undoStack = mark.undo.slice();
    this.redoStack = mark.redo.slice();
    this.burst = mark.burst;
  }

  clear(): void {
    this.restore({ undo: [], redo: [], burst: null });
  }

  /** The step an undo (or a redo) would apply; undefined when there is none. */
  next(direction: Direction): HistoryEntry | undefined {
    return (direction === 'undo' ? this.undoStack : this.redoStack).at(-1);
  }

  /** The step `next` gave was applied: it moves to the other stack, and no edit joins it any more. */
  applied(direction: Direction): void {
    const [from, to] = direction === 'undo' ? [this.undoStack, this.redoStack] : [this.redoStack, this.undoStack];
    to.push(from.pop()!);
    this.burst = null;
  }

  /** Whether a recorded change with this coalesce key, now, joins the last step (see `record`). */
  joinsBurst(coalesce: string | undefined, at: number): boolean {
    const burst = this.burst;
    return coalesce !== undefined && burst !== null && burst.key === coalesce && at - burst.at <= COALESCE_MS && this.undoStack.at(-1) === burst.entry;
  }

  record(
    label: string,
    patches: readonly Patch[],
    inversePatches: readonly Patch[],
    coalesce: string | undefined,
    at: number,
    audit?: HistoryEntry['audit'],
  ): void {
    const burst = this.burst;
    if (!audit && burst && this.joinsBurst(coalesce, at)) {
      const joinedPatches = compactReplaces([...burst.entry.patches, ...patches]);
      const joinedInverse = compactReplaces([...inversePatches, ...burst.entry.inversePatches]);
      const joined: HistoryEntry = {
        label: burst.entry.label,
        patches: joinedPatches,
        inversePatches: joinedInverse,
        weight: weigh(joinedPatches) + weigh(joinedInverse),
      };
      this.undoStack[this.undoStack.length - 1] = joined;
      this.burst = { entry: joined, key: burst.key, at };
      return;
    }
    // A whole collection a step holds (a removal, a reorder) must not be written in place later.
    for (const p of [...patches, ...inversePatches]) if (p.path.length === 1) this.share(p.value);
    const entry: HistoryEntry = { label, patches, inversePatches, weight: weigh(patches) + weigh(inversePatches), ...(audit && { audit }) };
    this.undoStack.push(entry);
    let weight = this.undoStack.reduce((sum, e) => sum + e.weight, 0);
    while (this.undoStack.length > HISTORY_LIMIT || (weight > HISTORY_TEXT_BUDGET && this.undoStack.length > 1)) {
      weight -= this.undoStack.shift()!.weight;
    }
    this.redoStack = [];
    this.burst = coalesce === undefined ? null : { entry, key: coalesce, at };
  }
}
