/**
 * Splits a paragraph into runs so claims (and suggested sentences) can be highlighted in
 * the text. Overlapping claims are allowed: each run lists every claim covering it.
 * Suggestions are sentences, so they never overlap each other. Runs concatenate to
 * exactly the paragraph text, which the selection mapping relies on.
 */
export interface Span {
  id: string;
  start: number;
  end: number;
}

export interface ScoredSpan {
  start: number;
  end: number;
  score: number;
}

export interface Run {
  start: number;
  end: number;
  claimIds: string[];
  /** The suggested sentence this run belongs to, if any. */
  suggestion: ScoredSpan | null;
}

export function highlightRuns(
  paragraphStart: number,
  paragraphEnd: number,
  spans: readonly Span[],
  suggestions: readonly ScoredSpan[] = [],
): Run[] {
  const overlaps = (s: { start: number; end: number }) => s.end > paragraphStart && s.start < paragraphEnd;
  const inside = spans.filter(overlaps);
  const suggested = suggestions.filter(overlaps);
  const cuts = new Set([paragraphStart, paragraphEnd]);
  for (const s of [...inside, ...suggested]) {
    cuts.add(Math.max(s.start, paragraphStart));
    cuts.add(Math.min(s.end, paragraphEnd));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const runs: Run[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    const claimIds = inside.filter((s) => s.start <= start && s.end >= end).map((s) => s.id);
    const suggestion = suggested.find((s) => s.start <= start && s.end >= end) ?? null;
    const previous = runs[runs.length - 1];
    // Merge neighbours covered by the same claims and suggestion, so plain text stays one node.
    if (previous && previous.suggestion === suggestion && sameIds(previous.claimIds, claimIds)) previous.end = end;
    else runs.push({ start, end, claimIds, suggestion });
  }
  return runs;
}

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}
