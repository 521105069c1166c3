/**
 * Talking to the Internet Archive (or whatever answers like it at the configured address),
 * in the app's own process: the availability API to find a snapshot, Save Page Now to make
 * one (without keys: the capture happens during the request and the answer says where the
 * snapshot is; with keys: the SPN2 API accepts a job and is polled). Every exchange has a
 * deadline covering the answer's body too, answers are read up to a size limit and checked
 * before use, cancelling stops at once, and failures become sentences an editor can act on.
 * Only what the archive answered is returned: a snapshot address is never made up from a date.
 */
import http from 'node:http';
import { z } from 'zod';
import { ApiError } from '../../../../shared/api/result';
import { waybackTimestamp } from '../../../../shared/sources/url';
import { CancelledError } from '../import/web';
import { DEFAULT_ARCHIVE_TIMING, type ArchiveConfig, type ArchiveTiming } from './types';

/** The archive was reached and said it cannot save the page: recorded as `failed` with `reason`. */
export class ArchiveRefusedError extends Error {
  constructor(readonly reason: string) {
    super(`The Internet Archive could not save the page: ${reason}`);
    this.name = 'ArchiveRefusedError';
  }
}

/** An SPN2 job still pending when polling stopped: the source stays `requested` (checked again later). */
export class StillPendingError extends Error {
  constructor(readonly jobId: string) {
    super(`The Internet Archive is still working on ${jobId}.`);
    this.name = 'StillPendingError';
  }
}

export interface Snapshot {
  readonly snapshotUrl: string;
  /** ISO, UTC: the archive's own capture time. */
  readonly snapshotAt: string;
}

type Step = (text: string) => void;

const MAX_ANSWER_BYTES = 1024 * 1024;
const MAX_REDIRECTS = 5;
const USER_AGENT = 'FactCheckDesk/0.1 (+evidence archiving)';
const STAMP = /^\d{14}$/;
/** A snapshot address: `/web/<14 digits><modifier such as id_>/<page address>`. */
const SNAPSHOT_PATH = /\/web\/(\d{14})[^/]*\/(.+)$/;

const Availability = z.object({
  archived_snapshots: z.object({
    // `status` is not used: kept optional so an answer without it still finds the snapshot.
    closest: z.object({ available: z.boolean(), url: z.string(), timestamp: z.string().regex(STAMP), status: z.string().optional() }).optional(),
  }),
});
const SaveAccepted = z.object({ url: z.string().optional(), job_id: z.string().min(1).max(200) });
const SaveRefused = z.object({ message: z.string().optional(), status_ext: z.string().optional() });
const JobStatus = z.discriminatedUnion('status', [
  z.object({ status: z.literal('pending') }),
  z.object({ status: z.literal('success'), timestamp: z.string().regex(STAMP), original_url: z.string().min(1) }),
  z.object({ status: z.literal('error'), status_ext: z.string().optional(), message: z.string().optional() }),
]);

/** The archive's snapshot of `url` nearest `near` (ISO), or null when it has none. */
export async function findSnapshot(url: string, near: string, config: ArchiveConfig, signal: AbortSignal, timing: Partial<ArchiveTiming> = {}): Promise<Snapshot | null> {
  const { requestTimeoutMs } = { ...DEFAULT_ARCHIVE_TIMING, ...timing };
  const address = `${config.baseUrl}/wayback/available?url=${encodeURIComponent(url)}&timestamp=${waybackTimestamp(near)}`;
  const answer = await exchange(config, signal, requestTimeoutMs, async (s) => {
    const response = await send(address, s);
    await refuseStatus(response);
    return parse(Availability, await readJson(response, s));
  });
  const closest = answer.archived_snapshots.closest;
  if (!closest?.available) return null;
  return { snapshotUrl: snapshotAddress(closest.url), snapshotAt: isoOf(closest.timestamp) };
}

/**
 * Asks the archive to save `url` now. With keys, `onRequested` runs with the SPN2 job id as
 * soon as the archive accepts it (before polling); StillPendingError after `pollForMs`.
 */
export async function saveSnapshot(
  url: string,
  config: ArchiveConfig,
  signal: AbortSignal,
  onStep: Step,
  onRequested: (jobId: string) => Promise<void>,
  timing: Partial<ArchiveTiming> = {},
): Promise<Snapshot> {
  const limits = { ...DEFAULT_ARCHIVE_TIMING, ...timing };
  onStep('Asking the Internet Archive to save the page…');
  if (!config.accessKey || !config.secretKey) {
    const saved = await exchange(config, signal, limits.saveTimeoutMs, (s) => saveWithoutKeys(url, config, s));
    if ('snapshotUrl' in saved) return saved;
    // The archive answered with its "saving…" page naming a job: follow that job as with keys.
    await onRequested(saved.jobId);
    return checkSavedJob(saved.jobId, url, config, signal, onStep, timing);
  }
  const jobId = await exchange(config, signal, limits.requestTimeoutMs, async (s) => {
    const response = await send(`${config.baseUrl}/save`, s, {
      method: 'POST',
      headers: { ...authorization(config), accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ url }).toString(),
    });
    await refuseKeys(response, config);
    await refuseStatus(response);
    const json = await readJson(response, s);
    const accepted = SaveAccepted.safeParse(json);
    if (accepted.success) return accepted.data.job_id;
    const refused = SaveRefused.safeParse(json);
    if (refused.success && (refused.data.message || refused.data.status_ext)) throw new ArchiveRefusedError(reasonOf(refused.data));
    throw response.ok ? unreadable('its answer to the save request has no job id') : unexpected(response);
  });
  await onRequested(jobId);
  return checkSavedJob(jobId, url, config, signal, onStep, timing);
}

/** Polls an SPN2 job until the archive has saved the page (or refused, or `pollForMs` passed). */
export async function checkSavedJob(jobId: string, url: string, config: ArchiveConfig, signal: AbortSignal, onStep: Step, timing: Partial<ArchiveTiming> = {}): Promise<Snapshot> {
  const limits = { ...DEFAULT_ARCHIVE_TIMING, ...timing };
  const started = Date.now();
  for (;;) {
    const status = await exchange(config, signal, limits.requestTimeoutMs, async (s) => {
      const response = await send(`${config.baseUrl}/save/status/${encodeURIComponent(jobId)}`, s, { headers: { ...authorization(config), accept: 'application/json' } });
      await refuseKeys(response, config);
      await refuseStatus(response);
      return parse(JobStatus, await readJson(response, s));
    });
    if (status.status === 'success') {
      return { snapshotUrl: snapshotAddress(`${config.baseUrl}/web/${status.timestamp}/${status.original_url || url}`), snapshotAt: isoOf(status.timestamp) };
    }
    if (status.status === 'error') throw new ArchiveRefusedError(reasonOf(status));
    const waited = Date.now() - started;
    if (waited >= limits.pollForMs) throw new StillPendingError(jobId);
    onStep(`Waiting for the Internet Archive to save the page… (${Math.round(waited / 1000)} s)`);
    await delay(limits.pollIntervalMs, signal);
  }
}

/** Save Page Now without keys: the answer points at the snapshot (or, nowadays, names the job capturing it). */
async function saveWithoutKeys(url: string, config: ArchiveConfig, signal: AbortSignal): Promise<Snapshot | { jobId: string }> {
  let address = `${config.baseUrl}/save/${url}`;
  for (let hops = 0; ; hops++) {
    const response = await send(address, signal);
    const location = response.headers.get('location');
    // The address asked for counts only after a redirect: the page saved may itself contain "/web/<stamp>/".
    const candidates = [location, hops > 0 ? address : null, response.headers.get('content-location'), mementoOf(response.headers.get('link'))];
    const found = candidates.map((a) => (a ? snapshotIn(a, config) : null)).find((s) => s !== null);
    if (found) {
      await discard(response);
      return found;
    }
    if (response.status >= 300 && response.status < 400 && location) {
      await discard(response);
      if (hops + 1 > MAX_REDIRECTS) throw unreadable(`it redirected more than ${MAX_REDIRECTS} times`);
      const next = URL.canParse(location, address) ? new URL(location, address) : null;
      if (!next) throw unreadable(`it redirected to an address that is not valid (${location.slice(0, 120)})`);
      if (next.protocol !== 'http:' && next.protocol !== 'https:') throw unreadable(`it redirected to a ${next.protocol} address`);
      address = next.href;
      continue;
    }
    await refuseStatus(response);
    const body = await readText(response, signal);
    const job = /\bspn2-[0-9a-f]{40}\b/.exec(body)?.[0];
    if (response.ok && job) return { jobId: job };
    // Reached, and it said no (an exclusion, a block list) or gave no snapshot: the archive did not save the page.
    if (response.ok || (response.status >= 400 && response.status < 500)) {
      throw new ArchiveRefusedError(`${response.status} ${statusText(response)}${response.ok ? ': it did not say where a snapshot is' : pageReason(body)}`);
    }
    throw unexpected(response);
  }
}

/** A `/web/<14 digits>…/<address>` snapshot address in `text` (absolute or relative), rebuilt under the archive's base. */
function snapshotIn(text: string, config: ArchiveConfig): Snapshot | null {
  const match = SNAPSHOT_PATH.exec(text.trim());
  if (!match) return null;
  return { snapshotUrl: snapshotAddress(`${config.baseUrl}/web/${match[1]}/${match[2]}`), snapshotAt: isoOf(match[1]!) };
}

/** The `rel="memento"` address of a Link header (not "first memento": that is the oldest snapshot). */
function mementoOf(link: string | null): string | null {
  const entries = (link ?? '').split(/,(?=\s*<)/).map((part) => /^\s*<([^>]+)>\s*;(.*)$/.exec(part)).filter((m) => m !== null);
  const rel = (m: RegExpExecArray) => /\brel\s*=\s*"?([^";]*)"?/i.exec(m[2]!)?.[1]?.trim().toLowerCase() ?? '';
  return (entries.find((m) => rel(m) === 'memento') ?? entries.find((m) => rel(m) === 'last memento'))?.[1] ?? null;
}

/** An http(s) snapshot address; the availability API answers http://web.archive.org/…: the same snapshot over https. */
function snapshotAddress(address: string): string {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    throw unreadable(`its snapshot address is not valid (${address.slice(0, 120)})`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw unreadable(`its snapshot address is not a web address (${address.slice(0, 120)})`);
  if (url.hostname === 'web.archive.org') url.protocol = 'https:';
  return url.href;
}

function isoOf(stamp: string): string {
  const iso = `${stamp.slice(0, 4)}-${stamp.slice(4, 6)}-${stamp.slice(6, 8)}T${stamp.slice(8, 10)}:${stamp.slice(10, 12)}:${stamp.slice(12, 14)}Z`;
  const ms = Date.parse(iso);
  // Date.parse rolls 31 June over to 1 July: a stamp must survive the round trip to be a date.
  if (Number.isNaN(ms) || new Date(ms).toISOString() !== iso.replace('Z', '.000Z')) throw unreadable(`its snapshot date ${stamp} is not a date`);
  return iso;
}

function authorization(config: ArchiveConfig): Record<string, string> {
  return config.accessKey && config.secretKey ? { authorization: `LOW ${config.accessKey}:${config.secretKey}` } : {};
}

function send(address: string, signal: AbortSignal, init: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Response> {
  return fetch(address, { method: init.method ?? 'GET', headers: { 'user-agent': USER_AGENT, ...init.headers }, body: init.body, redirect: 'manual', signal });
}

/**
 * Runs one exchange with the archive (requests and reading their answers) under a deadline
 * and the job's cancel: whatever fails inside becomes CancelledError, a timeout in words,
 * or a network failure in words; the app's own errors pass through.
 */
async function exchange<T>(config: ArchiveConfig, signal: AbortSignal, timeoutMs: number, run: (signal: AbortSignal) => Promise<T>): Promise<T> {
  if (signal.aborted) throw new CancelledError();
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(), timeoutMs);
  try {
    return await run(AbortSignal.any([signal, deadline.signal]));
  } catch (error) {
    if (signal.aborted) throw new CancelledError();
    if (error instanceof ApiError || error instanceof ArchiveRefusedError || error instanceof StillPendingError) throw error;
    if (deadline.signal.aborted) throw new ApiError('invalid_input', `The Internet Archive did not answer within ${seconds(timeoutMs)}: it may be busy; try again later. Nothing was changed.`);
    throw unreachable(error, hostOf(config.baseUrl));
  } finally {
    clearTimeout(timer);
  }
}

function unreachable(error: unknown, host: string): ApiError {
  const cause = (error as { cause?: { code?: unknown; message?: unknown } }).cause;
  const code = String(cause?.code ?? (error as { code?: unknown }).code ?? '');
  const detail = String(cause?.message ?? (error as Error).message ?? '').replace(/\.$/, '');
  if (/^(ERR_TLS|ERR_SSL|CERT_|UNABLE_TO_|DEPTH_ZERO|SELF_SIGNED|ERR_OSSL)/.test(code)) {
    return new ApiError('invalid_input', `Could not open a secure connection to the Internet Archive: ${detail} (${code}). Check this computer's date and any proxy. Nothing was changed.`);
  }
  const known = /^(ENOTFOUND|EAI_AGAIN|EAI_NONAME|EAI_NODATA|ECONNREFUSED|ECONNRESET|ENETUNREACH|EHOSTUNREACH|EADDRNOTAVAIL|ETIMEDOUT|EPIPE|UND_ERR_SOCKET|UND_ERR_CONNECT_TIMEOUT)$/.test(code);
  return new ApiError('invalid_input', `Could not reach the Internet Archive (${host}): check that this computer is online${known || !detail ? '' : ` (${detail})`}. Nothing was changed.`);
}

/** 429 and 5xx: the request itself was turned away (the page was not judged). */
async function refuseStatus(response: Response): Promise<void> {
  if (response.status === 429) {
    await discard(response);
    const wait = waitFor(response.headers.get('retry-after'));
    throw new ApiError('invalid_input', `The Internet Archive is limiting requests from this computer (429 Too Many Requests): wait ${wait}, then try again. Nothing was changed.`);
  }
  if (response.status >= 500) {
    await discard(response);
    throw new ApiError('invalid_input', `The Internet Archive answered ${response.status} ${statusText(response)}: it may be busy; try again later. Nothing was changed.`);
  }
}

/** Retry-After in words: seconds or an HTTP date; "a few minutes" when it says neither. */
function waitFor(header: string | null): string {
  const value = header?.trim() ?? '';
  const secs = /^\d+$/.test(value) ? Number(value) : Math.round((Date.parse(value) - Date.now()) / 1000);
  if (!Number.isFinite(secs) || secs <= 0) return 'a few minutes';
  if (secs < 60) return `${secs} seconds`;
  const minutes = Math.ceil(secs / 60);
  return minutes === 1 ? '1 minute' : `${minutes} minutes`;
}

async function refuseKeys(response: Response, config: ArchiveConfig): Promise<void> {
  if (response.status !== 401 && response.status !== 403) return;
  await discard(response);
  if (!config.accessKey || !config.secretKey) {
    throw new ApiError('invalid_input', `The Internet Archive asks for access keys to follow this save (${response.status} ${statusText(response)}): set them in Settings → Internet Archive. Nothing was changed.`);
  }
  throw new ApiError('invalid_input', `The Internet Archive refused the access keys (${response.status} ${statusText(response)}): check them in Settings → Internet Archive. Nothing was changed.`);
}

/** Reads an answer up to MAX_ANSWER_BYTES: an archive's answers are small, anything bigger is not one. */
async function readText(response: Response, signal: AbortSignal): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    if (signal.aborted) throw signal.reason;
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_ANSWER_BYTES) {
      await reader.cancel().catch(() => undefined);
      throw unreadable('its answer is far larger than an archive answer');
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

async function readJson(response: Response, signal: AbortSignal): Promise<unknown> {
  const text = await readText(response, signal);
  try {
    return JSON.parse(text);
  } catch {
    throw unreadable(`it is not JSON (${response.status} ${statusText(response)}, “${text.slice(0, 60).replace(/\s+/g, ' ')}”)`);
  }
}

function parse<T>(schema: z.ZodType<T>, json: unknown): T {
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw unreadable(`it does not have the expected shape (${parsed.error.issues[0]?.path.join('.') || 'top'}: ${parsed.error.issues[0]?.message ?? 'unexpected'})`);
  return parsed.data;
}

function unreadable(why: string): ApiError {
  return new ApiError('invalid_input', `The Internet Archive answered with something this app cannot read: ${why}. Try again later. Nothing was changed.`);
}

function unexpected(response: Response): ApiError {
  return new ApiError('invalid_input', `The Internet Archive answered ${response.status} ${statusText(response)}, which this app did not expect: try again later. Nothing was changed.`);
}

function reasonOf(answer: { message?: string | undefined; status_ext?: string | undefined }): string {
  return [answer.message?.trim(), answer.status_ext ? `(${answer.status_ext})` : ''].filter(Boolean).join(' ').slice(0, 500) || 'no reason given';
}

/** The title of an error page, as a hint of why. */
function pageReason(html: string): string {
  const title = /<title>([^<]{1,200})<\/title>/i.exec(html)?.[1]?.trim();
  return title ? `: ${title}` : '';
}

const hostOf = (address: string) => (URL.canParse(address) ? new URL(address).host : address.slice(0, 80));

const discard = (response: Response) => response.body?.cancel().catch(() => undefined);
const statusText = (response: Response) => (response.statusText || http.STATUS_CODES[response.status] || '').trim();
const seconds = (ms: number) => (ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`);

function delay(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(new CancelledError());
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(new CancelledError());
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
