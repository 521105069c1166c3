/**
 * The training procedure, shared by `train:checkworthiness` (all transcripts → the committed
 * weights) and `eval:checkworthiness` (the same procedure inside each leave-one-out fold).
 *
 * Model: logistic regression with L2 over the hand-written features and 2^14 hashed word
 * uni/bigrams, each hand weight kept on its editorial side (FEATURE_EFFECT) by an active
 * set: a weight that comes out on the wrong side is frozen at zero and the model refit.
 *
 * Hyper-parameters: the n-gram L2 strength is chosen by grouped cross-validation inside the
 * training transcripts (6 folds of whole transcripts, best mean average precision); the
 * rest is fixed a priori: positives weighted ×5, L2 1e-4 on the hand features.
 *
 * Extra sentences (the ClaimBuster set, when given) weigh EXTRA_WEIGHT whatever their label:
 * their labels are broader than the transcripts' ("a claim the public would want checked", a
 * quarter of them). (Weighing each transcript's sentences by √(mean length ÷ length), so that
 * long debates count less, was tried: MAP 0.2189 against 0.2203 without.)
 * An extra sentence whose text is also in a transcript outside the training set is left out,
 * so a held-out transcript is never seen in training.
 */
import { calibrationFor } from '../../shared/checkworthiness/calibration';
import { FEATURE_SET_VERSION } from '../../shared/checkworthiness/features';
import { FEATURE_EFFECT, HAND_FEATURE_COUNT, HAND_FEATURES, type HandFeature } from '../../shared/checkworthiness/hand-features';
import { MODEL_FORMAT_VERSION, type ModelFile } from '../../shared/checkworthiness/model';
import { EDITORIAL_PRIORS } from '../../shared/checkworthiness/priors';
import { rowsOfTranscripts, type Dataset } from './dataset';
import { trainLogistic, type LogisticModel } from './logistic';
import { rankingMetrics } from './metrics';

export const BUCKETS = 1 << 14;
export const L2_HAND = 1e-4;
export const POSITIVE_WEIGHT = 5;
export const L2_NGRAM_GRID = [1e-4, 3e-4, 1e-3];
export const INNER_FOLDS = 6;
export const EXTRA_WEIGHT = 0.3;
const ITERATIONS = 200;

export interface Selection {
  l2Ngram: number;
  /** Mean inner-fold average precision of each grid value, in grid order. */
  innerMap: number[];
}

/** Trains on the given transcripts (indices into `data.rowsOf`) and packs the model file. */
export function trainModel(data: Dataset, transcripts: number[]): { model: ModelFile; selection: Selection } {
  const selection = selectL2(data, transcripts);
  const rows = trainingRows(data, transcripts);
  const fitted = fitSignConstrained(data, rows, selection.l2Ngram);
  return { model: packModel(fitted, data, rows, transcripts.length, selection), selection };
}

/** The rows of the given transcripts, and the extra rows whose text is in none of the others. */
export function trainingRows(data: Dataset, transcripts: number[]): Int32Array {
  const inTraining = new Set(transcripts);
  const extra = data.extraRows.filter((_, k) => data.extraOverlap[k]!.every((t) => inTraining.has(t)));
  const rows = rowsOfTranscripts(data, transcripts);
  const all = new Int32Array(rows.length + extra.length);
  all.set(rows);
  all.set(extra, rows.length);
  return all;
}

/** Each row's example weight (before positives' ×POSITIVE_WEIGHT), as the header describes. */
const rowWeightCache = new WeakMap<Dataset, Float64Array>();
export function rowWeights(data: Dataset): Float64Array {
  const cached = rowWeightCache.get(data);
  if (cached) return cached;
  const weights = new Float64Array(data.labels.length).fill(1);
  // Extra sentences weigh EXTRA_WEIGHT in either class: undo the positives' factor for them.
  for (const r of data.extraRows) weights[r] = data.labels[r] ? EXTRA_WEIGHT / POSITIVE_WEIGHT : EXTRA_WEIGHT;
  rowWeightCache.set(data, weights);
  return weights;
}

/** Grouped CV over whole transcripts: a transcript's sentences are never split between train and test. */
export function selectL2(data: Dataset, transcripts: number[]): Selection {
  const folds = Array.from({ length: INNER_FOLDS }, (_, k) => transcripts.filter((_, i) => i % INNER_FOLDS === k));
  const aps = L2_NGRAM_GRID.map((): number[] => []);
  for (const held of folds) {
    const train = trainingRows(data, transcripts.filter((t) => !held.includes(t)));
    // From the strongest penalty down, each fit warm-started from the previous one.
    let model: LogisticModel | undefined;
    for (let g = L2_NGRAM_GRID.length - 1; g >= 0; g--) {
      model = fitSignConstrained(data, train, L2_NGRAM_GRID[g]!, model);
      for (const t of held) {
        const rows = data.rowsOf[t]!;
        const logits = Array.from(rows, (r) => linearLogit(model!, data, r));
        aps[g]!.push(rankingMetrics(logits, Array.from(rows, (r) => data.labels[r] === 1)).averagePrecision);
      }
    }
  }
  const innerMap = aps.map((list) => list.reduce((a, b) => a + b, 0) / list.length);
  const best = innerMap.indexOf(Math.max(...innerMap));
  return { l2Ngram: L2_NGRAM_GRID[best]!, innerMap };
}

/** The logit the scorer computes, before quantisation: learned weights plus editorial priors. */
function linearLogit(model: LogisticModel, data: Dataset, row: number): number {
  let z = model.bias;
  for (let p = data.offsets[row]!; p < data.offsets[row + 1]!; p++) {
    const j = data.indices[p]!;
    z += (model.weights[j]! + (j < HAND_FEATURE_COUNT ? (PRIORS[j] ?? 0) : 0)) * data.values[p]!;
  }
  return z;
}

const PRIORS = HAND_FEATURES.map((name) => EDITORIAL_PRIORS[name] ?? 0);

export function fitSignConstrained(data: Dataset, rows: Int32Array, l2Ngram: number, initial?: LogisticModel): LogisticModel {
  const l2 = new Float64Array(data.dimension).fill(l2Ngram);
  l2.fill(L2_HAND, 0, HAND_FEATURE_COUNT);
  const frozen = new Uint8Array(data.dimension);
  let model = initial;
  for (;;) {
    model = trainLogistic(data, rows, { l2, positiveWeight: POSITIVE_WEIGHT, rowWeights: rowWeights(data), iterations: ITERATIONS, frozen, initial: model });
    let refit = false;
    HAND_FEATURES.forEach((name, f) => {
      const w = model!.weights[f]!;
      if (FEATURE_EFFECT[name] === 'raises' ? w < 0 : w > 0) {
        frozen[f] = 1;
        refit = true;
      }
    });
    if (!refit) return model;
  }
}

const round = (x: number, digits = 4) => Number(x.toFixed(digits));

export function packModel(fitted: LogisticModel, data: Dataset, rows: Int32Array, transcripts: number, selection: Selection): ModelFile {
  const hand = Object.fromEntries(HAND_FEATURES.map((name, f) => [name, round(fitted.weights[f]!)])) as Record<HandFeature, number>;
  const ngramWeights = fitted.weights.subarray(HAND_FEATURE_COUNT, HAND_FEATURE_COUNT + BUCKETS);
  const largest = ngramWeights.reduce((m, w) => Math.max(m, Math.abs(w)), 0);
  const ngramStep = round(largest / 127, 6) || 1e-6;
  const quantised = Int8Array.from(ngramWeights, (w) => Math.max(-127, Math.min(127, Math.round(w / ngramStep))));
  // The calibration's base rate is the weighted share of positives the model was fitted to.
  const weights = rowWeights(data);
  let positives = 0;
  let weightedPositives = 0;
  let totalWeight = 0;
  for (const r of rows) {
    positives += data.labels[r]!;
    weightedPositives += data.labels[r]! * weights[r]!;
    totalWeight += weights[r]!;
  }
  const calibration = calibrationFor(weightedPositives / totalWeight, POSITIVE_WEIGHT);
  const extra = rows.reduce((n, r) => n + (data.transcript[r]! < 0 ? 1 : 0), 0);
  return {
    format: MODEL_FORMAT_VERSION,
    featureSet: FEATURE_SET_VERSION,
    buckets: BUCKETS,
    bias: round(fitted.bias),
    hand,
    ngrams: Buffer.from(quantised.buffer, quantised.byteOffset, quantised.byteLength).toString('base64'),
    ngramStep,
    calibration: { shift: round(calibration.shift), scale: calibration.scale },
    training: {
      transcripts,
      sentences: rows.length,
      checkWorthy: positives,
      extraSentences: extra,
      extraWeight: EXTRA_WEIGHT,
      positiveWeight: POSITIVE_WEIGHT,
      l2Hand: L2_HAND,
      l2Ngram: selection.l2Ngram,
      l2NgramChosenBy: `${INNER_FOLDS}-fold grouped CV over transcripts (MAP) from ${L2_NGRAM_GRID.join(', ')}`,
    },
  };
}

/** The weights file: a TS module exporting the model as a const (bundled by vite like any module). */
export function weightsModule(model: ModelFile): string {
  return [
    '// Generated by `npm run train:checkworthiness -- DIR` (scripts/checkworthiness/train.ts): do not edit.',
    '// The trained check-worthiness model; its format is described in model.ts.',
    "import type { ModelFile } from './model';",
    '',
    `export const WEIGHTS: ModelFile = ${JSON.stringify(model, null, 2)};`,
    '',
  ].join('\n');
}
