/**
 * Full-text search over every article and claim of the workspace, ranked, for the search
 * box: MiniSearch (BM25) over one document per entity (`documents.ts`), with prefix matching
 * so results come while typing ("unemp") and fuzzy matching for typos ("unemploymnet").
 * Kept in sync incrementally: `upsertArticle`/`upsertClaim`/`remove` for single edits, or
 * `sync(workspace)` after any change, which re-indexes only the entities whose object changed
 * (the store replaces an entity's object when it edits it).
 */
import MiniSearch, { type SearchResult } from 'minisearch';
import type { Article, Claim, Settings, Workspace } from '../../../shared/domain/schemas';
import {
  articleDocument, claimDocument, documentKey, FIELD_BOOSTS, ratingLabels, SEARCH_FIELDS, type SearchDocument, type SearchField,
  type SearchKind,
} from './documents';
import { snippetAround } from './snippet';

export interface SearchHit {
  kind: SearchKind;
  /** The article's or the claim's id. */
  id: string;
  /** The article itself, or the claim's article: where to navigate. */
  articleId: string;
  /** Relevance, higher is better; only meaningful within one result list. */
  score: number;
  /** The field the snippet was taken from. */
  field: SearchField;
  /** Plain text around the first match (escape it before display). */
  snippet: string;
  /** The indexed words that matched in `field`, after prefix and fuzzy expansion: pass them to `matchRanges` to highlight. */
  terms: string[];
}

export interface SearchOptions {
  /** Only these kinds. Default: both. */
  kinds?: readonly SearchKind[];
  /** At most this many hits, best first. Default 50. */
  limit?: number;
}

/** What the index reads from the workspace; the rating scale gives verdict labels ("Mostly false"). */
export type SearchableWorkspace = Pick<Workspace, 'articles' | 'claims'> & { settings?: Pick<Settings, 'ratingScale'> };

export interface SearchIndex {
  search(query: string, options?: SearchOptions): SearchHit[];
  upsertArticle(article: Article): void;
  upsertClaim(claim: Claim): void;
  /** False if it was not indexed. Removing an article does not remove its claims (the store deletes them, and `sync` follows). */
  remove(kind: SearchKind, id: string): boolean;
  /** Brings the index in line with `workspace`: adds, re-indexes changed objects, removes what is gone. */
  sync(workspace: SearchableWorkspace): void;
  has(kind: SearchKind, id: string): boolean;
  /** Indexed articles + claims. */
  readonly size: number;
}

export const DEFAULT_SEARCH_LIMIT = 50;

/** Builds the index for a whole workspace (about half a second for 200 articles and 10,000 claims). */
export function buildSearchIndex(workspace: SearchableWorkspace): SearchIndex {
  const index = new WorkspaceSearchIndex();
  index.sync(workspace);
  return index;
}

/** Hits split by kind, each list keeping its order. */
export function groupHits(hits: readonly SearchHit[]): { articles: SearchHit[]; claims: SearchHit[] } {
  return { articles: hits.filter((h) => h.kind === 'article'), claims: hits.filter((h) => h.kind === 'claim') };
}

/** The field a snippet is taken from when several matched: the most telling first. */
const SNIPPET_ORDER: Record<SearchKind, readonly SearchField[]> = {
  claim: ['wording', 'quote', 'claimant', 'verdict', 'tags', 'assignee'],
  article: ['text', 'title', 'outlet', 'author'],
};

/** Prefix matching from the second letter typed; typo tolerance only for words long enough to have typos. */
const PREFIX_MIN_LENGTH = 2;
const FUZZY_MIN_LENGTH = 5;

class WorkspaceSearchIndex implements SearchIndex {
  private readonly documents = new Map<string, SearchDocument>();
  /** The entity object each document was built from, by id, so `sync` can skip what did not change. */
  private readonly articles = new Map<string, Article>();
  private readonly claims = new Map<string, Claim>();
  private ratingScale: Settings['ratingScale'] | undefined;
  private ratingLabel = ratingLabels(undefined);
  private readonly mini = new MiniSearch<SearchDocument>({
    idField: 'key',
    fields: [...SEARCH_FIELDS],
    extractField: (doc, field) => (field === 'key' ? doc.key : (doc.fields[field as SearchField] ?? '')),
    searchOptions: {
      boost: FIELD_BOOSTS,
      prefix: (term) => term.length >= PREFIX_MIN_LENGTH,
      fuzzy: (term) => (term.length >= FUZZY_MIN_LENGTH ? 0.2 : false),
      maxFuzzy: 2,
    },
  });

  get size(): number {
    return this.documents.size;
  }

  has(kind: SearchKind, id: string): boolean {
    return this.documents.has(documentKey(kind, id));
  }

  upsertArticle(article: Article): void {
    this.put(articleDocument(article));
    this.articles.set(article.id, article);
  }

  upsertClaim(claim: Claim): void {
    this.put(claimDocument(claim, this.ratingLabel));
    this.claims.set(claim.id, claim);
  }

  remove(kind: SearchKind, id: string): boolean {
    const key = documentKey(kind, id);
    if (!this.documents.has(key)) return false;
    this.mini.discard(key);
    this.documents.delete(key);
    (kind === 'article' ? this.articles : this.claims).delete(id);
    return true;
  }

  sync(workspace: SearchableWorkspace): void {
    const scale = workspace.settings?.ratingScale;
    const scaleChanged = scale !== undefined && scale !== this.ratingScale;
    if (scaleChanged) {
      this.ratingScale = scale;
      this.ratingLabel = ratingLabels(scale);
    }
    // Runs after every store change: one map lookup per entity, nothing allocated unless something changed.
    for (const article of workspace.articles) if (this.articles.get(article.id) !== article) this.upsertArticle(article);
    for (const claim of workspace.claims) {
      // New labels change the text of every verdict.
      if (this.claims.get(claim.id) !== claim || (scaleChanged && claim.verdict)) this.upsertClaim(claim);
    }
    // Everything in the workspace is now indexed, so anything more was deleted from it.
    if (this.articles.size > workspace.articles.length) this.removeMissing('article', this.articles, workspace.articles);
    if (this.claims.size > workspace.claims.length) this.removeMissing('claim', this.claims, workspace.claims);
  }

  search(query: string, options: SearchOptions = {}): SearchHit[] {
    if (query.trim() === '') return [];
    const limit = options.limit ?? DEFAULT_SEARCH_LIMIT;
    const kinds = options.kinds;
    const filter = kinds ? (result: SearchResult) => kinds.includes(this.documents.get(result.id)!.kind) : undefined;
    // Every word must match; if none does, any word may (a partly mistyped query still finds something).
    let results = this.mini.search(query, { combineWith: 'AND', filter });
    if (results.length === 0) results = this.mini.search(query, { combineWith: 'OR', filter });
    return results.slice(0, Math.max(0, limit)).map((result) => this.hit(result));
  }

  private removeMissing(kind: SearchKind, indexed: ReadonlyMap<string, unknown>, present: readonly { id: string }[]): void {
    const ids = new Set(present.map((entity) => entity.id));
    for (const id of [...indexed.keys()]) if (!ids.has(id)) this.remove(kind, id);
  }

  private put(doc: SearchDocument): void {
    if (this.documents.has(doc.key)) this.mini.discard(doc.key);
    this.mini.add(doc);
    this.documents.set(doc.key, doc);
  }

  private hit(result: SearchResult): SearchHit {
    const doc = this.documents.get(result.id)!;
    const matchedFields = new Set(Object.values(result.match).flat());
    const field = SNIPPET_ORDER[doc.kind].find((f) => matchedFields.has(f)) ?? SNIPPET_ORDER[doc.kind][0]!;
    const terms = Object.entries(result.match).filter(([, fields]) => fields.includes(field)).map(([term]) => term);
    return {
      kind: doc.kind,
      id: doc.id,
      articleId: doc.articleId,
      score: result.score,
      field,
      snippet: snippetAround(doc.fields[field] ?? '', terms),
      terms,
    };
  }
}
