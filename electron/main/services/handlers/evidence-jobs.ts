/**
 * The evidence jobs and the archive settings as contract methods. The app (desktop main
 * process, `npm run serve`) builds one EvidenceJobs over whichever workspace is open and
 * the archive settings file of its data folder (see evidenceHost); a process without a data
 * folder (the CLI, tests) gets settings in memory.
 */
import type { Handlers } from '../../../../shared/api/contract';
import type { EvidenceJobs } from '../evidence/evidence-jobs';
import type { ArchiveSettingsSource } from '../evidence/types';

export type EvidenceJobMethod = 'archiveSource' | 'copySource' | 'checkLinks' | 'getEvidenceJob' | 'cancelEvidenceJob' | 'getArchiveSettings' | 'setArchiveSettings';

export interface EvidenceHost {
  readonly jobs: EvidenceJobs;
  readonly settings: ArchiveSettingsSource;
}

export function evidenceJobHandlers({ jobs, settings }: EvidenceHost): Handlers<EvidenceJobMethod> {
  return {
    archiveSource: ({ sourceId, action }) => jobs.start(action === 'save' ? 'archive-save' : 'archive-find', { sourceId }),
    copySource: ({ sourceId }) => jobs.start('copy', { sourceId }),
    checkLinks: ({ articleId }) => jobs.start('check-links', { articleId }),
    getEvidenceJob: async ({ jobId }) => jobs.get(jobId),
    cancelEvidenceJob: async ({ jobId }) => jobs.cancel(jobId),
    getArchiveSettings: async () => settings.view(),
    setArchiveSettings: (patch) => settings.update(patch),
  };
}
