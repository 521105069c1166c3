import { claimFacts, emptyNote, leftOutNote, ORPHANED_NOTE, reportTitle, type ReportModel } from './model';

/**
 * The fact-check report as Markdown. Text the editor typed is escaped so it cannot change
 * the report's structure; the rationale is Markdown by design and is kept as written.
 */
export function renderMarkdown(model: ReportModel): string {
  const { article } = model;
  const lines: string[] = [];
  lines.push(`# ${inline(reportTitle(model))}`, '');
  const meta = [
    article.outlet && `Outlet: ${inline(article.outlet)}`,
    article.author && `Author: ${inline(article.author)}`,
    article.publishedDate && `Published: ${article.publishedDate}`,
    article.url && `Original: <${safeUrl(article.url)}>`,
  ].filter(Boolean);
  lines.push(...meta.map((m) => `- ${m}`));
  if (model.organization) lines.push(`- Checked by: ${inline(model.organization)}`);
  lines.push(`- Report generated: ${model.generatedAt}`, '');

  const empty = emptyNote(model);
  if (empty) lines.push(`_${empty}_`, '');
  const leftOut = leftOutNote(model);
  if (leftOut) lines.push(`_${leftOut}_`, '');
  for (const claim of model.claims) {
    lines.push(`## Claim ${claim.number}: ${inline(claim.wording)}`, '');
    lines.push(...blockquote(claim.quote), '');
    if (claim.claimBy) lines.push(`_${inline(claim.claimBy)}_`, '');
    if (claim.orphaned) lines.push(`_${ORPHANED_NOTE}_`, '');
    for (const [label, value] of claimFacts(claim)) lines.push(`- ${label}: ${inline(value)}`);
    if (claim.verdict) {
      lines.push(`- **Verdict: ${inline(claim.verdict.label)}**`);
      if (claim.verdict.conclusion) lines.push(`- Conclusion: ${inline(claim.verdict.conclusion)}`);
    } else {
      lines.push('- Verdict: not yet rated');
    }
    lines.push('');
    if (claim.verdict?.rationale) lines.push('### Rationale', '', withoutUnsafeLinks(withoutHtml(claim.verdict.rationale)), '');
    if (claim.sources.length) {
      lines.push('### Sources', '');
      for (const source of claim.sources) {
        const by = [source.publisher, source.author, source.publishedDate].filter(Boolean).map((s) => inline(s ?? '')).join(', ');
        lines.push(`- [${inline(source.title)}](<${safeUrl(source.url)}>)${by ? ` — ${by}` : ''} (${source.stanceLabel})`);
        if (source.excerpt) lines.push(...blockquote(source.excerpt).map((l) => `  ${l}`));
        lines.push(source.archiveUrl ? `  Archived copy (${source.archiveLabel}): <${safeUrl(source.archiveUrl)}>` : `  ${source.archiveLabel}`);
        if (source.localCopy) lines.push(`  Local copy kept ${source.localCopy.date} (SHA-256 ${source.localCopy.sha256})`);
      }
      lines.push('');
    }
    if (claim.corrections.length) {
      lines.push('### Corrections', '');
      for (const correction of claim.corrections) {
        lines.push(`- ${correction.date}: ${inline(correction.note)}${correction.by ? ` (${inline(correction.by)})` : ''}`);
      }
      lines.push('');
    }
  }
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

/**
 * The rationale is Markdown and stays as written, except raw HTML: Markdown viewers that pass
 * HTML through would run it, so the "<" that opens a tag, comment or declaration is escaped
 * (`<https://…>` autolinks stay links).
 */
export function withoutHtml(markdown: string): string {
  return markdown.replace(/<(?=[A-Za-z/!?])(?!https?:\/\/[^\s<>]*>)/g, '&lt;');
}

/** Link destinations that stay links: an http(s) address or an in-page anchor (after optional spaces and `<`). */
const INLINE_LINK = /\]\((?![ \t]*<?[ \t]*(?:https?:\/\/|#))/gi;
const REFERENCE_DEFINITION = /^( {0,3}\[[^\]\n]+\]):(?![ \t]*<?[ \t]*(?:https?:\/\/|#))/gim;

/**
 * The rationale's links stay links only to http(s) addresses (as in every other format):
 * for any other destination — `javascript:`, `data:`, `file:`, an entity-encoded scheme
 * (`javascript&#58;`, which Markdown decodes), a relative path — the `(` of an inline link
 * or image and the `:` of a reference definition are escaped, so viewers show the text
 * instead of making a link of it.
 */
export function withoutUnsafeLinks(markdown: string): string {
  return markdown.replace(INLINE_LINK, ']\\(').replace(REFERENCE_DEFINITION, '$1\\:');
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
