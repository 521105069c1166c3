/**
 * The rationale is Markdown by design. Reports that are not Markdown (HTML, PDF, Word, the
 * live preview) render a SAFE subset of it, parsed here into a small tree: paragraphs,
 * bulleted and numbered lists, strong and emphasis, inline code, and links whose address is
 * http(s). Everything else (raw HTML, images, headings' levels, tables, other link schemes)
 * stays literal text. The tree holds text only: each renderer escapes it for its format, so
 * nothing the editor typed can become markup.
 */

export type RationaleInline =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'strong'; readonly children: readonly RationaleInline[] }
  | { readonly kind: 'em'; readonly children: readonly RationaleInline[] }
  | { readonly kind: 'code'; readonly text: string }
  /** `href` is an http(s) address, as the WHATWG URL parser serialises it. */
  | { readonly kind: 'link'; readonly href: string; readonly children: readonly RationaleInline[] }
  /** A line break inside a paragraph (the editor pressed Enter once). */
  | { readonly kind: 'break' };

export type RationaleBlock =
  | { readonly kind: 'paragraph'; readonly children: readonly RationaleInline[] }
  | { readonly kind: 'list'; readonly ordered: boolean; readonly start: number; readonly items: readonly (readonly RationaleInline[])[] };

/** The part of the WHATWG `URL` this module reads (shared/ compiles without DOM or Node types). */
declare const URL: { new (input: string): { readonly protocol: string; readonly href: string } };

/** The address as the URL parser serialises it when it is an absolute http(s) address; null otherwise. */
export function webHref(url: string): string | null {
  try {
    const parsed = new URL(url.trim());
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

const ITEM = /^ {0,3}(?:([-*+])|(\d{1,9})[.)])[ \t]+(.*)$/;
const HEADING = /^ {0,3}#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/;

/** Parses rationale Markdown into blocks (see the module comment for what is understood). */
export function parseRationale(markdown: string): RationaleBlock[] {
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  const blocks: RationaleBlock[] = [];
  let paragraph: string[] = [];
  let list: { ordered: boolean; start: number; items: string[][] } | null = null;

  const flushParagraph = () => {
    if (paragraph.length) blocks.push({ kind: 'paragraph', children: parseLines(paragraph) });
    paragraph = [];
  };
  const flushList = () => {
    if (list) blocks.push({ kind: 'list', ordered: list.ordered, start: list.start, items: list.items.map(parseLines) });
    list = null;
  };

  for (const line of lines) {
    if (line.trim() === '') {
      flushParagraph();
      flushList();
      continue;
    }
    const item = ITEM.exec(line);
    if (item) {
      const ordered = item[1] === undefined;
      flushParagraph();
      if (list && list.ordered !== ordered) flushList();
      list ??= { ordered, start: ordered ? Number(item[2]) : 1, items: [] };
      list.items.push([item[3]!]);
      continue;
    }
    if (list) {
      // A line after an item, not blank and not an item itself, continues that item.
      list.items[list.items.length - 1]!.push(line.trim());
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      flushParagraph();
      blocks.push({ kind: 'paragraph', children: [{ kind: 'strong', children: parseInline(heading[1]!) }] });
      continue;
    }
    paragraph.push(line.trim());
  }
  flushParagraph();
  flushList();
  return blocks;
}

function parseLines(lines: readonly string[]): RationaleInline[] {
  const out: RationaleInline[] = [];
  lines.forEach((line, i) => {
    if (i > 0) out.push({ kind: 'break' });
    out.push(...parseInline(line));
  });
  return merge(out);
}

const PUNCTUATION = /[!-/:-@[-`{-~]/;
const WORD = /[\p{L}\p{N}]/u;

/** Inline Markdown: escapes, `code`, [links](http…), <http…>, **strong**, __strong__, *em*, _em_. */
export function parseInline(text: string, links = true): RationaleInline[] {
  const out: RationaleInline[] = [];
  let plain = '';
  const flush = () => {
    if (plain) out.push({ kind: 'text', text: plain });
    plain = '';
  };
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '\\' && i + 1 < text.length && PUNCTUATION.test(text[i + 1]!)) {
      plain += text[i + 1];
      i += 2;
      continue;
    }
    if (c === '`') {
      const end = text.indexOf('`', i + 1);
      if (end > i + 1) {
        flush();
        out.push({ kind: 'code', text: text.slice(i + 1, end) });
        i = end + 1;
        continue;
      }
    }
    if (links && c === '[') {
      const link = readLink(text, i);
      if (link) {
        flush();
        out.push(link.node);
        i = link.end;
        continue;
      }
    }
    if (links && c === '<') {
      const end = text.indexOf('>', i + 1);
      const href = end > i ? webHref(text.slice(i + 1, end)) : null;
      if (href && !/\s/.test(text.slice(i + 1, end))) {
        flush();
        out.push({ kind: 'link', href, children: [{ kind: 'text', text: text.slice(i + 1, end) }] });
        i = end + 1;
        continue;
      }
    }
    if (c === '*' || c === '_') {
      const emphasis = readEmphasis(text, i, links);
      if (emphasis) {
        flush();
        out.push(emphasis.node);
        i = emphasis.end;
        continue;
      }
    }
    plain += c;
    i++;
  }
  flush();
  return merge(out);
}

/** `[label](http…)` at `at`; a link to anything but http(s) is not a link (it stays text). */
function readLink(text: string, at: number): { node: RationaleInline; end: number } | null {
  let depth = 0;
  let close = -1;
  for (let j = at + 1; j < text.length; j++) {
    const ch = text[j];
    if (ch === '\\') {
      j++;
      continue;
    }
    if (ch === '[') depth++;
    else if (ch === ']') {
      if (depth === 0) {
        close = j;
        break;
      }
      depth--;
    }
  }
  if (close < 0 || text[close + 1] !== '(') return null;
  const end = text.indexOf(')', close + 2);
  if (end < 0) return null;
  const target = text.slice(close + 2, end).trim().replace(/^<(.*)>$/, '$1');
  const href = /\s/.test(target) ? null : webHref(target);
  if (!href) return null;
  const label = text.slice(at + 1, close);
  return { node: { kind: 'link', href, children: label ? parseInline(label, false) : [{ kind: 'text', text: href }] }, end: end + 1 };
}

/** `**strong**`, `*em*` (or with underscores) starting at `at`, CommonMark-like flanking rules. */
function readEmphasis(text: string, at: number, links: boolean): { node: RationaleInline; end: number } | null {
  const mark = text[at]!;
  const double = text[at + 1] === mark;
  const delimiter = double ? mark + mark : mark;
  const start = at + delimiter.length;
  const next = text[start];
  if (next === undefined || /\s/.test(next) || next === mark) return null;
  // Underscores inside words (snake_case) are not emphasis.
  if (mark === '_' && at > 0 && WORD.test(text[at - 1]!)) return null;
  let from = start + 1;
  while (from <= text.length) {
    const close = text.indexOf(delimiter, from);
    if (close < 0) return null;
    const before = text[close - 1]!;
    const after = text[close + delimiter.length];
    const closes =
      !/\s/.test(before) &&
      before !== '\\' &&
      (double || text[close + 1] !== mark) &&
      !(mark === '_' && after !== undefined && WORD.test(after));
    if (closes) {
      const children = parseInline(text.slice(start, close), links);
      return { node: { kind: double ? 'strong' : 'em', children }, end: close + delimiter.length };
    }
    from = close + 1;
  }
  return null;
}

/** Joins adjacent text nodes. */
function merge(nodes: RationaleInline[]): RationaleInline[] {
  const out: RationaleInline[] = [];
  for (const node of nodes) {
    const last = out[out.length - 1];
    if (node.kind === 'text' && last?.kind === 'text') out[out.length - 1] = { kind: 'text', text: last.text + node.text };
    else out.push(node);
  }
  return out;
}

/** The inline tree as plain text (links as "label (address)" when the label is not the address). */
export function inlineText(nodes: readonly RationaleInline[]): string {
  return nodes
    .map((node) => {
      switch (node.kind) {
        case 'text':
        case 'code':
          return node.text;
        case 'break':
          return '\n';
        case 'strong':
        case 'em':
          return inlineText(node.children);
        case 'link': {
          const label = inlineText(node.children);
          return label === node.href || `${label}/` === node.href ? node.href : `${label} (${node.href})`;
        }
      }
    })
    .join('');
}
