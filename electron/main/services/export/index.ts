/**
 * Exports: an article's fact-check (or a selection of its claims) in every format, from one
 * report model. Read-only: the app's handler and the CLI call the same function with the
 * same data and time and get the same file.
 */
import type { ExportedFile, ExportFormat, ReportOptions } from '../../../../shared/api/contract';
import { ApiError } from '../../../../shared/api/result';
import type { Article, AuditEntry, Claim, Workspace } from '../../../../shared/domain/schemas';
import { quoted } from '../../../../shared/domain/rules';
import { buildReportModel, type ReportModel } from '../../../../shared/report/model';
import { renderMarkdown, reportFileName } from '../../../../shared/report/markdown';
import { renderHtml } from '../../../../shared/report/html';
import { renderCsv } from '../../../../shared/report/csv';
import { buildClaimReviews, ClaimReviewError } from '../../../../shared/report/claimreview';
import { buildArticleBundle } from '../../../../shared/report/bundle';
import { copiesOf } from '../evidence/copies-io';
import type { CopyStore } from '../evidence/types';
import { renderPdf } from './pdf';
import { renderDocx } from './docx';
import { findArticle, listIds } from '../lookup';

export interface ExportRequest {
  articleId: string;
  format: ExportFormat;
  claimIds?: readonly string[] | undefined;
  options: ReportOptions;
}

/** What an export reads: the workspace and its audit log (kept by the store beside it). */
export interface ExportData {
  workspace: Workspace;
  audit: readonly AuditEntry[];
  /** Where the sources' local copies are kept (the JSON export carries them); none: left out. */
  copies?: CopyStore;
}

export const MIME_TYPES: Record<ExportFormat, string> = {
  markdown: 'text/markdown;charset=utf-8',
  html: 'text/html;charset=utf-8',
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  csv: 'text/csv;charset=utf-8;header=present',
  json: 'application/json',
  claimreview: 'application/ld+json',
};

export const EXTENSIONS: Record<ExportFormat, string> = {
  markdown: 'md',
  html: 'html',
  pdf: 'pdf',
  docx: 'docx',
  csv: 'csv',
  json: 'json',
  claimreview: 'jsonld',
};

/** Renders the report in `format`, ready to save. `generatedAt` (ISO) is the time written in it. */
export async function exportReport(data: ExportData, request: ExportRequest, generatedAt: string): Promise<ExportedFile> {
  const { workspace } = data;
  const article = findArticle(workspace, request.articleId);
  const claims = chooseClaims(workspace, article, request.claimIds);
  const { format, options } = request;
  const file = (content: string, encoding: ExportedFile['encoding'] = 'utf8'): ExportedFile => ({
    fileName: reportFileName(article.title, EXTENSIONS[format]),
    mimeType: MIME_TYPES[format],
    content,
    encoding,
  });

  if (format === 'json') {
    const kept = options.includeUnverified ? claims : claims.filter((c) => c.verdict !== null);
    const cited = new Set(kept.flatMap((c) => c.sources.map((l) => l.sourceId)));
    const copies = data.copies ? await copiesOf(data.copies, workspace.sources.filter((s) => cited.has(s.id))) : [];
    const bundle = buildArticleBundle({ workspace, audit: data.audit, article, claims: kept, exportedAt: generatedAt, copies });
    return file(`${JSON.stringify(bundle, null, 2)}\n`);
  }

  const model: ReportModel = buildReportModel({
    settings: workspace.settings,
    article,
    claims,
    sources: workspace.sources,
    options,
    selection: request.claimIds !== undefined,
    generatedAt,
  });
  switch (format) {
    case 'markdown':
      return file(renderMarkdown(model));
    case 'html':
      return file(renderHtml(model));
    case 'csv':
      return file(renderCsv(model));
    case 'pdf':
      return file((await renderPdf(model)).toString('base64'), 'base64');
    case 'docx':
      return file((await renderDocx(model)).toString('base64'), 'base64');
    case 'claimreview': {
      let reviews;
      try {
        reviews = buildClaimReviews(model);
      } catch (error) {
        if (error instanceof ClaimReviewError) throw new ApiError('invalid_input', error.message);
        throw error;
      }
      if (reviews.length === 0) {
        throw new ApiError('invalid_input', `ClaimReview describes rated claims, and none of the exported claims of ${quoted(article.title)} has a verdict yet.`);
      }
      return file(`${JSON.stringify(reviews, null, 2)}\n`);
    }
  }
}

/** The article's claims, or the chosen ones: refuses ids that are missing or belong to another article. */
function chooseClaims(ws: Workspace, article: Article, claimIds: readonly string[] | undefined): Claim[] {
  const own = ws.claims.filter((c) => c.articleId === article.id);
  if (claimIds === undefined) return own;
  const byId = new Map(ws.claims.map((c) => [c.id, c]));
  const wanted = [...new Set(claimIds)];
  const missing = wanted.filter((id) => !byId.has(id));
  if (missing.length) throw new ApiError('not_found', `There is no claim with id ${listIds(missing)} (it may have been deleted); nothing was exported.`);
  const foreign = wanted.filter((id) => byId.get(id)!.articleId !== article.id);
  if (foreign.length) {
    throw new ApiError(
      'invalid_input',
      `${foreign.length === 1 ? 'Claim' : 'Claims'} ${listIds(foreign)} ${foreign.length === 1 ? 'belongs' : 'belong'} to another article: choose claims of ${quoted(article.title)} only; nothing was exported.`,
    );
  }
  const chosen = new Set(wanted);
  return own.filter((c) => chosen.has(c.id));
}

