/**
 * Alignment and scores for claimant suggestion (scripts/claimants/evaluate.ts): pure functions,
 * so they are tested on small invented inputs.
 */
import type { Claimant } from '../../shared/extract/claimant';
import type { Row } from '../checkworthiness/news-dev';

/** A sentence of the news development set, with its gold claimant. */
export type GoldRow = Row;

export interface Predicted {
  text: string;
  claimant: Claimant | null;
}

export interface Pair {
  gold: GoldRow;
  /** What was suggested for the gold sentence; undefined when no segment has its text. */
  predicted: Claimant | null | undefined;
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/**
 * Pairs each gold sentence with the predicted segment of the same text (whitespace squashed), in
 * order: a sentence that occurs twice pairs with its next unused occurrence, and a gold sentence
 * the segmenter cut differently pairs with nothing (counted as a miss, never dropped).
 */
export function align(gold: readonly GoldRow[], predicted: readonly Predicted[]): Pair[] {
  const queue = new Map<string, number[]>();
  predicted.forEach((p, i) => {
    const key = squash(p.text);
    const list = queue.get(key);
    if (list) list.push(i);
    else queue.set(key, [i]);
  });
  return gold.map((row) => {
    const index = queue.get(squash(row.sentence))?.shift();
    return { gold: row, predicted: index === undefined ? undefined : predicted[index]!.claimant };
  });
}

export interface Ratio {
  hits: number;
  total: number;
}

export interface Scores {
  /** Name exact match on sentences whose gold claimant is not null. */
  attributed: Ratio;
  /** The same on attributed check-worthy sentences ("attributed candidates"). */
  candidates: Ratio;
  /** Name and role exact match on attributed sentences. */
  nameAndRole: Ratio;
  /** A claimant suggested where the gold has none, out of the sentences with none. */
  falsePositives: Ratio;
  /** Sentences the segmenter did not reproduce. */
  unaligned: number;
}

export function score(pairs: readonly Pair[]): Scores {
  const s: Scores = {
    attributed: { hits: 0, total: 0 },
    candidates: { hits: 0, total: 0 },
    nameAndRole: { hits: 0, total: 0 },
    falsePositives: { hits: 0, total: 0 },
    unaligned: 0,
  };
  for (const { gold, predicted } of pairs) {
    if (predicted === undefined) s.unaligned++;
    const p = predicted ?? null;
    if (gold.claimant === null) {
      s.falsePositives.total++;
      if (p !== null) s.falsePositives.hits++;
      continue;
    }
    const name = p !== null && p.name === gold.claimant.name;
    s.attributed.total++;
    s.nameAndRole.total++;
    if (name) s.attributed.hits++;
    if (name && p.role === gold.claimant.role) s.nameAndRole.hits++;
    if (gold.checkworthy) {
      s.candidates.total++;
      if (name) s.candidates.hits++;
    }
  }
  return s;
}

export const ratio = (r: Ratio) => (r.total === 0 ? 0 : r.hits / r.total);
