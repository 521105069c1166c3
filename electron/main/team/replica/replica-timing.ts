/**
 * The clocks of a team copy: how soon it tries the server again after losing it (backing
 * off to a ceiling, so a server down for an hour is not hammered), how long an edit waits
 * for its own change to come back on the live stream before answering, and how often the
 * copy's change number is written down.
 */
export interface ReplicaTiming {
  /** Delays before each reconnection attempt in a row; the last repeats. */
  reconnectDelaysMs: number[];
  /** How long a call waits for the copy to have its own change (read-your-writes). */
  ownChangeWaitMs: number;
  /** How long "Try again now" waits for the server to answer. */
  syncNowWaitMs: number;
  /** The copy's change number is written at most this often (it is caught up from after a crash anyway). */
  saveSeqAfterMs: number;
}

export const DEFAULT_TIMING: ReplicaTiming = { reconnectDelaysMs: [500, 1000, 2000, 5000, 10_000, 15_000], ownChangeWaitMs: 3000, syncNowWaitMs: 5000, saveSeqAfterMs: 250 };

export class ReplicaTimers {
  readonly timing: ReplicaTiming;
  private attempt = 0;
  private reconnect: NodeJS.Timeout | null = null;
  private save: NodeJS.Timeout | null = null;
  private readonly pending = new Map<NodeJS.Timeout, () => void>();

  constructor(timing: Partial<ReplicaTiming>) {
    this.timing = { ...DEFAULT_TIMING, ...timing };
  }

  connected(): void {
    this.attempt = 0;
  }

  reconnectLater(connect: () => void): void {
    if (this.reconnect) return;
    const delays = this.timing.reconnectDelaysMs;
    const delay = delays[Math.min(this.attempt, delays.length - 1)] ?? 1000;
    this.attempt++;
    this.reconnect = setTimeout(() => {
      this.reconnect = null;
      connect();
    }, delay);
  }

  saveSoon(save: () => Promise<void>): void {
    if (this.save) return;
    this.save = setTimeout(() => {
      this.save = null;
      save().catch((error: unknown) => console.error('Team copy: could not note the last change:', error));
    }, this.timing.saveSeqAfterMs);
  }

  /** Resolves when `done()` holds, or after `ms` anyway. */
  settleWithin(ms: number, done: () => boolean): Promise<void> {
    const until = Date.now() + ms;
    return new Promise((resolve) => {
      const check = () => {
        if (done() || Date.now() >= until) return resolve();
        const timer = setTimeout(() => {
          this.pending.delete(timer);
          check();
        }, 10);
        this.pending.set(timer, resolve);
      };
      check();
    });
  }

  clear(): void {
    if (this.reconnect) clearTimeout(this.reconnect);
    if (this.save) clearTimeout(this.save);
    this.reconnect = this.save = null;
    // Whoever waits is let go: the copy is closing.
    for (const [timer, resolve] of this.pending) {
      clearTimeout(timer);
      resolve();
    }
    this.pending.clear();
  }
}

/** Why the server could not be reached, in words for the status bar. */
export function describeProblem(error: Error, address: string): string {
  const message = error.message;
  if (/refused \(401\)/.test(message)) return 'the team server no longer accepts this computer’s access: join the team again';
  if (/ECONNREFUSED|fetch failed|other side closed|terminated|ECONNRESET|socket/i.test(message + String((error as { cause?: unknown }).cause ?? ''))) return `cannot reach ${address}`;
  return message;
}
