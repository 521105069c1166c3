/**
 * What the team load test checks and how it sums up latencies: pure functions (tested in
 * team-verify.test.ts), so a verdict of "0 lost, 0 duplicated" is itself tested.
 */

/** The value at fraction `p` (0–1) of the sorted values (nearest rank); NaN for none. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = Float64Array.from(values).sort();
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1));
  return sorted[rank]!;
}

/** What one client's change stream delivered, in arrival order. */
export interface Delivery {
  readonly seq: number;
  /** The edits (their unique tags) the change carried. */
  readonly tags: readonly string[];
}

export interface StreamCheck {
  /** Acknowledged edits this stream never delivered. */
  readonly lost: string[];
  /** Edits delivered more than once (by tag), and changes delivered more than once (by number). */
  readonly duplicated: string[];
  /** Places where a change came after a later-numbered one. */
  readonly outOfOrder: number;
}

/** Checks one stream against the edits the server acknowledged: each exactly once, in the server's order. */
export function checkStream(deliveries: readonly Delivery[], acknowledged: ReadonlySet<string>): StreamCheck {
  const seenTags = new Map<string, number>();
  const seenSeqs = new Set<number>();
  const duplicated: string[] = [];
  let outOfOrder = 0;
  let last = -Infinity;
  for (const d of deliveries) {
    if (seenSeqs.has(d.seq)) duplicated.push(`change ${d.seq}`);
    seenSeqs.add(d.seq);
    if (d.seq < last) outOfOrder++;
    last = Math.max(last, d.seq);
    for (const tag of d.tags) seenTags.set(tag, (seenTags.get(tag) ?? 0) + 1);
  }
  for (const [tag, count] of seenTags) if (count > 1) duplicated.push(tag);
  const lost = [...acknowledged].filter((tag) => !seenTags.has(tag));
  return { lost, duplicated, outOfOrder };
}
