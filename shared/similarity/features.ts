/**
 * What is kept of a claim wording for comparison, in two parts: the wording's weighted
 * canonical words and their character trigrams (`WordingFeatures`, shared by every claim
 * with the same words, so the index scores such claims once), and the claim's own figures
 * and negation. Computed once per claim, compared many times (`score.ts`).
 */
import { DIRECTIONS, GENERIC, REPORTING, UNITS } from './lexicon';
import { canonicalSet, canonicalWord } from './stem';
import { tokenizeClaim } from './tokens';

export interface WordingFeatures {
  /** The sorted canonical words: wordings with equal keys have equal features. */
  readonly key: string;
  /** Canonical word → weight (repeats count once: this is a set comparison). */
  readonly words: ReadonlyMap<string, number>;
  /** sqrt(Σ weight²), for the cosine. */
  readonly norm: number;
  /** Character trigram of the words → weight of the heaviest word it comes from. */
  readonly trigrams: ReadonlyMap<string, number>;
  /** Σ trigram weights. */
  readonly trigramMass: number;
  /** First MATCHING_START letters of the longer words, so "unemployment" and "unemployed" meet (`contrast`). */
  readonly starts: ReadonlySet<string>;
  /** +1 if the wording only says up (rise, more), -1 if only down (fall, cut), 0 otherwise. */
  readonly direction: -1 | 0 | 1;
}

export interface ClaimFeatures {
  readonly wording: WordingFeatures;
  /** Canonical figures ("4.5", "48000000", "month:3"). */
  readonly figures: ReadonlySet<string>;
  /** An odd number of negations: "did not rise", "never promised". */
  readonly negated: boolean;
}

const REPORTING_KEYS = canonicalSet(REPORTING);
const GENERIC_KEYS = canonicalSet([...GENERIC, ...UNITS]);
const DIRECTION_KEYS: ReadonlyMap<string, 1 | -1> = new Map(Array.from(DIRECTIONS, ([w, d]) => [canonicalWord(w), d]));

/** Weights: attribution barely counts, common claim words count little, longer words (more specific) count more. */
export const REPORTING_WEIGHT = 0.2;
export const GENERIC_WEIGHT = 0.4;
/** Words sharing this many first letters are one word for `contrast`. */
export const MATCHING_START = 5;

export function wordWeight(word: string): number {
  if (REPORTING_KEYS.has(word)) return REPORTING_WEIGHT;
  if (GENERIC_KEYS.has(word)) return GENERIC_WEIGHT;
  return Math.min(1, 0.3 + 0.1 * word.length);
}

export function claimFeatures(text: string): ClaimFeatures {
  const tokens = tokenizeClaim(text);
  return {
    wording: wordingFeatures(tokens.words),
    figures: new Set(tokens.figures),
    negated: tokens.negations % 2 === 1,
  };
}

/** Features of a list of canonical words (order and repeats do not matter). */
export function wordingFeatures(canonicalWords: readonly string[]): WordingFeatures {
  const sorted = [...new Set(canonicalWords)].sort();
  const words = new Map<string, number>();
  const trigrams = new Map<string, number>();
  const starts = new Set<string>();
  let normSquared = 0;
  let up = false;
  let down = false;
  for (const word of sorted) {
    const weight = wordWeight(word);
    words.set(word, weight);
    normSquared += weight * weight;
    if (word.length >= MATCHING_START) starts.add(word.slice(0, MATCHING_START));
    const direction = DIRECTION_KEYS.get(word);
    if (direction === 1) up = true;
    else if (direction === -1) down = true;
    const padded = ` ${word} `;
    for (let i = 0; i + 3 <= padded.length; i++) {
      const gram = padded.slice(i, i + 3);
      trigrams.set(gram, Math.max(weight, trigrams.get(gram) ?? 0));
    }
  }
  let trigramMass = 0;
  for (const weight of trigrams.values()) trigramMass += weight;
  return {
    key: sorted.join(' '),
    words,
    norm: Math.sqrt(normSquared),
    trigrams,
    trigramMass,
    starts,
    direction: up === down ? 0 : up ? 1 : -1,
  };
}
