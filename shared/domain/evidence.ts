/**
 * Evidence that lasts: what is known about a source's archived copy, and the local copies
 * of its page kept on this machine (or the team server). The archive state is only ever
 * what an archive said: a snapshot address is recorded when the archive returned one, never
 * built from a date (a link to a snapshot that does not exist is the error this prevents).
 */
import { z } from 'zod';

const Id = z.string().regex(/^[A-Za-z0-9_-]{6,64}$/, 'not a valid id');
const Timestamp = z.iso.datetime({ offset: true });
const HttpUrl = z.httpUrl({ message: 'must be a web address starting with http:// or https://' });
/** Any http(s) address, an intranet's or 127.0.0.1 too: what a server answered is recorded as it was. */
const AnyHttpUrl = z.url({ protocol: /^https?$/, message: 'must be a web address starting with http:// or https://' });

export const ARCHIVE_SERVICES = ['internet_archive'] as const;
export const ArchiveService = z.enum(ARCHIVE_SERVICES);
export type ArchiveService = z.infer<typeof ArchiveService>;

export const ARCHIVE_SERVICE_NAMES: Record<ArchiveService, string> = { internet_archive: 'Internet Archive' };

/** How a snapshot came to be recorded: saved at the editor's request, or found among the archive's existing ones. */
export const SnapshotOrigin = z.enum(['saved', 'found']);
export type SnapshotOrigin = z.infer<typeof SnapshotOrigin>;

export const ArchiveState = z.discriminatedUnion('state', [
  /** Nothing was archived (or nothing is known of it). */
  z.object({ state: z.literal('none') }),
  /** The archive accepted a request to save the page and is working on it; `jobId` lets the app ask again later. */
  z.object({
    state: z.literal('requested'),
    service: ArchiveService,
    requestedAt: Timestamp,
    jobId: z.string().max(200).nullable(),
  }),
  /** The archive holds a snapshot at `snapshotUrl`, taken at `snapshotAt` (the archive's own date). */
  z.object({
    state: z.literal('archived'),
    service: ArchiveService,
    snapshotUrl: AnyHttpUrl,
    snapshotAt: Timestamp,
    origin: SnapshotOrigin,
    recordedAt: Timestamp,
  }),
  /** The archive was asked and could not save the page, for `reason`. */
  z.object({
    state: z.literal('failed'),
    service: ArchiveService,
    failedAt: Timestamp,
    reason: z.string().max(2_000),
  }),
]);
export type ArchiveState = z.infer<typeof ArchiveState>;

export const NOT_ARCHIVED: ArchiveState = Object.freeze({ state: 'none' }) as ArchiveState;

/** What a source records of each local copy of its page (the copy itself is stored beside the workspace). */
export const LocalCopyRef = z.object({
  id: Id,
  fetchedAt: Timestamp,
  /** The address the page was read from, after redirects. */
  finalUrl: AnyHttpUrl,
  /** SHA-256 of the bytes received, hex. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'not a SHA-256 digest'),
  bytes: z.number().int().min(0),
  title: z.string().max(1_000),
});
export type LocalCopyRef = z.infer<typeof LocalCopyRef>;

/** The most text a local copy keeps (the page's clean text, not its markup). */
export const LOCAL_COPY_TEXT_LIMIT = 5_000_000;

/** A page as the importer read it, kept as evidence: written once, never rewritten. */
export const LocalCopy = LocalCopyRef.extend({
  sourceId: Id,
  /** The source's address, as it was asked for. */
  requestedUrl: HttpUrl,
  byline: z.string().max(1_000),
  /** The Content-Type the server declared. */
  contentType: z.string().max(200),
  /** The page's clean text, paragraphs separated by blank lines. */
  text: z.string().max(LOCAL_COPY_TEXT_LIMIT),
});
export type LocalCopy = z.infer<typeof LocalCopy>;

/** "Internet Archive snapshot of 5 Dec 2026, 09:12 UTC" and the like, for the app and reports. */
export function describeArchive(archive: ArchiveState): string {
  switch (archive.state) {
    case 'none':
      return 'Not archived';
    case 'requested':
      return `Archive requested ${utcMinute(archive.requestedAt)} (${ARCHIVE_SERVICE_NAMES[archive.service]} has not answered yet)`;
    case 'archived':
      return `${ARCHIVE_SERVICE_NAMES[archive.service]} snapshot of ${utcMinute(archive.snapshotAt)}`;
    case 'failed':
      return `Not archived: ${ARCHIVE_SERVICE_NAMES[archive.service]} could not save it (${archive.reason.replace(/\.$/, '')})`;
  }
}

/** "2026-12-05 09:12 UTC": unambiguous for a desk in any time zone. */
export function utcMinute(at: string): string {
  return `${at.slice(0, 10)} ${at.slice(11, 16)} UTC`;
}

/** "174 bytes", "34 KB", "2.1 MB": a copy's size as the app and the jobs say it. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
