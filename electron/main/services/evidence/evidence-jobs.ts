/**
 * Archive, copy and link-check jobs, run in the app's own process (the desktop main process
 * or the `npm run serve` server) like web imports: `start` answers at once with a job id,
 * the network work runs in the background, the renderer polls `get` and may `cancel`.
 * A job reads the open workspace and records what came of it through `port` (for a team
 * workspace, its local copy routes the record to the team server or its outbox). What a job
 * recorded stays; a job that fails on the way (offline, rate-limited, cancelled) records
 * nothing, except the archive's own refusal to save a page (the `failed` state, with its
 * reason). Jobs live in memory and are forgotten a few minutes after they finish.
 */
import { randomBytes } from 'node:crypto';
import type { EvidenceJob, EvidenceJobKind, KeepLocalCopyInput } from '../../../../shared/api/evidence-methods';
import { ApiError } from '../../../../shared/api/result';
import { formatBytes, type ArchiveState } from '../../../../shared/domain/evidence';
import type { Source, Workspace } from '../../../../shared/domain/schemas';
import { CancelledError, type WebLimits } from '../import/web';
import { newId as defaultNewId } from '../ids';
import { runArchiveJob } from './archive-job';
import { checkLinks } from './link-check';
import { readPageCopy } from './page-copy';
import { linkTargets } from './link-targets';
import type { ArchiveConfig, ArchiveTiming, HostMap } from './types';
import type { z } from 'zod';

/** How the jobs reach the open workspace (the app's handlers, whichever workspace is open). */
export interface EvidencePort {
  workspace(): Promise<Workspace>;
  recordArchive(input: { sourceId: string; archive: ArchiveState }): Promise<Source>;
  keepLocalCopy(input: z.output<typeof KeepLocalCopyInput>): Promise<Source>;
}

export interface EvidenceJobsOptions {
  port: EvidencePort;
  archive: () => ArchiveConfig;
  hosts?: HostMap;
  timing?: Partial<ArchiveTiming>;
  webLimits?: Partial<WebLimits>;
  links?: { concurrency?: number; timeoutMs?: number };
  newId?: () => string;
  now?: () => Date;
  keepMs?: number;
}

/** How long a finished job can still be read. */
const KEEP_MS = 10 * 60_000;

interface Job extends EvidenceJob {
  readonly controller: AbortController;
  finished: Promise<void>;
}

/** What a job's work reports back while it runs. */
export interface JobContext {
  readonly signal: AbortSignal;
  step(text: string): void;
  count(done: number | null, total: number | null): void;
}

export class EvidenceJobs {
  private readonly jobs = new Map<string, Job>();
  private readonly now: () => Date;
  private readonly newId: () => string;

  constructor(private readonly options: EvidenceJobsOptions) {
    this.now = options.now ?? (() => new Date());
    this.newId = options.newId ?? defaultNewId;
  }

  /** Starts a job on a source (archive, copy) or on the sources of an article or workspace (link check). */
  async start(kind: EvidenceJobKind, target: { sourceId?: string; articleId?: string | null }): Promise<{ jobId: string }> {
    const ws = await this.options.port.workspace();
    let source: Source | null = null;
    if (kind !== 'check-links') {
      source = ws.sources.find((s) => s.id === target.sourceId) ?? null;
      if (!source) throw new ApiError('not_found', `There is no source with id ${target.sourceId} in the library.`);
      // One job of a kind per source: asking twice follows the job already running.
      const running = [...this.jobs.values()].find((j) => j.state === 'running' && j.kind === kind && j.sourceId === source!.id);
      if (running) return { jobId: running.jobId };
    } else if (target.articleId && !ws.articles.some((a) => a.id === target.articleId)) {
      throw new ApiError('not_found', `There is no article with id ${target.articleId}.`);
    }
    const job: Job = {
      jobId: randomBytes(12).toString('base64url'),
      kind,
      sourceId: source?.id ?? null,
      state: 'running',
      step: 'Starting…',
      done: null,
      total: null,
      outcome: null,
      error: null,
      source: null,
      report: null,
      controller: new AbortController(),
      finished: Promise.resolve(),
    };
    this.jobs.set(job.jobId, job);
    job.finished = this.run(job, source, ws, target.articleId ?? null);
    return { jobId: job.jobId };
  }

  get(jobId: string): EvidenceJob {
    const job = this.find(jobId);
    const { controller: _controller, finished: _finished, ...view } = job;
    return { ...view };
  }

  cancel(jobId: string): { cancelled: boolean } {
    const job = this.jobs.get(jobId);
    if (!job || job.state !== 'running') return { cancelled: false };
    job.state = 'cancelled';
    job.step = 'Cancelled: nothing was recorded.';
    job.controller.abort();
    this.forgetLater(job);
    return { cancelled: true };
  }

  /** The job once it has finished (tests, the CLI). */
  async wait(jobId: string): Promise<EvidenceJob> {
    await this.find(jobId).finished;
    return this.get(jobId);
  }

  dispose(): void {
    for (const job of this.jobs.values()) if (job.state === 'running') this.cancel(job.jobId);
    this.jobs.clear();
  }

  private find(jobId: string): Job {
    const job = this.jobs.get(jobId);
    if (!job) throw new ApiError('not_found', 'This job is no longer known (jobs are forgotten some minutes after they finish, and at a restart). Start it again.');
    return job;
  }

  private async run(job: Job, source: Source | null, ws: Workspace, articleId: string | null): Promise<void> {
    const context: JobContext = {
      signal: job.controller.signal,
      step: (text) => {
        if (job.state === 'running') job.step = text;
      },
      count: (done, total) => {
        if (job.state !== 'running') return;
        job.done = done;
        job.total = total;
      },
    };
    const { port } = this.options;
    try {
      if (job.kind === 'archive-save' || job.kind === 'archive-find') {
        const result = await runArchiveJob(job.kind === 'archive-save' ? 'save' : 'find', source!, {
          context,
          port,
          config: this.options.archive(),
          timing: this.options.timing,
          now: this.now,
          isRunning: () => job.state === 'running',
        });
        this.finish(job, result.outcome, result.source, null);
      } else if (job.kind === 'copy') {
        context.step(`Reading ${source!.url}…`);
        const copy = await readPageCopy({
          url: source!.url,
          sourceId: source!.id,
          id: this.newId(),
          limits: this.options.webLimits,
          signal: context.signal,
          progress: (received, total) => context.count(received, total),
          hosts: this.options.hosts,
          now: this.now,
        });
        if (job.state !== 'running') return; // cancelled while the page was read: nothing is kept
        context.step('Keeping the copy…');
        const kept = await port.keepLocalCopy({ sourceId: source!.id, copy });
        this.finish(job, `Local copy kept: ${formatBytes(copy.bytes)}, SHA-256 ${copy.sha256.slice(0, 12)}….`, kept, null);
      } else {
        const targets = linkTargets(ws, articleId);
        context.count(0, targets.length);
        context.step(`Checking ${targets.length} source address${targets.length === 1 ? '' : 'es'}…`);
        const { ok, failing } = await checkLinks(targets, {
          ...this.options.links,
          signal: context.signal,
          hosts: this.options.hosts,
          onProgress: (checked, total) => context.count(checked, total),
        });
        const checked = ok + failing.length;
        const outcome = failing.length === 0 ? `All ${checked} addresses answer.` : `${failing.length} of ${checked} addresses fail.`;
        this.finish(job, outcome, null, { checkedAt: this.now().toISOString(), articleId, checked, ok, failing });
      }
    } catch (error) {
      if (job.state !== 'running') return;
      if (error instanceof CancelledError) {
        job.state = 'cancelled';
        job.step = 'Cancelled: nothing was recorded.';
      } else {
        job.state = 'failed';
        job.error = error instanceof ApiError ? error.message : `Something went wrong: ${(error as Error).message}`;
        // The archive's refusal is recorded on the source (runArchiveJob did): show it as it now is.
        const refused = (error as { source?: Source }).source;
        if (refused) job.source = refused;
      }
    } finally {
      this.forgetLater(job);
    }
  }

  private finish(job: Job, outcome: string, source: Source | null, report: EvidenceJob['report']): void {
    if (job.state !== 'running') return;
    job.state = 'done';
    job.step = 'Done.';
    job.outcome = outcome;
    job.source = source;
    job.report = report;
  }

  private forgetLater(job: Job): void {
    const timer = setTimeout(() => this.jobs.delete(job.jobId), this.options.keepMs ?? KEEP_MS);
    timer.unref?.();
  }
}

