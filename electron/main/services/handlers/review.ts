/** Verdicts and sign-off: a reviewer other than the editor approves (publishes) or sends back; published claims are reopened for correction. */
import { publicationUrlFor } from '../../../../shared/domain/publication-url';
import type { Handlers } from '../../../../shared/api/contract';
import { ApiError } from '../../../../shared/api/result';
import type { Workspace } from '../../../../shared/domain/schemas';
import { STATUS_LABELS } from '../../../../shared/domain/labels';
import { quoted, readyRefusal } from '../../../../shared/domain/rules';
import type { WorkspaceStore } from '../store-interface';
import { assertEditable, editClaim, findClaim } from './claim-edits';

type ReviewMethod = 'setVerdict' | 'requestReview' | 'decideReview' | 'reopenClaim';

export function reviewHandlers(store: WorkspaceStore): Handlers<ReviewMethod> {
  return {
    setVerdict: ({ claimId, verdict }) =>
      editClaim(store, claimId, (claim, ws) => {
        if (verdict && !ws.settings.ratingScale.some((r) => r.id === verdict.ratingId)) {
          throw new ApiError('invalid_input', `"${verdict.ratingId}" is not a rating on this workspace's scale.`);
        }
        claim.verdict = verdict ? { ...verdict, decidedAt: store.timestamp() } : null;
      }, verdict ? 'Set verdict' : 'Clear verdict'),

    requestReview: ({ claimId, reviewer }) =>
      store.update('Request review', (ws) => {
        const claim = findClaim(ws, claimId);
        const editor = currentEditor(ws);
        if (samePerson(reviewer, editor)) throw new ApiError('forbidden', 'Ask another editor to review: you cannot review your own claim.');
        assertEditable(claim);
        const refusal = readyRefusal(claim, ws.settings, 'review');
        if (refusal) throw new ApiError('conflict', refusal);
        const now = store.timestamp();
        claim.review = { state: 'requested', requestedBy: editor, requestedAt: now, reviewer: reviewer.trim(), decidedAt: null, comment: '' };
        claim.status = 'in_review';
        claim.updatedAt = now;
        return claim;
      }),
    decideReview: ({ claimId, approve, comment }) =>
      store.update(approve ? 'Approve review' : 'Send back', (ws) => {
        const claim = findClaim(ws, claimId);
        const review = claim.review;
        if (claim.status !== 'in_review' || review?.state !== 'requested') {
          throw new ApiError('conflict', `${quoted(claim.text)} is not waiting for a review (it is ${STATUS_LABELS[claim.status]}): request one first.`);
        }
        const editor = currentEditor(ws);
        if (!samePerson(editor, review.reviewer)) {
          throw new ApiError('forbidden', `Only ${review.reviewer} can ${approve ? 'approve this review' : 'send this claim back'}.`);
        }
        const note = comment.trim();
        const now = store.timestamp();
        if (approve) {
          const refusal = readyRefusal(claim, ws.settings, 'publish');
          if (refusal) throw new ApiError('conflict', refusal);
          claim.status = 'published';
          claim.review = { ...review, state: 'approved', decidedAt: now, comment: note };
          const template = ws.settings.publishedUrlTemplate;
          if (template && !claim.publishedUrl) {
            const taken = new Set(ws.claims.flatMap((c) => (c.publishedUrl ? [c.publishedUrl] : [])));
            claim.publishedUrl = publicationUrlFor(template, claim, taken);
          }
        } else {
          if (!note) throw new ApiError('invalid_input', 'Write a comment saying what needs to change before sending the claim back.');
          claim.status = 'researching';
          claim.review = { ...review, state: 'sent_back', decidedAt: now, comment: note };
        }
        claim.updatedAt = now;
        return claim;
      }),
    reopenClaim: ({ claimId, note }) =>
      store.update('Reopen for correction', (ws) => {
        const claim = findClaim(ws, claimId);
        if (claim.status !== 'published') {
          throw new ApiError('conflict', `Only published claims are reopened for correction; ${quoted(claim.text)} is ${STATUS_LABELS[claim.status]}.`);
        }
        const editor = currentEditor(ws);
        const now = store.timestamp();
        claim.corrections.push({ note, by: editor, at: now });
        claim.status = 'researching';
        claim.review = null;
        claim.updatedAt = now;
        return claim;
      }),
  };
}

/** The editor named in the status bar; refuses when nobody is. */
function currentEditor(ws: Workspace): string {
  const name = ws.settings.currentEditor.trim();
  if (!name) throw new ApiError('forbidden', 'Say who you are first (status bar).');
  return name;
}

const samePerson = (a: string, b: string) => a.trim().toLocaleLowerCase('en') === b.trim().toLocaleLowerCase('en');
