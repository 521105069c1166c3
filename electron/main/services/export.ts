import type { ExportedFile } from '../../../shared/api/contract';
import type { Article, Workspace } from '../../../shared/domain/schemas';
import { renderMarkdownReport, reportFileName } from '../../../shared/report/markdown';

export type ExportFormat = 'markdown';

/** Renders an article's report in the requested format, ready to be saved. */
export function exportReport(ws: Workspace, article: Article, format: ExportFormat, generatedAt: string): ExportedFile {
  const claims = ws.claims.filter((c) => c.articleId === article.id);
  switch (format) {
    case 'markdown':
      return {
        fileName: reportFileName(article.title, 'md'),
        mimeType: 'text/markdown;charset=utf-8',
        encoding: 'utf8',
        content: renderMarkdownReport({
          article,
          claims,
          sources: ws.sources,
          ratingScale: ws.settings.ratingScale,
          organizationName: ws.settings.organizationName,
          generatedAt,
        }),
      };
  }
}
