/**
 * Claim extraction: the article's sentences with their check-worthiness, in article
 * order. Used by the app's "Find claims", by the CLI and by the benchmark.
 */
import { scoreSentence, DEFAULT_THRESHOLD, type Reason } from '../checkworthiness/score';
import { segmentText, type SegmentKind } from '../text/segmenter';
import { suggestClaimants, type Claimant } from './claimant';

export interface ScoredSentence {
  text: string;
  start: number;
  end: number;
  paragraph: number;
  kind: SegmentKind;
  score: number;
  reasons: Reason[];
}

export interface ExtractedSentence extends ScoredSentence {
  /** Worth suggesting: a real sentence (not clutter) scoring at or above the threshold. */
  candidate: boolean;
}

export interface AttributedSentence extends ExtractedSentence {
  /** Who the sentence attributes its claim to (claimant.ts), or null; one object per speaker, shared. */
  claimant: Claimant | null;
}

/** Every sentence of the article with its check-worthiness, in article order. */
export function scoreSentences(text: string): ScoredSentence[] {
  return segmentText(text).sentences.map(({ text: sentence, start, end, paragraph, kind }) => {
    const { score, reasons } = scoreSentence(sentence, { kind });
    return { text: sentence, start, end, paragraph, kind, score, reasons };
  });
}

// One object literal per sentence, not spreads: this runs over whole articles on every
// change, and copying each sentence object twice halved the engine's throughput.
export function extractClaims(text: string, threshold: number = DEFAULT_THRESHOLD): ExtractedSentence[] {
  return segmentText(text).sentences.map(({ text: sentence, start, end, paragraph, kind }) => {
    const { score, reasons } = scoreSentence(sentence, { kind });
    return { text: sentence, start, end, paragraph, kind, score, reasons, candidate: isCandidate(kind, score, threshold) };
  });
}

/**
 * extractClaims with who made each claim. A separate pass, as costly as scoring: the engine's
 * per-keystroke path does without it; the CLI's extract and claim creation ask for it.
 * Claimants need the whole article (a pronoun means the last speaker of its paragraph), so
 * they are suggested over all segments first, then read by index.
 */
export function extractClaimsWithClaimants(text: string, threshold: number = DEFAULT_THRESHOLD): AttributedSentence[] {
  const { sentences } = segmentText(text);
  const claimants = suggestClaimants(sentences);
  return sentences.map(({ text: sentence, start, end, paragraph, kind }, i) => {
    const { score, reasons } = scoreSentence(sentence, { kind });
    return { text: sentence, start, end, paragraph, kind, score, reasons, candidate: isCandidate(kind, score, threshold), claimant: claimants[i]! };
  });
}

/** Clutter is never suggested, whatever its score. */
export function isCandidate(kind: SegmentKind, score: number, threshold: number): boolean {
  return kind !== 'clutter' && score >= threshold;
}
