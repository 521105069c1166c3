/**
 * Failed logins counted per name and per remote address in a sliding window. Past the limit
 * a login is refused (429 with Retry-After) before its password is even checked. Names are
 * counted whether or not they exist, so a 429 tells nothing about who has an account. The
 * counts live in this process's memory: they start over when the server restarts.
 */
import { nameKey } from './people';

export interface LoginLimits {
  /** Failures allowed per name within windowMs… */
  perName: number;
  /** …and per remote address (higher: a newsroom may share one address). */
  perAddress: number;
  windowMs: number;
}

export const LOGIN_LIMITS: LoginLimits = { perName: 5, perAddress: 20, windowMs: 15 * 60_000 };
/** At most this many names and addresses are tracked; the stalest go first. */
const MAX_KEYS = 50_000;

export class LoginLimiter {
  private readonly failures = new Map<string, number[]>();
  private readonly limits: LoginLimits;

  constructor(
    limits: Partial<LoginLimits> = {},
    private readonly now: () => number = Date.now,
  ) {
    this.limits = { ...LOGIN_LIMITS, ...limits };
  }

  /** Seconds to wait before the next attempt for this name from this address; 0 if it may go ahead. */
  retryAfter(name: string, address: string): number {
    const wait = Math.max(this.wait(`n:${nameKey(name)}`, this.limits.perName), this.wait(`a:${address}`, this.limits.perAddress));
    return wait > 0 ? Math.ceil(wait / 1000) : 0;
  }

  failed(name: string, address: string): void {
    this.record(`n:${nameKey(name)}`);
    this.record(`a:${address}`);
  }

  /** A right password clears its name's failures (not its address's). */
  succeeded(name: string): void {
    this.failures.delete(`n:${nameKey(name)}`);
  }

  private recent(key: string): number[] {
    const since = this.now() - this.limits.windowMs;
    const times = (this.failures.get(key) ?? []).filter((t) => t > since);
    if (times.length === 0) this.failures.delete(key);
    else this.failures.set(key, times);
    return times;
  }

  private wait(key: string, limit: number): number {
    const times = this.recent(key);
    if (times.length < limit) return 0;
    // Free again when the oldest failure that keeps it at the limit leaves the window.
    return times[times.length - limit]! + this.limits.windowMs - this.now();
  }

  private record(key: string): void {
    const times = this.recent(key);
    times.push(this.now());
    // Re-inserted last, so the map's first keys are the stalest.
    this.failures.delete(key);
    this.failures.set(key, times.slice(-Math.max(this.limits.perName, this.limits.perAddress)));
    while (this.failures.size > MAX_KEYS) this.failures.delete(this.failures.keys().next().value!);
  }
}
