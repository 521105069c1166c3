/**
 * Who has which claim open, for one team server process (kept in memory: a restart forgets
 * it, and the apps tell it again as they reconnect). A person is present while one of their
 * live change streams (GET /events) is open, or for a while (`timeoutMs`) after they last
 * said which claim they have open; each person is listed once, with the claim they named
 * most recently (null: none). Each source of a claim (a window, when the caller can name it;
 * else the person as a whole) keeps its own entry, so closing one window's stream leaves the
 * claim another window named. Subscribers hear each change of the list.
 */
import type { PresenceEntry } from '../../../../shared/api/team-methods';

export type { PresenceEntry };

export interface PresenceOptions {
  /** A claim entry not renewed (setPresence, or a heartbeat of one of the person's streams) for this long goes away. */
  readonly timeoutMs?: number;
  /** The clock (tests). */
  readonly now?: () => number;
  /** How often expired entries are looked for; 0: only when `sweep` is called (tests). */
  readonly sweepMs?: number;
}

/** One live stream's part in presence: the change stream holds it while it is open. */
export interface PresenceChannel {
  /** Who has which claim open now. */
  people(): PresenceEntry[];
  /** Calls `listener` with the new list each time it changes; returns the unsubscribe. */
  subscribe(listener: (people: PresenceEntry[]) => void): () => void;
  /** The stream is still there (its heartbeat): the person's entries stay. */
  touch(): void;
  /** The stream closed: the person goes away with their last stream. */
  close(): void;
}

interface ClaimEntry {
  person: string;
  claimId: string | null;
  /** Order of the setPresence calls: the highest is the person's most recent claim. */
  order: number;
  seenAt: number;
}

/** The key of the entry a caller that names no window or stream writes. */
const WHOLE_PERSON = '';

export const DEFAULT_PRESENCE_TIMEOUT_MS = 2 * 60_000;

export class PresenceRegistry {
  private readonly timeoutMs: number;
  private readonly now: () => number;
  /** Open streams by id, with their person. */
  private readonly streams = new Map<string, string>();
  /** Claims by person, then by source (a stream id, or WHOLE_PERSON). */
  private readonly claims = new Map<string, Map<string, ClaimEntry>>();
  private readonly listeners = new Set<(people: PresenceEntry[]) => void>();
  private readonly sweeper: ReturnType<typeof setInterval> | null;
  private nextStream = 1;
  private nextOrder = 1;
  /** The list as subscribers last heard it (JSON), to tell them only of real changes. */
  private told: string;

  constructor(options: PresenceOptions = {}) {
    this.timeoutMs = options.timeoutMs ?? DEFAULT_PRESENCE_TIMEOUT_MS;
    this.now = options.now ?? Date.now;
    const sweepMs = options.sweepMs ?? Math.min(30_000, Math.max(1_000, Math.floor(this.timeoutMs / 4)));
    this.sweeper = sweepMs > 0 ? setInterval(() => this.sweep(), sweepMs) : null;
    this.sweeper?.unref();
    this.told = JSON.stringify(this.people());
  }

  /** Each present person once (by name), with their most recent claim; sorted by name. */
  people(): PresenceEntry[] {
    const now = this.now();
    const names = new Set(this.streams.values());
    for (const [person, entries] of this.claims) if ([...entries.values()].some((e) => this.fresh(e, now))) names.add(person);
    return [...names]
      .sort((a, b) => a.localeCompare(b))
      .map((person) => {
        let latest: ClaimEntry | null = null;
        for (const entry of this.claims.get(person)?.values() ?? []) if (this.fresh(entry, now) && (!latest || entry.order > latest.order)) latest = entry;
        return { person, claimId: latest?.claimId ?? null };
      });
  }

  /** `person` has `claimId` open (null: none); `source`: the stream (or window) that says so, when the caller can name it. */
  set(person: string, claimId: string | null, source: string = WHOLE_PERSON): PresenceEntry[] {
    let entries = this.claims.get(person);
    if (!entries) this.claims.set(person, (entries = new Map()));
    entries.set(source, { person, claimId, order: this.nextOrder++, seenAt: this.now() });
    this.changed();
    return this.people();
  }

  /** A live stream of `person` opened: they are present until it closes (with their other streams). */
  connect(person: string): PresenceChannel & { readonly id: string } {
    const id = `stream-${this.nextStream++}`;
    this.streams.set(id, person);
    this.changed();
    return {
      id,
      people: () => this.people(),
      subscribe: (listener) => this.subscribe(listener),
      touch: () => this.touch(person),
      close: () => this.disconnect(id),
    };
  }

  /** Calls `listener` with the new list each time it changes; returns the unsubscribe. */
  subscribe(listener: (people: PresenceEntry[]) => void): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  /** Drops the entries not renewed within the timeout (and tells subscribers if the list changed). */
  sweep(): void {
    const now = this.now();
    for (const [person, entries] of this.claims) {
      for (const [source, entry] of entries) if (!this.fresh(entry, now)) entries.delete(source);
      if (entries.size === 0) this.claims.delete(person);
    }
    this.changed();
  }

  /** Stops the sweeping timer. */
  close(): void {
    if (this.sweeper) clearInterval(this.sweeper);
    this.listeners.clear();
  }

  private touch(person: string): void {
    const now = this.now();
    for (const entry of this.claims.get(person)?.values() ?? []) if (this.fresh(entry, now)) entry.seenAt = now;
  }

  private disconnect(id: string): void {
    const person = this.streams.get(id);
    if (person === undefined) return;
    this.streams.delete(id);
    const entries = this.claims.get(person);
    entries?.delete(id);
    // With their last stream, the person goes: what they said without naming a stream too.
    if (![...this.streams.values()].includes(person)) this.claims.delete(person);
    this.changed();
  }

  private fresh(entry: ClaimEntry, now: number): boolean {
    return now - entry.seenAt < this.timeoutMs;
  }

  private changed(): void {
    const people = this.people();
    const text = JSON.stringify(people);
    if (text === this.told) return;
    this.told = text;
    for (const listener of [...this.listeners]) listener(people);
  }
}
