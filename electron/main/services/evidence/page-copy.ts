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
import { CancelledError, DEFAULT_WEB_LIMITS, download, type WebLimits } from '../import/web';
import type { HostMap } from './types';

export interface PageCopyOptions {
  /** The source's address, as it was asked for. */
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

/**
 * The page at `url` as a local copy. Rejects with an ApiError the editor can act on (the
 * site's refusal, too big, too long to keep), or CancelledError when `signal` aborts.
 * Nothing is cut short: a copy that is not the whole page would not be evidence.
 */
export async function readPageCopy(options: PageCopyOptions): Promise<LocalCopy> {
  const limits = { ...DEFAULT_WEB_LIMITS, ...options.limits };
  const page = await download(options.url, limits, options.signal, options.progress, options.hosts);
  const fetchedAt = (options.now ?? (() => new Date()))().toISOString();
  const sha256 = createHash('sha256').update(page.bytes).digest('hex');
  const draft = await draftOf(page).catch((error: unknown) => {
    throw tooLongToKeep(error);
  });
  // Reading a large page takes a while: a cancel during it keeps nothing either.
  if (options.signal.aborted) throw new CancelledError();
  if (draft.text.length > LOCAL_COPY_TEXT_LIMIT) {
    throw new ApiError(
      'invalid_input',
      `The page ${page.url} is too long to keep as a local copy: its text has ${draft.text.length.toLocaleString('en')} characters (${LOCAL_COPY_TEXT_LIMIT.toLocaleString('en')} at most).`,
    );
  }
  const parsed = LocalCopy.safeParse({
    id: options.id,
    sourceId: options.sourceId,
    requestedUrl: options.url,
    finalUrl: page.url,
    fetchedAt,
    sha256,
    bytes: page.bytes.length,
    // The importer already fits title and byline on one line of at most a few hundred characters.
    title: draft.title.slice(0, 1_000),
    byline: draft.author.slice(0, 1_000),
    contentType: page.contentType.trim().slice(0, 200),
    text: draft.text,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ApiError('invalid_input', `Could not keep a local copy of ${options.url}: ${issue ? `${issue.path.join('.') || 'the copy'} ${issue.message}` : 'it does not read as a copy'}.`);
  }
  return parsed.data;
}

/**
 * The importer refuses text over its article limit (the same number as LOCAL_COPY_TEXT_LIMIT)
 * before this module sees it: its words are about importing, so they are said for a copy.
 */
function tooLongToKeep(error: unknown): unknown {
  if (!(error instanceof ApiError) || !/^The page .* is too long: /s.test(error.message)) return error;
  return new ApiError(error.code, error.message.replace(' is too long: ', ' is too long to keep as a local copy: '));
}
