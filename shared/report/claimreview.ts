/**
 * ClaimReview structured data (schema.org, JSON-LD): one ClaimReview per claim with a
 * verdict, with what Google's fact-check markup requires and recommends — claimReviewed,
 * reviewRating (ratingValue, bestRating, worstRating from the scale; alternateName is the
 * verdict's label), url, author (the organization), datePublished and itemReviewed (the
 * Claim: who made it, when, and where it appeared).
 *
 * - `url` is the published fact-check's own address (the claim's publishedUrl), never the
 *   reviewed article's: the markup describes the page it is on. A rated claim without one is
 *   refused (`ClaimReviewError`), naming the claims and where to set it.
 * - itemReviewed.author is whoever MADE the claim (the claimant; a Person or an
 *   Organization), not the journalist who reported it; left out when nobody is named.
 *   itemReviewed.datePublished is the claim's date, else the article's; `appearance` is the
 *   article's address (with its headline).
 * - datePublished is the day the review was approved (the claim was published), else the
 *   verdict's date.
 * - Levels without a value (Unverifiable, Satire…) keep only alternateName in reviewRating.
 * - Without an organization name there is no author, which the markup requires: the export
 *   is refused with a message saying where to set it.
 */
import { claimantType } from '../domain/claimant';
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
  /** Required by Google; every exported review has one, since claims without it are refused. */
  url: string;
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
  const unpublished = model.claims.filter((claim) => claim.verdict && !claim.publishedUrl);
  if (unpublished.length > 0) throw new ClaimReviewError(noAddressMessage(unpublished));
  return model.claims.flatMap((claim) => (claim.verdict && claim.publishedUrl ? [claimReview(model, claim, claim.verdict, claim.publishedUrl)] : []));
}

/** Names the rated claims without a publication address (three at most) and where to set one. */
export function noAddressMessage(claims: readonly Pick<ReportClaim, 'wording'>[]): string {
  const named = claims.slice(0, 3).map((c) => `“${shorten(c.wording, 60)}”`);
  const more = claims.length > 3 ? ` and ${claims.length - 3} more` : '';
  const which = claims.length === 1 ? `${named[0]} has` : `${named.join(', ')}${more} have`;
  return `ClaimReview needs the address where each fact-check is published: ${which} none. Set its publication address in the claim pane (Publication address), or with updateClaim's publishedUrl; a template in Settings › Publication fills it when a claim is approved.`;
}

function claimReview(model: ReportModel, claim: ReportClaim, verdict: NonNullable<ReportClaim['verdict']>, url: string): ClaimReviewObject {
  const { article } = model;
  const rating: ClaimReviewObject['reviewRating'] = { '@type': 'Rating', alternateName: verdict.label };
  if (verdict.value !== null && model.ratingRange) {
    rating.ratingValue = verdict.value;
    rating.bestRating = model.ratingRange.best;
    rating.worstRating = model.ratingRange.worst;
  }
  const item: ClaimReviewObject['itemReviewed'] = { '@type': 'Claim' };
  if (claim.claimant) item.author = { '@type': claimantType(claim.claimant), name: claim.claimant.name };
  if (claim.claimDate) item.datePublished = claim.claimDate;
  if (article.url) {
    item.appearance = { '@type': 'CreativeWork', url: article.url, headline: article.title };
  }
  const review: ClaimReviewObject = {
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    claimReviewed: shorten(claim.wording, CLAIM_REVIEWED_MAX),
    reviewRating: rating,
    url,
    author: { '@type': 'Organization', name: model.organization },
    // The fact-check is published when its review is approved; a desk that rates without
    // review (or an approval without a date) has only the verdict's date to offer.
    datePublished: claim.approval?.approvedOn ?? verdict.decidedOn,
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
