/**
 * Reading a source's page into a local copy: the web importer's download (http(s) only,
 * redirects checked hop by hop, timeouts, the size limit, progress, cancel) and its reading
 * of the page (clean text, title, byline), with the time, the final address and the SHA-256
 * of the bytes as they arrived, so the copy can be shown to be what the site sent.
 */
import { createHash } from 'node:crypto';
import { ApiError } from '../../../../shared/api/result';
import { LOCAL_COPY_TEXT_LIMIT, LocalCopy } from '../../../../shared/domain/evidence';
import { draftOf } from '../import/jobs';
import { DEFAULT_WEB_LIMITS, download, type WebLimits } from '../import/web';
import type { HostMap } from './types';

export interface PageCopyOptions {
  url: string;
  sourceId: string;
  /** The copy's id (the store's kind of id). */
  id: string;
  limits?: Partial<WebLimits>;
  signal: AbortSignal;
  progress: (received: number, total: number | null) => void;
  hosts?: HostMap;
  now?: () => Date;
}

export async function readPageCopy(options: PageCopyOptions): Promise<LocalCopy> {
  const limits = { ...DEFAULT_WEB_LIMITS, ...options.limits };
  const page = await download(options.url, limits, options.signal, options.progress, options.hosts);
  const fetchedAt = (options.now ?? (() => new Date()))().toISOString();
  const draft = await draftOf(page);
  if (draft.text.length > LOCAL_COPY_TEXT_LIMIT) {
    throw new ApiError('invalid_input', `The page ${page.url} is too long to keep as a local copy (${draft.text.length.toLocaleString('en')} characters of text; ${LOCAL_COPY_TEXT_LIMIT.toLocaleString('en')} at most).`);
  }
  return LocalCopy.parse({
    id: options.id,
    sourceId: options.sourceId,
    requestedUrl: options.url,
    finalUrl: page.url,
    fetchedAt,
    sha256: createHash('sha256').update(page.bytes).digest('hex'),
    bytes: page.bytes.length,
    title: draft.title.slice(0, 1_000),
    byline: draft.author.slice(0, 1_000),
    contentType: page.contentType.slice(0, 200),
    text: draft.text,
  });
}
