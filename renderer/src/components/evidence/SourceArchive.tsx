import { utcMinute, type ArchiveState } from '../../../../shared/domain/evidence';
import type { Source } from '../../../../shared/domain/schemas';
import { evidenceKey } from '../../store/evidence-slice';
import { useActions, useAppStore } from '../../store/react';
import { reported } from '../reported';
import { EvidenceJobLine } from './EvidenceJobLine';

/** The archive state in words: only what an archive said, never a date dressed up as a snapshot. */
export function archiveLine(archive: ArchiveState): string {
  switch (archive.state) {
    case 'none':
      return 'Not archived';
    case 'requested':
      return `Archive requested ${utcMinute(archive.requestedAt)} — the Internet Archive has not answered yet`;
    case 'archived':
      return `Internet Archive snapshot of ${utcMinute(archive.snapshotAt)}`;
    case 'failed':
      return `Not archived: ${archive.reason}`;
  }
}

/**
 * A source's archive line: its truthful state, "Open snapshot" only when an archive gave one,
 * and Archive now / Find existing snapshot (disabled while either runs: one archive job per
 * source, its step and Cancel shown below).
 */
export function SourceArchive({ source, locked }: { source: Source; locked: boolean }) {
  const key = evidenceKey(source.id, 'archive-save');
  const job = useAppStore((s) => s.evidenceJobs[key]);
  const { openExternal, startEvidenceJob } = useActions();
  const archive = source.archive;
  const running = job?.state === 'running';
  // Errors are reported by the store (toast); the row shows the job's own.
  const start = (kind: 'archive-save' | 'archive-find') => void startEvidenceJob(kind, source.id).catch(() => undefined);

  return (
    <>
      <p className="source-archive">
        <span className="archive-state">{archiveLine(archive)}</span>
        {archive.state === 'archived' && (
          <button type="button" className="link" aria-label={`Open the archived snapshot of ${source.title}`} onClick={() => reported(openExternal(archive.snapshotUrl))}>
            Open snapshot
          </button>
        )}
        {!locked && (
          <>
            <button
              type="button"
              className="link"
              disabled={running}
              aria-label={`${archive.state === 'requested' ? 'Check again on' : 'Archive'} ${source.title} now`}
              onClick={() => start('archive-save')}
            >
              {archive.state === 'requested' ? 'Check again' : 'Archive now'}
            </button>
            <button type="button" className="link" disabled={running} aria-label={`Find an existing snapshot of ${source.title}`} onClick={() => start('archive-find')}>
              Find existing snapshot
            </button>
          </>
        )}
      </p>
      {job && <EvidenceJobLine job={job} what={`archive job for ${source.title}`} jobKey={key} />}
    </>
  );
}
