/**
 * Web imports as jobs: `start` answers at once with a job id, the download and the parsing
 * run in the background, the renderer polls `get` (state, bytes received, the draft or the
 * error) and may `cancel`. Jobs live in memory only and are forgotten a few minutes after
 * they finish. A cancelled job keeps nothing; no job ever writes to the workspace.
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { ImportedDraft, ImportJob } from '../../../../shared/api/contract';
import { ApiError } from '../../../../shared/api/result';
import { ArticleFields } from '../../../../shared/domain/schemas';
import { decodeHtml } from './charset';
import { docxToDraft } from './docx';
import { finishDraft, type DraftParts } from './draft';
import { htmlToDraft } from './html';
import { markdownParts } from './markdown';
import { textParts } from './text';
import { CancelledError, checkAddress, DEFAULT_WEB_LIMITS, download, type Downloaded, type WebLimits } from './web';

/** How long a finished job can still be read. */
export const JOB_KEEP_MS = 5 * 60_000;
export const MAX_RUNNING_JOBS = 8;

export interface WebImportOptions {
  limits?: Partial<WebLimits>;
  keepMs?: number;
  maxRunning?: number;
}

interface Job {
  readonly id: string;
  readonly url: string;
  state: ImportJob['state'];
  receivedBytes: number;
  totalBytes: number | null;
  draft: ImportedDraft | null;
  error: string | null;
  readonly controller: AbortController;
  done: Promise<void>;
  expiry: ReturnType<typeof setTimeout> | null;
}

export class WebImports {
  private readonly jobs = new Map<string, Job>();
  private readonly limits: WebLimits;
  private readonly keepMs: number;
  private readonly maxRunning: number;

  constructor(options: WebImportOptions = {}) {
    this.limits = { ...DEFAULT_WEB_LIMITS, ...options.limits };
    this.keepMs = options.keepMs ?? JOB_KEEP_MS;
    this.maxRunning = options.maxRunning ?? MAX_RUNNING_JOBS;
  }

  /** Starts reading `address`; answers at once. */
  start(address: string): { jobId: string } {
    const url = checkAddress(address).href;
    const running = [...this.jobs.values()].filter((j) => j.state === 'running').length;
    if (running >= this.maxRunning) {
      throw new ApiError('conflict', `${running} web imports are already running: wait for one to finish, or cancel one.`);
    }
    const job: Job = {
      id: randomBytes(12).toString('base64url'),
      url,
      state: 'running',
      receivedBytes: 0,
      totalBytes: null,
      draft: null,
      error: null,
      controller: new AbortController(),
      done: Promise.resolve(),
      expiry: null,
    };
    this.jobs.set(job.id, job);
    job.done = this.run(job);
    return { jobId: job.id };
  }

  /** How the job is going. */
  get(jobId: string): ImportJob {
    const job = this.find(jobId);
    return { jobId: job.id, state: job.state, receivedBytes: job.receivedBytes, totalBytes: job.totalBytes, draft: job.draft, error: job.error };
  }

  /** Stops a running job (true), which then keeps nothing; a finished or unknown one stays as it is (false). */
  cancel(jobId: string): { cancelled: boolean } {
    const job = this.jobs.get(jobId);
    if (!job || job.state !== 'running') return { cancelled: false };
    job.state = 'cancelled';
    job.draft = null;
    job.controller.abort();
    this.finished(job);
    return { cancelled: true };
  }

  /** The job once it has finished (the CLI waits for it; tests too). */
  async wait(jobId: string): Promise<ImportJob> {
    await this.find(jobId).done;
    return this.get(jobId);
  }

  /** Stops every running job and forgets them all. */
  dispose(): void {
    for (const job of this.jobs.values()) {
      if (job.state === 'running') this.cancel(job.id);
      if (job.expiry) clearTimeout(job.expiry);
    }
    this.jobs.clear();
  }

  private find(jobId: string): Job {
    const job = this.jobs.get(jobId);
    if (!job) {
      throw new ApiError('not_found', `This web import is no longer known: imports are kept ${Math.round(this.keepMs / 60_000)} minutes after they finish (and not across a restart). Start it again.`);
    }
    return job;
  }

  private async run(job: Job): Promise<void> {
    try {
      const page = await download(job.url, this.limits, job.controller.signal, (received, total) => {
        if (job.state !== 'running') return;
        job.receivedBytes = received;
        job.totalBytes = total;
      });
      if (job.state !== 'running') return;
      const draft = await draftOf(page);
      if (job.state !== 'running') return; // cancelled while the page was being read: nothing is kept
      job.draft = draft;
      job.state = 'done';
    } catch (error) {
      if (job.state !== 'running') return;
      if (error instanceof CancelledError) {
        job.state = 'cancelled';
      } else {
        job.state = 'failed';
        job.error = error instanceof ApiError ? error.message : `Could not import ${job.url}: something went wrong while reading it (${(error as Error).message}).`;
      }
    } finally {
      this.finished(job);
    }
  }

  /** A finished job is forgotten after keepMs (and, past 200 jobs, the oldest finished go first). */
  private finished(job: Job): void {
    if (job.expiry) return;
    job.expiry = setTimeout(() => this.jobs.delete(job.id), this.keepMs);
    job.expiry.unref?.();
    if (this.jobs.size > 200) {
      for (const [id, old] of this.jobs) {
        if (this.jobs.size <= 200) break;
        if (old.state !== 'running') {
          clearTimeout(old.expiry ?? undefined);
          this.jobs.delete(id);
        }
      }
    }
  }
}

/** A downloaded page (or text, or Word file) to a draft whose `url` is the address it was read from. */
export async function draftOf(page: Downloaded): Promise<ImportedDraft> {
  const url = new URL(page.url);
  let parts: DraftParts;
  if (page.kind === 'docx') {
    parts = await docxToDraft(page.bytes, decodeURIComponentSafe(path.posix.basename(url.pathname)) || 'document.docx');
  } else {
    const { html: decoded, notes } = decodeHtml(page.bytes, { name: page.url, declared: page.charset, strict: false });
    parts = page.kind === 'html' ? htmlToDraft(decoded, { name: page.url }) : page.kind === 'markdown' ? markdownParts(decoded) : textParts(decoded);
    parts = { ...parts, notes: [...notes, ...parts.notes] };
  }
  parts = { ...parts, url: page.url };
  if (!ArticleFields.shape.url.safeParse(page.url).success) {
    // This computer, an IP address, an intranet name: readable, but not an address articles keep.
    parts.notes.push(`The address ${page.url} is not a public web address, so it is not kept with the article.`);
  }
  if (!parts.outlet.trim()) {
    parts.outlet = url.hostname.replace(/^www\./, '');
    parts.notes.push('The outlet was taken from the web address: check it.');
  }
  const where = `${url.hostname}${url.pathname === '/' ? '' : url.pathname}`;
  return finishDraft(parts, {
    source: `the page ${page.url}`,
    fallbackTitle: where,
    fallbackNote: 'The page has no title, so the title is its address: change it.',
  });
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
