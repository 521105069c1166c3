/** Reshaping claims: merging two into one, splitting one in two, and marking one as the duplicate of another. */
import { current } from 'immer';
import type { Handlers } from '../../../../shared/api/contract';
import { ApiError } from '../../../../shared/api/result';
import { PRIORITIES, type Claim, type Span } from '../../../../shared/domain/schemas';
import { readyRefusal } from '../../../../shared/domain/rules';
import { scoreSentence } from '../../../../shared/checkworthiness/score';
import { quoteAt } from '../../../../shared/domain/quote';
import type { WorkspaceStore } from '../store-interface';
import { findArticle } from '../lookup';
import { findClaim, findEditableClaim, MAX_TAGS, MAX_WORDING, removeClaims, wordingOf } from './claim-edits';
import { excerpt, snapshot } from './common';

type ReshapeMethod = 'mergeClaims' | 'splitClaim' | 'linkDuplicate';

export function mergeSplitDuplicateHandlers(store: WorkspaceStore): Handlers<ReshapeMethod> {
  return {
    mergeClaims: ({ keepId, mergeId }) =>
      store.update('Merge claims', (ws) => {
        if (keepId === mergeId) throw new ApiError('invalid_input', 'A claim cannot be merged into itself: choose two different claims.');
        const keep = findEditableClaim(ws, keepId);
        const merge = findEditableClaim(ws, mergeId);
        if (keep.articleId !== merge.articleId) {
          throw new ApiError('invalid_input', 'Only claims of the same article can be merged; these two quote different articles.');
        }
        for (const claim of [keep, merge]) {
          if (claim.anchor === 'orphaned') throw new ApiError('invalid_input', `Cannot merge: ${orphanedMessage(claim)}`);
        }
        const article = findArticle(ws, keep.articleId);
        const tags = [...new Set([...keep.tags, ...merge.tags])];
        if (tags.length > MAX_TAGS) throw new ApiError('invalid_input', `The merged claim would have ${tags.length} tags (${MAX_TAGS} at most).`);
        const cited = new Set(keep.sources.map((l) => l.sourceId));

        keep.quote = quoteAt(article.text, Math.min(keep.quote.start, merge.quote.start), Math.max(keep.quote.end, merge.quote.end));
        keep.text = `${keep.text} ${merge.text}`.trim().slice(0, MAX_WORDING).trim();
        keep.tags = tags;
        keep.sources = [...keep.sources.map((l) => ({ ...l })), ...merge.sources.filter((l) => !cited.has(l.sourceId)).map((l) => ({ ...l }))];
        keep.verdict = keep.verdict ?? (merge.verdict && { ...merge.verdict });
        keep.priority = PRIORITIES[Math.max(PRIORITIES.indexOf(keep.priority), PRIORITIES.indexOf(merge.priority))]!;
        keep.dueDate = [keep.dueDate, merge.dueDate].filter((d): d is string => d !== null).sort()[0] ?? null;
        keep.score = keep.score === null ? merge.score : merge.score === null ? keep.score : Math.max(keep.score, merge.score);
        keep.assignee = keep.assignee ?? merge.assignee;
        keep.updatedAt = store.timestamp();

        // Claims that repeated the merged one now repeat the kept one.
        snapshot(ws.claims).forEach((c, i) => {
          if (c.duplicateOf === mergeId) ws.claims[i]!.duplicateOf = c.id === keepId ? null : keepId;
        });
        if (keep.duplicateOf !== null && leadsTo(snapshot(ws.claims), keep.duplicateOf, keepId)) keep.duplicateOf = null;
        const claim = current(keep);
        removeClaims(ws, new Set([mergeId]));
        return { claim, removedId: mergeId };
      }),
    splitClaim: ({ id, at }) =>
      store.update('Split claim', (ws) => {
        const claim = findEditableClaim(ws, id);
        if (claim.anchor === 'orphaned') throw new ApiError('invalid_input', `Cannot split: ${orphanedMessage(claim)}`);
        const { start, end } = claim.quote;
        if (at <= start || at >= end) {
          throw new ApiError('invalid_input', `The split point ${at} must be inside the claim's quote (between ${start} and ${end}, exclusive).`);
        }
        const text = findArticle(ws, claim.articleId).text;
        const firstRange = trimRange(text, start, at);
        const secondRange = trimRange(text, at, end);
        if (!firstRange || !secondRange) throw new ApiError('invalid_input', 'Both parts of a split claim must contain text; choose another split point.');
        const now = store.timestamp();
        const firstQuote = quoteAt(text, firstRange.start, firstRange.end);
        const secondQuote = quoteAt(text, secondRange.start, secondRange.end);
        claim.quote = firstQuote;
        claim.text = wordingOf(firstQuote.exact);
        claim.updatedAt = now;
        const second: Claim = {
          id: store.newId(),
          articleId: claim.articleId,
          text: wordingOf(secondQuote.exact),
          quote: secondQuote,
          status: claim.status,
          priority: claim.priority,
          assignee: claim.assignee,
          tags: [...claim.tags],
          // The same speaker's sentence: same claimant and date; the second part is not yet published anywhere.
          claimant: claim.claimant,
          claimDate: claim.claimDate,
          publishedUrl: null,
          suggestedClaimant: claim.suggestedClaimant,
          dueDate: claim.dueDate,
          anchor: 'attached',
          duplicateOf: null,
          review: null,
          corrections: [],
          score: scoreSentence(secondQuote.exact).score,
          verdict: null,
          sources: claim.sources.map((l) => ({ ...l })),
          createdAt: now,
          updatedAt: now,
        };
        // The new part has no review of its own and no verdict yet: it cannot be In review, or Ready against the rules.
        if (second.status === 'in_review' || (second.status === 'ready' && readyRefusal(second, ws.settings))) second.status = 'researching';
        ws.claims.push(second);
        return { first: claim, second };
      }),
    linkDuplicate: ({ claimId, originalId, reuseVerdict }) =>
      store.update(originalId === null ? 'Unlink duplicate' : 'Mark as duplicate', (ws) => {
        const claim = findEditableClaim(ws, claimId);
        if (originalId === null) {
          if (claim.duplicateOf !== null) {
            claim.duplicateOf = null;
            claim.updatedAt = store.timestamp();
          }
          return claim;
        }
        if (originalId === claimId) throw new ApiError('invalid_input', 'A claim cannot be a duplicate of itself.');
        const original = findClaim(ws, originalId);
        if (leadsTo(snapshot(ws.claims), originalId, claimId)) {
          throw new ApiError(
            'invalid_input',
            `"${excerpt(original.text)}" is already marked (directly or through other claims) as a duplicate of this claim; linking them the other way too would make a cycle.`,
          );
        }
        const now = store.timestamp();
        claim.duplicateOf = originalId;
        if (reuseVerdict) {
          if (original.verdict) claim.verdict = { ...original.verdict, decidedAt: now };
          const cited = new Set(claim.sources.map((l) => l.sourceId));
          for (const link of original.sources) if (!cited.has(link.sourceId)) claim.sources.push({ ...link });
        }
        claim.updatedAt = now;
        return claim;
      }),
  };
}

const orphanedMessage = (claim: Claim) =>
  `the quote of "${excerpt(claim.text)}" is no longer in the article text (it is orphaned); restore the text or delete the claim first.`;

/** [start, end) of `text` without whitespace at either end; null when nothing is left. */
function trimRange(text: string, start: number, end: number): Span | null {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return end > start ? { start, end } : null;
}

/** Whether following `duplicateOf` from claim `fromId` reaches `targetId`. */
function leadsTo(claims: readonly Claim[], fromId: string, targetId: string): boolean {
  const byId = new Map(claims.map((c) => [c.id, c]));
  const seen = new Set<string>();
  for (let id: string | null = fromId; id !== null && !seen.has(id); id = byId.get(id)?.duplicateOf ?? null) {
    if (id === targetId) return true;
    seen.add(id);
  }
  return false;
}
