/**
 * The audit log in memory: every change to every claim, oldest first, append-only for the
 * editor (an undo appends its own entries). The store writes what changed since its last
 * write as numbered records (`[n, entry]`: entry number n is now this) in the journal line
 * of that write, and the fold moves them into the audit files (audit-files.ts); so a write
 * costs the entries it added, never the whole log.
 *
 * Entries are rewritten only within a burst of coalesced edits (typing a wording gives one
 * entry, not one per autosave), possibly after the entry was written once: a later record
 * for the same number wins. A write that fails puts the log back to what the disk holds.
 *
 * A large log starts with holes where the audit files hold entries not read yet (see
 * workspace-loader.ts): new entries are numbered after them, and the files are read when the
 * entries themselves are first needed (`ensureLoaded`). Entries lost with a damaged line of
 * an audit file stay holes (audit-files.ts): left out of `entries`, their numbers never reused.
 */
import type { AuditEntry } from '../../../shared/domain/schemas';
import type { LoadedAudit } from './audit-files';

/** A coalesced edit: its key, and whether it joins the step of the edits before it. */
export interface AuditBurst {
  readonly key: string;
  readonly joins: boolean;
}

/** What one write holds of the log: numbered entries, or (after a restore) the whole log anew. */
export interface AuditRecords {
  readonly reset: boolean;
  readonly entries: readonly (readonly [number, AuditEntry])[];
}

/** The log as a write saw it, to roll back to if a later write fails. */
interface Mark {
  readonly length: number;
  /** Entries overwritten since the mark: their value at the mark. */
  readonly overwritten: Map<number, AuditEntry>;
  /** The whole log at the mark, when it was replaced since. */
  replaced: readonly AuditEntry[] | null;
  /** Entry numbers added or rewritten since the mark. */
  readonly dirty: Set<number>;
  /** Where the current burst of coalesced edits started, at the mark. */
  readonly burst: { key: string; from: number } | null;
}

export class AuditLog {
  private readonly log: AuditEntry[];
  /** Where the entries of the current burst of coalesced edits start. */
  private burst: { key: string; from: number } | null = null;
  /** Since what the disk holds (`durable`) and since the write in flight started (`flight`). */
  private durable: Mark;
  private flight: Mark | null = null;

  /** Reads the files for the holes; null once every entry is in memory. */
  private readFiles: (() => Promise<LoadedAudit>) | null;
  private loading: Promise<void> | null = null;
  /** Holes the files could not fill (entries lost with a damaged line): left out of `entries`. */
  private missing = 0;

  constructor(
    start: { readonly entries: readonly AuditEntry[]; readonly readFiles: (() => Promise<LoadedAudit>) | null },
    /** Told what reading the files found damaged (and set aside). */
    private readonly onDamage: (damage: LoadedAudit['damage']) => void = () => undefined,
  ) {
    this.log = start.entries.map((e) => (Object.isFrozen(e) ? e : Object.freeze({ ...e })));
    this.log.length = start.entries.length; // map keeps holes, and so the length
    this.readFiles = start.readFiles;
    if (!this.readFiles) for (let i = 0; i < this.log.length; i++) if (!(i in this.log)) this.missing++;
    this.durable = this.mark();
  }

  /** Whether every entry is in memory (else `ensureLoaded` first). */
  get loaded(): boolean {
    return this.readFiles === null;
  }

  /** Reads the audit files into the holes, once; what the journal wrote since stays. */
  ensureLoaded(): Promise<void> {
    const readFiles = this.readFiles;
    if (!readFiles) return Promise.resolve();
    this.loading ??= readFiles().then((files) => {
      for (let i = 0; i < this.log.length; i++) {
        if (i in this.log) continue;
        const entry = files.entries[i];
        if (entry) this.log[i] = Object.freeze(entry);
        else this.missing++;
      }
      this.readFiles = null;
      if (files.damage.length > 0) this.onDamage(files.damage);
    });
    return this.loading;
  }

  /** Every entry, oldest first (the ones read so far, until `ensureLoaded`). */
  get entries(): readonly AuditEntry[] {
    return this.loaded && this.missing === 0 ? this.log : this.log.filter((e) => e !== undefined);
  }

  /** How many entries the disk holds. */
  get durableLength(): number {
    return this.durable.length;
  }

  get length(): number {
    return this.log.length;
  }

  /** Ends the current burst (after an undo or redo). */
  endBurst(): void {
    this.burst = null;
  }

  /**
   * Appends entries; within a burst of coalesced edits (one undo step), an entry for the
   * same claim, field, action and editor as one the burst already wrote updates that
   * entry's new value and time instead.
   */
  append(entries: readonly AuditEntry[], burst: AuditBurst | undefined): void {
    const log = this.log;
    const length = log.length;
    const previous = this.burst;
    if (entries.length === 0) return;
    const joins = burst !== undefined && burst.joins && previous?.key === burst.key;
    const from = joins ? previous.from : length;
    for (const entry of entries) {
      let at = -1;
      for (let i = from; i < length; i++) {
        const e = log[i]!;
        if (e.claimId === entry.claimId && e.field === entry.field && e.action === entry.action && e.by === entry.by) at = i;
      }
      if (at >= 0) this.set(at, Object.freeze({ ...log[at]!, to: entry.to, at: entry.at }));
      else this.set(log.length, Object.freeze({ ...entry }));
    }
    if (!joins) this.burst = burst ? { key: burst.key, from: length } : null;
  }

  /** Makes the log exactly `entries` (restoring a backup, and undoing that). */
  replace(entries: readonly AuditEntry[]): void {
    const current = this.current();
    current.replaced ??= this.log.slice();
    this.log.length = 0;
    current.dirty.clear();
    current.overwritten.clear();
    for (const entry of entries) this.set(this.log.length, Object.isFrozen(entry) ? entry : Object.freeze({ ...entry }));
    this.burst = null;
  }

  /** A write starts: what it must hold of the log. Changes made from now on go to the next write. */
  beginWrite(): AuditRecords {
    const current = this.current();
    const reset = current.replaced !== null;
    const numbers = reset ? this.log.map((_, i) => i) : [...current.dirty].sort((a, b) => a - b);
    this.flight = this.mark();
    return { reset, entries: numbers.map((n) => [n, this.log[n]!] as const) };
  }

  /** The write that began last is on disk. */
  writeSucceeded(): void {
    this.durable = this.flight ?? this.mark();
    this.flight = null;
  }

  /** The write in flight failed: the log goes back to what the disk holds (changes since, too). */
  writeFailed(): void {
    if (this.flight) this.restore(this.flight);
    this.restore(this.durable);
    this.flight = null;
    this.durable = this.mark();
  }

  /** The marks changes are tracked against: the newest one. */
  private current(): Mark {
    return this.flight ?? this.durable;
  }

  private set(n: number, entry: AuditEntry): void {
    const current = this.current();
    if (n < this.log.length) {
      if (current.replaced === null && n < current.length && !current.overwritten.has(n)) current.overwritten.set(n, this.log[n]!);
      this.log[n] = entry;
    } else {
      this.log.push(entry);
    }
    current.dirty.add(n);
  }

  private restore(mark: Mark): void {
    if (mark.replaced) {
      this.log.length = mark.replaced.length;
      for (let i = 0; i < mark.replaced.length; i++) if (i in mark.replaced) this.log[i] = mark.replaced[i]!;
    } else {
      for (const [n, entry] of mark.overwritten) this.log[n] = entry;
      this.log.length = mark.length;
    }
    this.burst = mark.burst;
  }

  private mark(): Mark {
    return { length: this.log.length, overwritten: new Map(), replaced: null, dirty: new Set(), burst: this.burst };
  }
}
