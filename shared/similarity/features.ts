/**
 * What is kept of a claim wording for comparison: weighted canonical words, weighted
 * character trigrams of those words, its figures and its polarity. Computed once per claim
 * (the index keeps them), compared many times (`score.ts`).
 */
import { DIRECTIONS, GENERIC, REPORTING, UNITS } from './lexicon';
import { canonicalSet, canonicalWord } from './stem';
import { tokenizeClaim } from './tokens';

export interface ClaimFeatures {
  /** Canonical word → weight (repeats count once: this is a set comparison). */
  readonly words: ReadonlyMap<string, number>;
  /** sqrt(Σ weight²), for the cosine. */
  readonly norm: number;
  /** Character trigram of the words → weight of the heaviest word it comes from. */
  readonly trigrams: ReadonlyMap<string, number>;
  /** Σ trigram weights. */
  readonly trigramMass: number;
  readonly figures: ReadonlySet<string>;
  /** An odd number of negations: "did not rise", "never promised". */
  readonly negated: boolean;
  /** +1 if the wording only says up (rise, more), -1 if only down (fall, cut), 0 otherwise. */
  readonly direction: -1 | 0 | 1;
}

const REPORTING_KEYS = canonicalSet(REPORTING);
const GENERIC_KEYS = canonicalSet([...GENERIC, ...UNITS]);
const DIRECTION_KEYS: ReadonlyMap<string, 1 | -1> = new Map(Array.from(DIRECTIONS, ([w, d]) => [canonicalWord(w), d]));

/** Weights: attribution barely counts, common claim words count little, longer words (more specific) count more. */
export const REPORTING_WEIGHT = 0.2;
export const GENERIC_WEIGHT = 0.4;

export function wordWeight(word: string): number {
  if (REPORTING_KEYS.has(word)) return REPORTING_WEIGHT;
  if (GENERIC_KEYS.has(word)) return GENERIC_WEIGHT;
  return Math.min(1, 0.3 + 0.1 * word.length);
}

export function claimFeatures(text: string): ClaimFeatures {
  const tokens = tokenizeClaim(text);
  const words = new Map<string, number>();
  let up = false;
  let down = false;
  for (const word of tokens.words) {
    words.set(word, wordWeight(word));
    const direction = DIRECTION_KEYS.get(word);
    if (direction === 1) up = true;
    else if (direction === -1) down = true;
  }
  let normSquared = 0;
  const trigrams = new Map<string, number>();
  for (const [word, weight] of words) {
    normSquared += weight * weight;
    const padded = ` ${word} `;
    for (let i = 0; i + 3 <= padded.length; i++) {
      const gram = padded.slice(i, i + 3);
      trigrams.set(gram, Math.max(weight, trigrams.get(gram) ?? 0));
    }
  }
  let trigramMass = 0;
  for (const weight of trigrams.values()) trigramMass += weight;
  return {
    words,
    norm: Math.sqrt(normSquared),
    trigrams,
    trigramMass,
    figures: new Set(tokens.figures),
    negated: tokens.negations % 2 === 1,
    direction: up === down ? 0 : up ? 1 : -1,
  };
}
