/**
 * Claim extraction: the article's sentences with their check-worthiness, in article
 * order. Used by the app's "Find claims", by the CLI and by the benchmark.
 */
import { scoreSentence, DEFAULT_THRESHOLD } from '../checkworthiness/score';
import { segmentText, type SegmentKind } from '../text/segmenter';

export interface ExtractedSentence {
  text: string;
  start: number;
  end: number;
  paragraph: number;
  kind: SegmentKind;
  score: number;
  /** Worth suggesting: a real sentence (not clutter) scoring at or above the threshold. */
  candidate: boolean;
  reasons: { text: string; effect: 'raises' | 'lowers' }[];
}

export function extractClaims(text: string, threshold: number = DEFAULT_THRESHOLD): ExtractedSentence[] {
  return segmentText(text).sentences.map((sentence) => {
    const { score, reasons } = scoreSentence(sentence.text, { kind: sentence.kind });
    return { ...sentence, score, reasons, candidate: sentence.kind !== 'clutter' && score >= threshold };
  });
}
