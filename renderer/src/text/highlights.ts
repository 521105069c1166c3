/**
 * Splits a paragraph into runs so claims can be highlighted in the text. Overlapping
 * claims are allowed: each run lists every claim covering it. Runs concatenate to exactly
 * the paragraph text, which the selection mapping relies on.
 */
export interface Span {
  id: string;
  start: number;
  end: number;
}

export interface Run {
  start: number;
  end: number;
  claimIds: string[];
}

export function highlightRuns(paragraphStart: number, paragraphEnd: number, spans: readonly Span[]): Run[] {
  const inside = spans.filter((s) => s.end > paragraphStart && s.start < paragraphEnd);
  const cuts = new Set([paragraphStart, paragraphEnd]);
  for (const s of inside) {
    cuts.add(Math.max(s.start, paragraphStart));
    cuts.add(Math.min(s.end, paragraphEnd));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const runs: Run[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    const claimIds = inside.filter((s) => s.start <= start && s.end >= end).map((s) => s.id);
    const previous = runs[runs.length - 1];
    // Merge neighbours covered by the same claims, so plain text stays one node.
    if (previous && sameIds(previous.claimIds, claimIds)) previous.end = end;
    else runs.push({ start, end, claimIds });
  }
  return runs;
}

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}
