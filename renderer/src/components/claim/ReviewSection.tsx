import { useId, useState } from 'react';
import type { Claim } from '../../../../shared/domain/schemas';
import { useActions, useAppStore } from '../../store/react';
import { useModalDialog } from '../useModalDialog';
import { reported } from '../reported';
import { usePeople } from './usePeople';

const when = (iso: string) => new Date(iso).toLocaleString();

/**
 * Review and publishing: request a review from another editor; the reviewer approves (the
 * claim is published and locked) or sends it back with a comment; a published claim is
 * reopened for correction with a note that stays with it and appears in reports.
 */
export function ReviewSection({ claim }: { claim: Claim }) {
  const id = useId();
  const editor = useAppStore((s) => s.workspace?.settings.currentEditor ?? '');
  const review = claim.review;
  const published = claim.status === 'published';

  return (
    <section className="claim-section review-section" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`} className="section-title">
        Review
      </h3>
      {published ? (
        <PublishedNote claim={claim} />
      ) : review?.state === 'requested' ? (
        <PendingReview claim={claim} editor={editor} />
      ) : (
        <>
          {review?.state === 'sent_back' && (
            <p className="review-note sent-back">
              Sent back by {review.reviewer} on {when(review.decidedAt ?? review.requestedAt)}: “{review.comment}”
            </p>
          )}
          <RequestReview claim={claim} editor={editor} />
        </>
      )}
      {claim.corrections.length > 0 && (
        <div className="corrections">
          <h4>Corrections</h4>
          <ul aria-label="Corrections">
            {claim.corrections.map((c) => (
              <li key={c.at}>
                {when(c.at)}
                {c.by ? `, ${c.by}` : ''}: {c.note}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

function RequestReview({ claim, editor }: { claim: Claim; editor: string }) {
  const id = useId();
  const people = usePeople().filter((p) => p !== editor);
  const [reviewer, setReviewer] = useState('');
  const { requestReview } = useActions();
  if (!editor) {
    return <p className="empty-note">Say who you are (“Your name” in the status bar) before asking for a review.</p>;
  }
  return (
    <div className="field-row align-end">
      <div className="field">
        <label htmlFor={`${id}-reviewer`}>Reviewer</label>
        <input id={`${id}-reviewer`} list={`${id}-people`} value={reviewer} placeholder="Another editor" onChange={(e) => setReviewer(e.target.value)} />
        <datalist id={`${id}-people`}>
          {people.map((p) => (
            <option key={p} value={p} />
          ))}
        </datalist>
      </div>
      <button type="button" className="button" onClick={() => reported(requestReview(claim.id, reviewer.trim()))}>
        Request review
      </button>
    </div>
  );
}

function PendingReview({ claim, editor }: { claim: Claim; editor: string }) {
  const id = useId();
  const review = claim.review!;
  const [comment, setComment] = useState('');
  const { decideReview } = useActions();
  const isReviewer = editor === review.reviewer;
  const team = useAppStore((s) => s.appInfo?.mode === 'team');
  return (
    <div className="review-pending">
      <p className="review-note">
        Review requested by {review.requestedBy || 'an editor'} on {when(review.requestedAt)}; reviewer: <strong>{review.reviewer}</strong>.
      </p>
      {isReviewer ? (
        <>
          <div className="field">
            <label htmlFor={`${id}-comment`}>Review comment</label>
            <textarea id={`${id}-comment`} rows={2} value={comment} onChange={(e) => setComment(e.target.value)} />
          </div>
          <div className="field-row">
            <button type="button" className="button primary" onClick={() => reported(decideReview(claim.id, true, comment))}>
              Approve and publish
            </button>
            <button type="button" className="button" onClick={() => reported(decideReview(claim.id, false, comment))}>
              Send back
            </button>
          </div>
        </>
      ) : (
        <p className="empty-note">
          {team
            ? `Waiting for ${review.reviewer}: only they can approve it, logged in as themselves.`
            : `Waiting for ${review.reviewer}. To review, switch “Your name” in the status bar to ${review.reviewer}.`}
        </p>
      )}
    </div>
  );
}

function PublishedNote({ claim }: { claim: Claim }) {
  const review = claim.review;
  const [reopening, setReopening] = useState(false);
  return (
    <>
      <p className="review-note published" role="note">
        <strong>Published</strong>
        {review?.decidedAt ? ` on ${when(review.decidedAt)}, approved by ${review.reviewer}` : ''}. The claim is locked.
      </p>
      <button type="button" className="button" onClick={() => setReopening(true)}>
        Reopen for correction…
      </button>
      <ReopenDialog claim={claim} open={reopening} onClose={() => setReopening(false)} />
    </>
  );
}

function ReopenDialog({ claim, open, onClose }: { claim: Claim; open: boolean; onClose(): void }) {
  const id = useId();
  const [note, setNote] = useState('');
  const dialog = useModalDialog(open, () => setNote(''));
  const { reopenClaim } = useActions();
  return (
    <dialog ref={dialog} className="dialog" aria-labelledby={`${id}-title`} onClose={onClose}>
      <h2 id={`${id}-title`}>Reopen for correction</h2>
      <p className="dialog-intro">Say what is being corrected and why. The note is kept with the claim and shown in reports.</p>
      <div className="field">
        <label htmlFor={`${id}-note`}>Correction note</label>
        <textarea id={`${id}-note`} rows={4} value={note} onChange={(e) => setNote(e.target.value)} />
      </div>
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
        <button type="button" className="button primary" disabled={!note.trim()} onClick={() => reported(reopenClaim(claim.id, note).then(onClose))}>
          Reopen
        </button>
      </div>
    </dialog>
  );
}
