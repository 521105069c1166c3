/**
 * Derived views of the store. Functions returning new arrays/objects must be read with
 * `useShallow` (or memoised by the caller) so components do not re-render on every change.
 */
import type { Article, Claim, Source } from '../../../shared/domain/schemas';
import { claimsInArticleOrder } from './entities';
import { draftKey } from './drafts-slice';
import type { AppState, Draft, DraftField } from './types';

export const selectArticles = (s: AppState): readonly Article[] => s.workspace?.articles ?? EMPTY;

export const selectArticle = (s: AppState): Article | undefined =>
  s.workspace?.articles.find((a) => a.id === s.selectedArticleId);

let claimMemo: { claims: readonly Claim[]; id: string | null; result: Claim | undefined } | null = null;

/**
 * The open claim. Selectors run on every store change (each keystroke in the filter box):
 * a scan of 100,000 claims each time cost several ms, so the last answer is kept until the
 * claims or the selection change.
 */
export function selectClaim(s: AppState): Claim | undefined {
  const claims = s.workspace?.claims;
  if (!claims) return undefined;
  if (claimMemo?.claims !== claims || claimMemo.id !== s.selectedClaimId) {
    const id = s.selectedClaimId;
    claimMemo = { claims, id, result: id === null ? undefined : claims.find((c) => c.id === id) };
  }
  return claimMemo.result;
}

const inReviewCounts = new WeakMap<readonly Claim[], number>();

/** How many claims wait for review, counted once per claims array (see selectClaim). */
export function selectInReviewCount(s: AppState): number {
  const claims = s.workspace?.claims;
  if (!claims) return 0;
  let count = inReviewCounts.get(claims);
  if (count === undefined) {
    count = 0;
    for (const claim of claims) if (claim.status === 'in_review') count++;
    inReviewCounts.set(claims, count);
  }
  return count;
}

let articleClaimsMemo: { claims: readonly Claim[]; articleId: string; result: Claim[] } | null = null;

/**
 * The open article's claims in text order. Selectors run on every store change (each
 * keystroke of a draft): the filter and sort over every claim are redone only when the
 * claims or the open article changed, else the last array is answered again.
 */
export function selectArticleClaims(s: AppState): Claim[] {
  if (!s.workspace || !s.selectedArticleId) return [];
  const { claims } = s.workspace;
  const articleId = s.selectedArticleId;
  if (articleClaimsMemo?.claims !== claims || articleClaimsMemo.articleId !== articleId) {
    articleClaimsMemo = { claims, articleId, result: claimsInArticleOrder(claims, articleId) };
  }
  return articleClaimsMemo.result;
}

export const selectRatingScale = (s: AppState) => s.workspace?.settings.ratingScale ?? EMPTY;

export const selectSource = (id: string) => (s: AppState): Source | undefined => s.workspace?.sources.find((x) => x.id === id);

export const selectDraft = (claimId: string, field: DraftField) => (s: AppState): Draft | undefined =>
  s.drafts[draftKey(claimId, field)];

export type SaveState = { kind: 'loading' | 'saving' | 'saved' | 'error'; text: string };

/**
 * What the status bar says: "Saving…" while anything typed or sent is unconfirmed,
 * otherwise the last failure, otherwise "Saved".
 */
export function selectSaveState(s: AppState): SaveState {
  const unsent = Object.values(s.drafts).some((d) => d.dirty);
  if (s.pendingWrites > 0 || unsent) return { kind: 'saving', text: 'Saving…' };
  if (s.lastError) return { kind: 'error', text: s.lastError };
  if (s.loadState === 'loading' || s.loadState === 'idle') return { kind: 'loading', text: 'Loading…' };
  return { kind: 'saved', text: 'Saved' };
}

const EMPTY: readonly never[] = Object.freeze([]);
