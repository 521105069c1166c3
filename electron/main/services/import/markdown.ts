/**
 * Markdown to plain text: the words stay, the markup goes. Headings, paragraphs and code
 * blocks become paragraphs; list items one per line; links keep their text; emphasis,
 * images, HTML tags and reference definitions are removed. The first `# heading` is the
 * title; YAML front matter gives title, author and date when it has them.
 */
import { type DraftParts } from './draft';
import { decodeUtf8, tidyText } from './text';

interface Block {
  kind: 'paragraph' | 'heading' | 'list' | 'code' | 'table';
  lines: string[];
  level?: number;
}

export function markdownToDraft(bytes: Uint8Array, name: string): DraftParts {
  return markdownParts(decodeUtf8(bytes, name));
}

/** Decoded Markdown (a file, a text/markdown web page) to draft parts. */
export function markdownParts(decoded: string): DraftParts {
  const source = tidyText(decoded);
  const { meta, body } = frontMatter(source);
  const blocks = parseBlocks(body);
  const notes: string[] = [];
  let title = meta.title ?? '';
  const first = blocks.findIndex((b) => b.kind !== 'code' || b.lines.some((l) => l.trim()));
  if (!title && first >= 0 && blocks[first]!.kind === 'heading' && blocks[first]!.level === 1) {
    title = inline(blocks[first]!.lines.join(' '));
    blocks.splice(first, 1);
  }
  const text = tidyText(blocks.map(renderBlock).filter((t) => t.trim() !== '').join('\n\n'));
  return {
    title,
    text,
    url: meta.url ?? null,
    outlet: meta.outlet ?? '',
    author: meta.author ?? '',
    publishedDate: meta.date ?? null,
    notes,
  };
}

/** `---` YAML front matter with simple `key: value` lines (the ones a draft can use). */
function frontMatter(text: string): { meta: Partial<Record<'title' | 'author' | 'date' | 'url' | 'outlet', string>>; body: string } {
  const match = /^---\n([\s\S]*?)\n(?:---|\.\.\.)(?:\n|$)/.exec(text);
  if (!match) return { meta: {}, body: text };
  const meta: Partial<Record<'title' | 'author' | 'date' | 'url' | 'outlet', string>> = {};
  const keys: Record<string, keyof typeof meta> = {
    title: 'title',
    author: 'author',
    authors: 'author',
    date: 'date',
    published: 'date',
    url: 'url',
    source: 'url',
    outlet: 'outlet',
    publisher: 'outlet',
    site: 'outlet',
  };
  for (const line of match[1]!.split('\n')) {
    const kv = /^([A-Za-z_]+)\s*:\s*(.+)$/.exec(line);
    const key = kv && keys[kv[1]!.toLowerCase()];
    if (key && meta[key] === undefined) meta[key] = kv[2]!.trim().replace(/^(["'])(.*)\1$/, '$2');
  }
  return { meta, body: text.slice(match[0].length) };
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const ATX = /^ {0,3}(#{1,6})(?:[ \t]|$)/;
const SETEXT = /^ {0,3}(=+|-+)[ \t]*$/;
const RULE = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const LIST_ITEM = /^([ \t]*)(?:[-*+]|\d{1,9}[.)])(?:[ \t]+(.*))?$/;
const REFERENCE = /^ {0,3}\[[^\]]+\]:\s*\S+.*$/;
const TABLE_DELIMITER = /^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/;

function parseBlocks(text: string): Block[] {
  const lines = text.split('\n');
  const blocks: Block[] = [];
  let current: Block | null = null;
  const close = () => {
    if (current && current.lines.length) blocks.push(current);
    current = null;
  };
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    const fence = FENCE.exec(raw);
    if (fence) {
      close();
      const marker = fence[1]!;
      const code: string[] = [];
      for (i++; i < lines.length && !lines[i]!.trimStart().startsWith(marker); i++) code.push(lines[i]!);
      blocks.push({ kind: 'code', lines: code });
      continue;
    }
    // Blockquotes: the markers go, what they quote stays.
    const line = raw.replace(/^( {0,3}>[ ]?)+/, '');
    if (line.trim() === '') {
      close();
      continue;
    }
    if (REFERENCE.test(line) || /^\s*<!--.*-->\s*$/.test(line)) continue;
    const atx = ATX.exec(line);
    if (atx) {
      close();
      // The text without a closing run of #s ("## Title ##").
      const text = line.slice(atx[0].length).trim();
      const closing = text.lastIndexOf(' ');
      const content = /^#+$/.test(text) ? '' : closing >= 0 && /^#+$/.test(text.slice(closing + 1)) ? text.slice(0, closing).trimEnd() : text;
      blocks.push({ kind: 'heading', level: atx[1]!.length, lines: [content] });
      continue;
    }
    const setext = SETEXT.exec(line);
    if (setext && current?.kind === 'paragraph') {
      const block: Block = current;
      current = null;
      blocks.push({ kind: 'heading', level: setext[1]!.startsWith('=') ? 1 : 2, lines: block.lines });
      continue;
    }
    if (RULE.test(line)) {
      close();
      continue;
    }
    const item = LIST_ITEM.exec(line);
    if (item) {
      if (current?.kind !== 'list') close();
      current ??= { kind: 'list', lines: [] };
      current.lines.push((item[2] ?? '').replace(/^\[[ xX]\][ \t]+/, ''));
      continue;
    }
    if (line.includes('|') && (TABLE_DELIMITER.test(lines[i + 1] ?? '') || current?.kind === 'table')) {
      if (current?.kind !== 'table') close();
      current ??= { kind: 'table', lines: [] };
      current.lines.push(line);
      if (TABLE_DELIMITER.test(lines[i + 1] ?? '')) i++;
      continue;
    }
    if (current?.kind === 'list' && /^[ \t]+\S/.test(raw)) {
      // A lazy continuation of the last item.
      current.lines[current.lines.length - 1] += ` ${line.trim()}`;
      continue;
    }
    if (current?.kind !== 'paragraph') close();
    current ??= { kind: 'paragraph', lines: [] };
    current.lines.push(line);
  }
  close();
  return blocks;
}

function renderBlock(block: Block): string {
  switch (block.kind) {
    case 'code':
      return block.lines.join('\n');
    case 'list':
      return block.lines.map(inline).filter(Boolean).join('\n');
    case 'table':
      return block.lines
        .map((row) =>
          row
            .trim()
            .replace(/^\||\|$/g, '')
            .split(/(?<!\\)\|/)
            .map((cell) => inline(cell))
            .join(' | '),
        )
        .join('\n');
    case 'heading':
      return inline(block.lines.join(' '));
    case 'paragraph': {
      // Soft line breaks join lines; a hard break (two spaces or a backslash at the end) keeps one.
      let out = '';
      block.lines.forEach((l, i) => {
        const hard = l.endsWith('\\');
        out += inline(l.replace(/\\$/, '')) + (i === block.lines.length - 1 ? '' : hard ? '\n' : ' ');
      });
      return out;
    }
  }
}

/** Inline markup removed: code spans, images, links, autolinks, emphasis, HTML tags, escapes. */
export function inline(text: string): string {
  // Code spans and escaped characters are kept as they are: set aside while markup goes.
  const kept: string[] = [];
  const keep = (value: string) => {
    kept.push(value);
    return `\uE000${kept.length - 1}\uE001`;
  };
  let out = text
    .replace(/(`+)(.+?)\1/g, (_, _ticks: string, code: string) => keep(code.trim()))
    .replace(/\\([\\`*_{}[\]()#+\-.!|>~<])/g, (_, char: string) => keep(char));
  out = out
    // Bounded repeats throughout: a hostile line of unclosed markup must not take quadratic time.
    .replace(/!\[[^\]]{0,1000}\]\([^()]{0,2000}\)/g, '')
    .replace(/!\[[^\]]{0,1000}\]\[[^\]]{0,200}\]/g, '')
    .replace(/\[([^\]]{0,1000})\]\((?:[^()]|\([^()]{0,2000}\)){0,2000}\)/g, '$1')
    .replace(/\[([^\]]{1,1000})\]\[[^\]]{0,200}\]/g, '$1')
    .replace(/<((?:https?|mailto):[^<>\s]{1,2000})>/gi, '$1')
    .replace(/<!--[\s\S]{0,300}?-->/g, '')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?>/g, '')
    .replace(/(\*\*|__)(?=\S)([\s\S]{0,300}?\S)\1/g, '$2')
    .replace(/(^|[^\w*])\*(?=\S)([^*]{0,300}?\S)\*(?!\w)/g, '$1$2')
    .replace(/(^|[^\w])_(?=\S)([^_]{0,300}?\S)_(?!\w)/g, '$1$2')
    .replace(/~~(?=\S)([\s\S]{0,300}?\S)~~/g, '$1')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"');
  return out
    .replace(/[ \t]+/g, ' ')
    .replace(/ ?\n ?/g, '\n')
    .trim()
    .replace(/\uE000(\d+)\uE001/g, (_, i: string) => kept[Number(i)]!);
}
