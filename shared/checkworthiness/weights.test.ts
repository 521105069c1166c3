// The committed weights fit both the scorer and the committed training script, without
// reading the training data: same format and feature-set versions, one weight per hand
// feature on its editorial side, as many n-gram weights as the script's bucket count.
import { describe, expect, it } from 'vitest';
import { decodeBase64 } from './base64';
import { FEATURE_SET_VERSION } from './features';
import { FEATURE_EFFECT, HAND_FEATURES } from './hand-features';
import { MODEL_FORMAT_VERSION } from './model';
import { createScorer } from './scorer';
import { WEIGHTS } from './weights';
import { BUCKETS, L2_HAND, L2_NGRAM_GRID, POSITIVE_WEIGHT } from '../../scripts/checkworthiness/train-model';
import { calibrationFor } from './calibration';

describe('committed check-worthiness weights', () => {
  it('have the format, feature set and bucket count the training script writes', () => {
    expect(WEIGHTS.format).toBe(MODEL_FORMAT_VERSION);
    expect(WEIGHTS.featureSet).toBe(FEATURE_SET_VERSION);
    expect(WEIGHTS.buckets).toBe(BUCKETS);
    expect(decodeBase64(WEIGHTS.ngrams).length).toBe(BUCKETS);
    expect(WEIGHTS.ngramStep).toBeGreaterThan(0);
  });

  it('have one weight per hand feature, each on its editorial side', () => {
    expect(Object.keys(WEIGHTS.hand)).toEqual([...HAND_FEATURES]);
    for (const name of HAND_FEATURES) {
      const weight = WEIGHTS.hand[name];
      expect(Number.isFinite(weight), name).toBe(true);
      if (FEATURE_EFFECT[name] === 'raises') expect(weight, name).toBeGreaterThanOrEqual(0);
      else expect(weight, name).toBeLessThanOrEqual(0);
    }
  });

  it('record the training settings and the calibration they imply', () => {
    expect(WEIGHTS.training).toMatchObject({ positiveWeight: POSITIVE_WEIGHT, l2Hand: L2_HAND });
    expect(L2_NGRAM_GRID).toContain(WEIGHTS.training.l2Ngram);
    const rate = Number(WEIGHTS.training.checkWorthy) / Number(WEIGHTS.training.sentences);
    expect(WEIGHTS.calibration.shift).toBeCloseTo(calibrationFor(rate, POSITIVE_WEIGHT).shift, 3);
  });

  it('are refused by the scorer when they do not fit', () => {
    expect(() => createScorer({ ...WEIGHTS, featureSet: WEIGHTS.featureSet + 1 })).toThrow(/feature set/);
    expect(() => createScorer({ ...WEIGHTS, format: 99 })).toThrow(/format/);
    expect(() => createScorer({ ...WEIGHTS, buckets: BUCKETS * 2 })).toThrow(/n-gram weights/);
  });
});
