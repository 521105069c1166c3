import { useState } from 'react';
import type { EvidenceJob } from '../../../../shared/api/evidence-methods';
import { formatBytes, utcMinute, type LocalCopyRef } from '../../../../shared/domain/evidence';
import type { Source } from '../../../../shared/domain/schemas';
import { evidenceKey } from '../../store/evidence-slice';
import { useActions, useAppStore } from '../../store/react';
import { reported } from '../reported';
import { LocalCopyDialog } from './LocalCopyDialog';

/**
 * A source's evidence in its row: what an archive said (a snapshot link only when one was
 * recorded), Archive now / Find existing snapshot, the local copies kept, and the jobs
 * running on it with their step and Cancel. Nothing here pretends: "Not archived" until an
 * archive gave a snapshot address.
 */
export function SourceEvidence({ source, locked }: { source: Source; locked: boolean }) {
  const archiveJob = useAppStore((s) => s.evidenceJobs[evidenceKey(source.id, 'archive-save')]);
  const copyJob = useAppStore((s) => s.evidenceJobs[evidenceKey(source.id, 'copy')]);
  const { openExternal, startEvidenceJob } = useActions();
  const [viewing, setViewing] = useState<LocalCopyRef | null>(null);
  const archive = source.archive;
  const archiving = archiveJob?.state === 'running';
  const copying = copyJob?.state === 'running';

  return (
    <div className="source-evidence">
      <p className="source-archive">
        <span className="archive-state">
          {archive.state === 'none' && 'Not archived'}
          {archive.state === 'requested' && `Archive requested ${utcMinute(archive.requestedAt)}: the Internet Archive has not answered yet`}
          {archive.state === 'archived' && `Internet Archive snapshot of ${utcMinute(archive.snapshotAt)}`}
          {archive.state === 'failed' && `Not archived: ${archive.reason}`}
        </span>
        {archive.state === 'archived' && (
          <>
            {' · '}
            <button type="button" className="link" aria-label={`Open the archived snapshot of ${source.title}`} onClick={() => reported(openExternal(archive.snapshotUrl))}>
              Open snapshot
            </button>
          </>
        )}
        {!locked && !archiving && (
          <>
            {' · '}
            <button type="button" className="link" aria-label={`${archive.state === 'requested' ? 'Check again on' : 'Archive'} ${source.title} now`} onClick={() => void startEvidenceJob('archive-save', source.id).catch(() => undefined)}>
              {archive.state === 'requested' ? 'Check again' : 'Archive now'}
            </button>
            {' · '}
            <button type="button" className="link" aria-label={`Find an existing snapshot of ${source.title}`} onClick={() => void startEvidenceJob('archive-find', source.id).catch(() => undefined)}>
              Find existing snapshot
            </button>
          </>
        )}
      </p>
      {archiveJob && <JobLine job={archiveJob} what={`archive job for ${source.title}`} jobKey={evidenceKey(source.id, 'archive-save')} />}
      {/* Not a list: the row is an item of the claim's source list, and its items are sources. */}
      <div className="source-copies" role="group" aria-label={`Local copies of ${source.title}`}>
        {source.copies.map((copy) => (
          <p key={copy.id}>
            Local copy of {utcMinute(copy.fetchedAt)} · {formatBytes(copy.bytes)} · SHA-256 <code>{copy.sha256.slice(0, 12)}…</code>{' '}
            <button type="button" className="link" aria-label={`View the local copy of ${source.title} from ${utcMinute(copy.fetchedAt)}`} onClick={() => setViewing(copy)}>
              View
            </button>
          </p>
        ))}
        {!locked && !copying && (
          <p>
            <button type="button" className="link" aria-label={`Keep ${source.copies.length ? 'another' : 'a'} local copy of ${source.title}`} onClick={() => void startEvidenceJob('copy', source.id).catch(() => undefined)}>
              {source.copies.length ? 'Keep another copy' : 'Keep a local copy'}
            </button>
          </p>
        )}
      </div>
      {copyJob && <JobLine job={copyJob} what={`copy of ${source.title}`} jobKey={evidenceKey(source.id, 'copy')} />}
      <LocalCopyDialog copy={viewing} sourceTitle={source.title} onClose={() => setViewing(null)} />
    </div>
  );
}

/** A job's step while it runs (with Cancel), then its outcome or its error until dismissed. */
function JobLine({ job, what, jobKey }: { job: EvidenceJob; what: string; jobKey: string }) {
  const { cancelEvidenceJob, dismissEvidenceJob } = useActions();
  if (job.state === 'running') {
    const amount = job.kind === 'copy' && job.done !== null ? ` ${formatBytes(job.done)}${job.total ? ` of ${formatBytes(job.total)}` : ''}` : '';
    return (
      <p className="evidence-job running" role="status">
        <span className="spinner" aria-hidden="true" /> {job.step}
        {amount}{' '}
        <button type="button" className="button small subtle" aria-label={`Cancel the ${what}`} onClick={() => void cancelEvidenceJob(job.jobId)}>
          Cancel
        </button>
      </p>
    );
  }
  const text = job.state === 'done' ? job.outcome : job.state === 'failed' ? job.error : 'Cancelled: nothing was recorded.';
  return (
    <p className={`evidence-job ${job.state}`} role={job.state === 'failed' ? 'alert' : 'status'}>
      {text}{' '}
      <button type="button" className="link" aria-label={`Dismiss the message about the ${what}`} onClick={() => dismissEvidenceJob(jobKey)}>
        Dismiss
      </button>
    </p>
  );
}
