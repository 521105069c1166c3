/**
 * ClaimReview structured data (schema.org, JSON-LD): one ClaimReview per claim with a
 * verdict, with what Google's fact-check markup requires and recommends — claimReviewed,
 * reviewRating (ratingValue, bestRating, worstRating from the scale; alternateName is the
 * verdict's label), url, author (the organization), datePublished (the verdict's date) and
 * itemReviewed (the Claim: who made it, when, and where it appeared).
 *
 * - `url` (the fact-check's address) and the claim's `appearance` are the article's
 *   address; both are left out when the article has none.
 * - Levels without a value (Unverifiable, Satire…) keep only alternateName in reviewRating.
 * - Without an organization name there is no author, which the markup requires: the export
 *   is refused (`ClaimReviewError`) with a message saying where to set it.
 */
import type { ReportClaim, ReportModel } from './model';

export const CLAIM_REVIEWED_MAX = 75;

export class ClaimReviewError extends Error {}

export const NO_ORGANIZATION_MESSAGE =
  'ClaimReview needs the name of the organization publishing the fact-check: set it in Settings (organization name) or type it in the export options.';

export interface ClaimReviewObject {
  '@context': 'https://schema.org';
  '@type': 'ClaimReview';
  claimReviewed: string;
  reviewRating: {
    '@type': 'Rating';
    ratingValue?: number;
    bestRating?: number;
    worstRating?: number;
    alternateName: string;
  };
  url?: string;
  author: { '@type': 'Organization'; name: string };
  datePublished: string;
  reviewBody?: string;
  itemReviewed: {
    '@type': 'Claim';
    author?: { '@type': 'Person' | 'Organization'; name: string };
    datePublished?: string;
    appearance?: { '@type': 'CreativeWork'; url: string; headline?: string };
    firstAppearance?: { '@type': 'CreativeWork'; url: string };
  };
}

/** The ClaimReview objects of the report's claims that have a verdict, in report order. */
export function buildClaimReviews(model: ReportModel): ClaimReviewObject[] {
  if (!model.organization) throw new ClaimReviewError(NO_ORGANIZATION_MESSAGE);
  return model.claims.flatMap((claim) => (claim.verdict ? [claimReview(model, claim, claim.verdict)] : []));
}

function claimReview(model: ReportModel, claim: ReportClaim, verdict: NonNullable<ReportClaim['verdict']>): ClaimReviewObject {
  const { article } = model;
  const rating: ClaimReviewObject['reviewRating'] = { '@type': 'Rating', alternateName: verdict.label };
  if (verdict.value !== null && model.ratingRange) {
    rating.ratingValue = verdict.value;
    rating.bestRating = model.ratingRange.best;
    rating.worstRating = model.ratingRange.worst;
  }
  const item: ClaimReviewObject['itemReviewed'] = { '@type': 'Claim' };
  // Who made the claim: the article's author, else the outlet that published it.
  if (article.author) item.author = { '@type': 'Person', name: article.author };
  else if (article.outlet) item.author = { '@type': 'Organization', name: article.outlet };
  if (article.publishedDate) item.datePublished = article.publishedDate;
  if (article.url) {
    item.appearance = { '@type': 'CreativeWork', url: article.url, headline: article.title };
  }
  const review: ClaimReviewObject = {
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    claimReviewed: shorten(claim.wording, CLAIM_REVIEWED_MAX),
    reviewRating: rating,
    ...(article.url ? { url: article.url } : {}),
    author: { '@type': 'Organization', name: model.organization },
    datePublished: verdict.decidedOn,
    ...(verdict.conclusion ? { reviewBody: verdict.conclusion } : {}),
    itemReviewed: item,
  };
  return review;
}

/**
 * At most `max` characters: whitespace collapsed; a longer text is cut at the last word
 * boundary that leaves room for "…" (or mid-word when the first word alone is too long).
 */
export function shorten(text: string, max: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  const chars = [...clean];
  if (chars.length <= max) return clean;
  const head = chars.slice(0, max - 1).join('');
  const space = head.lastIndexOf(' ');
  const cut = space >= Math.floor(max / 2) ? head.slice(0, space) : head;
  return `${cut.replace(/[\s,;:.\-–—]+$/u, '')}…`;
}
