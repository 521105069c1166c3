/**
 * The API of evidence that lasts: archiving a source's page (the Internet Archive's Save
 * Page Now) or finding a snapshot it already has, keeping a local copy of the page, and
 * checking which source addresses no longer answer. Spread into the contract.
 *
 * The network work runs as jobs in the app's own process (the desktop main process, or the
 * `npm run serve` server): start answers at once with a job id, `getEvidenceJob` says how it
 * goes, `cancelEvidenceJob` stops it. A job that succeeds records its result in the workspace
 * with `recordArchive` or `keepLocalCopy` (through the team server for a team workspace);
 * one that fails changes nothing but, when the archive itself refused, the source's archive
 * state (`failed`, with the archive's reason).
 */
import { z } from 'zod';
import { ArchiveState, LocalCopy } from '../domain/evidence';
import { Id, Source, Timestamp } from '../domain/schemas';
import { service } from './method-spec';

const NoInput = z.strictObject({});
const JobId = z.strictObject({ jobId: z.string().min(1).max(64) });

export const EVIDENCE_JOB_KINDS = ['archive-save', 'archive-find', 'copy', 'check-links'] as const;
export const EvidenceJobKind = z.enum(EVIDENCE_JOB_KINDS);
export type EvidenceJobKind = z.infer<typeof EvidenceJobKind>;

/** Why a source's address failed a link check. */
export const LINK_PROBLEMS = ['not_found', 'gone', 'dns', 'timeout', 'moved', 'refused', 'server_error', 'other'] as const;
export const LinkProblem = z.enum(LINK_PROBLEMS);
export type LinkProblem = z.infer<typeof LinkProblem>;

/** One source address that no longer answers as it did. */
export const FailingLink = z.object({
  sourceId: Id,
  title: z.string(),
  url: z.string(),
  problem: LinkProblem,
  /** The HTTP status, when the server answered. */
  httpStatus: z.number().int().nullable(),
  /** Where the address now leads, for `moved`. */
  movedTo: z.string().nullable(),
  /** The problem in words ("404 Not Found", "no such server: news.example"). */
  detail: z.string(),
  archive: ArchiveState,
  /** The claims citing it (what a fix would touch). */
  claimIds: z.array(Id),
});
export type FailingLink = z.infer<typeof FailingLink>;

export const LinkCheckReport = z.object({
  checkedAt: Timestamp,
  /** The article whose sources were checked; null: the whole workspace. */
  articleId: Id.nullable(),
  checked: z.number().int(),
  ok: z.number().int(),
  failing: z.array(FailingLink),
});
export type LinkCheckReport = z.infer<typeof LinkCheckReport>;

export const EvidenceJob = z.object({
  jobId: z.string(),
  kind: EvidenceJobKind,
  /** The source it works on (null for a link check). */
  sourceId: Id.nullable(),
  state: z.enum(['running', 'done', 'failed', 'cancelled']),
  /** What it is doing now, in words ("Waiting for the Internet Archive to save the page…"). */
  step: z.string(),
  /** Bytes received (copy), addresses checked (links), or null when there is nothing to count. */
  done: z.number().int().nullable(),
  total: z.number().int().nullable(),
  /** What came of it, in one sentence, when done ("Snapshot of 2026-12-05 09:12 UTC recorded."). */
  outcome: z.string().nullable(),
  error: z.string().nullable(),
  /** The source as the job left it (archive state, copies), once done. */
  source: Source.nullable(),
  /** A link check's findings, once done. */
  report: LinkCheckReport.nullable(),
});
export type EvidenceJob = z.infer<typeof EvidenceJob>;

/** The archive settings as the app shows them: the secret key never leaves the process that keeps it. */
export const ArchiveSettingsView = z.object({
  /** The archive's base address ("https://web.archive.org"). */
  baseUrl: z.string(),
  /** True when access keys for the authenticated Save Page Now API are set. */
  keysSet: z.boolean(),
  /** The access key's first characters, to recognise it ("a1b2…"). */
  accessKeyHint: z.string(),
  /** Where the setting comes from: the settings file, or an environment variable that overrides it. */
  baseUrlFrom: z.enum(['default', 'settings', 'environment']),
});
export type ArchiveSettingsView = z.infer<typeof ArchiveSettingsView>;

const ArchiveBaseUrl = z
  .url({ protocol: /^https?$/, message: 'must be an address starting with http:// or https://' })
  .max(500)
  .refine((u) => !/[?#]/.test(u), 'must be a plain address, without ? or #');
const Key = z.string().trim().max(200).refine((k) => !/\s/.test(k), 'must not contain spaces');

export const ArchiveSettingsPatch = z
  .strictObject({
    baseUrl: ArchiveBaseUrl.nullable(),
    accessKey: Key,
    secretKey: Key,
    /** Remove both keys. */
    clearKeys: z.literal(true),
  })
  .partial()
  .refine((p) => (p.accessKey === undefined) === (p.secretKey === undefined), 'give the access key and the secret key together');

export const KeepLocalCopyInput = z.strictObject({ sourceId: Id, copy: LocalCopy });

export const evidenceMethods = {
  archiveSource: service(
    "Ask the Internet Archive to save a source's page now ('save'), or find the snapshot it already has nearest the day the source was added ('find'); poll getEvidenceJob.",
    z.strictObject({ sourceId: Id, action: z.enum(['save', 'find']) }),
    z.object({ jobId: z.string() }),
  ),
  copySource: service(
    "Read a source's page (with the web import's timeouts and size limit) and keep it as a local copy; poll getEvidenceJob.",
    z.strictObject({ sourceId: Id }),
    z.object({ jobId: z.string() }),
  ),
  checkLinks: service(
    'Check every source address of the workspace, or of one article, and list those that now fail; poll getEvidenceJob.',
    z.strictObject({ articleId: Id.nullable() }),
    z.object({ jobId: z.string() }),
  ),
  getEvidenceJob: service('How an archive, copy or link-check job is going, and what came of it.', JobId, EvidenceJob),
  cancelEvidenceJob: service('Stop an archive, copy or link-check job; nothing is recorded.', JobId, z.object({ cancelled: z.boolean() })),
  recordArchive: service(
    "Record what an archive answered about a source's page (what the archive jobs write; a snapshot is recorded only with its address and date).",
    z.strictObject({ sourceId: Id, archive: ArchiveState }),
    Source,
  ),
  keepLocalCopy: service(
    'Keep a local copy of a source\'s page (written once, never rewritten) and list it on the source.',
    KeepLocalCopyInput,
    Source,
  ),
  getLocalCopy: service('A local copy of a source\'s page: its clean text, title, byline, when and where it was read, and the SHA-256 of the bytes.', z.strictObject({ copyId: Id }), LocalCopy),
  getArchiveSettings: service('The archive this app uses and whether access keys are set (never the secret key).', NoInput, ArchiveSettingsView),
  setArchiveSettings: service(
    "Change the archive's address (null: the Internet Archive) or its access keys; kept on this machine, not in the workspace.",
    ArchiveSettingsPatch,
    ArchiveSettingsView,
  ),
} as const;
