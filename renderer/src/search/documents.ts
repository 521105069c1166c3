/**
 * What the search index holds for each article and claim: one flat document per entity,
 * with the fields MiniSearch indexes. Articles and claims share one index (so one query ranks
 * both), their ids prefixed by kind so they can never collide.
 */
import type { Article, Claim, RatingLevel } from '../../../shared/domain/schemas';
import { describeClaimant } from '../../../shared/domain/claimant';

export type SearchKind = 'article' | 'claim';

/** Every indexed field; an article fills the first four, a claim the rest. */
export const SEARCH_FIELDS = ['title', 'outlet', 'author', 'text', 'wording', 'quote', 'tags', 'assignee', 'claimant', 'verdict'] as const;
export type SearchField = (typeof SEARCH_FIELDS)[number];

/**
 * Field boosts: what an editor types is usually a headline or a claim's wording, so those
 * rank first; tags and the claimant's name are chosen words; long article text matches are the
 * weakest evidence.
 */
export const FIELD_BOOSTS: Readonly<Record<SearchField, number>> = {
  title: 3,
  wording: 3,
  tags: 2,
  outlet: 1.5,
  author: 1.5,
  assignee: 1.5,
  claimant: 2,
  quote: 1.2,
  verdict: 1,
  text: 1,
};

/**
 * Only the start of a very long article is indexed: a pasted book-length page would
 * otherwise slow every search and every edit. Real articles (2–20 kB) are indexed whole.
 */
export const MAX_INDEXED_ARTICLE_TEXT = 100_000;

export interface SearchDocument {
  /** `article:<id>` or `claim:<id>`. */
  key: string;
  kind: SearchKind;
  id: string;
  /** The article itself, or the claim's article. */
  articleId: string;
  fields: Partial<Record<SearchField, string>>;
}

export const documentKey = (kind: SearchKind, id: string) => `${kind}:${id}`;

export function articleDocument(article: Article): SearchDocument {
  return {
    key: documentKey('article', article.id),
    kind: 'article',
    id: article.id,
    articleId: article.id,
    fields: {
      title: article.title,
      outlet: article.outlet,
      author: article.author,
      text: article.text.length > MAX_INDEXED_ARTICLE_TEXT ? article.text.slice(0, MAX_INDEXED_ARTICLE_TEXT) : article.text,
    },
  };
}

/** `ratingLabel` turns a verdict's rating id into its label, so "mostly false" finds claims rated so. */
export function claimDocument(claim: Claim, ratingLabel: (ratingId: string) => string | undefined): SearchDocument {
  const verdict = claim.verdict;
  return {
    key: documentKey('claim', claim.id),
    kind: 'claim',
    id: claim.id,
    articleId: claim.articleId,
    fields: {
      wording: claim.text,
      // The quote is usually the wording's source sentence; indexed only when the editor reworded it.
      quote: claim.quote.exact.trim() === claim.text.trim() ? '' : claim.quote.exact,
      tags: claim.tags.join(' '),
      assignee: claim.assignee ?? '',
      // "Aleksei Voronin, deputy foreign minister": a search for the speaker or the office finds the claim.
      claimant: describeClaimant(claim.claimant) ?? '',
      verdict: verdict ? [ratingLabel(verdict.ratingId) ?? '', verdict.conclusion, verdict.rationale].join('\n') : '',
    },
  };
}

export function ratingLabels(scale: readonly RatingLevel[] | undefined): (ratingId: string) => string | undefined {
  const labels = new Map((scale ?? []).map((r) => [r.id, r.label]));
  return (ratingId) => labels.get(ratingId);
}
