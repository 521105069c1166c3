/**
 * Turns labelled transcripts into the sparse rows the trainer reads, with the very feature
 * extraction the scorer runs: hand features first, then one column per n-gram bucket.
 */
import { createFeatureBuffer, extractFeatures } from '../../shared/checkworthiness/features';
import { HAND_FEATURE_COUNT } from '../../shared/checkworthiness/hand-features';
import { ngramValue } from '../../shared/checkworthiness/model';
import type { Transcript } from './data';
import type { SparseRows } from './logistic';

export interface Dataset extends SparseRows {
  /** Index of each row's transcript. */
  transcript: Int32Array;
  /** Rows of each transcript, in transcript order. */
  rowsOf: Int32Array[];
}

export function buildDataset(transcripts: Transcript[], buckets: number): Dataset {
  const buffer = createFeatureBuffer();
  const total = transcripts.reduce((sum, t) => sum + t.sentences.length, 0);
  const offsets = new Int32Array(total + 1);
  const labels = new Uint8Array(total);
  const transcript = new Int32Array(total);
  const indices: number[] = [];
  const values: number[] = [];
  const rowsOf: Int32Array[] = [];
  let row = 0;
  transcripts.forEach((t, ti) => {
    const first = row;
    for (const sentence of t.sentences) {
      extractFeatures(sentence.text, buffer, buckets);
      for (let f = 0; f < HAND_FEATURE_COUNT; f++) {
        if (buffer.hand[f] !== 0) {
          indices.push(f);
          values.push(buffer.hand[f]!);
        }
      }
      const value = ngramValue(buffer.tokenCount);
      for (let g = 0; g < buffer.gramCount; g++) {
        indices.push(HAND_FEATURE_COUNT + buffer.grams[g]!);
        values.push(value);
      }
      labels[row] = sentence.worthy ? 1 : 0;
      transcript[row] = ti;
      offsets[++row] = indices.length;
    }
    rowsOf.push(Int32Array.from({ length: row - first }, (_, k) => first + k));
  });
  return {
    offsets,
    indices: Int32Array.from(indices),
    values: Float32Array.from(values),
    labels,
    transcript,
    rowsOf,
    dimension: HAND_FEATURE_COUNT + buckets,
  };
}

/** All rows of the given transcripts, in order. */
export function rowsOfTranscripts(data: Dataset, which: number[]): Int32Array {
  const parts = which.map((t) => data.rowsOf[t]!);
  const rows = new Int32Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    rows.set(part, at);
    at += part.length;
  }
  return rows;
}
