/**
 * Scores a sentence segmenter against the boundary test set. Shared by the quality-gate test
 * and `npm run eval:segmentation`, so both measure the same thing.
 *
 * A case is a text with its gold boundaries marked by `¦` (BROKEN BAR, which the cases use for
 * nothing else). A boundary is the end offset of a segment in the unmarked text: the position
 * right after its last non-whitespace character. Every segment counts the same — sentences,
 * headings, list items and clutter lines all end at a boundary — and a paragraph break is a
 * boundary because the paragraph's last segment ends there. The end of the whole text is not
 * counted: every segmenter gets it for free. A case without markers is a hard negative: any
 * boundary predicted in it is a false positive.
 *
 * Per case, predicted and gold sets are compared; true positives, false positives and false
 * negatives are summed over the set (micro-averaged) into precision, recall and F1.
 */
import type { SegmentKind } from '../segmenter';

export const MARKER = '¦';

/** A case: the marked text, and optionally the kinds of its segments in order. */
export type BoundaryCase = string | { text: string; kinds: SegmentKind[] };

export interface CaseGroup {
  name: string;
  cases: BoundaryCase[];
}

/** What a segmenter under test returns: its segments' end offsets (and kinds, if it has them). */
export type SegmentFunction = (text: string) => readonly { end: number; kind?: SegmentKind }[];

export interface Score {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface CaseFailure {
  group: string;
  /** The case as written, gold markers included. */
  marked: string;
  /** The text with the predicted boundaries marked instead. */
  predicted: string;
  missed: number;
  extra: number;
  /** Set when the case pins kinds and they differ: `expected → got`. */
  kinds?: string;
}

export interface Evaluation {
  cases: number;
  overall: Score;
  groups: { name: string; cases: number; score: Score }[];
  failures: CaseFailure[];
  /** Cases that pin segment kinds, and how many of those got every kind right. */
  kinds: { checked: number; correct: number };
}

/** The unmarked text and its gold boundaries (offsets into the unmarked text). */
export function parseCase(marked: string): { text: string; gold: number[] } {
  const parts = marked.split(MARKER);
  const marks: number[] = [];
  let text = '';
  parts.forEach((part, i) => {
    text += part;
    if (i < parts.length - 1) marks.push(text.length);
  });
  const end = trimBack(text, text.length);
  // A marker placed after the whitespace that follows a sentence still means that sentence's end.
  const gold = new Set(marks.map((at) => trimBack(text, at)).filter((at) => at > 0 && at < end));
  return { text, gold: [...gold] };
}

function trimBack(text: string, at: number): number {
  let i = at;
  while (i > 0 && /\s/.test(text[i - 1]!)) i--;
  return i;
}

function caseText(c: BoundaryCase): string {
  return typeof c === 'string' ? c : c.text;
}

export function score(tp: number, fp: number, fn: number): Score {
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { tp, fp, fn, precision, recall, f1 };
}

export function evaluate(groups: readonly CaseGroup[], segment: SegmentFunction): Evaluation {
  const failures: CaseFailure[] = [];
  const groupScores: Evaluation['groups'] = [];
  const total = { tp: 0, fp: 0, fn: 0 };
  const kinds = { checked: 0, correct: 0 };
  let cases = 0;
  for (const group of groups) {
    const sum = { tp: 0, fp: 0, fn: 0 };
    for (const c of group.cases) {
      cases++;
      const marked = caseText(c);
      const { text, gold } = parseCase(marked);
      const segments = segment(text);
      const end = trimBack(text, text.length);
      const predicted = new Set(segments.map((s) => trimBack(text, s.end)).filter((at) => at > 0 && at < end));
      const goldSet = new Set(gold);
      const tp = [...predicted].filter((at) => goldSet.has(at)).length;
      const fp = predicted.size - tp;
      const fn = goldSet.size - tp;
      sum.tp += tp;
      sum.fp += fp;
      sum.fn += fn;
      let kindMismatch: string | undefined;
      if (typeof c !== 'string' && segments.every((s) => s.kind !== undefined)) {
        kinds.checked++;
        const got = segments.map((s) => s.kind).join(' ');
        if (got === c.kinds.join(' ')) kinds.correct++;
        else kindMismatch = `${c.kinds.join(' ')} → ${got}`;
      }
      if (fp > 0 || fn > 0 || kindMismatch) {
        failures.push({ group: group.name, marked, predicted: mark(text, [...predicted]), missed: fn, extra: fp, kinds: kindMismatch });
      }
    }
    groupScores.push({ name: group.name, cases: group.cases.length, score: score(sum.tp, sum.fp, sum.fn) });
    total.tp += sum.tp;
    total.fp += sum.fp;
    total.fn += sum.fn;
  }
  return { cases, overall: score(total.tp, total.fp, total.fn), groups: groupScores, failures, kinds };
}

/** `text` with `¦` at each of `boundaries`. */
export function mark(text: string, boundaries: number[]): string {
  let out = '';
  let from = 0;
  for (const at of [...boundaries].sort((a, b) => a - b)) {
    out += text.slice(from, at) + MARKER;
    from = at;
  }
  return out + text.slice(from);
}

/** A case that also pins its segments' kinds, written as space-separated kinds: `kinds('heading sentence', 'Budget¦\nIt passed.')`. */
export function kinds(list: string, text: string): BoundaryCase {
  return { text, kinds: list.split(' ') as SegmentKind[] };
}
