/**
 * Claims as every domain handles them, so each rule is decided in one place: finding them,
 * the rules on changing them (a published claim is locked; some statuses are reached only
 * through review), building a new claim, editing one as a single labelled change, removing
 * claims.
 */
import { ApiError } from '../../../../shared/api/result';
import type { Article, Claim, Claimant, ClaimStatus, Settings, Span, Workspace } from '../../../../shared/domain/schemas';
import { quoted, readyRefusal } from '../../../../shared/domain/rules';
import { scoreSentence } from '../../../../shared/checkworthiness/score';
import { quoteAt, QuoteRangeError } from '../../../../shared/domain/quote';
import { newClaim as newClaimOf } from '../../../../shared/domain/new-claim';
import { articleClaimants, claimantAt } from '../../../../shared/extract/claimant-at';
import { claimantLibrary, claimantResolver } from '../../../../shared/domain/claimant-library';
import type { WorkspaceStore } from '../store-interface';
import { listIds } from '../lookup';
import { plural, snapshot } from './common';
import { findAllById, findById } from '../collection-draft';

/** The claim schema's limits on wording and tags, checked here where a handler builds them (merge, split, bulk tags). */
export const MAX_WORDING = 2_000;
export const MAX_TAGS = 50;

/** A claim's wording from its quote: whitespace collapsed, at most 2,000 characters. */
export function wordingOf(exact: string): string {
  return exact.replace(/\s+/g, ' ').trim().slice(0, MAX_WORDING).trim();
}

/** Adds a new claim for each of `spans` of the article, in order (see newClaim). */
export function addClaims(ws: Workspace, article: Article, spans: readonly Span[], store: WorkspaceStore): Claim[] {
  const claimants = articleClaimants(article.text);
  const resolve = resolverOf(ws);
  return spans.map((span) => {
    // Pushed one by one, so a span given twice is refused like an existing claim.
    const claim = newClaim(ws, article, span, store, undefined, claimants, resolve);
    ws.claims.push(claim);
    return claim;
  });
}

/** Names a suggested speaker as the workspace does: its stored claimants and aliases first, then the names on its claims. */
function resolverOf(ws: Workspace): (suggested: Claimant | null) => Claimant | null {
  return claimantResolver(claimantLibrary(ws.claims), ws.settings.claimants);
}

/**
 * A new claim quoting `span` of the article, scored, with the claimant the engine finds for
 * the sentence it starts in as a suggestion, named as the workspace already names that
 * speaker ("Lavrov" → "Sergey Lavrov", or a stored alias's claimant); refuses bad ranges and
 * passages that already are claims. `claimants` and `resolve` save working them out again for every span.
 */
export function newClaim(
  ws: Workspace,
  article: Article,
  span: Span,
  store: WorkspaceStore,
  text?: string,
  claimants = articleClaimants(article.text),
  resolve = resolverOf(ws),
): Claim {
  let quote;
  try {
    quote = quoteAt(article.text, span.start, span.end);
  } catch (error) {
    if (error instanceof QuoteRangeError) throw new ApiError('invalid_input', `Cannot create the claim: ${error.message}.`);
    throw error;
  }
  const twin = ws.claims.find(
    (c) => c.articleId === article.id && c.anchor !== 'orphaned' && c.quote.start === span.start && c.quote.end === span.end,
  );
  if (twin) throw new ApiError('conflict', `This passage is already a claim: "${twin.text.slice(0, 80)}".`);
  return newClaimOf({
    id: store.newId(),
    articleId: article.id,
    text: text ?? wordingOf(quote.exact),
    quote,
    score: scoreSentence(quote.exact).score,
    createdAt: store.timestamp(),
    suggestedClaimant: resolve(claimantAt(claimants, span.start)),
  });
}

export function editClaim(
  store: WorkspaceStore,
  id: string,
  edit: (claim: Claim, ws: Workspace) => void,
  label: string,
  coalesce?: string,
  /** Publication metadata (the fact-check's address) changes on a published claim too: audited, not a reopening. */
  evenIfPublished = false,
): Promise<Claim> {
  return store.update(
    label,
    (ws) => {
      const claim = evenIfPublished ? findClaim(ws, id) : findEditableClaim(ws, id);
      edit(claim, ws);
      claim.updatedAt = store.timestamp();
      return claim;
    },
    { coalesce },
  );
}

export function findClaim(ws: Workspace, id: string): Claim {
  const claim = findById(ws.claims, id);
  if (!claim) throw new ApiError('not_found', `There is no claim with id ${id}; it may have been deleted.`);
  return claim;
}

/** The (draft) claims with these ids, or not_found naming the missing ones: all or none. */
export function findClaims(ws: Workspace, ids: readonly string[]): Claim[] {
  const found = findAllById(ws.claims, ids);
  const missing = ids.filter((_, i) => !found[i]);
  if (missing.length > 0) {
    throw new ApiError('not_found', `There is no claim with id ${listIds(missing)} (it may have been deleted); nothing was changed.`);
  }
  return found as Claim[];
}

/** What every change of a published claim is refused with. */
export const LOCKED_MESSAGE = 'This claim is published. Reopen it for correction first.';

/** Published claims are locked: editing one starts with "Reopen for correction". */
export function assertEditable(claim: Claim): void {
  if (claim.status === 'published') throw new ApiError('forbidden', LOCKED_MESSAGE);
}

export function findEditableClaim(ws: Workspace, id: string): Claim {
  const claim = findClaim(ws, id);
  assertEditable(claim);
  return claim;
}

/** Bulk changes are all or none: one published claim among them refuses the lot. */
export function assertAllEditable(claims: readonly Claim[]): void {
  const published = claims.filter((c) => c.status === 'published');
  if (published.length === 0) return;
  const first = quoted(published[0]!.text);
  const who = published.length === 1 ? `${first} is published` : `${first} and ${plural(published.length - 1, 'other selected claim')} are published`;
  throw new ApiError('forbidden', `${who}. Reopen ${published.length === 1 ? 'it' : 'them'} for correction first. Nothing was changed.`);
}

export const PUBLISH_DIRECTLY_MESSAGE = 'A claim is published when its reviewer approves it: use Request review.';
export const IN_REVIEW_DIRECTLY_MESSAGE = 'A claim goes to In review when you ask for a review: use Request review and choose a reviewer.';

/** Why `claim` cannot be given `status` directly (an error to throw), or null when it can. */
export function statusRefusal(claim: Claim, status: ClaimStatus, settings: Settings): ApiError | null {
  if (status === claim.status) return null;
  if (status === 'published') return new ApiError('forbidden', PUBLISH_DIRECTLY_MESSAGE);
  if (status === 'in_review') return new ApiError('forbidden', IN_REVIEW_DIRECTLY_MESSAGE);
  if (status === 'ready') {
    const refusal = readyRefusal(claim, settings, 'ready');
    if (refusal) return new ApiError('conflict', refusal);
  }
  return null;
}

/** A claim moved out of In review by hand withdraws its pending review request. */
export function leaveReview(claim: Claim, previous: ClaimStatus): void {
  if (previous === 'in_review' && claim.status !== 'in_review' && claim.review?.state === 'requested') claim.review = null;
}

/**
 * Removes the claims with these ids and returns them; claims marked as their duplicates
 * are unlinked (the change, and so its undo, includes that). The claims array is replaced
 * by a new one, so this must be the last thing a change does to claims.
 */
export function removeClaims(ws: Workspace, ids: ReadonlySet<string>): Claim[] {
  const removed: Claim[] = [];
  snapshot(ws.claims).forEach((c, i) => {
    if (ids.has(c.id)) removed.push(c);
    else if (c.duplicateOf !== null && ids.has(c.duplicateOf)) ws.claims[i]!.duplicateOf = null;
  });
  ws.claims = snapshot(ws.claims).filter((c) => !ids.has(c.id));
  return removed;
}
