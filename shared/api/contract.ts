/**
 * The one API contract. Each method is declared here once: its input schema, its result
 * schema and who implements it. The IPC registration, the preload bridge, the browser-mode
 * server and bridge, and the renderer's client are all derived from this object.
 *
 * - `service` methods are implemented once, in electron/main/services/handlers/ (a module per
 *   domain), and run in the main process (Electron) or in the browser-mode server.
 * - `host` methods need the desktop around the app (a save dialog, the system browser);
 *   the Electron shell and the browser-mode bridge each provide them.
 */
import { z } from 'zod';
import {
  Article,
  ArticleFields,
  AuditEntry,
  Claim,
  ClaimFields,
  Id,
  PersonName,
  RatingLevel,
  RatingPreset,
  Settings,
  SettingsPatch,
  Source,
  SourceFields,
  Span,
  Stance,
  Tag,
  Timestamp,
  Verdict,
  WebUrl,
  Workspace,
  WorkspaceShape,
} from '../domain/schemas';
import type { ApiResult } from './result';
import { evidenceMethods } from './evidence-methods';
import { host, service } from './method-spec';
import { ClaimantsChange, DeleteClaimantInput, MergeClaimantsInput, SaveClaimantInput } from './claimant-methods';
import { JoinTeamInput, OutboxItemInput, PresenceEntry, SetPresenceInput, SwitchWorkspaceInput, SyncState, WorkspaceEntry, WorkspaceList } from './team-methods';

const NoInput = z.strictObject({});
const ById = z.strictObject({ id: Id });

const NewArticle = z.strictObject({
  title: ArticleFields.shape.title,
  text: ArticleFields.shape.text.refine((t) => t.trim().length > 0, 'the article text cannot be empty'),
  url: ArticleFields.shape.url.default(null),
  outlet: ArticleFields.shape.outlet.default(''),
  author: ArticleFields.shape.author.default(''),
  publishedDate: ArticleFields.shape.publishedDate.default(null),
});

const NewSource = z.strictObject({
  url: SourceFields.shape.url,
  title: SourceFields.shape.title,
  publisher: SourceFields.shape.publisher.default(''),
  author: SourceFields.shape.author.default(''),
  publishedDate: SourceFields.shape.publishedDate.default(null),
  excerpt: SourceFields.shape.excerpt.default(''),
  type: SourceFields.shape.type.default('other'),
  notes: SourceFields.shape.notes.default(''),
});

/** What a delete removed (and what restoreDeleted puts back). */
const Removed = z.object({ articles: z.array(Article), claims: z.array(Claim) });

/** Bulk triage: fields set on every selected claim, tags added or removed. */
const BulkPatch = z
  .strictObject({
    status: ClaimFields.shape.status.optional(),
    priority: ClaimFields.shape.priority.optional(),
    assignee: ClaimFields.shape.assignee.optional(),
    dueDate: ClaimFields.shape.dueDate.optional(),
    addTags: z.array(Tag).max(50).optional(),
    removeTags: z.array(Tag).max(50).optional(),
  })
  .refine((p) => Object.values(p).some((v) => v !== undefined), 'the bulk change is empty');

/** Every entity a change touched, as it is now, and the ids it removed: enough to update any copy. */
export const WorkspaceChanges = z.object({
  articles: z.array(Article),
  claims: z.array(Claim),
  sources: z.array(Source),
  removed: z.object({ articles: z.array(Id), claims: z.array(Id), sources: z.array(Id) }),
  settings: Settings.nullable(),
});
export type WorkspaceChanges = z.infer<typeof WorkspaceChanges>;

/** One change applied to a team workspace, as its live stream sends it to everyone (GET /events), numbered in the server's order. */
export const ChangeRecord = z.object({
  seq: z.number().int().nonnegative(),
  /** Who made it (the logged-in person). */
  actor: z.string(),
  /** What it was, in words ("Change status"). */
  label: z.string(),
  at: z.string(),
  changes: WorkspaceChanges,
});
export type ChangeRecord = z.infer<typeof ChangeRecord>;

/** What the live stream tells the app: a change; that it must load the workspace anew (the server's log was restored); whether the server is reachable. */
export type LiveEvent =
  | { kind: 'change'; record: ChangeRecord }
  | { kind: 'reset' }
  | { kind: 'connection'; connected: boolean }
  /** The local copy of a team workspace: whether the server is reachable, and the outbox. */
  | { kind: 'sync'; state: SyncState }
  /** Who has which claim open in a team workspace (everyone connected, the app's own person included). */
  | { kind: 'presence'; people: PresenceEntry[] };

export const HistoryState = z.object({
  canUndo: z.boolean(),
  canRedo: z.boolean(),
  /** What undo would undo / redo would redo, in words ("Change status"). */
  undoLabel: z.string().nullable(),
  redoLabel: z.string().nullable(),
});
export type HistoryState = z.infer<typeof HistoryState>;

/** `label` is what was undone or redone, null when there was nothing to do. */
export const HistoryResult = HistoryState.extend({ label: z.string().nullable(), changes: WorkspaceChanges });
export type HistoryResult = z.infer<typeof HistoryResult>;

/**
 * The start of a large workspace (openWorkspace): what the first view shows, at once. The rest
 * comes in parts (getWorkspacePart) while the editor already sees the table: sending a
 * 100,000-claim workspace as one answer kept the window blank for seconds.
 */
export const WorkspaceOpening = z.object({
  /**
   * Settings and every article, and when `complete` is false: only the first `firstClaims`
   * claims of the saved view (its filters and sort) and the first article's claims, no
   * sources, and an empty text for every article but those in `withText`. So its claims may
   * refer to sources and claims still to come: the shape of a workspace, not its references.
   */
  workspace: WorkspaceShape,
  complete: z.boolean(),
  /** How many of each the whole workspace holds: the parts still to fetch. */
  totals: z.object({ articles: z.number().int(), claims: z.number().int(), sources: z.number().int() }),
  /** The articles sent with their text (all of them when `complete`). */
  withText: z.array(Id),
});
export type WorkspaceOpening = z.infer<typeof WorkspaceOpening>;

export const WORKSPACE_PARTS = ['articles', 'claims', 'sources'] as const;
export type WorkspacePart = (typeof WORKSPACE_PARTS)[number];

/** One part of a workspace being opened: the asked kind's items from `offset`, in stored order (the other two lists empty). */
export const WorkspacePage = z.object({ articles: z.array(Article), claims: z.array(Claim), sources: z.array(Source) });
export type WorkspacePage = z.infer<typeof WorkspacePage>;

/**
 * What the editor must be told when the app starts: the data file could not be read (not
 * JSON, or not a workspace), so it was moved aside (kept, never deleted) and the newest
 * valid backup was loaded (`restoredFrom`), or, with no valid backup, a fresh sample
 * workspace was started (`restoredFrom` null). Shown until dismissed, across restarts.
 */
export const StartupNotice = z.object({
  /** recovered: the data file was damaged and a backup loaded; repaired: a damaged end of the journal or audit log was cut off, or damaged lines of the audit log blanked. */
  kind: z.enum(['recovered', 'repaired']),
  /** When it happened. */
  at: Timestamp,
  /** Why the data file could not be read, in words. */
  reason: z.string(),
  /** Where the damaged file (or the damaged bytes taken out of a file) is now (full path). */
  damagedFile: z.string(),
  /** The backup that was loaded (full path); null when a fresh workspace was started. */
  restoredFrom: z.string().nullable(),
  /** When that backup was taken; null with `restoredFrom`. */
  backupTakenAt: Timestamp.nullable(),
  /** The whole notice in one or two sentences, ready to show. */
  message: z.string(),
});
export type StartupNotice = z.infer<typeof StartupNotice>;

export const EXPORT_FORMATS = ['markdown', 'html', 'pdf', 'docx', 'csv', 'json', 'claimreview'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Binary formats (PDF, DOCX) travel as base64 text; everything else as UTF-8 text. */
export const FileEncoding = z.enum(['utf8', 'base64']);

export const ExportedFile = z.object({
  fileName: z.string().min(1),
  mimeType: z.string().min(1),
  content: z.string(),
  encoding: FileEncoding,
});
export type ExportedFile = z.infer<typeof ExportedFile>;

/** What a report includes. Defaults: sources yes, unverified claims yes, the workspace's organization name. */
export const ReportOptions = z.strictObject({
  includeSources: z.boolean().default(true),
  includeUnverified: z.boolean().default(true),
  /** Overrides the workspace's organization name in the header; '' for none. */
  organizationName: z.string().max(120).optional(),
});
export type ReportOptions = z.output<typeof ReportOptions>;

/** An article read from a file, pasted HTML or a web page, for the editor to check before adding it. */
export const ImportedDraft = z.object({
  title: z.string(),
  text: z.string(),
  url: z.string().nullable(),
  outlet: z.string(),
  author: z.string(),
  publishedDate: z.string().nullable(),
  /** Things the editor should know ("the title was guessed from the first line"). */
  notes: z.array(z.string()),
});
export type ImportedDraft = z.infer<typeof ImportedDraft>;

export const IMPORT_FILE_LIMIT = 20 * 1024 * 1024;

/** The file name the renderer gives rich text pasted into the new-article dialog: importFile reads it as pasted HTML. */
export const PASTED_HTML = 'pasted.html';

/**
 * Where a web import may read from: any http(s) address, this computer (localhost, an IP
 * address) and intranet names included, unlike WebUrl (public addresses, which articles
 * and sources store). A draft read from such an address has no `url`.
 */
export const ImportUrl = z.url({ protocol: /^https?$/, message: 'must be a web address starting with http:// or https://' });

export const ImportJob = z.object({
  jobId: z.string(),
  state: z.enum(['running', 'done', 'failed', 'cancelled']),
  receivedBytes: z.number().int().nonnegative(),
  /** From Content-Length when the server sent one. */
  totalBytes: z.number().int().nonnegative().nullable(),
  draft: ImportedDraft.nullable(),
  error: z.string().nullable(),
});
export type ImportJob = z.infer<typeof ImportJob>;

export const contract = {
  getAppInfo: service(
    'Which app this is, how it runs and where its data file is.',
    NoInput,
    z.object({ name: z.string(), version: z.string(), mode: z.enum(['electron', 'browser', 'team']), dataFile: z.string() }),
  ),
  getStartupNotice: service(
    'What the editor must know about this start (a damaged data file set aside and a backup restored), or null.',
    NoInput,
    StartupNotice.nullable(),
  ),
  dismissStartupNotice: service('The editor has read the startup notice: it is not shown again.', NoInput, z.object({ dismissed: z.boolean() })),
  getWorkspace: service('The whole workspace as stored, without the audit log (see getClaimHistory).', NoInput, Workspace),
  openWorkspace: service(
    'Open the workspace for the first view: all of it when it is small, else its settings, articles and the first claims the saved view shows (see WorkspaceOpening).',
    z.strictObject({ firstClaims: z.number().int().min(1).max(10_000) }),
    WorkspaceOpening,
  ),
  getWorkspacePart: service(
    "One part of the workspace while it opens: up to `limit` articles (with their text), claims or sources from `offset`, in stored order.",
    z.strictObject({ part: z.enum(WORKSPACE_PARTS), offset: z.number().int().min(0), limit: z.number().int().min(1).max(20_000) }),
    WorkspacePage,
  ),
  updateSettings: service(
    'Change workspace settings (organization name, assignee list, suggestion threshold, claim view).',
    z.strictObject({ patch: SettingsPatch }),
    Settings,
  ),

  createArticle: service('Add an article from its title and text.', NewArticle, Article),
  editArticleText: service(
    "Replace an article's text; its claims re-attach to their quotes where they moved, and are kept as orphaned where the quote is gone.",
    z.strictObject({ id: Id, text: NewArticle.shape.text }),
    z.object({ article: Article, claims: z.array(Claim), moved: z.number().int(), orphaned: z.number().int() }),
  ),
  updateArticle: service(
    "Change an article's details (not its text).",
    z.strictObject({ id: Id, patch: ArticleFields.omit({ text: true }).partial().strict() }),
    Article,
  ),
  deleteArticle: service(
    'Delete an article with its claims; the result holds what was removed, for undo.',
    ById,
    Removed,
  ),
  restoreDeleted: service(
    'Put back articles and claims removed by a delete (undo).',
    z.strictObject({ articles: z.array(Article).max(10_000), claims: z.array(Claim).max(100_000) }),
    Removed,
  ),

  createClaim: service(
    'Turn the article text between two offsets into a claim (scored for check-worthiness).',
    z.strictObject({
      articleId: Id,
      start: z.number().int().nonnegative(),
      end: z.number().int().positive(),
      text: ClaimFields.shape.text.optional(),
    }),
    Claim,
  ),
  createClaims: service(
    'Turn several passages of one article into claims at once (all or none).',
    z.strictObject({ articleId: Id, spans: z.array(Span).min(1).max(5_000) }),
    z.array(Claim),
  ),
  setSuggestionDismissed: service(
    'Dismiss a suggested sentence of an article, or bring it back.',
    z.strictObject({ articleId: Id, span: Span, dismissed: z.boolean() }),
    Article,
  ),
  updateClaim: service(
    "Change a claim's wording, triage fields, claimant ({ name, role }; a stored claimant's alias is saved as its name, with its role when none is given), claimDate or publishedUrl (the published fact-check's address: also on a published claim).",
    z.strictObject({ id: Id, patch: ClaimFields.partial().strict() }),
    Claim,
  ),
  updateClaims: service(
    'Change triage fields of many claims at once (bulk actions), all or none.',
    z.strictObject({ ids: z.array(Id).min(1).max(20_000), patch: BulkPatch }),
    z.array(Claim),
  ),
  deleteClaims: service(
    'Delete many claims at once; the result holds what was removed, for undo.',
    z.strictObject({ ids: z.array(Id).min(1).max(20_000) }),
    Removed,
  ),
  mergeClaims: service(
    'Merge one claim into another of the same article: the quote spans both, wording, tags and sources are combined.',
    z.strictObject({ keepId: Id, mergeId: Id }),
    z.object({ claim: Claim, removedId: Id }),
  ),
  splitClaim: service(
    "Split a claim in two at an offset inside its quote; the second part copies the first's triage and sources.",
    z.strictObject({ id: Id, at: z.number().int().positive() }),
    z.object({ first: Claim, second: Claim }),
  ),
  linkDuplicate: service(
    'Mark a claim as repeating an earlier one (optionally reusing its verdict and sources), or unlink it with null.',
    z.strictObject({ claimId: Id, originalId: Id.nullable(), reuseVerdict: z.boolean().default(false) }),
    Claim,
  ),
  deleteClaim: service(
    'Delete a claim; the result holds what was removed, for undo.',
    ById,
    Removed,
  ),

  addSource: service(
    'Attach a source to a claim; a source already in the workspace with the same address is reused.',
    z.strictObject({ claimId: Id, source: NewSource, stance: Stance }),
    z.object({ claim: Claim, source: Source }),
  ),
  linkSource: service(
    'Attach a source already in the library to a claim.',
    z.strictObject({ claimId: Id, sourceId: Id, stance: Stance }),
    Claim,
  ),
  updateSource: service(
    "Change a library source's details (its address stays: add a new source for another address).",
    z.strictObject({ id: Id, patch: SourceFields.omit({ url: true }).partial().strict() }),
    Source,
  ),
  setSourceStance: service(
    "Change how a source bears on a claim.",
    z.strictObject({ claimId: Id, sourceId: Id, stance: Stance }),
    Claim,
  ),
  unlinkSource: service(
    'Detach a source from a claim (the source stays in the workspace).',
    z.strictObject({ claimId: Id, sourceId: Id }),
    Claim,
  ),
  setVerdict: service(
    "Record a claim's verdict (rating, conclusion, rationale), or clear it with null.",
    z.strictObject({
      claimId: Id,
      verdict: z
        .strictObject({
          ratingId: Verdict.shape.ratingId,
          conclusion: Verdict.shape.conclusion.default(''),
          rationale: Verdict.shape.rationale.default(''),
        })
        .nullable(),
    }),
    Claim,
  ),

  setRatingScale: service(
    "Choose the workspace's rating scale (a preset or an edited list). Verdicts on levels that are not on the new scale need `mapping` (old level id → new level id).",
    z.strictObject({
      preset: RatingPreset,
      levels: z.array(RatingLevel).min(1).max(20),
      conclusionOnly: z.boolean().default(false),
      mapping: z.record(z.string(), RatingLevel.shape.id).default({}),
    }),
    Settings,
  ),
  requestReview: service(
    'Ask another editor to review a claim before it is published (moves it to In review).',
    z.strictObject({ claimId: Id, reviewer: PersonName.pipe(z.string().min(1, 'choose a reviewer')) }),
    Claim,
  ),
  decideReview: service(
    "The reviewer's decision: approve (the claim is published and locked) or send back with a comment.",
    z.strictObject({ claimId: Id, approve: z.boolean(), comment: z.string().max(5_000).default('') }),
    Claim,
  ),
  reopenClaim: service(
    'Reopen a published claim for correction; the correction note is kept and shown in reports.',
    z.strictObject({ claimId: Id, note: z.string().trim().min(1, 'write a correction note').max(5_000) }),
    Claim,
  ),
  saveClaimant: service(
    "Add a claimant to the library or edit one (name, role, aliases). With previousName, the entry (or a name only on claims) is renamed; claims naming the old name or an alias get the name (published ones are left and counted).",
    SaveClaimantInput,
    ClaimantsChange,
  ),
  mergeClaimants: service(
    "Make two claimants one: `from`'s name and aliases become aliases of `into`, and claims naming `from` name `into` (published ones are left and counted).",
    MergeClaimantsInput,
    ClaimantsChange,
  ),
  deleteClaimant: service('Remove a claimant from the library (its claims keep their claimant).', DeleteClaimantInput, ClaimantsChange),
  getClaimHistory: service('Every recorded change to a claim, oldest first.', z.strictObject({ claimId: Id }), z.array(AuditEntry)),

  undo: service('Undo the most recent change to the workspace (any change, by any method).', NoInput, HistoryResult),
  redo: service('Redo the most recently undone change.', NoInput, HistoryResult),
  getHistory: service('Whether there is something to undo or redo, and what.', NoInput, HistoryState),

  exportReport: service(
    "Render an article's fact-check report (or a selection of its claims) in one of the export formats.",
    z.strictObject({
      articleId: Id,
      format: z.enum(EXPORT_FORMATS),
      claimIds: z.array(Id).max(20_000).optional(),
      options: ReportOptions.default({ includeSources: true, includeUnverified: true }),
    }),
    ExportedFile,
  ),
  importFile: service(
    'Read an article from a file (.txt, .md, .html, .docx) or from pasted HTML, as a draft to check before adding it.',
    z.strictObject({
      fileName: z.string().min(1).max(255),
      /** The file's bytes, base64 (the renderer reads files; the service parses them). */
      contentBase64: z.string().max(Math.ceil((IMPORT_FILE_LIMIT * 4) / 3) + 8),
    }),
    ImportedDraft,
  ),
  startUrlImport: service(
    'Start reading an article from a web address (http/https, with a timeout, a size limit and few redirects); poll getImportJob.',
    z.strictObject({ url: ImportUrl }),
    z.object({ jobId: z.string() }),
  ),
  getImportJob: service('How a web import is going, and its draft when done.', z.strictObject({ jobId: z.string().max(64) }), ImportJob),
  cancelImport: service('Stop a web import; nothing is kept.', z.strictObject({ jobId: z.string().max(64) }), z.object({ cancelled: z.boolean() })),
  importBundle: service(
    "Add an article with its claims, sources, verdicts and history from a JSON export (ids that clash are renewed).",
    z.strictObject({ content: z.string().max(100_000_000, 'the file is too large (100 MB at most)') }),
    Removed,
  ),
  exportWorkspace: service('The whole workspace (with its history) as one backup file.', NoInput, ExportedFile),
  restoreWorkspace: service(
    'Restore a backup: replace the workspace, or merge it in (entities already present are kept; new ones are added).',
    z.strictObject({ content: z.string().max(100_000_000, 'the backup is too large (100 MB at most)'), mode: z.enum(['replace', 'merge']) }),
    z.object({ articles: z.number().int(), claims: z.number().int(), sources: z.number().int() }),
  ),

  listWorkspaces: service('The personal workspace and the team workspaces joined on this machine, and which one is open.', NoInput, WorkspaceList),
  joinTeam: service(
    'Join a team workspace: log in to its team server, keep a copy of it on this machine, and open it.',
    JoinTeamInput,
    WorkspaceEntry,
  ),
  switchWorkspace: service('Open another workspace (the personal one, or a team joined); the app loads it anew.', SwitchWorkspaceInput, WorkspaceList),
  getSyncState: service('Whether the team server is reachable, and the changes waiting to be sent to it (the outbox).', NoInput, SyncState),
  syncNow: service('Try to reach the team server now and send the outbox.', NoInput, SyncState),
  discardOutboxItem: service('Remove a change the team server refused from the outbox (the editor has read or copied it).', OutboxItemInput, SyncState),
  setPresence: service('Tell the team which claim this person has open (null: none).', SetPresenceInput, z.object({ people: z.array(PresenceEntry) })),

  ...evidenceMethods,

  saveFile: host(
    'Save a file the editor chose to export (a save dialog on the desktop, a download in a browser).',
    z.strictObject({
      fileName: z.string().min(1).max(255),
      mimeType: z.string().min(1).max(100),
      content: z.string().max(100_000_000),
      encoding: FileEncoding.default('utf8'),
    }),
    z.object({ saved: z.boolean(), location: z.string().nullable() }),
  ),
  openExternal: host(
    'Open a web address in the system browser (never inside the app).',
    z.strictObject({ url: WebUrl }),
    z.object({ opened: z.boolean() }),
  ),
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type ServiceMethod = { [M in MethodName]: Contract[M]['kind'] extends 'service' ? M : never }[MethodName];
export type HostMethod = Exclude<MethodName, ServiceMethod>;

/** What a caller passes (defaults may be left out). */
export type Input<M extends MethodName> = z.input<Contract[M]['input']>;
/** What a handler receives, after validation and defaults. */
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type Output<M extends MethodName> = z.output<Contract[M]['output']>;

export const METHOD_NAMES = Object.keys(contract) as MethodName[];
export const SERVICE_METHODS = METHOD_NAMES.filter((m): m is ServiceMethod => contract[m].kind === 'service');
export const HOST_METHODS = METHOD_NAMES.filter((m): m is HostMethod => contract[m].kind === 'host');

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.hasOwn(contract, name);
}

/** The IPC channel of a method: one per method, so a sender can only reach declared ones. */
export const ipcChannel = (method: MethodName): string => `factcheck:${method}`;

/** The IPC channel on which the main process sends the open workspace's live events (LiveEvent) to the window. */
export const LIVE_EVENTS_CHANNEL = 'factcheck:live-events';

/** Handler implementations, typed from the contract so none can be missing or mistyped. */
export type Handlers<M extends MethodName> = {
  [K in M]: (input: ParsedInput<K>) => Promise<Output<K>>;
};

/** The object exposed as `window.factcheck` by the preload and the browser-mode bridge. */
export type FactcheckBridge = {
  [K in MethodName]: (input: Input<K>) => Promise<ApiResultOf<K>>;
} & {
  /**
   * Other people's changes as they happen, in a team workspace (a personal workspace has
   * none: the listener is never called). Changes made since the page started are delivered
   * in order, so a workspace loaded after the page started and updated by them converges.
   */
  onWorkspaceChanges(listener: (event: LiveEvent) => void): () => void;
};
export type ApiResultOf<M extends MethodName> = ApiResult<Output<M>>;
