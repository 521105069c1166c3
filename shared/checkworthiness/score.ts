/**
 * STUB (to be replaced by the real scorer): the interface the rest of the app codes against.
 */
import type { SegmentKind } from '../text/segmenter';

export interface Reason {
  /** In words an editor understands: "contains a figure: 3.5%", "a question". */
  text: string;
  effect: 'raises' | 'lowers';
}

export interface CheckWorthiness {
  /** 0..1: how much the sentence is worth checking. */
  score: number;
  reasons: Reason[];
}

/** Sentences scoring at or above this are suggested as claims by default. */
export const DEFAULT_THRESHOLD = 0.5;

export function scoreSentence(text: string, options: { kind?: SegmentKind } = {}): CheckWorthiness {
  if (options.kind === 'clutter') return { score: 0, reasons: [{ text: 'page clutter, not part of the article', effect: 'lowers' }] };
  const figure = /\d[\d.,]*%?/.exec(text);
  return figure
    ? { score: 0.7, reasons: [{ text: `contains a figure: ${figure[0]}`, effect: 'raises' }] }
    : { score: 0.1, reasons: [] };
}
