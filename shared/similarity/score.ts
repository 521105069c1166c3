/**
 * How alike two claim wordings are, 0..1, and whether they are duplicates.
 *
 * score = WORD_SHARE × weighted cosine of the canonical words
 *       + (1 − WORD_SHARE) × weighted Dice of their character trigrams
 *
 * The cosine carries meaning (stems, synonyms, weights); the trigrams forgive what the
 * stemmer misses ("unemployment" / "unemployed"). Figures are not words: two wordings whose
 * figures disagree ("fell to 3.5%" / "fell to 7%"), or that say opposite things ("rose" /
 * "did not rise", "rose" / "fell"), are the same topic but not the same claim, so their score
 * is scaled into [0, DIFFERS_CEILING × DUPLICATE_THRESHOLD): still related, never duplicates.
 */
import { claimFeatures, type ClaimFeatures } from './features';

/**
 * At or above this, a claim is suggested as a "possible duplicate". Chosen on the labelled
 * pairs in `pairs.test.ts`: every duplicate pair scores above it and every other pair below.
 */
export const DUPLICATE_THRESHOLD = 0.6;
/** At or above this, a claim is "related" (same topic, maybe other figures); the index's default cut-off. */
export const RELATED_THRESHOLD = 0.4;
/** Share of the score that comes from words; the rest comes from trigrams. */
export const WORD_SHARE = 0.7;
/** A pair whose figures or polarity differ scores at most this fraction of the duplicate threshold. */
export const DIFFERS_CEILING = 0.9;
/** How hard a two-sided difference in specific words (see `contrast`) pulls the score down. */
export const CONTRAST_PENALTY = 1;
/** Words at or above this weight are specific (not generic, not attribution). */
const SPECIFIC_WEIGHT = 0.5;
/** Words sharing this many first letters count as one word for `contrast` ("unemployment"/"unemployed"). */
const MATCHING_START = 5;

export interface Similarity {
  /** 0..1; duplicates score at or above DUPLICATE_THRESHOLD. */
  score: number;
  /** Both wordings have figures and neither's figures include the other's: "3.5%" vs "7%". */
  figuresDiffer: boolean;
  /** One is negated and the other is not, or one says up and the other down. */
  polarityDiffers: boolean;
}

export function claimSimilarity(a: string, b: string): Similarity {
  return compareFeatures(claimFeatures(a), claimFeatures(b));
}

export function isDuplicate(similarity: Similarity): boolean {
  return similarity.score >= DUPLICATE_THRESHOLD;
}

export function compareFeatures(a: ClaimFeatures, b: ClaimFeatures): Similarity {
  const figuresDiffer = figureSetsDiffer(a.figures, b.figures);
  const polarityDiffers = a.negated !== b.negated || a.direction * b.direction === -1;
  let score: number;
  if (a.words.size === 0 && b.words.size === 0) {
    // Nothing but figures ("42%"): alike only if the figures are.
    score = a.figures.size > 0 && b.figures.size > 0 && !figuresDiffer ? 1 : 0;
  } else {
    score = WORD_SHARE * wordCosine(a, b) + (1 - WORD_SHARE) * trigramDice(a, b);
    score *= 1 - CONTRAST_PENALTY * contrast(a, b);
  }
  if (figuresDiffer || polarityDiffers) score *= DIFFERS_CEILING * DUPLICATE_THRESHOLD;
  return { score, figuresDiffer, polarityDiffers };
}

/** Weighted cosine over the word sets. */
export function wordCosine(a: ClaimFeatures, b: ClaimFeatures): number {
  if (a.norm === 0 || b.norm === 0) return 0;
  const [small, large] = a.words.size <= b.words.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [word, weight] of small.words) {
    const other = large.words.get(word);
    if (other !== undefined) dot += weight * other;
  }
  return dot / (a.norm * b.norm);
}

/** Weighted Dice over the trigram sets: Σ shared weights on both sides / Σ all weights. */
export function trigramDice(a: ClaimFeatures, b: ClaimFeatures): number {
  const total = a.trigramMass + b.trigramMass;
  if (total === 0) return 0;
  const [small, large] = a.trigrams.size <= b.trigrams.size ? [a, b] : [b, a];
  let shared = 0;
  for (const [gram, weight] of small.trigrams) {
    const other = large.trigrams.get(gram);
    if (other !== undefined) shared += weight + other;
  }
  return shared / total;
}

/**
 * How much specific content each side has that the other lacks, the smaller of the two
 * shares (0..1). One-sided extra detail ("..., officials said", "by 2028") is not a contrast;
 * "three new schools" / "three new parks" is: the same frame with another subject.
 */
export function contrast(a: ClaimFeatures, b: ClaimFeatures): number {
  return Math.min(unmatchedShare(a, b), unmatchedShare(b, a));
}

/** Share of `a`'s word weight in specific words that `b` has in no form (same key or same 5-letter start). */
function unmatchedShare(a: ClaimFeatures, b: ClaimFeatures): number {
  let total = 0;
  let unmatched = 0;
  for (const [word, weight] of a.words) {
    total += weight;
    if (weight >= SPECIFIC_WEIGHT && !b.words.has(word) && !sharesStart(word, b)) unmatched += weight;
  }
  return total === 0 ? 0 : unmatched / total;
}

function sharesStart(word: string, other: ClaimFeatures): boolean {
  if (word.length < MATCHING_START) return false;
  const start = word.slice(0, MATCHING_START);
  for (const candidate of other.words.keys()) if (candidate.startsWith(start)) return true;
  return false;
}

/** Figures differ when both claims have some and neither set contains the other ("3.5% in 2019" vs "7% in 2019"). */
function figureSetsDiffer(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size === 0 || b.size === 0) return false;
  return !isSubset(a, b) && !isSubset(b, a);
}

function isSubset(small: ReadonlySet<string>, large: ReadonlySet<string>): boolean {
  if (small.size > large.size) return false;
  for (const item of small) if (!large.has(item)) return false;
  return true;
}
