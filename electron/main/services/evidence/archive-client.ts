/**
 * Talking to the Internet Archive (or whatever answers like it at the configured address),
 * in the app's own process: the availability API to find a snapshot, Save Page Now to make
 * one (without keys: the capture happens during the request and the answer says where the
 * snapshot is; with keys: the SPN2 API accepts a job and is polled). Every request has a
 * timeout, answers are read up to a size limit and checked before use, cancelling stops at
 * once, and failures become sentences an editor can act on.
 */
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

/** An SPN2 job still pending when the job stopped polling: the source stays `requested`. */
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

const NAME = 'the Internet Archive';
const MAX_ANSWER_BYTES = 1024 * 1024;
const USER_AGENT = 'FactCheckDesk/0.1 (+evidence archiving)';

const Availability = z.object({
  archived_snapshots: z.object({
    closest: z.object({ available: z.boolean(), url: z.string(), timestamp: z.string().regex(/^\d{14}$/), status: z.string().optional() }).optional(),
  }),
});
const SaveAccepted = z.object({ url: z.string().optional(), job_id: z.string().min(1).max(200) });
const SaveRefused = z.object({ message: z.string().optional(), status_ext: z.string().optional(), status: z.string().optional() });
const JobStatus = z.discriminatedUnion('status', [
  z.object({ status: z.literal('pending') }).passthrough(),
  z.object({ status: z.literal('success'), timestamp: z.string().regex(/^\d{14}$/), original_url: z.string() }).passthrough(),
  z.object({ status: z.literal('error'), status_ext: z.string().optional(), message: z.string().optional() }).passthrough(),
]);

/** The archive's snapshot of `url` nearest `near` (ISO), or null when it has none. */
export async function findSnapshot(url: string, near: string, config: ArchiveConfig, signal: AbortSignal, timing: Partial<ArchiveTiming> = {}): Promise<Snapshot | null> {
  const { requestTimeoutMs } = { ...DEFAULT_ARCHIVE_TIMING, ...timing };
  const address = `${config.baseUrl}/wayback/available?url=${encodeURIComponent(url)}&timestamp=${waybackTimestamp(near)}`;
  const response = await request(address, { signal, timeoutMs: requestTimeoutMs });
  await refuseStatus(response);
  const answer = parse(Availability, await readJson(response, signal));
  const closest = answer.archived_snapshots.closest;
  if (!closest || !closest.available) return null;
  return { snapshotUrl: snapshotAddress(closest.url, config), snapshotAt: isoOf(closest.timestamp) };
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
  onStep(`Asking ${NAME} to save the page…`);
  if (!config.accessKey || !config.secretKey) return saveWithoutKeys(url, config, signal, limits.saveTimeoutMs);
  const response = await request(`${config.baseUrl}/save`, {
    signal,
    timeoutMs: limits.requestTimeoutMs,
    method: 'POST',
    headers: { ...authorization(config), accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ url }).toString(),
  });
  if (response.status === 401 || response.status === 403) {
    await response.body?.cancel().catch(() => undefined);
    throw new ApiError('invalid_input', `${capital(NAME)} refused the access keys (${response.status} ${statusText(response)}): check them in Settings › Internet Archive. Nothing was changed.`);
  }
  await refuseStatus(response);
  const json = await readJson(response, signal);
  const accepted = SaveAccepted.safeParse(json);
  if (!accepted.success) {
    const refused = SaveRefused.safeParse(json);
    if (refused.success && (refused.data.message || refused.data.status_ext)) throw new ArchiveRefusedError(reasonOf(refused.data));
    throw unreadable('its answer to the save request has no job id');
  }
  await onRequested(accepted.data.job_id);
  return checkSavedJob(accepted.data.job_id, url, config, signal, onStep, timing);
}

/** Polls an SPN2 job until the archive has saved the page (or refused, or `pollForMs` passed). */
export async function checkSavedJob(jobId: string, url: string, config: ArchiveConfig, signal: AbortSignal, onStep: Step, timing: Partial<ArchiveTiming> = {}): Promise<Snapshot> {
  const limits = { ...DEFAULT_ARCHIVE_TIMING, ...timing };
  const started = Date.now();
  for (;;) {
    const response = await request(`${config.baseUrl}/save/status/${encodeURIComponent(jobId)}`, {
      signal,
      timeoutMs: limits.requestTimeoutMs,
      headers: { ...authorization(config), accept: 'application/json' },
    });
    await refuseStatus(response);
    const status = parse(JobStatus, await readJson(response, signal));
    if (status.status === 'success') return { snapshotUrl: `${config.baseUrl}/web/${status.timestamp}/${status.original_url || url}`, snapshotAt: isoOf(status.timestamp) };
    if (status.status === 'error') throw new ArchiveRefusedError(reasonOf(status));
    const waited = Date.now() - started;
    if (waited >= limits.pollForMs) throw new StillPendingError(jobId);
    onStep(`Waiting for ${NAME} to save the page… (${Math.round(waited / 1000)} s)`);
    await delay(limits.pollIntervalMs, signal);
  }
}

/** Save Page Now without keys: the capture happens during the request; the answer points at the snapshot. */
async function saveWithoutKeys(url: string, config: ArchiveConfig, signal: AbortSignal, timeoutMs: number): Promise<Snapshot> {
  let address = `${config.baseUrl}/save/${url}`;
  for (let hops = 0; hops <= 5; hops++) {
    const response = await request(address, { signal, timeoutMs });
    const location = response.headers.get('location');
    const found = [location, response.headers.get('content-location'), mementoOf(response.headers.get('link'))].map((a) => a && snapshotIn(a, config)).find(Boolean);
    if (found) {
      await response.body?.cancel().catch(() => undefined);
      return found;
    }
    if (response.status >= 300 && response.status < 400 && location) {
      await response.body?.cancel().catch(() => undefined);
      address = new URL(location, address).href;
      continue;
    }
    await refuseStatus(response);
    const body = await readText(response, signal).catch(() => '');
    if (response.status >= 400) throw new ArchiveRefusedError(`${response.status} ${statusText(response)}${pageReason(body)}`);
    // Nothing says a capture failed: the answer is just not one this app can read; nothing is recorded.
    throw unreadable(`it answered ${response.status} ${statusText(response)} without saying where the snapshot is`);
  }
  throw unreadable('it redirected too many times');
}

/** A `/web/<14 digits>…/<address>` snapshot address in `text` (absolute or relative), under the archive's base. */
function snapshotIn(text: string, config: ArchiveConfig): Snapshot | null {
  const match = /\/web\/(\d{14})[a-z_]*\/(.+)$/.exec(text.trim());
  if (!match) return null;
  return { snapshotUrl: `${config.baseUrl}/web/${match[1]}/${match[2]}`, snapshotAt: isoOf(match[1]!) };
}

/** The `rel="memento"` address of a Link header. */
function mementoOf(link: string | null): string | null {
  if (!link) return null;
  for (const part of link.split(/,(?=\s*<)/)) {
    const match = /<([^>]+)>\s*;(.*)$/.exec(part.trim());
    if (match && /rel="?[^"]*\bmemento\b/.test(match[2]!)) return match[1]!;
  }
  return null;
}

/** The availability API answers http://web.archive.org/…: the same snapshot over https. */
function snapshotAddress(address: string, config: ArchiveConfig): string {
  let url: URL;
  try {
    url = new URL(address, config.baseUrl);
  } catch {
    throw unreadable(`its snapshot address is not valid (${address.slice(0, 120)})`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw unreadable('its snapshot address is not a web address');
  if (url.hostname === 'web.archive.org') url.protocol = 'https:';
  return url.href;
}

function isoOf(stamp: string): string {
  const iso = `${stamp.slice(0, 4)}-${stamp.slice(4, 6)}-${stamp.slice(6, 8)}T${stamp.slice(8, 10)}:${stamp.slice(10, 12)}:${stamp.slice(12, 14)}Z`;
  if (Number.isNaN(Date.parse(iso))) throw unreadable(`its snapshot date ${stamp} is not a date`);
  return iso;
}

function authorization(config: ArchiveConfig): Record<string, string> {
  return { authorization: `LOW ${config.accessKey}:${config.secretKey}` };
}

interface RequestOptions {
  signal: AbortSignal;
  timeoutMs: number;
  method?: string;
  headers?: Record<string, string>;
  body?: string;
}

/** One request with a timeout (to the answer's headers) and cancellation; network failures in words. */
async function request(address: string, options: RequestOptions): Promise<Response> {
  if (options.signal.aborted) throw new CancelledError();
  const timeout = AbortSignal.timeout(options.timeoutMs);
  try {
    return await fetch(address, {
      method: options.method ?? 'GET',
      headers: { 'user-agent': USER_AGENT, ...options.headers },
      body: options.body,
      redirect: 'manual',
      signal: AbortSignal.any([options.signal, timeout]),
    });
  } catch (error) {
    if (options.signal.aborted) throw new CancelledError();
    if (timeout.aborted) throw new ApiError('invalid_input', `${capital(NAME)} did not answer within ${Math.round(options.timeoutMs / 1000)} s. It may be busy: try again later. Nothing was changed.`);
    throw unreachable(error, address);
  }
}

function unreachable(error: unknown, address: string): ApiError {
  const host = safeHost(address);
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  const code = cause?.code ?? '';
  const detail = /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ENETUNREACH|EHOSTUNREACH/.test(code) ? '' : ` (${cause?.message ?? (error as Error).message})`;
  return new ApiError('invalid_input', `Could not reach ${NAME} (${host}): check that this computer is online${detail}. Nothing was changed.`);
}

/** 429 and 5xx and other refusals of the request itself (not of the page). */
async function refuseStatus(response: Response): Promise<void> {
  if (response.status === 429) {
    await response.body?.cancel().catch(() => undefined);
    const after = Number(response.headers.get('retry-after'));
    const wait = Number.isFinite(after) && after > 0 ? `wait ${after >= 120 ? `${Math.ceil(after / 60)} minutes` : `${Math.ceil(after)} seconds`}` : 'wait a few minutes';
    throw new ApiError('invalid_input', `${capital(NAME)} is limiting requests from this computer (429 Too Many Requests): ${wait}, then try again. Nothing was changed.`);
  }
  if (response.status >= 500) {
    await response.body?.cancel().catch(() => undefined);
    throw new ApiError('invalid_input', `${capital(NAME)} answered ${response.status} ${statusText(response)}: it may be busy or down. Try again later. Nothing was changed.`);
  }
}

async function readText(response: Response, signal: AbortSignal): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    if (signal.aborted) {
      await reader.cancel().catch(() => undefined);
      throw new CancelledError();
    }
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
  return new ApiError('invalid_input', `${capital(NAME)} answered with something this app cannot read: ${why}. Try again later. Nothing was changed.`);
}

function reasonOf(answer: { message?: string; status_ext?: string }): string {
  return [answer.message?.trim(), answer.status_ext ? `(${answer.status_ext})` : ''].filter(Boolean).join(' ').slice(0, 500) || 'no reason given';
}

/** The title of an error page, as a hint of why. */
function pageReason(html: string): string {
  const title = /<title>([^<]{1,200})<\/title>/i.exec(html)?.[1]?.trim();
  return title ? `: ${title}` : '';
}

function statusText(response: Response): string {
  return response.statusText || ({ 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 429: 'Too Many Requests', 500: 'Internal Server Error', 502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout' } as Record<number, string>)[response.status] || '';
}

function safeHost(address: string): string {
  try {
    return new URL(address).host;
  } catch {
    return address.slice(0, 80);
  }
}

const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function delay(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
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
