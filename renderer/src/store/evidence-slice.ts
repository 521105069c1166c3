/**
 * Evidence jobs as the editor sees them: archiving a source's page, finding its snapshot,
 * keeping a local copy, checking the source links. The work runs in the app's process (the
 * services); this slice starts a job, polls it while it runs (the row shows its step and
 * progress, with Cancel), and merges the source it recorded once it is done. A job that
 * fails shows the service's message in the row; the source stays as it was.
 */
import type { Client } from '../api/client';
import type { EvidenceJob, EvidenceJobKind } from '../../../shared/api/evidence-methods';
import type { Source } from '../../../shared/domain/schemas';
import { mergeSource } from './entities';
import type { EvidenceSlice, Slice } from './types';

/** How often a running job is asked how it goes. */
export const EVIDENCE_POLL_MS = 250;

/** The key of a source's job of a kind in `evidenceJobs`. */
export const evidenceKey = (sourceId: string, kind: Exclude<EvidenceJobKind, 'check-links'>) => `${sourceId}:${kind === 'archive-find' ? 'archive-save' : kind}`;

/**
 * The source as a job left it, over the one shown: only what the job owns (the archive state,
 * or the copies). Two jobs on one source can finish in either order; the later answer must
 * not take back what the other recorded.
 */
function jobResult(shown: readonly Source[], fromJob: Source, kind: Exclude<EvidenceJobKind, 'check-links'>): Source {
  const current = shown.find((s) => s.id === fromJob.id);
  if (!current) return fromJob;
  if (kind !== 'copy') return { ...current, archive: fromJob.archive };
  const known = new Set(current.copies.map((c) => c.id));
  return { ...current, copies: [...current.copies, ...fromJob.copies.filter((c) => !known.has(c.id))] };
}

export function createEvidenceSlice(client: Client): Slice<EvidenceSlice> {
  return (set, get) => {
    let linkCheckTicket = 0;
    const show = (key: string, job: EvidenceJob | null) =>
      set((s) => {
        const jobs = { ...s.evidenceJobs };
        if (job) jobs[key] = job;
        else delete jobs[key];
        return { evidenceJobs: jobs };
      });

    /** Polls `jobId` until it finishes, calling `seen` with each answer; the last answer. */
    const follow = async (jobId: string, seen: (job: EvidenceJob) => boolean): Promise<EvidenceJob | null> => {
      for (;;) {
        let job: EvidenceJob;
        try {
          job = await client.getEvidenceJob({ jobId });
        } catch (error) {
          get().pushToast({ kind: 'error', message: `Lost track of the job: ${(error as Error).message}` });
          return null;
        }
        if (!seen(job)) return null; // dismissed or replaced meanwhile
        if (job.state !== 'running') return job;
        await new Promise((resolve) => setTimeout(resolve, EVIDENCE_POLL_MS));
      }
    };

    return {
      evidenceJobs: {},
      linkCheck: null,
      linkCheckOpen: false,

      async startEvidenceJob(kind, sourceId) {
        const key = evidenceKey(sourceId, kind);
        const start = () =>
          kind === 'copy' ? client.copySource({ sourceId }) : client.archiveSource({ sourceId, action: kind === 'archive-save' ? 'save' : 'find' });
        const { jobId } = await get().perform(kind === 'copy' ? 'Could not start the copy' : 'Could not ask the archive', start, { write: false });
        const job = await follow(jobId, (answer) => {
          const now = get().evidenceJobs[key];
          if (now && now.jobId !== jobId && now.state === 'running') return false;
          show(key, answer);
          return true;
        });
        // Done: what the job recorded. Failed with a source: the archive's own refusal, recorded on it.
        // (The workspace's live changes bring the same source; merging it here shows it without waiting.)
        if ((job?.state === 'done' || job?.state === 'failed') && job.source) {
          const source = job.source;
          set((s) => (s.workspace ? { workspace: mergeSource(s.workspace, jobResult(s.workspace.sources, source, kind)) } : {}));
        }
      },

      async cancelEvidenceJob(jobId) {
        await client.cancelEvidenceJob({ jobId }).catch(() => undefined);
      },

      dismissEvidenceJob(key) {
        if (get().evidenceJobs[key]?.state === 'running') return;
        show(key, null);
      },

      async startLinkCheck(articleId) {
        // Each check gets a number: answers about one closed (or replaced by a newer one) are dropped.
        const ticket = ++linkCheckTicket;
        set({ linkCheckOpen: true, linkCheck: null });
        let jobId: string;
        try {
          ({ jobId } = await get().perform('Could not start the link check', () => client.checkLinks({ articleId }), { write: false }));
        } catch (error) {
          // Reported by perform (toast and status bar); an empty dialog would only wait forever.
          if (ticket === linkCheckTicket) set({ linkCheckOpen: false });
          throw error;
        }
        await follow(jobId, (job) => {
          if (ticket !== linkCheckTicket || !get().linkCheckOpen) {
            if (job.state === 'running') void client.cancelEvidenceJob({ jobId }).catch(() => undefined);
            return false;
          }
          set({ linkCheck: job });
          return true;
        });
      },

      closeLinkCheck() {
        const running = get().linkCheck;
        linkCheckTicket++;
        if (running?.state === 'running') void client.cancelEvidenceJob({ jobId: running.jobId }).catch(() => undefined);
        set({ linkCheckOpen: false, linkCheck: null });
      },

      getLocalCopy: (copyId) => get().perform('Could not open the local copy', () => client.getLocalCopy({ copyId }), { write: false }),
      // Not through perform: the team server's own page refuses it, and the section says so instead of a toast.
      getArchiveSettings: () => client.getArchiveSettings({}),
      setArchiveSettings: (patch) => client.setArchiveSettings(patch),
    };
  };
}
