/**
 * Reading back what the app wrote: an article's JSON export (importBundle) and a workspace
 * backup (exportWorkspace / restoreWorkspace). Each is validated first, with a message that
 * says what is wrong, and applied as one store change (one undo step), so a refused file
 * changes nothing.
 *
 * Published claims stay locked against edits, but not against a restore: a backup (or a
 * merge) is put back as it was saved, locks and all.
 */
import type { ExportedFile } from '../../../../shared/api/contract';
import { ApiError } from '../../../../shared/api/result';
import type { Article, AuditEntry, Claim, RatingLevel, Source, Workspace } from '../../../../shared/domain/schemas';
import { normalizeUrl } from '../../../../shared/sources/url';
import { newEntries } from '../../../../shared/domain/claimant-entries';
import { ArticleBundle, buildWorkspaceBackup, parseJsonFile, WorkspaceBackup, BUNDLE_FORMAT, BACKUP_FORMAT } from '../../../../shared/report/bundle';
import type { ImportedAudit } from '../store';
import { copiesOf, keepCopies, renameCopies } from '../evidence/copies-io';
import type { WorkspaceStore } from '../store-interface';

export interface Added {
  articles: Article[];
  claims: Claim[];
  sources: Source[];
}

/** Adds the article of a JSON export with its claims, the sources they cite (reusing the library's) and their history. */
export async function importBundle(store: WorkspaceStore, content: string): Promise<{ articles: Article[]; claims: Claim[] }> {
  const parsed = parseJsonFile(content, ArticleBundle, 'imported', BUNDLE_FORMAT);
  if (!parsed.ok) throw new ApiError('invalid_input', parsed.message);
  const bundle = parsed.value;
  // The copies first (written once; a source never lists a copy that is not kept).
  const renamed = await keepCopies(store.copies, bundle.copies, store.newId);
  // Filled in by the change, which plans against the workspace as it is when the change runs.
  const audit: { entries: readonly AuditEntry[] } = { entries: [] };
  return store.update(
    'Import article',
    (ws) => {
      const plan = planBundle(ws, bundle, store.newId);
      ws.articles.push(plan.article);
      ws.sources.push(...renameCopies(plan.sources, renamed));
      ws.claims.push(...plan.claims);
      audit.entries = plan.audit;
      return { articles: [plan.article], claims: plan.claims };
    },
    { audit },
  );
}

/** What importing `bundle` into `ws` adds: ids that clash renewed, sources deduplicated by address, ratings mapped. */
export function planBundle(ws: Workspace, bundle: ArticleBundle, newId: () => string): { article: Article; claims: Claim[]; sources: Source[]; audit: AuditEntry[] } {
  const taken = new Set<string>([...ws.articles, ...ws.claims, ...ws.sources].map((x) => x.id));
  const fresh = (id: string) => {
    if (!taken.has(id)) {
      taken.add(id);
      return id;
    }
    let next = newId();
    while (taken.has(next)) next = newId();
    taken.add(next);
    return next;
  };
  const ratings = ratingMapping(ws.settings.ratingScale, bundle.ratingScale, bundle.claims, 'this file');

  const sources = new SourceMerger(ws.sources, false);
  for (const source of bundle.sources) sources.add(source, () => fresh(source.id));
  const article: Article = { ...bundle.article, id: fresh(bundle.article.id) };
  const claimIds = new Map(bundle.claims.map((c) => [c.id, fresh(c.id)]));
  const present = new Set([...ws.claims.map((c) => c.id), ...claimIds.values()]);
  const claims = bundle.claims.map((claim): Claim => {
    const duplicateOf = claim.duplicateOf === null ? null : (claimIds.get(claim.duplicateOf) ?? (present.has(claim.duplicateOf) ? claim.duplicateOf : null));
    return {
      ...claim,
      id: claimIds.get(claim.id)!,
      articleId: article.id,
      duplicateOf,
      sources: sources.links(claim.sources),
      verdict: claim.verdict && { ...claim.verdict, ratingId: ratings.get(claim.verdict.ratingId) ?? claim.verdict.ratingId },
    };
  });
  const audit = bundle.audit.map((entry) => ({ ...entry, claimId: claimIds.get(entry.claimId)! }));
  return { article, claims, sources: sources.added, audit };
}

/** The whole workspace, with its history, as one backup file. */
export async function exportWorkspace(store: WorkspaceStore): Promise<ExportedFile> {
  const exportedAt = store.timestamp();
  const backup = buildWorkspaceBackup(store.data, await store.readAudit(), exportedAt, await copiesOf(store.copies, store.data.sources));
  return {
    fileName: `fact-check-desk-backup-${exportedAt.slice(0, 10)}.json`,
    mimeType: 'application/json',
    content: `${JSON.stringify(backup, null, 2)}\n`,
    encoding: 'utf8',
  };
}

/**
 * Restores a backup. `replace`: the workspace and its history become the backup's (who is
 * at the keyboard stays), as one undoable step. `merge`: articles, claims and sources whose
 * ids are not in the workspace are added (sources with an address already in the library
 * reuse it), existing ones are kept as they are, the backup's claimants whose names and aliases
 * are all new here join the claimant library, and the history of the added claims is
 * appended. Returns how many of each the workspace received.
 */
export async function restoreWorkspace(store: WorkspaceStore, content: string, mode: 'replace' | 'merge'): Promise<{ articles: number; claims: number; sources: number }> {
  const parsed = parseJsonFile(content, WorkspaceBackup, 'restored', BACKUP_FORMAT);
  if (!parsed.ok) throw new ApiError('invalid_input', parsed.message);
  const backup = parsed.value.workspace;
  const renamed = await keepCopies(store.copies, parsed.value.copies, store.newId);
  backup.sources = renameCopies(backup.sources, renamed);
  if (mode === 'replace') {
    return store.update(
      'Restore backup',
      (ws) => {
        ws.settings = { ...backup.settings, currentEditor: ws.settings.currentEditor };
        ws.articles = backup.articles;
        ws.claims = backup.claims;
        ws.sources = backup.sources;
        return { articles: backup.articles.length, claims: backup.claims.length, sources: backup.sources.length };
      },
      { audit: { entries: backup.audit, replace: true } },
    );
  }
  const audit: { entries: readonly AuditEntry[] } = { entries: [] };
  return store.update(
    'Merge backup',
    (ws) => {
      const plan = planMerge(ws, backup);
      // The backup's claimants join the library where none of their names is known here yet.
      const claimants = newEntries(ws.settings.claimants, backup.settings.claimants);
      if (claimants.length > 0) ws.settings.claimants.push(...claimants);
      ws.articles.push(...plan.articles);
      ws.sources.push(...plan.sources);
      ws.claims.push(...plan.claims);
      audit.entries = plan.audit;
      return { articles: plan.articles.length, claims: plan.claims.length, sources: plan.sources.length };
    },
    { audit } satisfies { audit: ImportedAudit },
  );
}

/** What merging `backup` into `ws` adds (see restoreWorkspace). */
export function planMerge(ws: Workspace, backup: Workspace): Added & { audit: AuditEntry[] } {
  const articleIds = new Set(ws.articles.map((a) => a.id));
  const claimIds = new Set(ws.claims.map((c) => c.id));
  const articles = backup.articles.filter((a) => !articleIds.has(a.id));
  const newClaims = backup.claims.filter((c) => !claimIds.has(c.id));
  const ratings = ratingMapping(ws.settings.ratingScale, backup.settings.ratingScale, newClaims, 'the backup');
  const sources = new SourceMerger(ws.sources, true);
  for (const source of backup.sources) sources.add(source, () => source.id);
  const present = new Set([...claimIds, ...newClaims.map((c) => c.id)]);
  const claims = newClaims.map(
    (claim): Claim => ({
      ...claim,
      duplicateOf: claim.duplicateOf !== null && present.has(claim.duplicateOf) ? claim.duplicateOf : null,
      sources: sources.links(claim.sources),
      verdict: claim.verdict && { ...claim.verdict, ratingId: ratings.get(claim.verdict.ratingId) ?? claim.verdict.ratingId },
    }),
  );
  const added = new Set(claims.map((c) => c.id));
  return { articles, claims, sources: sources.added, audit: backup.audit.filter((e) => added.has(e.claimId)) };
}

/**
 * Incoming sources against the library: the same id, or the same normalized address, is
 * the library's source (kept as it is); anything else is added under the id `idFor` gives.
 */
class SourceMerger {
  readonly added: Source[] = [];
  private readonly byId = new Map<string, string>();
  private readonly byUrl = new Map<string, string>();
  private readonly known = new Set<string>();

  /** `sameIdIsSame`: a source whose id is in the library is that source (a backup of this workspace). */
  constructor(
    library: readonly Source[],
    private readonly sameIdIsSame: boolean,
  ) {
    for (const source of library) {
      this.known.add(source.id);
      const key = normalizeUrl(source.url);
      if (!this.byUrl.has(key)) this.byUrl.set(key, source.id);
    }
  }

  add(source: Source, idFor: () => string): void {
    if (this.sameIdIsSame && this.known.has(source.id)) {
      this.byId.set(source.id, source.id);
      return;
    }
    const key = normalizeUrl(source.url);
    const existing = this.byUrl.get(key);
    if (existing !== undefined) {
      this.byId.set(source.id, existing);
      return;
    }
    const id = idFor();
    this.byId.set(source.id, id);
    this.byUrl.set(key, id);
    this.known.add(id);
    this.added.push({ ...source, id });
  }

  /** A claim's links with the sources' new ids; two links that now name one source keep the first. */
  links(links: Claim['sources']): Claim['sources'] {
    const seen = new Set<string>();
    return links.flatMap((link) => {
      const sourceId = this.byId.get(link.sourceId) ?? link.sourceId;
      if (seen.has(sourceId)) return [];
      seen.add(sourceId);
      return [{ ...link, sourceId }];
    });
  }
}

/**
 * How incoming verdicts' levels map onto the workspace's scale: the same id, else the same
 * label (any case). Refuses, naming them, when some verdicts fit neither.
 */
function ratingMapping(scale: readonly RatingLevel[], incoming: readonly RatingLevel[], claims: readonly Claim[], what: string): Map<string, string> {
  const ids = new Set(scale.map((l) => l.id));
  const byLabel = new Map(scale.map((l) => [l.label.trim().toLocaleLowerCase('en'), l.id]));
  const mapping = new Map<string, string>();
  const unmatched = new Map<string, number>();
  for (const claim of claims) {
    const ratingId = claim.verdict?.ratingId;
    if (ratingId === undefined || ids.has(ratingId)) continue;
    const label = incoming.find((l) => l.id === ratingId)?.label ?? ratingId;
    const target = byLabel.get(label.trim().toLocaleLowerCase('en'));
    if (target !== undefined) mapping.set(ratingId, target);
    else unmatched.set(label, (unmatched.get(label) ?? 0) + 1);
  }
  if (unmatched.size > 0) {
    const names = [...unmatched].map(([label, n]) => `“${label}” (${n} verdict${n === 1 ? '' : 's'})`).join(', ');
    throw new ApiError(
      'conflict',
      `The verdicts in ${what} use ratings that are not on this workspace’s scale: ${names}. Add ${unmatched.size === 1 ? 'this level' : 'these levels'} in Settings (or choose a scale that has ${unmatched.size === 1 ? 'it' : 'them'}), then try again; nothing was changed.`,
    );
  }
  return mapping;
}
