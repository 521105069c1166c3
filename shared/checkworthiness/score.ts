/**
 * Check-worthiness of a sentence: a 0..1 score and the reasons behind it, in words an
 * editor understands. Hand-written features (figures, attribution, quotes, questions,
 * opinion, hedging…) and hashed word uni/bigrams, weighed by a logistic regression trained
 * on fact-checked debate transcripts (weights.ts, written by `npm run train:checkworthiness`),
 * plus a few editorial priors (priors.ts), then calibrated for news (calibration.ts).
 * Pure, deterministic and fast: one pass over the characters, table lookups, no allocation
 * beyond the result.
 */
import { createScorer } from './scorer';
import { WEIGHTS } from './weights';
import type { SegmentKind } from '../text/segmenter';
import type { CheckWorthiness, Scorer } from './scorer';

export type { CheckWorthiness, Reason } from './scorer';

/**
 * Sentences scoring at or above this are suggested as claims by default: on the news
 * scale of calibration.ts, about even odds that the sentence carries a checkable claim.
 */
export const DEFAULT_THRESHOLD = 0.5;

/** Made on first use, not when the module loads: the app's first view scores nothing, and decoding the weights is work every start would wait for. */
let scoreWithCommittedWeights: Scorer | null = null;

export function scoreSentence(text: string, options?: { kind?: SegmentKind }): CheckWorthiness {
  scoreWithCommittedWeights ??= createScorer(WEIGHTS);
  return scoreWithCommittedWeights(text, options);
}
