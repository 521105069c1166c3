/** Small timing helpers shared by the seed benchmarks: wall time of one call, and percentiles of many. */

export function timed<T>(run: () => T): { value: T; ms: number } {
  const started = performance.now();
  const value = run();
  return { value, ms: performance.now() - started };
}

/**
 * Median, 95th percentile and maximum of per-call times (ms) of `run` over `inputs`, after a
 * warm-up pass. Each input is timed `rounds` times and its best time kept, so a garbage
 * collection or another process on the machine is not charged to one query.
 */
export function percentiles<T>(inputs: readonly T[], run: (input: T) => unknown, rounds = 3): { median: number; p95: number; max: number } {
  for (const input of inputs) run(input);
  const best = inputs.map(() => Infinity);
  for (let round = 0; round < rounds; round++) {
    inputs.forEach((input, i) => {
      best[i] = Math.min(best[i]!, timed(() => run(input)).ms);
    });
  }
  const times = best.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
  return { median: at(0.5), p95: at(0.95), max: times[times.length - 1]! };
}

export const ms = (value: number) => `${value.toFixed(3)} ms`;
