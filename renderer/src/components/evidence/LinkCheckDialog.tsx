import { useId } from 'react';
import type { FailingLink } from '../../../../shared/api/evidence-methods';
import { describeArchive } from '../../../../shared/domain/evidence';
import { useCommand } from '../../commands/react';
import { useActions, useAppStore } from '../../store/react';
import { reported } from '../reported';
import { useModalDialog } from '../useModalDialog';
import './evidence.css';

/**
 * "Check source links" (command palette): every source address of the workspace, or of the
 * open article, checked a few at a time by the app's process; the ones that now fail are
 * listed with their archive state and the claims citing them, so a published fact-check can
 * be repaired before readers notice. Closing the dialog stops a check still running.
 */
export function LinkCheckDialog() {
  const id = useId();
  const open = useAppStore((s) => s.linkCheckOpen);
  const job = useAppStore((s) => s.linkCheck);
  const articleId = useAppStore((s) => s.selectedArticleId);
  const { startLinkCheck, closeLinkCheck, cancelEvidenceJob } = useActions();
  const dialog = useModalDialog(open);
  useCommand('check-links', () => reported(startLinkCheck(null)));
  useCommand('check-article-links', () => articleId && reported(startLinkCheck(articleId)), () => articleId !== null);
  const report = job?.report ?? null;
  return (
    <dialog ref={dialog} className="dialog link-check-dialog" aria-labelledby={`${id}-title`} onClose={closeLinkCheck}>
      <h2 id={`${id}-title`}>Source links</h2>
      {open && (
        <>
          {(!job || job.state === 'running') && (
            <div className="link-check-progress">
              <span role="status">{job ? `Checked ${job.done ?? 0} of ${job.total ?? '…'} addresses…` : 'Starting…'}</span>
              <progress aria-label="Progress of the link check" max={job?.total || undefined} value={job?.total ? (job.done ?? 0) : undefined} />
              {job && (
                <button type="button" className="button small subtle" aria-label="Cancel the link check" onClick={() => void cancelEvidenceJob(job.jobId)}>
                  Cancel
                </button>
              )}
            </div>
          )}
          {job?.state === 'failed' && <p role="alert">{job.error}</p>}
          {job?.state === 'cancelled' && <p role="status">Cancelled: the check stopped before it finished.</p>}
          {report && (
            <>
              <p role="status">{report.failing.length === 0 ? `All ${report.checked} addresses answer.` : `${report.failing.length} of ${report.checked} addresses fail.`}</p>
              {report.failing.length > 0 && (
                <ul className="link-check-list" aria-label="Source addresses that fail">
                  {report.failing.map((link) => (
                    <FailingRow key={link.sourceId} link={link} onOpenClaim={closeLinkCheck} />
                  ))}
                </ul>
              )}
            </>
          )}
        </>
      )}
      <div className="dialog-actions">
        <button type="button" className="button" onClick={closeLinkCheck}>
          Close
        </button>
      </div>
    </dialog>
  );
}

function FailingRow({ link, onOpenClaim }: { link: FailingLink; onOpenClaim(): void }) {
  const { openExternal, selectClaim } = useActions();
  const claims = useAppStore((s) => s.workspace?.claims);
  const archive = link.archive;
  return (
    <li>
      <strong>{link.title}</strong>
      <div className="url">{link.url}</div>
      {/* The detail says where a moved page now leads. */}
      <div className="problem">{link.detail}</div>
      <div>
        {describeArchive(archive)}
        {archive.state === 'archived' && (
          <>
            {' · '}
            <button type="button" className="link" aria-label={`Open the archived snapshot of ${link.title}`} onClick={() => reported(openExternal(archive.snapshotUrl))}>
              Open snapshot
            </button>
          </>
        )}
      </div>
      {link.claimIds.length > 0 && (
        <div className="cited-by">
          Cited by
          {link.claimIds.map((claimId) => {
            const claim = claims?.find((c) => c.id === claimId);
            const wording = claim ? (claim.text.length > 60 ? `${claim.text.slice(0, 59)}…` : claim.text) : claimId;
            return (
              <button
                key={claimId}
                type="button"
                className="link"
                aria-label={`Open the claim “${wording}”`}
                onClick={() => {
                  onOpenClaim();
                  selectClaim(claimId);
                }}
              >
                “{wording}”
              </button>
            );
          })}
        </div>
      )}
    </li>
  );
}
