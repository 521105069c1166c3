import type { Article, Claim, RatingLevel, Source } from '../domain/schemas';
import { STANCE_LABELS, STATUS_LABELS } from '../domain/labels';
import { ratingLabel } from '../domain/rating';

export interface ReportInput {
  article: Article;
  claims: readonly Claim[];
  sources: readonly Source[];
  ratingScale: readonly RatingLevel[];
  organizationName: string;
  generatedAt: string;
}

/**
 * The fact-check report as Markdown. Text the editor typed is escaped so it cannot change
 * the report's structure; the rationale is Markdown by design and is kept as written.
 */
export function renderMarkdownReport(input: ReportInput): string {
  const { article, claims, sources, ratingScale } = input;
  const byId = new Map(sources.map((s) => [s.id, s]));
  const lines: string[] = [];
  lines.push(`# Fact-check: ${inline(article.title)}`, '');
  const meta = [
    article.outlet && `Outlet: ${inline(article.outlet)}`,
    article.author && `Author: ${inline(article.author)}`,
    article.publishedDate && `Published: ${article.publishedDate}`,
    article.url && `Original: <${safeUrl(article.url)}>`,
  ].filter(Boolean);
  lines.push(...meta.map((m) => `- ${m}`));
  if (input.organizationName) lines.push(`- Checked by: ${inline(input.organizationName)}`);
  lines.push(`- Report generated: ${input.generatedAt}`, '');

  const ordered = [...claims].sort((a, b) => a.quote.start - b.quote.start);
  if (ordered.length === 0) lines.push('_No claims have been recorded for this article._', '');
  ordered.forEach((claim, index) => {
    lines.push(`## Claim ${index + 1}: ${inline(claim.text)}`, '');
    lines.push(...blockquote(claim.quote.exact), '');
    lines.push(`- Status: ${STATUS_LABELS[claim.status]}`);
    if (claim.assignee) lines.push(`- Checked by: ${inline(claim.assignee)}`);
    if (claim.tags.length) lines.push(`- Tags: ${claim.tags.map(inline).join(', ')}`);
    if (claim.verdict) {
      lines.push(`- **Verdict: ${inline(ratingLabel(ratingScale, claim.verdict.ratingId))}**`);
      if (claim.verdict.conclusion) lines.push(`- Conclusion: ${inline(claim.verdict.conclusion)}`);
    } else {
      lines.push('- Verdict: not yet rated');
    }
    lines.push('');
    if (claim.verdict?.rationale.trim()) lines.push('### Rationale', '', claim.verdict.rationale.trim(), '');
    const linked = claim.sources.flatMap((link) => {
      const source = byId.get(link.sourceId);
      return source ? [{ source, stance: link.stance }] : [];
    });
    if (linked.length) {
      lines.push('### Sources', '');
      for (const { source, stance } of linked) {
        const by = [source.publisher, source.publishedDate].filter(Boolean).map((s) => inline(s ?? '')).join(', ');
        lines.push(`- [${inline(source.title)}](<${safeUrl(source.url)}>)${by ? ` — ${by}` : ''} (${STANCE_LABELS[stance]})`);
        if (source.excerpt.trim()) lines.push(...blockquote(source.excerpt).map((l) => `  ${l}`));
      }
      lines.push('');
    }
    if (claim.corrections.length) {
      lines.push('### Corrections', '');
      for (const correction of claim.corrections) {
        lines.push(`- ${correction.at.slice(0, 10)}: ${inline(correction.note)}${correction.by ? ` (${inline(correction.by)})` : ''}`);
      }
      lines.push('');
    }
  });
  return `${lines.join('\n').trimEnd()}\n`;
}

/**
 * Escapes Markdown syntax in a single-line piece of user text. List markers (- +) are left
 * alone: inline text never starts a line in this report, so they cannot start a list.
 */
export function inline(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/([\\`*_{}[\]()<>#|~])/g, '\\$1');
}

function blockquote(text: string): string[] {
  return text
    .trim()
    .split(/\r?\n/)
    .map((line) => `> ${line.replace(/([\\`*_[\]<>#|~])/g, '\\$1')}`.trimEnd());
}

/** URLs are validated as http(s) on the way in; here only the characters that would end the link are encoded. */
function safeUrl(url: string): string {
  return url.replace(/[<>\s]/g, (c) => encodeURIComponent(c));
}

export function reportFileName(title: string, extension: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase()
    .slice(0, 60);
  return `fact-check-${slug || 'article'}.${extension}`;
}
