/**
 * The two JSON files the app writes to be read back: an article bundle (one article with its
 * claims, the sources they cite, their history and the rating scale the verdicts use) and a
 * workspace backup (everything, history included). Schemas and builders; pure.
 */
import { z } from 'zod';
import { LocalCopy } from '../domain/evidence';
import { Article, AuditEntry, Claim, RatingLevel, Source, Timestamp, Workspace, type Workspace as WorkspaceData } from '../domain/schemas';
import { orderClaims } from './model';
import { upgradeWorkspaceJson } from '../domain/migrations/index';

export const BUNDLE_FORMAT = 'factcheck-desk/article';
export const BACKUP_FORMAT = 'factcheck-desk/workspace';

export const ArticleBundle = z
  .object({
    format: z.literal(BUNDLE_FORMAT),
    version: z.literal(1),
    exportedAt: Timestamp,
    article: Article,
    claims: z.array(Claim).max(100_000),
    sources: z.array(Source).max(100_000),
    audit: z.array(AuditEntry),
    ratingScale: z.array(RatingLevel).min(1).max(20),
    /** The local copies its sources list (format 6; older files have none). */
    copies: z.array(LocalCopy).max(100_000).default([]),
  })
  .superRefine((bundle, ctx) => {
    const claimIds = unique(bundle.claims, 'claims', ctx);
    const sourceIds = unique(bundle.sources, 'sources', ctx);
    const listed = new Set(bundle.sources.flatMap((s) => s.copies.map((c) => `${c.id}:${c.sha256}`)));
    bundle.copies.forEach((copy, i) => {
      if (!listed.has(`${copy.id}:${copy.sha256}`)) {
        ctx.addIssue({ code: 'custom', path: ['copies', i], message: `the local copy ${copy.id} is not listed by any source in the file` });
      }
    });
    const levels = new Set(bundle.ratingScale.map((l) => l.id));
    bundle.claims.forEach((claim, i) => {
      if (claim.articleId !== bundle.article.id) {
        ctx.addIssue({ code: 'custom', path: ['claims', i, 'articleId'], message: `claim ${claim.id} belongs to another article` });
      }
      claim.sources.forEach((link, j) => {
        if (!sourceIds.has(link.sourceId)) {
          ctx.addIssue({ code: 'custom', path: ['claims', i, 'sources', j], message: `claim ${claim.id} cites a source that is not in the file` });
        }
      });
      if (claim.verdict && !levels.has(claim.verdict.ratingId)) {
        ctx.addIssue({ code: 'custom', path: ['claims', i, 'verdict'], message: `claim ${claim.id} has a rating that is not on the file's scale` });
      }
    });
    bundle.audit.forEach((entry, i) => {
      if (!claimIds.has(entry.claimId)) {
        ctx.addIssue({ code: 'custom', path: ['audit', i, 'claimId'], message: `a history entry is about claim ${entry.claimId}, which is not in the file` });
      }
    });
  });
export type ArticleBundle = z.infer<typeof ArticleBundle>;

export const WorkspaceBackup = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(1),
  exportedAt: Timestamp,
  /** A backup made by an older version holds an older data format: brought up to date first. */
  workspace: z.preprocess(upgradeWorkspaceJson, Workspace),
  /** The local copies the workspace's sources list (format 6; older backups have none). */
  copies: z.array(LocalCopy).default([]),
});
export type WorkspaceBackup = z.infer<typeof WorkspaceBackup>;

/**
 * An article bundle: the article, the given claims (in article order), every source they
 * cite, their history (oldest first) and the scale. Claims marked as duplicates of claims
 * that are not in the bundle keep the mark; the import drops what it cannot resolve.
 */
export function buildArticleBundle(input: {
  workspace: Pick<WorkspaceData, 'settings' | 'sources'>;
  audit: readonly AuditEntry[];
  article: Article;
  claims: readonly WorkspaceData['claims'][number][];
  exportedAt: string;
  /** The local copies kept of the sources (those of other sources are left out). */
  copies?: readonly LocalCopy[];
}): ArticleBundle {
  const claims = orderClaims(input.claims);
  const cited = new Set(claims.flatMap((c) => c.sources.map((l) => l.sourceId)));
  const ids = new Set(claims.map((c) => c.id));
  const sources = input.workspace.sources.filter((s) => cited.has(s.id));
  const listed = new Set(sources.flatMap((s) => s.copies.map((c) => c.id)));
  return {
    format: BUNDLE_FORMAT,
    version: 1,
    exportedAt: input.exportedAt,
    article: input.article,
    claims,
    sources,
    audit: input.audit.filter((e) => ids.has(e.claimId)),
    ratingScale: [...input.workspace.settings.ratingScale],
    copies: (input.copies ?? []).filter((c) => listed.has(c.id)),
  };
}

export function buildWorkspaceBackup(workspace: WorkspaceData, audit: readonly AuditEntry[], exportedAt: string, copies: readonly LocalCopy[] = []): WorkspaceBackup {
  return { format: BACKUP_FORMAT, version: 1, exportedAt, workspace: { ...workspace, audit: [...audit] }, copies: [...copies] };
}

/** Reads JSON text with a schema; the error says what is wrong and where, in words. */
export function parseJsonFile<T>(text: string, schema: z.ZodType<T>, what: string, expectedFormat: string): { ok: true; value: T } | { ok: false; message: string } {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { ok: false, message: `This file is not valid JSON (${(error as Error).message}), so it cannot be ${what}.` };
  }
  const format = (json as { format?: unknown } | null)?.format;
  if (typeof json !== 'object' || json === null || format !== expectedFormat) {
    const found = typeof format === 'string' ? ` (it says "${format.slice(0, 60)}")` : '';
    return { ok: false, message: `This is not a Fact-check Desk ${expectedFormat === BACKUP_FORMAT ? 'workspace backup' : 'article export (JSON)'}${found}, so it cannot be ${what}.` };
  }
  if ((json as { version?: unknown }).version !== 1) {
    return { ok: false, message: `This file was written by a newer version of Fact-check Desk (format version ${String((json as { version?: unknown }).version)}); update the app to read it.` };
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues;
    const first = issues[0]!;
    const where = first.path.length ? ` at ${first.path.join('.')}` : '';
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length === 2 ? '' : 's'})` : '';
    return { ok: false, message: `The file cannot be ${what}: it does not match the expected format${where}: ${first.message}${more}. Nothing was changed.` };
  }
  return { ok: true, value: parsed.data };
}

function unique(items: readonly { id: string }[], path: string, ctx: z.RefinementCtx): Set<string> {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    if (seen.has(item.id)) ctx.addIssue({ code: 'custom', path: [path, i, 'id'], message: `duplicate id ${item.id}` });
    seen.add(item.id);
  });
  return seen;
}
