import { useState } from 'react';
import { formatBytes, utcMinute, type LocalCopyRef } from '../../../../shared/domain/evidence';
import type { Source } from '../../../../shared/domain/schemas';
import { evidenceKey } from '../../store/evidence-slice';
import { useActions, useAppStore } from '../../store/react';
import { EvidenceJobLine } from './EvidenceJobLine';
import { LocalCopyDialog } from './LocalCopyDialog';

/**
 * The local copies of a source's page, each with its size and the start of its SHA-256 (the
 * whole copy in a dialog), and "Keep a local copy" with the copy's progress and Cancel. A
 * failed copy keeps the source as it was and offers Try again.
 */
export function SourceCopies({ source, locked }: { source: Source; locked: boolean }) {
  const key = evidenceKey(source.id, 'copy');
  const job = useAppStore((s) => s.evidenceJobs[key]);
  const { startEvidenceJob } = useActions();
  const [viewing, setViewing] = useState<LocalCopyRef | null>(null);
  const running = job?.state === 'running';
  const copy = () => void startEvidenceJob('copy', source.id).catch(() => undefined);

  return (
    <>
      {/* Not a list: the row is an item of the claim's source list, and its items are sources. */}
      <div className="source-copies" role="group" aria-label={`Local copies of ${source.title}`}>
      {source.copies.map((c) => (
        <p key={c.id}>
          Local copy of {utcMinute(c.fetchedAt)} · {formatBytes(c.bytes)} · SHA-256 <code>{c.sha256.slice(0, 12)}…</code>
          <button type="button" className="link" aria-label={`View the local copy of ${source.title} from ${utcMinute(c.fetchedAt)}`} onClick={() => setViewing(c)}>
            View
          </button>
        </p>
      ))}
      {!locked && (
        <p>
          <button type="button" className="link" disabled={running} aria-label={`Keep ${source.copies.length ? 'another' : 'a'} local copy of ${source.title}`} onClick={copy}>
            {source.copies.length ? 'Keep another copy' : 'Keep a local copy'}
          </button>
        </p>
      )}
      </div>
      {job && <EvidenceJobLine job={job} what={`copy of ${source.title}`} jobKey={key} onRetry={locked ? undefined : copy} />}
      <LocalCopyDialog copy={viewing} sourceTitle={source.title} onClose={() => setViewing(null)} />
    </>
  );
}
