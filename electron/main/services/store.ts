import { promises as fs } from 'node:fs';
import path from 'node:path';
import { Low, type Adapter } from 'lowdb';
import {
  current,
  enableArrayMethods,
  enablePatches,
  freeze,
  isDraft,
  produce,
  produceWithPatches,
  type Draft,
  type Patch,
} from 'immer';
import { Workspace, type AuditEntry } from '../../../shared/domain/schemas';
import { sampleWorkspace } from '../../../shared/domain/sample';
import type { HistoryResult, HistoryState } from '../../../shared/api/contract';
import { DATA_FILE_NAME } from './paths';
import { DataFileError, ValidatedJsonFile } from './json-file';
import { newId as defaultNewId } from './ids';
import { ApiError } from '../../../shared/api/result';
import { changesOf, checkChange, diffWorkspace, noChanges, type WorkspaceDelta } from './workspace-delta';
import { auditEntries, checkAuditEntries } from './audit';
import { DataFolderLock, type LockKind } from './data-lock';

export { DataFolderBusyError, LOCK_FILE_NAME, type LockInfo, type LockKind } from './data-lock';

enablePatches();
// Array methods (find, filter, some…) on drafts read plain values instead of creating one
// proxy per element: finding a claim among 10,000 stays cheap.
enableArrayMethods();

export interface StoreOptions {
  now?: () => Date;
  newId?: () => string;
  /** Who opens the folder, written into its lock for the message another process shows. Default 'desktop'. */
  kind?: LockKind;
}

export interface UpdateOptions {
  /**
   * Changes with the same key less than COALESCE_MS apart become one history entry (typing
   * autosaves every 400 ms; one undo undoes the burst). E.g. `${claimId}:text`.
   */
  coalesce?: string;
  /**
   * False for changes that are not edits of the work (how the claims are viewed): they are
   * saved but not undoable, and they leave the redo stack alone. Default true.
   */
  record?: boolean;
  /**
   * History brought in from outside the store (an imported article's, a restored backup's).
   * Appended to the audit log before the entries the change itself produces; with `replace`,
   * the log becomes exactly these entries (restoring a whole backup) and undo and redo swap
   * the log back and forth with the workspace.
   */
  audit?: ImportedAudit;
}

export interface ImportedAudit {
  readonly entries: readonly AuditEntry[];
  readonly replace?: boolean;
}

/** A coalesced edit: its key, and whether it joins the step of the edits before it. */
interface AuditBurst {
  readonly key: string;
  readonly joins: boolean;
}

/** One undoable step: immer patches forward and back. */
interface HistoryEntry {
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

/** Files opened by this process: lowdb keeps its data in memory, so two `Low`s on one file would lose writes. */
const openFiles = new Set<string>();

/** What the in-memory workspace holds in place of the audit log (which the store keeps beside it). */
const NO_AUDIT: readonly AuditEntry[] = Object.freeze([]);

/**
 * The data file as lowdb sees it: the workspace with the store's audit log put back in on
 * every write, so the file holds the whole history while the workspace in memory (and in
 * undo patches, and in what `getWorkspace` answers) carries an empty one.
 */
class WorkspaceFile implements Adapter<Workspace> {
  constructor(
    private readonly file: ValidatedJsonFile<Workspace>,
    private readonly audit: () => readonly AuditEntry[],
  ) {}

  read(): Promise<Workspace | null> {
    return this.file.read();
  }

  write(data: Workspace): Promise<void> {
    return this.file.write({ ...data, audit: this.audit() as AuditEntry[] });
  }
}

/**
 * The workspace store: one lowdb `Low` over one validated JSON file. A change runs on an
 * immer draft (structural sharing: what it does not touch is not copied), only what it
 * touched is validated, and the new workspace replaces the old only once it is on disk,
 * so a refused or failed change leaves memory, file and history as they were. The state
 * is deeply frozen; every change is recorded as patches for undo and redo.
 */
export class WorkspaceStore {
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;
  private undoStack: HistoryEntry[] = [];
  private redoStack: HistoryEntry[] = [];
  /** The entry the last recorded change pushed, while further changes may join it. */
  private burst: { entry: HistoryEntry; key: string; at: number } | null = null;
  /**
   * Every change to every claim, oldest first: append-only, never part of undo (an undo
   * appends its own entries). Kept out of `data`; written into the file with it.
   */
  private readonly auditLog: AuditEntry[];
  /** Where the audit entries of the current burst of coalesced edits start. */
  private auditBurst: { key: string; from: number } | null = null;

  private constructor(
    private readonly db: Low<Workspace>,
    readonly file: string,
    readonly now: () => Date,
    readonly newId: () => string,
    auditLog: AuditEntry[],
    /** The data folder's lock; null for a read-only store, which takes none. */
    private readonly lock: DataFolderLock | null,
  ) {
    this.auditLog = auditLog;
  }

  /**
   * Opens a data folder for reading and writing. Takes the folder's lock
   * (`workspace.lock`): refuses with DataFolderBusyError while another live process
   * holds it, takes over a lock left by a process that died. `close` removes it (and so,
   * best effort, does the process exiting without closing).
   */
  static async open(dataDir: string, options: StoreOptions = {}): Promise<WorkspaceStore> {
    const now = options.now ?? (() => new Date());
    const newId = options.newId ?? defaultNewId;
    await fs.mkdir(dataDir, { recursive: true });
    const file = path.join(path.resolve(dataDir), DATA_FILE_NAME);
    if (openFiles.has(file)) throw new Error(`The data file ${file} is already open in this process.`);
    openFiles.add(file);
    let lock: DataFolderLock | null = null;
    try {
      lock = await DataFolderLock.acquire(path.dirname(file), options.kind ?? 'desktop');
      const auditLog: AuditEntry[] = [];
      const adapter = new WorkspaceFile(new ValidatedJsonFile<Workspace>(file, Workspace), () => auditLog);
      const stored = await adapter.read();
      if (stored) auditLog.push(...stored.audit.map((entry) => Object.freeze(entry)));
      const data = stored ?? sampleWorkspace(now().toISOString(), newId);
      const db = new Low<Workspace>(adapter, data);
      db.data = freeze({ ...data, audit: NO_AUDIT as AuditEntry[] }, true);
      if (!stored) await db.write();
      return new WorkspaceStore(db, file, now, newId, auditLog, lock);
    } catch (error) {
      await lock?.release();
      openFiles.delete(file);
      throw error;
    }
  }

  /**
   * Opens a data folder's workspace to read it only (exports): no lock, so it works while
   * the app has the folder open; nothing is ever written (`update`, `undo` and `redo`
   * refuse). What it holds is the file as it was when opened. Refuses a folder without a
   * workspace, or a file that cannot be read, with DataFileError.
   */
  static async openReadOnly(dataDir: string, options: Omit<StoreOptions, 'kind'> = {}): Promise<WorkspaceStore> {
    const now = options.now ?? (() => new Date());
    const file = path.join(path.resolve(dataDir), DATA_FILE_NAME);
    const auditLog: AuditEntry[] = [];
    const adapter: Adapter<Workspace> = {
      read: () => new ValidatedJsonFile<Workspace>(file, Workspace).read(),
      write: () => Promise.reject(new Error('A read-only workspace store never writes.')),
    };
    const stored = await adapter.read();
    if (!stored) throw new DataFileError(file, 'there is no workspace in this folder (no such file)');
    auditLog.push(...stored.audit.map((entry) => Object.freeze(entry)));
    const db = new Low<Workspace>(adapter, stored);
    db.data = freeze({ ...stored, audit: NO_AUDIT as AuditEntry[] }, true);
    return new WorkspaceStore(db, file, now, options.newId ?? defaultNewId, auditLog, null);
  }

  /** True for a store from `openReadOnly`. */
  get readOnly(): boolean {
    return this.lock === null;
  }

  /** The current workspace, deeply frozen, with an empty `audit` (see `audit`): changes go through `update`. */
  get data(): Workspace {
    return this.db.data;
  }

  /** The whole audit log, oldest first, as it is in the file. */
  get audit(): readonly AuditEntry[] {
    return this.auditLog;
  }

  /** One claim's audit entries, oldest first (a deleted claim's too), once every change already asked for has run. */
  claimHistory(claimId: string): Promise<AuditEntry[]> {
    return this.enqueue(async () => this.auditLog.filter((entry) => entry.claimId === claimId));
  }

  timestamp(): string {
    return this.now().toISOString();
  }

  /**
   * Applies `change` to a draft of the workspace, validates what it touched, writes the
   * result and makes it current, and records it under `label` for undo. Changes run one at
   * a time in call order. What `change` returns may contain draft objects: they are
   * resolved to plain values. A change that changes nothing writes nothing.
   */
  update<T>(label: string, change: (draft: Workspace) => T, options: UpdateOptions = {}): Promise<T> {
    if (this.readOnly) return this.refuseWrite();
    return this.enqueue(async () => {
      const before = this.db.data;
      let result!: T;
      const [after, patches, inversePatches] = produceWithPatches(before, (draft: Draft<Workspace>) => {
        result = resolveDrafts(change(draft as Workspace));
      });
      if (patches.length === 0) return result;
      if (patches.some((p) => p.path[0] === 'audit')) throw new Error('The audit log is append-only: the store records it, a change cannot edit it.');
      const record = options.record !== false;
      const at = this.now().getTime();
      const joins = record && this.joinsBurst(options.coalesce, at);
      const burst = record && options.coalesce !== undefined ? { key: options.coalesce, joins } : undefined;
      const auditBefore = options.audit?.replace ? [...this.auditLog] : null;
      const step = await this.commit(before, after, patches, inversePatches, label, burst, options.audit);
      if (record) {
        const swap = auditBefore ? { before: auditBefore, after: [...this.auditLog] } : undefined;
        this.record(label, step.patches, step.inversePatches, options.coalesce, at, swap);
      }
      return result;
    });
  }

  /** Undoes the most recent recorded change (validated and written like any change). */
  undo(): Promise<HistoryResult> {
    if (this.readOnly) return this.refuseWrite();
    return this.enqueue(() => this.step(this.undoStack, this.redoStack, 'inversePatches'));
  }

  /** Redoes the most recently undone change. */
  redo(): Promise<HistoryResult> {
    if (this.readOnly) return this.refuseWrite();
    return this.enqueue(() => this.step(this.redoStack, this.undoStack, 'patches'));
  }

  /** The history once every change already asked for has run (what a client that just saved should see). */
  settledHistory(): Promise<HistoryState> {
    return this.enqueue(async () => this.history());
  }

  history(): HistoryState {
    return {
      canUndo: this.undoStack.length > 0,
      canRedo: this.redoStack.length > 0,
      undoLabel: this.undoStack.at(-1)?.label ?? null,
      redoLabel: this.redoStack.at(-1)?.label ?? null,
    };
  }

  async close(): Promise<void> {
    await this.queue;
    this.closed = true;
    this.undoStack = [];
    this.redoStack = [];
    this.burst = null;
    if (this.lock) {
      await this.lock.release();
      openFiles.delete(this.file);
    }
  }

  private refuseWrite(): Promise<never> {
    return Promise.reject(new ApiError('forbidden', `The workspace ${this.file} is open read-only here: nothing can be changed.`));
  }

  private enqueue<T>(run: () => Promise<T>): Promise<T> {
    const guarded = () => {
      if (this.closed) return Promise.reject(new Error('The workspace store is closed.'));
      return run();
    };
    const next = this.queue.then(guarded, guarded);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async step(from: HistoryEntry[], to: HistoryEntry[], direction: 'patches' | 'inversePatches'): Promise<HistoryResult> {
    const entry = from.at(-1);
    if (!entry) return { ...this.history(), label: null, changes: noChanges() };
    const before = this.db.data;
    const patches = entry[direction];
    const after = applySharedPatches(before, patches);
    const action = `${direction === 'inversePatches' ? 'Undo' : 'Redo'}: ${entry.label}`;
    const swap = entry.audit && { entries: direction === 'inversePatches' ? entry.audit.before : entry.audit.after, replace: true };
    const { delta } = await this.commit(before, after, patches, [], action, undefined, swap);
    from.pop();
    to.push(entry);
    this.burst = null;
    this.auditBurst = null;
    return { ...this.history(), label: entry.label, changes: changesOf(this.db.data, delta) };
  }

  /**
   * Validates `after` incrementally, records what it does to claims in the audit log under
   * `action`, writes both and makes them current; refuses with the reasons, leaving both as
   * they were. `burst`: the change is a coalesced edit (see `appendAudit`). `imported`: see
   * `UpdateOptions.audit`.
   */
  private async commit(
    before: Workspace,
    after: Workspace,
    patches: readonly Patch[],
    inversePatches: readonly Patch[],
    action: string,
    burst: AuditBurst | undefined,
    imported?: ImportedAudit,
  ): Promise<{ delta: WorkspaceDelta; patches: readonly Patch[]; inversePatches: readonly Patch[] }> {
    const delta = diffWorkspace(before, after, patches);
    const { issues, replacements } = checkChange(before, after, delta);
    if (issues.length > 0) {
      throw new ApiError('invalid_input', `The change was refused: ${issues.map((i) => i.message).join('; ')}`, issues);
    }
    if (replacements.length > 0) {
      // Store what a read of the file would give (trimmed text, filled defaults).
      const [normalized, more, moreInverse] = produceWithPatches(after, (draft: Draft<Workspace>) => {
        for (const { path: at, value } of replacements) setAt(draft, at, value);
      });
      after = normalized;
      patches = [...patches, ...more];
      inversePatches = [...moreInverse, ...inversePatches];
    }
    const generated = imported?.replace ? [] : auditEntries(before, after, delta, { action, by: before.settings.currentEditor, at: this.timestamp() });
    const entries = imported ? [...imported.entries, ...generated] : generated;
    checkAuditEntries(entries);
    const restoreAudit = imported?.replace ? this.replaceAudit(entries) : this.appendAudit(entries, burst);
    this.db.data = after;
    try {
      await this.db.write();
    } catch (error) {
      this.db.data = before;
      restoreAudit();
      throw error;
    }
    return { delta, patches, inversePatches };
  }

  /**
   * Appends audit entries; within a burst of coalesced edits (one undo step), an entry for
   * the same claim, field and action as one the burst already wrote updates that entry's
   * new value and time instead, so typing a wording gives one entry, not one per autosave.
   * Returns how to put the log back as it was.
   */
  private appendAudit(entries: readonly AuditEntry[], burst: AuditBurst | undefined): () => void {
    const log = this.auditLog;
    const length = log.length;
    const replaced: [number, AuditEntry][] = [];
    const previousBurst = this.auditBurst;
    if (entries.length === 0) return () => undefined;
    const joins = burst !== undefined && burst.joins && previousBurst?.key === burst.key;
    const from = joins ? previousBurst.from : length;
    for (const entry of entries) {
      let at = -1;
      for (let i = from; i < length; i++) {
        const e = log[i]!;
        if (e.claimId === entry.claimId && e.field === entry.field && e.action === entry.action && e.by === entry.by) at = i;
      }
      if (at >= 0) {
        replaced.push([at, log[at]!]);
        log[at] = Object.freeze({ ...log[at]!, to: entry.to, at: entry.at });
      } else {
        log.push(Object.freeze({ ...entry }));
      }
    }
    if (!joins) this.auditBurst = burst ? { key: burst.key, from: length } : null;
    return () => {
      log.length = length;
      for (const [i, entry] of replaced.reverse()) log[i] = entry;
      this.auditBurst = previousBurst;
    };
  }

  /** Makes the audit log exactly `entries`; returns how to put it back as it was. */
  private replaceAudit(entries: readonly AuditEntry[]): () => void {
    const log = this.auditLog;
    const previous = [...log];
    const previousBurst = this.auditBurst;
    log.length = 0;
    for (const entry of entries) log.push(Object.isFrozen(entry) ? entry : Object.freeze({ ...entry }));
    this.auditBurst = null;
    return () => {
      log.length = 0;
      log.push(...previous);
      this.auditBurst = previousBurst;
    };
  }

  /** Whether a recorded change with this coalesce key, now, joins the last step (see `record`). */
  private joinsBurst(coalesce: string | undefined, at: number): boolean {
    const burst = this.burst;
    return coalesce !== undefined && burst !== null && burst.key === coalesce && at - burst.at <= COALESCE_MS && this.undoStack.at(-1) === burst.entry;
  }

  private record(
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

/**
 * Applies patches without copying their values (immer's `applyPatches` deep-clones each
 * value, which would copy every claim to undo a delete). The values are parts of earlier,
 * frozen workspaces, so sharing them is safe, and keeps unchanged entities identical.
 */
function applySharedPatches(base: Workspace, patches: readonly Patch[]): Workspace {
  return produce(base, (draft: Draft<Workspace>) => {
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

function setAt(draft: Draft<Workspace>, at: readonly (string | number)[], value: unknown): void {
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
function compactReplaces(patches: Patch[]): Patch[] {
  if (!patches.every((p) => p.op === 'replace')) return patches;
  const byPath = new Map<string, Patch>();
  for (const patch of patches) byPath.set(JSON.stringify(patch.path), patch);
  const keys = [...byPath.keys()].map((k) => k.slice(0, -1));
  if (keys.some((a, i) => keys.some((b, j) => i !== j && b.startsWith(`${a},`)))) return patches;
  return [...byPath.values()];
}

/** Roughly how much text patches hold: their string values and the `text` of entities they hold. */
function weigh(patches: readonly Patch[]): number {
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
function resolveDrafts<T>(value: T): T {
  if (isDraft(value)) return current(value as Draft<T>) as T;
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value;
  if (Array.isArray(value)) return value.map(resolveDrafts) as T;
  if (Object.getPrototypeOf(value) !== Object.prototype) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolveDrafts(v)])) as T;
}
