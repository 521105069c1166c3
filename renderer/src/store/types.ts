/**
 * The shape of the one app store, as the union of its slices. Each slice lives in its own
 * file; they are declared together here so slices can call each other through `get()`
 * without importing each other.
 */
import type { StateCreator } from 'zustand/vanilla';
import type { HistoryState, ImportedDraft, Input, Output } from '../../../shared/api/contract';
import type { Article, AuditEntry, Claim, ReadyRules, Settings, Source, Span, Stance, Workspace } from '../../../shared/domain/schemas';
import type { Removed } from './entities';
import type { LoadProgress } from './loading';
import type { ViewSettings } from '../../../shared/domain/schemas';
import type { TableSort } from '../../../shared/domain/claim-query';
import type { ClaimantsChange } from '../../../shared/api/claimant-methods';
import type { ArchiveSettingsView, EvidenceJob, EvidenceJobKind } from '../../../shared/api/evidence-methods';
import type { LocalCopy } from '../../../shared/domain/evidence';
import type { PresenceEntry, SyncState, WorkspaceEntry, WorkspaceList } from '../../../shared/api/team-methods';

export type AppInfo = Output<'getAppInfo'>;
export type StartupNotice = NonNullable<Output<'getStartupNotice'>>;
export type NewArticle = Input<'createArticle'>;
export type NewSource = Input<'addSource'>['source'];
export type ClaimPatch = Input<'updateClaim'>['patch'];
export type VerdictInput = NonNullable<Input<'setVerdict'>['verdict']>;
export type SourcePatch = Input<'updateSource'>['patch'];

export interface WorkspaceSlice {
  workspace: Workspace | null;
  appInfo: AppInfo | null;
  loadState: 'idle' | 'loading' | 'ready' | 'failed';
  loadError: string | null;
  /**
   * While a large workspace is still arriving in parts (the first view is shown already):
   * how much has come. Null once `workspace` is the whole workspace.
   */
  loading: LoadProgress | null;
  /** In a team workspace, whether the team server's live stream is connected; null elsewhere. */
  live: 'connected' | 'reconnecting' | null;
  /** Resolves once the whole workspace is loaded (at once when it is). Writes wait for it. */
  whenLoaded(): Promise<void>;
  /** What the editor must be told about this start (a damaged data file set aside, a backup restored), until dismissed. */
  startupNotice: StartupNotice | null;
  load(): Promise<void>;
  dismissStartupNotice(): Promise<void>;
  createArticle(input: NewArticle): Promise<Article>;
  deleteArticle(id: string): Promise<Removed>;
  restoreDeleted(removed: Removed): Promise<void>;
  /**
   * "Undo" of a delete: the history's undo while the delete (`label`) is still the latest
   * step (it also brings back links the delete cut), else put the deleted things back.
   */
  undoDelete(label: string, removed: Removed): Promise<'undone' | 'restored'>;
  createClaim(articleId: string, start: number, end: number): Promise<Claim>;
  /** Accepts several suggested sentences of one article as claims, in one save. */
  createClaims(articleId: string, spans: readonly Span[]): Promise<Claim[]>;
  setSuggestionDismissed(articleId: string, span: Span, dismissed: boolean): Promise<Article>;
  /** Shows the new threshold at once and saves it once the editor stops moving the slider. */
  setSuggestionThreshold(value: number): void;
  /** Replaces the article's text; its claims re-attach or become orphaned. */
  editArticleText(articleId: string, text: string): Promise<void>;
  mergeClaims(keepId: string, mergeId: string): Promise<Claim>;
  splitClaim(id: string, at: number): Promise<{ first: Claim; second: Claim }>;
  linkDuplicate(claimId: string, originalId: string | null, reuseVerdict: boolean): Promise<Claim>;
  /** Cites a source already in the library. */
  linkSource(claimId: string, sourceId: string, stance: Stance): Promise<Claim>;
  updateSource(id: string, patch: SourcePatch): Promise<Source>;
  setRatingScale(input: Input<'setRatingScale'>): Promise<Settings>;
  setReadyRules(rules: ReadyRules): Promise<Settings>;
  /** Where approved fact-checks are published: an address with {slug} or {id}, or null for none. */
  setPublishedUrlTemplate(template: string | null): Promise<Settings>;
  /** Who is working in the app now (recorded in the history, checked in review). */
  setCurrentEditor(name: string): Promise<Settings>;
  requestReview(claimId: string, reviewer: string): Promise<Claim>;
  decideReview(claimId: string, approve: boolean, comment: string): Promise<Claim>;
  reopenClaim(claimId: string, note: string): Promise<Claim>;
  /** The claim's recorded changes, oldest first (read only). */
  claimHistory(claimId: string): Promise<AuditEntry[]>;
  updateClaim(id: string, patch: ClaimPatch): Promise<Claim>;
  deleteClaim(id: string): Promise<Removed>;
  addSource(claimId: string, source: NewSource, stance: Stance): Promise<{ claim: Claim; source: Source }>;
  setSourceStance(claimId: string, sourceId: string, stance: Stance): Promise<Claim>;
  unlinkSource(claimId: string, sourceId: string): Promise<Claim>;
  setVerdict(claimId: string, verdict: VerdictInput | null): Promise<Claim>;
  /** Renders a report (or a JSON/CSV/ClaimReview export) and hands it to the save dialog or a download. */
  exportReport(request: Input<'exportReport'>): Promise<void>;
  backupWorkspace(): Promise<void>;
  restoreWorkspace(content: string, mode: 'replace' | 'merge'): Promise<void>;
  /** Adds an article (claims, sources, verdicts, history) from a JSON export. */
  importBundle(content: string): Promise<void>;
  openExternal(url: string): Promise<void>;
}

/**
 * Claim fields typed freely and saved on a debounce and on blur. The claimant's name and role
 * are saved together (they are one claimant); the publication address only on blur or Enter.
 */
export type DraftField = 'text' | 'assignee' | 'claimantName' | 'claimantRole' | 'publishedUrl';

export interface Draft {
  value: string;
  /** Typed but not yet sent. */
  dirty: boolean;
  /** Sent and not yet answered. */
  saving: boolean;
  /** Why the last save of this draft failed; the draft is kept so nothing typed is lost. */
  error: string | null;
}

export interface DraftsSlice {
  drafts: Record<string, Draft>;
  /** `untilBlur`: keep the value unsent until the field is left (a prefilled suggestion being edited). */
  editDraft(claimId: string, field: DraftField, value: string, untilBlur?: boolean): void;
  /** Saves now if there is something unsent (used on blur and by the debounce timer). */
  flushDraft(claimId: string, field: DraftField): Promise<void>;
  /** The field lost focus: save what is unsent, and let the saved value show again. */
  releaseDraft(claimId: string, field: DraftField): Promise<void>;
  /** Forget drafts of deleted claims, so no timer saves into a claim that is gone. */
  discardDrafts(claimIds: readonly string[]): void;
}

export interface UiSlice {
  selectedArticleId: string | null;
  selectedClaimId: string | null;
  /** "Find claims": every sentence with its score, instead of the plain text. */
  suggestionsView: boolean;
  newArticleOpen: boolean;
  /** A claim just made by the editor: its wording field takes focus once it appears. */
  focusWordingOf: string | null;
  selectArticle(id: string | null): void;
  selectClaim(id: string | null): void;
  setSuggestionsView(on: boolean): void;
  setNewArticleOpen(open: boolean): void;
  wordingFocused(): void;
}

export interface StatusSlice {
  /** API calls that change data and have not answered yet. */
  pendingWrites: number;
  /** The most recent failure, until a later write succeeds. */
  lastError: string | null;
  /**
   * Runs one API call on behalf of the editor. A failure is always reported (toast and
   * status bar) and then rethrown, so callers can also show it next to a field.
   */
  perform<T>(what: string, call: () => Promise<T>, options?: { write?: boolean }): Promise<T>;
  /**
   * A write that waits for the editor to settle (sliders, filter typing): only the latest
   * call per key runs, after `delayMs`. Counts as pending from the start, so the status bar
   * says "Saving…" until it is on disk.
   */
  saveLater(key: string, delayMs: number, what: string, call: () => Promise<unknown>): void;
  /** Runs every waiting `saveLater` now (before the page goes away). */
  flushSaves(): void;
}

export type ToastKind = 'error' | 'info' | 'success';

export interface ToastAction {
  label: string;
  run(): Promise<unknown> | void;
}

export interface Toast {
  id: number;
  kind: ToastKind;
  message: string;
  action?: ToastAction;
}

export interface ToastsSlice {
  toasts: Toast[];
  pushToast(toast: Omit<Toast, 'id'>): number;
  dismissToast(id: number): void;
}

export interface HistorySlice {
  /** What undo and redo would do now (from the API's history). */
  history: HistoryState;
  undo(): Promise<void>;
  redo(): Promise<void>;
  /** Asks the API what can be undone; called after every write. */
  refreshHistory(): Promise<void>;
}

export type BulkPatch = Input<'updateClaims'>['patch'];

/** The table and board views: filters/sort/mode (saved in settings.view) and the ticked claims. */
export interface ViewsSlice {
  /** Claims ticked in the table or the board (shared by both), for bulk actions. */
  selectedIds: ReadonlySet<string>;
  /** Where a shift-click range starts: the claim last ticked or clicked. */
  selectionAnchorId: string | null;
  setViewMode(mode: ViewSettings['mode']): void;
  /** Applies at once; unticks claims the new filters hide; saved on a short debounce. */
  setViewFilters(patch: Partial<ViewSettings['filters']>): void;
  clearViewFilters(): void;
  /** Shown at once and saved with the view (per workspace), like the filters. */
  setViewSort(sort: TableSort): void;
  /** Replaces the ticked claims (Ctrl/Cmd+A); `anchorId` moves the range anchor when given. */
  setSelection(ids: Iterable<string>, anchorId?: string | null): void;
  toggleSelected(id: string): void;
  /** Shift-click: ticks every claim shown between the anchor and `toId` (in `orderedIds`). */
  selectRange(orderedIds: readonly string[], toId: string): void;
  clearSelection(): void;
  /** One updateClaims call for all `ids`; the ticked claims stay ticked. */
  bulkUpdateClaims(ids: readonly string[], patch: BulkPatch): Promise<Claim[]>;
  /** One deleteClaims call; the toast offers Undo (restoreDeleted). */
  bulkDeleteClaims(ids: readonly string[]): Promise<Removed>;
}

/** An import in progress (a file being parsed, a web page being fetched). */
export interface ImportProgress {
  label: string;
  receivedBytes: number;
  totalBytes: number | null;
  /** The service's job, for web imports (so it can be cancelled there too). */
  jobId: string | null;
}

export interface ImportSlice {
  importing: ImportProgress | null;
  /** The latest finished import, waiting for the New article dialog; `ticket` tells drafts apart. */
  importDraft: (ImportedDraft & { ticket: number }) | null;
  importFromFile(file: File): Promise<void>;
  importFromHtml(html: string): Promise<void>;
  importFromUrl(url: string): Promise<void>;
  cancelImport(): void;
  /** The dialog took the draft into its fields. */
  takeImportDraft(): void;
}

/** The stored claimant library: names with roles and aliases, renamed and merged across the claims. */
export interface ClaimantsSlice {
  /** Adds or edits an entry; with `previousName`, renames it (and the claims naming it or an alias). */
  saveClaimant(input: Input<'saveClaimant'>): Promise<ClaimantsChange>;
  /** `from`'s name and aliases become aliases of `into`; its claims name `into`. */
  mergeClaimants(from: string, into: string): Promise<ClaimantsChange>;
  /** Removes the entry only; claims keep their claimant. */
  deleteClaimant(name: string): Promise<ClaimantsChange>;
}

/** Team workspaces kept on this machine: the switcher, the sync state with its outbox, and presence. */
export interface SyncSlice {
  /** The open workspace's sync state: `{ kind: 'none' }` for the personal one and on the team server's own page. */
  sync: SyncState;
  /** Who has which claim open (everyone connected, this person included), as last heard. */
  presence: PresenceEntry[];
  /** The workspaces on this machine, for the switcher; null until asked. */
  workspaces: WorkspaceList | null;
  /** The team dialog open now, if any. */
  teamDialog: 'join' | 'outbox' | null;
  /** The workspace switcher's list in the status bar. */
  switcherOpen: boolean;
  refreshWorkspaces(): Promise<void>;
  /** Logs in, keeps a copy, opens it and loads it anew. Throws the server's refusal for the dialog to show. */
  joinTeam(input: Input<'joinTeam'>): Promise<WorkspaceEntry>;
  /** Opens another workspace and loads it anew. */
  switchWorkspace(id: string): Promise<void>;
  /** "Try again now": reach the server and send the outbox. */
  syncNow(): Promise<void>;
  /** Removes a refused change from the outbox (for good). */
  discardOutboxItem(id: string): Promise<void>;
  setTeamDialog(dialog: SyncSlice['teamDialog']): void;
  setSwitcherOpen(open: boolean): void;
}

/** Archive, copy and link-check jobs (see evidence-slice.ts). */
export interface EvidenceSlice {
  /** Each source's latest job of a kind (`evidenceKey`): running, or finished and not dismissed. */
  evidenceJobs: Record<string, EvidenceJob>;
  /** The link check shown in its dialog. */
  linkCheck: EvidenceJob | null;
  linkCheckOpen: boolean;
  startEvidenceJob(kind: Exclude<EvidenceJobKind, 'check-links'>, sourceId: string): Promise<void>;
  cancelEvidenceJob(jobId: string): Promise<void>;
  dismissEvidenceJob(key: string): void;
  /** Opens the dialog and checks the workspace's (null) or an article's source links. */
  startLinkCheck(articleId: string | null): Promise<void>;
  closeLinkCheck(): void;
  getLocalCopy(copyId: string): Promise<LocalCopy>;
  getArchiveSettings(): Promise<ArchiveSettingsView>;
  /** Throws the service's refusal for the settings form to show. */
  setArchiveSettings(patch: Input<'setArchiveSettings'>): Promise<ArchiveSettingsView>;
}

export type AppState = WorkspaceSlice &
  DraftsSlice &
  UiSlice &
  StatusSlice &
  ToastsSlice &
  HistorySlice &
  ImportSlice &
  ViewsSlice &
  ClaimantsSlice &
  SyncSlice &
  EvidenceSlice;

export type Slice<T> = StateCreator<AppState, [], [], T>;
