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
import { claimFeatures, MATCHING_START, type ClaimFeatures, type WordingFeatures } from './features';

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
  return applyClaimDifferences(compareWordings(a.wording, b.wording), a, b);
}

/**
 * The score of two wordings before figures and negation are looked at: the same for every
 * pair of claims with these words, which is what lets the index score a group of claims once.
 */
export function compareWordings(a: WordingFeatures, b: WordingFeatures): number {
  if (a.words.size === 0 || b.words.size === 0) return 0;
  return (WORD_SHARE * wordCosine(a, b) + (1 - WORD_SHARE) * trigramDice(a, b)) * (1 - CONTRAST_PENALTY * contrast(a, b));
}

/** Turns a wording score into the claims' score, with the reasons it was lowered. */
export function applyClaimDifferences(wordingScore: number, a: ClaimFeatures, b: ClaimFeatures): Similarity {
  return { score: claimScore(wordingScore, a, b), figuresDiffer: figuresDiffer(a, b), polarityDiffers: polarityDiffers(a, b) };
}

/** The claims' score from their wording score: figure and polarity differences keep it below the threshold. */
export function claimScore(wordingScore: number, a: ClaimFeatures, b: ClaimFeatures): number {
  let score = wordingScore;
  if (a.wording.words.size === 0 && b.wording.words.size === 0) {
    // Nothing but figures ("42"): alike only if the figures are.
    score = a.figures.size > 0 && b.figures.size > 0 && !figuresDiffer(a, b) ? 1 : 0;
  }
  if (figuresDiffer(a, b) || polarityDiffers(a, b)) score *= DIFFERS_CEILING * DUPLICATE_THRESHOLD;
  return score;
}

/** Both claims have figures and neither's include the other's ("3.5% in 2019" vs "7% in 2019"). */
export function figuresDiffer(a: ClaimFeatures, b: ClaimFeatures): boolean {
  if (a.figures.size === 0 || b.figures.size === 0) return false;
  return !isSubset(a.figures, b.figures) && !isSubset(b.figures, a.figures);
}

/** One is negated and the other not, or one says up and the other down. */
export function polarityDiffers(a: ClaimFeatures, b: ClaimFeatures): boolean {
  return a.negated !== b.negated || a.wording.direction * b.wording.direction === -1;
}

/** Weighted cosine over the word sets. */
export function wordCosine(a: WordingFeatures, b: WordingFeatures): number {
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
export function trigramDice(a: WordingFeatures, b: WordingFeatures): number {
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
export function contrast(a: WordingFeatures, b: WordingFeatures): number {
  return Math.min(unmatchedShare(a, b), unmatchedShare(b, a));
}

/** Share of `a`'s word weight in specific words that `b` has in no form (same key or same first letters). */
function unmatchedShare(a: WordingFeatures, b: WordingFeatures): number {
  let total = 0;
  let unmatched = 0;
  for (const [word, weight] of a.words) {
    total += weight;
    if (weight < SPECIFIC_WEIGHT || b.words.has(word)) continue;
    if (word.length >= MATCHING_START && b.starts.has(word.slice(0, MATCHING_START))) continue;
    unmatched += weight;
  }
  return total === 0 ? 0 : unmatched / total;
}

function isSubset(small: ReadonlySet<string>, large: ReadonlySet<string>): boolean {
  if (small.size > large.size) return false;
  for (const item of small) if (!large.has(item)) return false;
  return true;
}
