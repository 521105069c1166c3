/** Claims and their triage: creating them, editing one or many (status, priority, assignee, tags, due date), deleting them. */
import type { Handlers } from '../../../../shared/api/contract';
import { ApiError } from '../../../../shared/api/result';
import type { WorkspaceStore } from '../store-interface';
import { findArticle } from '../lookup';
import {
  addClaims,
  assertAllEditable,
  editClaim,
  findClaims,
  findEditableClaim,
  leaveReview,
  MAX_TAGS,
  newClaim,
  removeClaims,
  statusRefusal,
} from './claim-edits';
import { excerpt, plural } from './common';
import { canonicalClaimant } from '../../../../shared/domain/claimant-library';

type ClaimMethod = 'createClaim' | 'createClaims' | 'updateClaim' | 'updateClaims' | 'deleteClaim' | 'deleteClaims';

export function claimHandlers(store: WorkspaceStore): Handlers<ClaimMethod> {
  return {
    createClaim: ({ articleId, start, end, text }) =>
      store.update('Add claim', (ws) => {
        const claim = newClaim(ws, findArticle(ws, articleId), { start, end }, store, text);
        ws.claims.push(claim);
        return claim;
      }),
    createClaims: ({ articleId, spans }) =>
      store.update(spans.length === 1 ? 'Accept suggestion' : `Accept ${spans.length} suggestions`, (ws) => addClaims(ws, findArticle(ws, articleId), spans, store)),
    updateClaim: ({ id, patch }) => {
      const keys = Object.keys(patch);
      const single = keys.length === 1 ? keys[0]! : null;
      // Typing autosaves: a burst of wording (or assignee) saves of one claim is one undo step.
      const coalesce = single === 'text' || single === 'assignee' ? `${id}:${single}` : undefined;
      const publicationOnly = keys.length > 0 && keys.every((key) => PUBLICATION_FIELDS.has(key));
      return editClaim(
        store,
        id,
        (claim, ws) => {
          if (patch.tags) patch.tags = [...new Set(patch.tags)];
          // A stored alias is saved as its claimant's name ("Lavrov" → "Sergey Lavrov"): one claimant, one name.
          if (patch.claimant) patch.claimant = canonicalClaimant(patch.claimant, ws.settings.claimants);
          if (patch.status !== undefined) {
            const refusal = statusRefusal(claim, patch.status, ws.settings);
            if (refusal) throw refusal;
          }
          const status = claim.status;
          Object.assign(claim, patch);
          leaveReview(claim, status);
        },
        (single && CLAIM_FIELD_LABELS[single]) || 'Edit claim',
        coalesce,
        publicationOnly,
      );
    },
    updateClaims: ({ ids, patch }) => {
      const unique = [...new Set(ids)];
      return store.update(`Change ${plural(unique.length, 'claim')}`, (ws) => {
        const claims = findClaims(ws, unique);
        assertAllEditable(claims);
        if (patch.status !== undefined) {
          const status = patch.status;
          const refusals = claims.flatMap((claim) => statusRefusal(claim, status, ws.settings) ?? []);
          if (refusals.length > 0) {
            const first = refusals[0]!;
            const more = refusals.length - 1;
            const others = more > 0 && status === 'ready' ? ` ${plural(more, 'other selected claim')} cannot be marked Ready either.` : '';
            throw new ApiError(first.code, `${first.message}${others} Nothing was changed.`);
          }
        }
        const now = store.timestamp();
        const remove = new Set(patch.removeTags ?? []);
        for (const claim of claims) {
          if (patch.status !== undefined) {
            const status = claim.status;
            claim.status = patch.status;
            leaveReview(claim, status);
          }
          if (patch.priority !== undefined) claim.priority = patch.priority;
          if (patch.assignee !== undefined) claim.assignee = patch.assignee;
          if (patch.dueDate !== undefined) claim.dueDate = patch.dueDate;
          if (patch.addTags || patch.removeTags) {
            const tags = [...new Set([...claim.tags, ...(patch.addTags ?? [])])].filter((t) => !remove.has(t));
            if (tags.length > MAX_TAGS) {
              throw new ApiError('invalid_input', `Claim "${excerpt(claim.text)}" would have ${tags.length} tags (${MAX_TAGS} at most); nothing was changed.`);
            }
            if (tags.length !== claim.tags.length || tags.some((t, i) => t !== claim.tags[i])) claim.tags = tags;
          }
          claim.updatedAt = now;
        }
        return claims;
      });
    },
    deleteClaim: ({ id }) =>
      store.update('Delete claim', (ws) => {
        findEditableClaim(ws, id);
        return { articles: [], claims: removeClaims(ws, new Set([id])) };
      }),
    deleteClaims: ({ ids }) => {
      const unique = [...new Set(ids)];
      return store.update(`Delete ${plural(unique.length, 'claim')}`, (ws) => {
        assertAllEditable(findClaims(ws, unique));
        return { articles: [], claims: removeClaims(ws, new Set(unique)) };
      });
    },
  };
}

const CLAIM_FIELD_LABELS: Record<string, string> = {
  text: 'Edit wording',
  status: 'Change status',
  priority: 'Change priority',
  assignee: 'Change assignee',
  tags: 'Change tags',
  dueDate: 'Change due date',
  claimant: 'Set claimant',
  claimDate: 'Change claim date',
  publishedUrl: 'Set publication address',
};

/** Fields about where the fact-check is published, not what it says: a published claim takes them without reopening. */
const PUBLICATION_FIELDS: ReadonlySet<string> = new Set(['publishedUrl']);
