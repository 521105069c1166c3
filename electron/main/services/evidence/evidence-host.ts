/**
 * Puts the evidence jobs together over a set of handlers: the jobs read the workspace and
 * record their results through the same methods the renderer calls, so whichever workspace
 * is open (the personal one, or a team workspace's local copy, which routes the records to
 * the team server or its outbox) gets them.
 */
import type { ServiceHandlers } from '../handlers/index';
import type { EvidenceHost } from '../handlers/evidence-jobs';
import { EvidenceJobs, type EvidenceJobsOptions, type EvidencePort } from './evidence-jobs';
import { hostMapFromEnv } from './host-map';
import { ArchiveSettingsFile } from './archive-settings';
import type { ArchiveSettingsSource } from './types';

export function portOver(handlers: () => ServiceHandlers): EvidencePort {
  return {
    workspace: () => handlers().getWorkspace({}),
    recordArchive: (input) => handlers().recordArchive(input),
    keepLocalCopy: (input) => handlers().keepLocalCopy(input),
  };
}

export function evidenceHost(handlers: () => ServiceHandlers, settings: ArchiveSettingsSource, options: Partial<EvidenceJobsOptions> = {}): EvidenceHost {
  const jobs = new EvidenceJobs({ port: portOver(handlers), archive: () => settings.config(), hosts: hostMapFromEnv(), ...options });
  return { jobs, settings };
}

/**
 * This machine's archive settings from the data folder. A settings file that cannot be read
 * does not stop the app: it says why and starts with the defaults (saving settings in the
 * app writes a good file again).
 */
export async function openArchiveSettings(dataDir: string): Promise<ArchiveSettingsSource> {
  try {
    return await ArchiveSettingsFile.open(dataDir);
  } catch (error) {
    console.error(`Fact-check Desk: ${(error as Error).message}`);
    return ArchiveSettingsFile.fresh(dataDir);
  }
}
