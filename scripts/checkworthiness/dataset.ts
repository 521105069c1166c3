/**
 * Turns labelled transcripts into the sparse rows the trainer reads, with the very feature
 * extraction the scorer runs: hand features first, then one column per n-gram bucket.
 */
import { createFeatureBuffer, extractFeatures } from '../../shared/checkworthiness/features';
import { HAND_FEATURE_COUNT } from '../../shared/checkworthiness/hand-features';
import { ngramValue } from '../../shared/checkworthiness/model';
import { overlapKey, type LabelledSentence, type Transcript } from './data';
import type { SparseRows } from './logistic';

export interface Dataset extends SparseRows {
  /** Index of each row's transcript (-1: an extra sentence). */
  transcript: Int32Array;
  /** Rows of each transcript, in transcript order. */
  rowsOf: Int32Array[];
  /** Rows of the extra sentences (no transcript), after all transcripts' rows. */
  extraRows: Int32Array;
  /** For each extra row (same order), the transcripts that also hold its text. */
  extraOverlap: number[][];
}

/**
 * Transcripts first, then `extra` sentences (another data set's, used as more training
 * examples). An extra sentence whose text is also in a transcript is marked, so a fold that
 * holds that transcript out can leave it out of training too.
 */
export function buildDataset(transcripts: Transcript[], buckets: number, extra: LabelledSentence[] = []): Dataset {
  const buffer = createFeatureBuffer();
  const total = transcripts.reduce((sum, t) => sum + t.sentences.length, 0) + extra.length;
  const offsets = new Int32Array(total + 1);
  const labels = new Uint8Array(total);
  const transcript = new Int32Array(total);
  const indices: number[] = [];
  const values: number[] = [];
  const rowsOf: Int32Array[] = [];
  let row = 0;
  const addRow = (sentence: LabelledSentence, ti: number) => {
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
  };
  transcripts.forEach((t, ti) => {
    const first = row;
    for (const sentence of t.sentences) addRow(sentence, ti);
    rowsOf.push(Int32Array.from({ length: row - first }, (_, k) => first + k));
  });
  const holders = new Map<string, number[]>();
  transcripts.forEach((t, ti) => {
    for (const sentence of t.sentences) {
      const key = overlapKey(sentence.text);
      const list = holders.get(key) ?? [];
      if (!list.includes(ti)) list.push(ti);
      holders.set(key, list);
    }
  });
  const extraRows = Int32Array.from(extra, (_, k) => row + k);
  const extraOverlap = extra.map((sentence) => holders.get(overlapKey(sentence.text)) ?? []);
  for (const sentence of extra) addRow(sentence, -1);
  return {
    extraRows,
    extraOverlap,
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
