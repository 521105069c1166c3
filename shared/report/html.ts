/**
 * The report as one standalone HTML file: readable on screen, printable, with no scripts.
 * Every piece of user text goes through `escapeHtml`; links are written only for http(s)
 * addresses, with rel="noopener noreferrer"; and the page carries a Content-Security-Policy
 * that allows nothing but its own inline style and data: images, so even markup that somehow
 * got through could not run or load anything.
 */
import { articleFacts, claimFacts, emptyNote, leftOutNote, ORPHANED_NOTE, reportTitle, sourceDetails, type ReportClaim, type ReportModel } from './model';
import { webHref, type RationaleBlock, type RationaleInline } from './rationale';

export const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Escapes text for HTML element content and quoted attribute values alike. NUL and the other
 * C0 controls (except tab, line feed and carriage return) become U+FFFD: HTML has no use for them.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!).replace(CONTROL, '\uFFFD');
}

/** A link to an http(s) address, else the label as plain text (never an href for another scheme). */
export function htmlLink(url: string, label: string): string {
  const href = webHref(url);
  if (!href) return escapeHtml(label);
  return `<a href="${escapeHtml(href)}" rel="noopener noreferrer">${escapeHtml(label)}</a>`;
}

export function renderHtml(model: ReportModel): string {
  const title = reportTitle(model);
  const out: string[] = [];
  out.push(
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(REPORT_CSP)}">`,
    '<meta name="referrer" content="no-referrer">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="generator" content="Fact-check Desk">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<main>',
    '<header class="report-header">',
  );
  if (model.organization) out.push(`<p class="organization">${escapeHtml(model.organization)}</p>`);
  out.push(`<h1>${escapeHtml(title)}</h1>`, '<dl class="meta">');
  for (const [label, value] of articleFacts(model)) out.push(`<div><dt>${escapeHtml(label)}</dt><dd>${escapeHtml(value)}</dd></div>`);
  if (model.article.url) out.push(`<div><dt>Original</dt><dd>${htmlLink(model.article.url, model.article.url)}</dd></div>`);
  out.push('</dl>', '</header>');
  const empty = emptyNote(model);
  if (empty) out.push(`<p class="note">${escapeHtml(empty)}</p>`);
  const leftOut = leftOutNote(model);
  if (leftOut) out.push(`<p class="note">${escapeHtml(leftOut)}</p>`);
  for (const claim of model.claims) out.push(...claimHtml(claim));
  out.push('<footer>', `<p>Report generated ${escapeHtml(model.generatedAtText)} with Fact-check Desk.</p>`, '</footer>', '</main>', '</body>', '</html>');
  return `${out.join('\n')}\n`;
}

function claimHtml(claim: ReportClaim): string[] {
  const out: string[] = [];
  out.push(`<article class="claim" id="claim-${claim.number}">`);
  out.push(`<h2><span class="number">Claim ${claim.number}</span> ${escapeHtml(claim.wording)}</h2>`);
  out.push(`<blockquote class="quote">${multiline(claim.quote)}</blockquote>`);
  if (claim.claimBy) out.push(`<p class="claim-by">${escapeHtml(claim.claimBy)}</p>`);
  if (claim.orphaned) out.push(`<p class="note">${escapeHtml(ORPHANED_NOTE)}</p>`);
  if (claim.verdict) {
    out.push(`<p class="verdict"><span class="verdict-label">Verdict:</span> <strong>${escapeHtml(claim.verdict.label)}</strong></p>`);
    if (claim.verdict.conclusion) out.push(`<p class="conclusion">${escapeHtml(claim.verdict.conclusion)}</p>`);
  } else {
    out.push('<p class="verdict unrated">Verdict: not yet rated</p>');
  }
  out.push('<dl class="facts">');
  for (const [label, value] of claimFacts(claim)) out.push(`<div><dt>${escapeHtml(label)}</dt><dd>${escapeHtml(value)}</dd></div>`);
  out.push('</dl>');
  if (claim.verdict && claim.verdict.rationaleBlocks.length) {
    out.push('<section class="rationale">', '<h3>Rationale</h3>', ...rationaleHtml(claim.verdict.rationaleBlocks), '</section>');
  }
  if (claim.sources.length) {
    out.push('<section class="sources">', '<h3>Sources</h3>', '<ol>');
    for (const source of claim.sources) {
      const details = sourceDetails(source);
      const parts = [
        htmlLink(source.url, source.title),
        details && ` <span class="details">— ${escapeHtml(details)}</span>`,
        ` <span class="stance stance-${escapeHtml(source.stance)}">${escapeHtml(source.stanceLabel)}</span>`,
      ];
      out.push(`<li>${parts.join('')}`);
      if (source.excerpt) out.push(`<blockquote class="excerpt">${multiline(source.excerpt)}</blockquote>`);
      const links = [`<span class="url">${escapeHtml(source.url)}</span>`, `accessed ${escapeHtml(source.accessedOn)}`];
      links.push(source.archiveUrl ? `${htmlLink(source.archiveUrl, 'archived copy')} <span class="archive">(${escapeHtml(source.archiveLabel)})</span>` : `<span class="not-archived">${escapeHtml(source.archiveLabel.toLowerCase())}</span>`);
      if (source.localCopy) links.push(`<span class="local-copy">local copy kept ${escapeHtml(source.localCopy.date)} (SHA-256 <code>${escapeHtml(source.localCopy.sha256)}</code>)</span>`);
      out.push(`<p class="source-links">${links.join(' · ')}</p>`, '</li>');
    }
    out.push('</ol>', '</section>');
  }
  if (claim.corrections.length) {
    out.push('<section class="corrections">', '<h3>Corrections</h3>', '<ul>');
    for (const c of claim.corrections) {
      const by = c.by ? ` <span class="by">(${escapeHtml(c.by)})</span>` : '';
      out.push(`<li><time datetime="${escapeHtml(c.at)}">${escapeHtml(c.date)}</time>: ${escapeHtml(c.note)}${by}</li>`);
    }
    out.push('</ul>', '</section>');
  }
  out.push('</article>');
  return out;
}

/** The rationale's safe subset as HTML (see rationale.ts); every text node escaped. */
export function rationaleHtml(blocks: readonly RationaleBlock[]): string[] {
  return blocks.map((block) => {
    if (block.kind === 'paragraph') return `<p>${inlineHtml(block.children)}</p>`;
    const items = block.items.map((item) => `<li>${inlineHtml(item)}</li>`).join('');
    if (!block.ordered) return `<ul>${items}</ul>`;
    return block.start === 1 ? `<ol>${items}</ol>` : `<ol start="${block.start}">${items}</ol>`;
  });
}

function inlineHtml(nodes: readonly RationaleInline[]): string {
  return nodes
    .map((node) => {
      switch (node.kind) {
        case 'text':
          return escapeHtml(node.text);
        case 'code':
          return `<code>${escapeHtml(node.text)}</code>`;
        case 'break':
          return '<br>';
        case 'strong':
          return `<strong>${inlineHtml(node.children)}</strong>`;
        case 'em':
          return `<em>${inlineHtml(node.children)}</em>`;
        case 'link': {
          const href = webHref(node.href);
          const label = inlineHtml(node.children);
          return href ? `<a href="${escapeHtml(href)}" rel="noopener noreferrer">${label}</a>` : label;
        }
      }
    })
    .join('');
}

/** Text with its line breaks kept. */
function multiline(text: string): string {
  return text
    .trim()
    .split(/\r?\n/)
    .map((line) => escapeHtml(line))
    .join('<br>');
}

const STYLE = `
:root { color-scheme: light; --ink: #1b1b1f; --muted: #55585f; --rule: #d5d7dc; --accent: #1d4f91; --paper: #fff; }
* { box-sizing: border-box; }
body { margin: 0; background: var(--paper); color: var(--ink); font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif; }
main { max-width: 46rem; margin: 0 auto; padding: 2rem 1.25rem 3rem; }
h1 { font-size: 1.75rem; line-height: 1.25; margin: 0.25rem 0 1rem; }
h2 { font-size: 1.25rem; line-height: 1.3; margin: 0 0 0.75rem; }
h3 { font-size: 0.8rem; letter-spacing: 0.06em; text-transform: uppercase; color: var(--muted); margin: 1.25rem 0 0.5rem; }
.organization { margin: 0; color: var(--accent); font-weight: 600; }
dl { margin: 0; }
dl > div { display: flex; gap: 0.5rem; }
dt { color: var(--muted); flex: 0 0 10rem; }
dt::after { content: ":"; }
dd { margin: 0; overflow-wrap: anywhere; }
.meta { border-bottom: 1px solid var(--rule); padding-bottom: 1rem; margin-bottom: 1.5rem; }
.claim { border-top: 2px solid var(--ink); padding: 1.25rem 0 1.5rem; break-inside: auto; }
.number { display: block; font-size: 0.8rem; font-weight: 600; color: var(--muted); text-transform: uppercase; letter-spacing: 0.06em; }
blockquote { margin: 0.5rem 0 1rem; padding: 0.25rem 0 0.25rem 1rem; border-left: 3px solid var(--rule); color: var(--muted); }
.verdict { font-size: 1.1rem; margin: 0.5rem 0 0.25rem; }
.verdict strong { color: var(--accent); }
.conclusion { margin: 0 0 0.75rem; font-weight: 500; }
.facts { font-size: 0.9rem; }
.note { font-style: italic; color: var(--muted); }
.claim-by { margin: 0 0 0.75rem; color: var(--muted); }
.sources ol, .corrections ul, .rationale ul, .rationale ol { padding-left: 1.5rem; }
.sources li { margin-bottom: 0.75rem; }
.details, .source-links { color: var(--muted); font-size: 0.9rem; }
.source-links { margin: 0.15rem 0 0; overflow-wrap: anywhere; }
.stance { display: inline-block; font-size: 0.75rem; font-weight: 600; padding: 0 0.4rem; border: 1px solid currentColor; border-radius: 0.25rem; }
.stance-supports { color: #1e6b37; } .stance-refutes { color: #a12a1b; } .stance-context { color: #6a4c00; } .stance-unclear { color: var(--muted); }
a { color: var(--accent); overflow-wrap: anywhere; }
code { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 0.9em; background: #f1f2f4; padding: 0 0.2em; }
footer { border-top: 1px solid var(--rule); margin-top: 2rem; padding-top: 0.75rem; color: var(--muted); font-size: 0.85rem; }
@media print {
  @page { margin: 18mm 16mm; }
  body { font-size: 11pt; }
  main { max-width: none; padding: 0; }
  .claim { break-before: auto; }
  h2, h3 { break-after: avoid; }
  blockquote, .sources li, .corrections li { break-inside: avoid; }
  a { color: inherit; text-decoration: underline; }
  .sources a[href]::after { content: " (" attr(href) ")"; font-size: 0.8em; color: var(--muted); }
}
`
  .trim()
  .replace(/\n\s*/g, '\n');
