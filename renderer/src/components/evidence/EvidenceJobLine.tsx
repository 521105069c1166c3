import type { EvidenceJob } from '../../../../shared/api/evidence-methods';
import { formatBytes } from '../../../../shared/domain/evidence';
import { useActions } from '../../store/react';

/**
 * A job on a source, in its row: while it runs, its step, a progress bar and Cancel; then
 * what came of it (role=status) or the service's error (role=alert) until dismissed. A failed
 * copy offers Try again right there: the source was added, only its copy is missing.
 */
export function EvidenceJobLine({ job, what, jobKey, onRetry }: { job: EvidenceJob; what: string; jobKey: string; onRetry?: () => void }) {
  const { cancelEvidenceJob, dismissEvidenceJob } = useActions();
  if (job.state === 'running') {
    // Bytes for a copy ("12 KB of 40 KB"); an archive job has nothing to count, so the bar is indeterminate.
    const amount = job.kind === 'copy' && job.done !== null ? ` ${formatBytes(job.done)}${job.total ? ` of ${formatBytes(job.total)}` : ''} received` : '';
    return (
      <div className="evidence-job running">
        <span role="status">
          {job.step}
          {amount}
        </span>
        <progress aria-label={`Progress of the ${what}`} max={job.total ?? undefined} value={job.total ? (job.done ?? 0) : undefined} />
        <button type="button" className="button small subtle" aria-label={`Cancel the ${what}`} onClick={() => void cancelEvidenceJob(job.jobId)}>
          Cancel
        </button>
      </div>
    );
  }
  const text = job.state === 'done' ? job.outcome : job.state === 'failed' ? job.error : 'Cancelled: nothing was recorded.';
  return (
    <div className={`evidence-job ${job.state}`}>
      <span role={job.state === 'failed' ? 'alert' : 'status'}>{text}</span>
      {job.state !== 'done' && onRetry && (
        <button type="button" className="button small" aria-label={`Try the ${what} again`} onClick={onRetry}>
          Try again
        </button>
      )}
      <button type="button" className="link" aria-label={`Dismiss the message about the ${what}`} onClick={() => dismissEvidenceJob(jobKey)}>
        Dismiss
      </button>
    </div>
  );
}
