/**
 * The CLEF CheckThat! 2019 Task 1 measures, per transcript: rank the sentences by score
 * (ties keep transcript order, as a stable sort of the submitted scores would), then
 * average precision over the check-worthy sentences, R-precision and precision at k.
 */
export interface RankingMetrics {
  averagePrecision: number;
  rPrecision: number;
  precisionAt10: number;
}

export interface Counts {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
}

/** Indices of `scores` from highest to lowest; equal scores stay in input order. */
export function rank(scores: ArrayLike<number>): number[] {
  return Array.from({ length: scores.length }, (_, i) => i).sort((a, b) => scores[b]! - scores[a]! || a - b);
}

export function rankingMetrics(scores: ArrayLike<number>, worthy: ArrayLike<boolean>): RankingMetrics {
  const order = rank(scores);
  const relevant = Array.from(worthy).filter(Boolean).length;
  let hits = 0;
  let precisionSum = 0;
  let hitsAtR = 0;
  let hitsAt10 = 0;
  order.forEach((index, position) => {
    if (!worthy[index]) return;
    hits++;
    precisionSum += hits / (position + 1);
    if (position < relevant) hitsAtR++;
    if (position < 10) hitsAt10++;
  });
  return {
    averagePrecision: relevant ? precisionSum / relevant : 0,
    rPrecision: relevant ? hitsAtR / relevant : 0,
    precisionAt10: hitsAt10 / 10,
  };
}

export function countAtThreshold(scores: ArrayLike<number>, worthy: ArrayLike<boolean>, threshold: number): Counts {
  const counts = { truePositives: 0, falsePositives: 0, falseNegatives: 0 };
  for (let i = 0; i < scores.length; i++) {
    const flagged = scores[i]! >= threshold;
    if (flagged && worthy[i]) counts.truePositives++;
    else if (flagged) counts.falsePositives++;
    else if (worthy[i]) counts.falseNegatives++;
  }
  return counts;
}

export function precisionRecallF1({ truePositives: tp, falsePositives: fp, falseNegatives: fn }: Counts) {
  const precision = tp + fp ? tp / (tp + fp) : 0;
  const recall = tp + fn ? tp / (tp + fn) : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}
