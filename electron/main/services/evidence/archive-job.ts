/**
 * One archive job on a source: "save" asks the archive to save the page now (Save Page Now;
 * with access keys, the SPN2 job is recorded as `requested` as soon as the archive accepts
 * it, so an app closed meanwhile can check on it later), "find" looks for the snapshot the
 * archive already has nearest the day the source was added. Only what the archive answered
 * is recorded: a snapshot with its address and the archive's date, or the archive's refusal.
 */
import { ApiError } from '../../../../shared/api/result';
import { ARCHIVE_SERVICE_NAMES, utcMinute, type ArchiveState } from '../../../../shared/domain/evidence';
import type { Source } from '../../../../shared/domain/schemas';
import { ArchiveRefusedError, checkSavedJob, findSnapshot, saveSnapshot, StillPendingError } from './archive-client';
import type { EvidencePort, JobContext } from './evidence-jobs';
import type { ArchiveConfig, ArchiveTiming } from './types';

const SERVICE = 'internet_archive' as const;
const NAME = ARCHIVE_SERVICE_NAMES[SERVICE];

export interface ArchiveJobDeps {
  context: JobContext;
  port: EvidencePort;
  config: ArchiveConfig;
  timing: Partial<ArchiveTiming> | undefined;
  now: () => Date;
  /** False once the job was cancelled: nothing more is recorded. */
  isRunning: () => boolean;
}

/** A refusal recorded on the source; the job fails with `message` and shows `source`. */
class RecordedRefusal extends ApiError {
  constructor(
    message: string,
    readonly source: Source,
  ) {
    super('conflict', message);
  }
}

export async function runArchiveJob(action: 'save' | 'find', source: Source, deps: ArchiveJobDeps): Promise<{ outcome: string; source: Source }> {
  const { context, port, config, timing, now } = deps;
  const record = async (archive: ArchiveState) => {
    if (!deps.isRunning()) throw new ApiError('conflict', 'Cancelled.');
    return port.recordArchive({ sourceId: source.id, archive });
  };
  const archived = (snapshot: { snapshotUrl: string; snapshotAt: string }, origin: 'saved' | 'found') =>
    record({ state: 'archived', service: SERVICE, snapshotUrl: snapshot.snapshotUrl, snapshotAt: snapshot.snapshotAt, origin, recordedAt: now().toISOString() });

  if (action === 'find') {
    context.step(`Asking the ${NAME} for its snapshots of this page…`);
    const found = await findSnapshot(source.url, source.accessedAt, config, context.signal, timing);
    if (!found) return { outcome: `The ${NAME} has no snapshot of this page. Use “Archive now” to save one.`, source };
    const kept = await archived(found, 'found');
    return { outcome: `Snapshot of ${utcMinute(found.snapshotAt)} found and recorded.`, source: kept };
  }

  let current = source;
  try {
    const pendingJob = source.archive.state === 'requested' ? source.archive.jobId : null;
    const onStep = (text: string) => context.step(text);
    const snapshot = pendingJob
      ? await checkSavedJob(pendingJob, source.url, config, context.signal, onStep, timing)
      : await saveSnapshot(source.url, config, context.signal, onStep, async (jobId) => {
          // Accepted: say so in the workspace (unless a snapshot is already there: it stays until the new one exists).
          if (current.archive.state !== 'archived') {
            current = await record({ state: 'requested', service: SERVICE, requestedAt: now().toISOString(), jobId });
          }
        }, timing);
    const kept = await archived(snapshot, 'saved');
    return { outcome: `Saved: snapshot of ${utcMinute(snapshot.snapshotAt)} recorded.`, source: kept };
  } catch (error) {
    if (error instanceof StillPendingError) {
      return { outcome: `The ${NAME} is still saving the page. Use “Check again” later to record the snapshot.`, source: current };
    }
    if (error instanceof ArchiveRefusedError) {
      const message = `The ${NAME} could not save this page: ${error.reason.replace(/\.$/, '')}.`;
      if (current.archive.state === 'archived' || !deps.isRunning()) throw new ApiError('conflict', message);
      const failed = await record({ state: 'failed', service: SERVICE, failedAt: now().toISOString(), reason: error.reason });
      throw new RecordedRefusal(message, failed);
    }
    throw error;
  }
}
