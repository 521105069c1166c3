/**
 * The trained model's file format and the arithmetic that turns features into a logit.
 * `train:checkworthiness` writes a `ModelFile` into `weights.ts`; the scorer reads it.
 */
import type { HandFeature } from './hand-features';

/** Bumped when the layout of `ModelFile` changes. */
export const MODEL_FORMAT_VERSION = 1;

export interface ModelFile {
  format: number;
  /** `FEATURE_SET_VERSION` of the feature extraction the weights were trained with. */
  featureSet: number;
  /** Number of n-gram hash buckets (a power of two). */
  buckets: number;
  bias: number;
  /** One weight per hand-written feature, by name. */
  hand: Record<HandFeature, number>;
  /** N-gram bucket weights, int8-quantised (weight = byte × ngramStep), base64. */
  ngrams: string;
  ngramStep: number;
  /** Logit offset and scale from the debates' scale to the app's 0..1 score (see calibration.ts). */
  calibration: { shift: number; scale: number };
  /** What the weights were trained on and with, for the record. */
  training: Record<string, string | number>;
}

/**
 * Each n-gram of a sentence counts 1/√words: long sentences have many n-grams, and without
 * this their sum would swamp the hand-written features.
 */
export function ngramValue(tokenCount: number): number {
  return 1 / Math.sqrt(Math.max(tokenCount, 1));
}
