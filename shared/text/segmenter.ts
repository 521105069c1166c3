/**
 * STUB (to be replaced by the real segmenter): the interface the rest of the app codes against.
 * Splits an article into paragraphs and sentences with exact offsets:
 * `text.slice(s.start, s.end) === s.text` for every segment, always.
 */
import { splitSentences } from './sentences';

/** What a segment is; only `sentence`, `heading` and `list-item` can be claim candidates. */
export type SegmentKind = 'sentence' | 'heading' | 'list-item' | 'clutter';

export interface Paragraph {
  start: number;
  end: number;
}

export interface Segment {
  text: string;
  start: number;
  end: number;
  /** Index into `paragraphs`. */
  paragraph: number;
  kind: SegmentKind;
}

export interface Segmentation {
  paragraphs: Paragraph[];
  sentences: Segment[];
}

export function segmentText(text: string): Segmentation {
  const sentences = splitSentences(text).map((s) => ({ ...s, paragraph: 0, kind: 'sentence' as const }));
  return { paragraphs: [{ start: 0, end: text.length }], sentences };
}
