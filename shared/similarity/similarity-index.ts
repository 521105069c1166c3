/**
 * An incremental index of claim wordings that finds the claims most like a new wording.
 *
 * Claims are grouped by wording (their sorted canonical words): claims that differ only in
 * figures or negation share a group, whose wording score is computed once per query
 * (`compareWordings`) and then adjusted per claim (`applyClaimDifferences`), so results are
 * exactly what `claimSimilarity` gives for each pair.
 *
 * Candidate groups come from an inverted index (canonical word → groups), read rarest word
 * first and only as far as needed: a group sharing none of the words read so far can reach
 * a word cosine of at most sqrt(Σ weight² of the unread words) / |query| (Cauchy–Schwarz), so
 * once that falls below the cosine the threshold requires, the common words' long lists are
 * never touched. A cheap upper bound then rules out hopeless candidates before exact scoring.
 * Results equal a full scan whenever the threshold is at least 1 − WORD_SHARE (0.3); below
 * it, claims sharing no word with the query (alike only in trigrams) may be missed.
 */
import { claimFeatures, type ClaimFeatures, type WordingFeatures } from './features';
import { claimScore, compareWordings, figuresDiffer, polarityDiffers, DUPLICATE_THRESHOLD, RELATED_THRESHOLD, WORD_SHARE, wordCosine } from './score';

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

interface IndexedClaim {
  text: string;
  features: ClaimFeatures;
}

/** Claims with the same canonical words, by id. */
interface WordingGroup {
  wording: WordingFeatures;
  members: Map<string, ClaimFeatures>;
}

class ClaimSimilarityIndex implements SimilarityIndex {
  private readonly claims = new Map<string, IndexedClaim>();
  private readonly groups = new Map<string, WordingGroup>();
  /** Canonical word → keys of the groups whose wording has it. */
  private readonly byWord = new Map<string, Set<string>>();

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
    const key = features.wording.key;
    let group = this.groups.get(key);
    if (!group) {
      group = { wording: features.wording, members: new Map() };
      this.groups.set(key, group);
      for (const word of features.wording.words.keys()) addPosting(this.byWord, word, key);
    }
    group.members.set(doc.id, features);
  }

  update(doc: SimilarityDoc): void {
    this.add(doc);
  }

  remove(id: string): boolean {
    const entry = this.claims.get(id);
    if (!entry) return false;
    this.claims.delete(id);
    const key = entry.features.wording.key;
    const group = this.groups.get(key)!;
    group.members.delete(id);
    if (group.members.size === 0) {
      this.groups.delete(key);
      for (const word of group.wording.words.keys()) removePosting(this.byWord, word, key);
    }
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
    const best = new TopResults(options.limit ?? DEFAULT_LIMIT);
    if (best.limit <= 0) return [];
    for (const group of this.candidates(query.wording, threshold)) {
      if (upperBound(query.wording, group.wording) < threshold) continue;
      const wordingScore = compareWordings(query.wording, group.wording);
      // Tens of thousands of claims may share a wording: nothing is allocated for those not kept.
      for (const [id, features] of group.members) {
        if (id === options.excludeId) continue;
        const score = claimScore(wordingScore, query, features);
        if (score < threshold || score <= 0 || !best.wouldKeep(score, id)) continue;
        best.add({
          claimId: id,
          score,
          duplicate: score >= DUPLICATE_THRESHOLD,
          figuresDiffer: figuresDiffer(query, features),
          polarityDiffers: polarityDiffers(query, features),
        });
      }
    }
    return best.results;
  }

  /** Groups that may reach `threshold`: those sharing one of the query's rarer words (see the file header). */
  private *candidates(query: WordingFeatures, threshold: number): Generator<WordingGroup> {
    if (query.words.size === 0) {
      // Only figures ("42"): comparable only with wordings that are only figures too.
      const figuresOnly = this.groups.get('');
      if (figuresOnly) yield figuresOnly;
      return;
    }
    const minCosine = (threshold - (1 - WORD_SHARE)) / WORD_SHARE;
    const words = [...query.words].map(([word, weight]) => ({ word, weight, postings: this.byWord.get(word) }));
    words.sort((a, b) => (a.postings?.size ?? 0) - (b.postings?.size ?? 0) || (a.word < b.word ? -1 : 1));
    const seen = new Set<string>();
    let unread = query.norm * query.norm;
    for (const { weight, postings } of words) {
      if (minCosine > 0 && Math.sqrt(Math.max(0, unread)) / query.norm < minCosine) return;
      unread -= weight * weight;
      for (const key of postings ?? []) {
        if (seen.has(key)) continue;
        seen.add(key);
        yield this.groups.get(key)!;
      }
    }
  }
}

/** The best `limit` results, by score then id, kept sorted as they arrive. */
class TopResults {
  readonly results: SimilarClaim[] = [];
  constructor(readonly limit: number) {}

  wouldKeep(score: number, id: string): boolean {
    if (this.results.length < this.limit) return true;
    const last = this.results[this.results.length - 1]!;
    return score > last.score || (score === last.score && id < last.claimId);
  }

  add(result: SimilarClaim): void {
    let at = this.results.length;
    while (at > 0 && ranksBefore(result, this.results[at - 1]!)) at--;
    this.results.splice(at, 0, result);
    if (this.results.length > this.limit) this.results.pop();
  }
}

function ranksBefore(a: SimilarClaim, b: SimilarClaim): boolean {
  return a.score > b.score || (a.score === b.score && a.claimId < b.claimId);
}

/**
 * A cheap ceiling on the wording score: the exact word cosine, and for the trigram Dice the
 * most the shared trigrams could weigh (each side gives at most its own mass, and at most one
 * per trigram of the other side, weights being ≤ 1).
 */
function upperBound(a: WordingFeatures, b: WordingFeatures): number {
  if (a.words.size === 0 && b.words.size === 0) return 1;
  const total = a.trigramMass + b.trigramMass;
  const shared = Math.min(a.trigramMass, b.trigrams.size) + Math.min(b.trigramMass, a.trigrams.size);
  return WORD_SHARE * wordCosine(a, b) + (1 - WORD_SHARE) * (total === 0 ? 0 : Math.min(1, shared / total));
}

function addPosting(map: Map<string, Set<string>>, key: string, value: string): void {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  set.add(value);
}

function removePosting(map: Map<string, Set<string>>, key: string, value: string): void {
  const set = map.get(key);
  if (!set) return;
  set.delete(value);
  if (set.size === 0) map.delete(key);
}
