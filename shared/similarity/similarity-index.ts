/**
 * An incremental index of claim wordings that finds the claims most like a new wording.
 *
 * Candidates come from an inverted index (canonical word → claims), read rarest word first,
 * and only as far as needed: a claim that shares none of the words read so far can reach a
 * word cosine of at most sqrt(Σ weight² of the unread words) / |query| (Cauchy–Schwarz), so
 * once that bound falls below the cosine the threshold requires, the common words' long
 * lists are never touched. Each candidate is then scored exactly (`score.ts`), after a cheap
 * upper bound has ruled out the hopeless ones. Results are exactly those a full scan would
 * return whenever the threshold is at least 1 − WORD_SHARE (0.3); below it, claims sharing
 * no word with the query (alike only in trigrams) may be missed.
 */
import { claimFeatures, type ClaimFeatures } from './features';
import { compareFeatures, DUPLICATE_THRESHOLD, RELATED_THRESHOLD, WORD_SHARE, wordCosine } from './score';

/** The part of a claim the index reads: `Claim` fits as it is. */
export interface SimilarityDoc {
  id: string;
  text: string;
}

export interface SimilarClaim {
  claimId: string;
  /** 0..1, see `score.ts`. */
  score: number;
  /** score ≥ DUPLICATE_THRESHOLD: suggest "possible duplicate of …". */
  duplicate: boolean;
  /** Same claim with other figures ("3.5%" vs "7%"): related, never a duplicate. */
  figuresDiffer: boolean;
  /** One is negated or says the opposite direction: related, never a duplicate. */
  polarityDiffers: boolean;
}

export interface FindSimilarOptions {
  /** Leave this claim out (the claim being edited). */
  excludeId?: string;
  /** At most this many results, best first. Default 5. */
  limit?: number;
  /** Only results scoring at least this. Default RELATED_THRESHOLD, so related claims with other figures show too. */
  threshold?: number;
}

export interface SimilarityIndex {
  /** Adds a claim, or replaces the one with the same id. */
  add(doc: SimilarityDoc): void;
  /** Same as `add`: re-reads the wording of a claim that changed. */
  update(doc: SimilarityDoc): void;
  /** Removes a claim; false if it was not there. */
  remove(id: string): boolean;
  has(id: string): boolean;
  readonly size: number;
  /** The claims most like `text`, best first (ties by id, so results are stable). */
  findSimilar(text: string, options?: FindSimilarOptions): SimilarClaim[];
  /** The claims most like an indexed claim, itself excluded; [] if it is not indexed. */
  findSimilarTo(id: string, options?: Omit<FindSimilarOptions, 'excludeId'>): SimilarClaim[];
}

export function createSimilarityIndex(docs: Iterable<SimilarityDoc> = []): SimilarityIndex {
  const index = new ClaimSimilarityIndex();
  for (const doc of docs) index.add(doc);
  return index;
}

const DEFAULT_LIMIT = 5;

class ClaimSimilarityIndex implements SimilarityIndex {
  private readonly claims = new Map<string, { text: string; features: ClaimFeatures }>();
  private readonly byWord = new Map<string, Set<string>>();
  /** For wordings that are only figures ("42%"), which share no word with anything. */
  private readonly byFigure = new Map<string, Set<string>>();

  get size(): number {
    return this.claims.size;
  }

  has(id: string): boolean {
    return this.claims.has(id);
  }

  add(doc: SimilarityDoc): void {
    const existing = this.claims.get(doc.id);
    if (existing?.text === doc.text) return;
    if (existing) this.remove(doc.id);
    const features = claimFeatures(doc.text);
    this.claims.set(doc.id, { text: doc.text, features });
    for (const word of features.words.keys()) addPosting(this.byWord, word, doc.id);
    if (features.words.size === 0) for (const figure of features.figures) addPosting(this.byFigure, figure, doc.id);
  }

  update(doc: SimilarityDoc): void {
    this.add(doc);
  }

  remove(id: string): boolean {
    const entry = this.claims.get(id);
    if (!entry) return false;
    this.claims.delete(id);
    for (const word of entry.features.words.keys()) removePosting(this.byWord, word, id);
    for (const figure of entry.features.figures) removePosting(this.byFigure, figure, id);
    return true;
  }

  findSimilarTo(id: string, options: Omit<FindSimilarOptions, 'excludeId'> = {}): SimilarClaim[] {
    const entry = this.claims.get(id);
    return entry ? this.search(entry.features, { ...options, excludeId: id }) : [];
  }

  findSimilar(text: string, options: FindSimilarOptions = {}): SimilarClaim[] {
    return this.search(claimFeatures(text), options);
  }

  private search(query: ClaimFeatures, options: FindSimilarOptions): SimilarClaim[] {
    const threshold = options.threshold ?? RELATED_THRESHOLD;
    const limit = options.limit ?? DEFAULT_LIMIT;
    if (limit <= 0) return [];
    const results: SimilarClaim[] = [];
    for (const id of this.candidates(query, threshold)) {
      if (id === options.excludeId) continue;
      const features = this.claims.get(id)!.features;
      if (upperBound(query, features) < threshold) continue;
      const { score, figuresDiffer, polarityDiffers } = compareFeatures(query, features);
      if (score >= threshold && score > 0) {
        results.push({ claimId: id, score, duplicate: score >= DUPLICATE_THRESHOLD, figuresDiffer, polarityDiffers });
      }
    }
    results.sort((a, b) => b.score - a.score || (a.claimId < b.claimId ? -1 : a.claimId > b.claimId ? 1 : 0));
    return results.slice(0, limit);
  }

  /** Claims that may reach `threshold`: those sharing one of the query's rarer words (see the file header). */
  private candidates(query: ClaimFeatures, threshold: number): Set<string> {
    const found = new Set<string>();
    if (query.words.size === 0) {
      for (const figure of query.figures) for (const id of this.byFigure.get(figure) ?? []) found.add(id);
      return found;
    }
    const minCosine = (threshold - (1 - WORD_SHARE)) / WORD_SHARE;
    const words = [...query.words].map(([word, weight]) => ({ word, weight, postings: this.byWord.get(word) }));
    words.sort((a, b) => (a.postings?.size ?? 0) - (b.postings?.size ?? 0) || (a.word < b.word ? -1 : 1));
    let unread = query.norm * query.norm;
    for (const { weight, postings } of words) {
      if (minCosine > 0 && Math.sqrt(Math.max(0, unread)) / query.norm < minCosine) break;
      unread -= weight * weight;
      for (const id of postings ?? []) found.add(id);
    }
    return found;
  }
}

/**
 * A cheap ceiling on the score: the exact word cosine, and for the trigram Dice the most the
 * shared trigrams could weigh (each side gives at most its own mass, and at most one per
 * trigram of the other side, weights being ≤ 1).
 */
function upperBound(a: ClaimFeatures, b: ClaimFeatures): number {
  if (a.words.size === 0 && b.words.size === 0) return 1;
  const total = a.trigramMass + b.trigramMass;
  const shared = Math.min(a.trigramMass, b.trigrams.size) + Math.min(b.trigramMass, a.trigrams.size);
  return WORD_SHARE * wordCosine(a, b) + (1 - WORD_SHARE) * (total === 0 ? 0 : Math.min(1, shared / total));
}

function addPosting(map: Map<string, Set<string>>, key: string, id: string): void {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  set.add(id);
}

function removePosting(map: Map<string, Set<string>>, key: string, id: string): void {
  const set = map.get(key);
  if (!set) return;
  set.delete(id);
  if (set.size === 0) map.delete(key);
}
