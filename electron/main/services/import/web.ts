/**
 * Downloading a web page for import, in the main process (never in the renderer): http and
 * https only, redirects followed by hand so each hop is checked (http(s) only, at most 5),
 * a total and an idle timeout, a size limit (reading stops as soon as it is passed), the
 * content type checked before the body is read, progress as bytes arrive, and
 * cancellation. Failures become sentences an editor can act on.
 */
import http from 'node:http';
import { ApiError } from '../../../../shared/api/result';
import { refuse } from './draft';
import type { ImportFormat } from './file';
import { routeUrl } from '../evidence/host-map';
import type { HostMap } from '../evidence/types';

export interface WebLimits {
  /** Bytes of body read at most (after decompression). */
  maxBytes: number;
  /** From the first request to the last byte. */
  totalTimeoutMs: number;
  /** With no byte (nor headers) arriving. */
  idleTimeoutMs: number;
  maxRedirects: number;
}

export const DEFAULT_WEB_LIMITS: WebLimits = {
  maxBytes: 10 * 1024 * 1024,
  totalTimeoutMs: 20_000,
  idleTimeoutMs: 10_000,
  maxRedirects: 5,
};


export interface Downloaded {
  /** The address after redirects. */
  url: string;
  kind: ImportFormat;
  /** The charset the server declared, if any. */
  charset: string | null;
  /** The Content-Type header as the server sent it ('' when none). */
  contentType: string;
  bytes: Buffer;
}

export interface Progress {
  (receivedBytes: number, totalBytes: number | null): void;
}

/** The download was cancelled: the job says so; there is no message to show. */
export class CancelledError extends Error {
  constructor() {
    super('The import was cancelled.');
    this.name = 'CancelledError';
  }
}

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const KINDS: Record<string, ImportFormat> = {
  'text/html': 'html',
  'application/xhtml+xml': 'html',
  'text/plain': 'text',
  'text/markdown': 'markdown',
  'text/x-markdown': 'markdown',
  [DOCX_TYPE]: 'docx',
};

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** Some sites turn away clients that do not look like a browser (the link check sends it too). */
export const BROWSER_USER_AGENT = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36 FactCheckDesk/0.1';

const HEADERS = {
  accept: `text/html,application/xhtml+xml,text/plain;q=0.9,text/markdown;q=0.9,${DOCX_TYPE};q=0.8,*/*;q=0.1`,
  'accept-language': 'en;q=0.9, *;q=0.5',
  'user-agent': BROWSER_USER_AGENT,
};

type Stop = 'cancelled' | 'idle' | 'total';

/**
 * Downloads `address` (already checked to be http or https). Rejects with an ApiError
 * (message for the editor) or CancelledError when `signal` aborts.
 */
export async function download(address: string, limits: WebLimits, signal: AbortSignal, progress: Progress, hosts?: HostMap): Promise<Downloaded> {
  const controller = new AbortController();
  let stop: Stop | null = null;
  const abort = (why: Stop) => {
    stop ??= why;
    controller.abort();
  };
  const onCancel = () => abort('cancelled');
  if (signal.aborted) throw new CancelledError();
  signal.addEventListener('abort', onCancel, { once: true });
  const total = setTimeout(() => abort('total'), limits.totalTimeoutMs);
  let idle = setTimeout(() => abort('idle'), limits.idleTimeoutMs);
  const alive = () => {
    clearTimeout(idle);
    idle = setTimeout(() => abort('idle'), limits.idleTimeoutMs);
  };
  let url = new URL(address);
  try {
    for (let hops = 0; ; hops++) {
      const response = await fetch(routeUrl(url, hosts), { redirect: 'manual', signal: controller.signal, headers: HEADERS });
      alive();
      if (REDIRECTS.has(response.status)) {
        await response.body?.cancel().catch(() => undefined);
        url = nextHop(url, response, hops, limits.maxRedirects);
        continue;
      }
      if (response.status < 200 || response.status > 299) {
        await response.body?.cancel().catch(() => undefined);
        refuse(`Could not import ${url.href}: the site answered ${response.status} ${statusText(response)}.`);
      }
      const { kind, charset } = kindOf(url, response);
      const length = Number(response.headers.get('content-length'));
      // With compression, Content-Length counts compressed bytes; what is counted here is what arrives decompressed.
      const compressed = !/^(identity)?$/i.test(response.headers.get('content-encoding')?.trim() ?? '');
      const totalBytes = Number.isInteger(length) && length >= 0 && response.headers.has('content-length') && !compressed ? length : null;
      if (totalBytes !== null && totalBytes > limits.maxBytes) {
        await response.body?.cancel().catch(() => undefined);
        tooBig(url, limits, totalBytes);
      }
      progress(0, totalBytes);
      const bytes = await readBody(response, url, limits, totalBytes, progress, alive, controller);
      return { url: url.href, kind, charset, contentType: response.headers.get('content-type') ?? '', bytes };
    }
  } catch (error) {
    if (stop === 'cancelled') throw new CancelledError();
    if (stop === 'idle') refuse(`Could not import ${address}: the site stopped answering (nothing arrived for ${seconds(limits.idleTimeoutMs)}).`);
    if (stop === 'total') refuse(`Could not import ${address}: the site took too long (more than ${seconds(limits.totalTimeoutMs)} in all).`);
    throw explain(error, url);
  } finally {
    clearTimeout(total);
    clearTimeout(idle);
    signal.removeEventListener('abort', onCancel);
  }
}

function nextHop(from: URL, response: Response, hops: number, maxRedirects: number): URL {
  const location = response.headers.get('location');
  if (!location) refuse(`Could not import ${from.href}: the site answered ${response.status} ${statusText(response)} without saying where the page is.`);
  let next: URL;
  try {
    next = new URL(location, from);
  } catch {
    return refuse(`Could not import ${from.href}: the site redirected to an address that is not valid (${location.slice(0, 200)}).`);
  }
  if (next.protocol !== 'http:' && next.protocol !== 'https:') {
    refuse(`Could not import ${from.href}: the site redirected to a ${next.protocol.replace(/:$/, '')}: address (${next.href.slice(0, 200)}); only http:// and https:// addresses are followed.`);
  }
  if (hops + 1 > maxRedirects) {
    refuse(`Could not import ${from.href}: the site redirected more than ${maxRedirects} times (the last time to ${next.href.slice(0, 200)}).`);
  }
  return next;
}

function kindOf(url: URL, response: Response): { kind: ImportFormat; charset: string | null } {
  const header = response.headers.get('content-type') ?? '';
  const type = header.split(';')[0]!.trim().toLowerCase();
  const charset = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(header)?.[1]?.toLowerCase() ?? null;
  const kind = KINDS[type];
  // No type at all: read it as a web page (the importer refuses binaries).
  if (kind || type === '') return { kind: kind ?? 'html', charset };
  return refuse(`Could not import ${url.href}: it is ${describeType(type)}, not a web page.`);
}

/** "an image (image/png)", "a PDF document (application/pdf)"… */
function describeType(type: string): string {
  if (type === 'application/pdf') return `a PDF document (${type})`;
  if (type.startsWith('image/')) return `an image (${type})`;
  if (type.startsWith('video/')) return `a video (${type})`;
  if (type.startsWith('audio/')) return `a sound file (${type})`;
  if (type === 'application/json' || type.endsWith('+json')) return `JSON data (${type})`;
  if (/zip|compressed|tar|gzip|octet-stream/.test(type)) return `a file to download (${type})`;
  if (type === 'application/msword') return `an old Word document (${type})`;
  return `a ${type} file`;
}

async function readBody(
  response: Response,
  url: URL,
  limits: WebLimits,
  totalBytes: number | null,
  progress: Progress,
  alive: () => void,
  controller: AbortController,
): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  let received = 0;
  if (!response.body) return Buffer.alloc(0);
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    alive();
    received += value.byteLength;
    if (received > limits.maxBytes) {
      controller.abort();
      await reader.cancel().catch(() => undefined);
      tooBig(url, limits, null);
    }
    chunks.push(value);
    progress(received, totalBytes);
  }
  return Buffer.concat(chunks, received);
}

function tooBig(url: URL, limits: WebLimits, size: number | null): never {
  const limit = `${Math.round((limits.maxBytes / 1024 / 1024) * 10) / 10} MB`;
  refuse(
    size === null
      ? `Could not import ${url.href}: the page is too big (more than ${limit}); reading stopped there.`
      : `Could not import ${url.href}: the page is too big (${(size / 1024 / 1024).toFixed(1)} MB; ${limit} at most).`,
  );
}

function statusText(response: Response): string {
  return (response.statusText || http.STATUS_CODES[response.status] || '').trim();
}

const seconds = (ms: number) => (ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`);

/** A network failure in words. ApiErrors (refusals above) pass through. */
export function explain(error: unknown, url: URL): unknown {
  if (!(error instanceof Error) || error instanceof ApiError) return error;
  const cause = (error as { cause?: unknown }).cause;
  const code = String((cause as { code?: unknown } | undefined)?.code ?? (error as { code?: unknown }).code ?? '');
  const host = url.host;
  const detail = cause instanceof Error ? cause.message : error.message;
  const fail = (message: string) => new ApiError('invalid_input', message);
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_NONAME' || code === 'EAI_NODATA') {
    return fail(`Could not find the server ${url.hostname}: check the address, and that this computer is online.`);
  }
  if (code === 'ECONNREFUSED') return fail(`Could not connect to ${host}: the server refused the connection.`);
  if (code === 'ECONNRESET' || code === 'EPIPE' || code === 'UND_ERR_SOCKET' || code === 'UND_ERR_CLOSED') {
    return fail(`Could not import ${url.href}: the server closed the connection before the page arrived.`);
  }
  if (code === 'ETIMEDOUT' || code === 'UND_ERR_CONNECT_TIMEOUT' || code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT') {
    return fail(`Could not import ${url.href}: the server did not answer in time.`);
  }
  if (code === 'ENETUNREACH' || code === 'EHOSTUNREACH' || code === 'EADDRNOTAVAIL') return fail(`Could not reach ${host}: the network is unreachable from this computer.`);
  if (/^(ERR_TLS|ERR_SSL|CERT_|UNABLE_TO_|DEPTH_ZERO|SELF_SIGNED|ERR_OSSL|HOSTNAME_MISMATCH)/.test(code) || /certificate|ssl|tls/i.test(detail)) {
    return fail(`Could not open a secure connection to ${host}: ${tlsReason(code, detail)}`);
  }
  if (code === 'UND_ERR_INVALID_ARG' || code === 'ERR_INVALID_URL') return fail(`Could not import ${url.href}: the address is not valid.`);
  return fail(`Could not import ${url.href}: ${detail.replace(/\.$/, '')}.`);
}

function tlsReason(code: string, detail: string): string {
  if (code === 'CERT_HAS_EXPIRED') return 'its certificate has expired.';
  if (code === 'DEPTH_ZERO_SELF_SIGNED_CERT' || code === 'SELF_SIGNED_CERT_IN_CHAIN') return 'its certificate is self-signed, so it cannot be trusted.';
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID' || code === 'HOSTNAME_MISMATCH') return 'its certificate is for another site.';
  if (code.startsWith('UNABLE_TO_')) return 'its certificate could not be verified.';
  return `${detail.replace(/\.$/, '')}${code ? ` (${code})` : ''}.`;
}

/** A web address refused before anything is fetched (the contract checks the scheme too). */
export function checkAddress(address: string): URL {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return refuse(`“${address.slice(0, 200)}” is not a web address.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') refuse(`Only http:// and https:// addresses can be imported (not ${url.protocol}).`);
  return url;
}
