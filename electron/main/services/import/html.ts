/**
 * HTML to an article draft. The page is parsed by linkedom, a DOM that has no script
 * engine (nothing on the page ever runs: no scripts, no event handlers, no loads), after
 * checks that keep a hostile page from eating the process (size, nesting, element count).
 * Page clutter is removed (navigation, cookie banners, share buttons, ads, comments,
 * hidden parts), then Mozilla's Readability, the engine of Firefox's Reader View, finds
 * the article body, title, byline, site name and published time. The body becomes plain
 * text with one blank line between paragraphs.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { quoted } from '../../../../shared/domain/rules';
import { refuse, type DraftParts } from './draft';
import { oneLine, tidyText, titleFromFirstLine } from './text';

/** The part of the DOM this module uses (linkedom's own types need the DOM library). */
interface DomNode {
  readonly nodeType: number;
  readonly childNodes: ArrayLike<DomNode>;
  readonly parentNode: DomNode | null;
  readonly textContent: string | null;
}
interface DomElement extends DomNode {
  readonly localName: string;
  readonly id: string;
  readonly className: string;
  readonly children: ArrayLike<DomElement>;
  getAttribute(name: string): string | null;
  hasAttribute(name: string): boolean;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  closest(selector: string): DomElement | null;
  matches(selector: string): boolean;
  remove(): void;
}
interface DomDocument extends DomNode {
  readonly documentElement: DomElement;
  readonly body: DomElement | null;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
}

const ELEMENT = 1;
const TEXT = 3;

export const HTML_LIMITS = {
  /** Characters of HTML: a news page is well under 2 MB. */
  maxChars: 10_000_000,
  /** Levels of nested elements: real pages stay under 60; deeper ones make Readability crawl. */
  maxDepth: 150,
  maxElements: 150_000,
};

export interface HtmlOptions {
  /** The file name or web address, for messages. */
  name: string;
  /** Pasted rich text: the editor chose what to copy, so all of it is kept (clutter still goes). */
  pasted?: boolean;
}

/** What the page says about itself, before Readability or as fallbacks. */
interface PageMeta {
  title: string;
  /** The first <h1>'s text: the headline, usually. */
  h1: string;
  author: string;
  date: string;
  site: string;
  canonical: string;
}

export function htmlToDraft(html: string, options: HtmlOptions): DraftParts {
  const name = quoted(options.name, 80);
  if (html.length > HTML_LIMITS.maxChars) {
    refuse(`${name} is too big to read as a web page: more than ${HTML_LIMITS.maxChars / 1_000_000} million characters of HTML.`);
  }
  if (roughDepth(html) > HTML_LIMITS.maxDepth * 4) tooDeep(name);
  const document = parseHTML(asDocument(html)).document as unknown as DomDocument;
  const { depth, elements } = measure(document.documentElement);
  if (depth > HTML_LIMITS.maxDepth) tooDeep(name);
  if (elements > HTML_LIMITS.maxElements) {
    refuse(`${name} has too many elements to read (${elements.toLocaleString('en')}; ${HTML_LIMITS.maxElements.toLocaleString('en')} at most).`);
  }

  const meta = readMeta(document);
  const notes: string[] = [];
  const byline = removeClutter(document);
  const body = document.body;

  if (options.pasted) {
    const h1 = body?.querySelector('h1');
    let title = h1 ? oneLine(h1.textContent ?? '') : '';
    if (title) h1!.remove();
    let text = body ? nodeToText(body) : '';
    if (!title) ({ title, text } = titleFromFirstLine(text, notes));
    return { title: title || meta.title, text, url: null, outlet: meta.site, author: meta.author || byline, publishedDate: meta.date || null, notes };
  }

  const fallbackText = body ? nodeToText(body) : '';
  let article: ReturnType<Readability<DomNode>['parse']> = null;
  try {
    article = new Readability<DomNode>(document as never, {
      maxElemsToParse: HTML_LIMITS.maxElements,
      serializer: (node) => node as unknown as DomNode,
    }).parse();
  } catch (error) {
    // A page Readability cannot handle: keep all its (de-cluttered) text instead.
    if (!(error instanceof Error)) throw error;
  }
  let text = article?.content ? nodeToText(article.content) : '';
  if (text.trim() === '') {
    text = fallbackText;
    if (text.trim() !== '') notes.push('No article body was recognised, so all the text of the page was kept: remove what is not part of the article.');
  }
  return {
    title: headline(oneLine(article?.title ?? ''), meta) || meta.title,
    text,
    // The page's own address (a saved page imported as a file); a web import puts the address it was read from.
    url: /^https?:\/\//i.test(meta.canonical) ? meta.canonical : null,
    outlet: oneLine(article?.siteName ?? '') || meta.site,
    author: oneLine(article?.byline ?? '') || byline || meta.author,
    publishedDate: oneLine(article?.publishedTime ?? '') || meta.date || null,
    notes,
  };
}

/**
 * A whole document as the parser needs it: one that does not start with <html> (a
 * fragment, pasted rich text with a <meta> first) is put into an html/body skeleton, its
 * own html, head and body tags dropped.
 */
function asDocument(html: string): string {
  let at = /^\uFEFF?\s*(<\?xml[^<>]*>\s*)?(<!doctype[^<>]*>\s*)?/i.exec(html)![0].length;
  // Comments before <html>, skipped one by one.
  while (html.startsWith('<!--', at)) {
    const end = html.indexOf('-->', at);
    if (end < 0) break;
    at = /^\s*/.exec(html.slice(end + 3, end + 3 + 1000))![0].length + end + 3;
  }
  if (/^<html[\s>]/i.test(html.slice(at, at + 6))) return html;
  return `<!DOCTYPE html><html><head></head><body>${html.replace(/<\/?(html|head|body)\b[^<>]*>/gi, '')}</body></html>`;
}

/**
 * A title without the site name around it: "Rates rise – Valley Courier" → "Rates rise"
 * when the page's h1 or site name shows which part is the headline.
 */
function headline(title: string, meta: PageMeta): string {
  if (!title) return title;
  if (meta.h1 && title !== meta.h1 && title.toLowerCase().startsWith(meta.h1.toLowerCase()) && /^\s*[|–—\-:·»/]/.test(title.slice(meta.h1.length))) return meta.h1;
  if (meta.site) {
    const site = meta.site.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const stripped = title.replace(new RegExp(`\\s+[|–—\\-:·»/]\\s+${site}$`, 'i'), '');
    if (stripped) return stripped;
  }
  return title;
}

function tooDeep(name: string): never {
  refuse(`${name} is nested too deeply to read (more than ${HTML_LIMITS.maxDepth} levels of elements).`);
}

const VOID = new Set('area base br col embed hr img input link meta param source track wbr'.split(' '));
/** Elements whose end tag may be left out: they do not nest, so they are not counted. */
const OPTIONAL_END = new Set('p li dt dd option optgroup tr td th thead tbody tfoot colgroup rb rt rp html head body'.split(' '));

/**
 * How deeply the tags of some HTML nest, counted over the text without parsing it (so a
 * page of a million unclosed <div>s is refused before the parser builds them). Rough:
 * script and style contents are skipped, misnesting is not repaired.
 */
function roughDepth(html: string): number {
  // Linear: no repeat can run past the next < or >, and what is skipped is found with indexOf.
  const tag = /<(\/?)([a-zA-Z][\w:-]*)[^<>]*?(\/?)>|<!--/g;
  let depth = 0;
  let max = 0;
  for (let m = tag.exec(html); m; m = tag.exec(html)) {
    if (m[0] === '<!--') {
      const end = html.indexOf('-->', tag.lastIndex);
      if (end < 0) break;
      tag.lastIndex = end + 3;
      continue;
    }
    const name = m[2]!.toLowerCase();
    if (!m[1] && (name === 'script' || name === 'style')) {
      const close = new RegExp(`</${name}\\s*>`, 'gi');
      close.lastIndex = tag.lastIndex;
      const found = close.exec(html);
      if (!found) break;
      tag.lastIndex = found.index + found[0].length;
      continue;
    }
    if (m[3] || VOID.has(name) || OPTIONAL_END.has(name)) continue;
    if (m[1]) depth = Math.max(0, depth - 1);
    else max = Math.max(max, ++depth);
  }
  return max;
}

/** Depth and number of elements, walked without recursion. */
function measure(root: DomElement): { depth: number; elements: number } {
  let elements = 0;
  let depth = 0;
  const stack: [DomElement, number][] = [[root, 1]];
  while (stack.length) {
    const [el, d] = stack.pop()!;
    elements++;
    if (d > depth) depth = d;
    if (depth > HTML_LIMITS.maxDepth || elements > HTML_LIMITS.maxElements) break;
    const children = el.children;
    for (let i = 0; i < children.length; i++) stack.push([children[i]!, d + 1]);
  }
  return { depth, elements };
}

function readMeta(document: DomDocument): PageMeta {
  const values = new Map<string, string>();
  const metas = document.querySelectorAll('meta');
  for (let i = 0; i < metas.length; i++) {
    const m = metas[i]!;
    const key = (m.getAttribute('property') ?? m.getAttribute('name') ?? m.getAttribute('itemprop') ?? '').trim().toLowerCase();
    const content = oneLine(m.getAttribute('content') ?? '');
    if (key && content && !values.has(key)) values.set(key, content);
  }
  const first = (...keys: string[]) => keys.map((k) => values.get(k)).find((v) => v !== undefined) ?? '';
  const time = document.querySelector('time[itemprop="datePublished"], time[pubdate], [itemprop="datePublished"]');
  const h1 = oneLine(document.querySelector('h1')?.textContent ?? '');
  const title = first('og:title', 'twitter:title', 'dc.title') || h1 || oneLine(document.querySelector('title')?.textContent ?? '');
  const author = [first('author', 'article:author', 'dc.creator', 'parsely-author', 'sailthru.author', 'byl')].find((a) => !/^https?:/i.test(a)) ?? '';
  const date =
    first('article:published_time', 'og:published_time', 'datepublished', 'date', 'dc.date', 'dc.date.issued', 'dcterms.created', 'dcterms.date', 'pubdate', 'publishdate', 'publish-date', 'sailthru.date', 'parsely-pub-date') ||
    oneLine(time?.getAttribute('datetime') ?? time?.getAttribute('content') ?? '');
  const site = first('og:site_name', 'application-name', 'publisher');
  const canonical = document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? first('og:url');
  return { title, h1, author, date, site, canonical };
}

const CLUTTER_TAGS = 'script, style, noscript, template, iframe, object, embed, svg, canvas, button, input, select, textarea, nav, aside, footer, dialog, menu';
const CLUTTER_ROLES = '[role="navigation"], [role="complementary"], [role="contentinfo"], [role="dialog"], [role="alertdialog"], [role="search"], [role="menu"], [role="menubar"], [role="toolbar"], [role="banner"]';
const HIDDEN = '[hidden], [aria-hidden="true"], [style*="display:none"], [style*="display: none"], [style*="visibility:hidden"], [style*="visibility: hidden"]';
/** A class or id token naming clutter: cookie-banner, share-buttons, ad-slot, comments-area… */
const CLUTTER_TOKEN =
  /^(?:.*[-_])?(cookies?|consent|gdpr|newsletter|subscribe|paywall|share|sharing|sharedaddy|social|advert|advertisement|ads?|adslot|sponsor|sponsored|promo|related|recommended|popular|trending|comments?|disqus|breadcrumbs?|popup|modal|overlay|outbrain|taboola|skip-link)(?:[-_].*)?$/i;
const BYLINE_TOKEN = /^(?:.*[-_])?(byline|author|authors|dateline|timestamp|published|pubdate)(?:[-_].*)?$/i;
/** Never removed, nor anything holding them: the article itself. */
const KEEP = 'html, body, main, article, [role="main"], [itemprop="articleBody"], h1';

/**
 * Removes what is never part of an article. Returns the byline text found in a removed
 * byline element ("By Jane Doe" → "Jane Doe"; a name in [itemprop=author] or [rel=author]
 * preferred), or ''.
 */
function removeClutter(document: DomDocument): string {
  const all = (selector: string) => Array.from(document.querySelectorAll(selector));
  let byline = '';
  const named = document.querySelector('[itemprop="author"] [itemprop="name"], [itemprop="author"], a[rel="author"], [rel="author"]');
  if (named) byline = oneLine(named.textContent ?? '');
  for (const el of all(CLUTTER_TAGS)) el.remove();
  for (const el of all(HIDDEN)) if (!el.closest('head')) el.remove();
  for (const el of all(CLUTTER_ROLES)) if (!holdsArticle(el)) el.remove();
  for (const el of all('header')) if (!el.closest('article, main, [role="main"]') && !holdsArticle(el)) el.remove();
  for (const el of all('[class], [id]')) {
    if (!el.parentNode || el.matches(KEEP)) continue;
    const tokens = `${el.className} ${el.id}`.split(/\s+/).filter(Boolean);
    const isByline = tokens.some((t) => BYLINE_TOKEN.test(t));
    if (!isByline && !tokens.some((t) => CLUTTER_TOKEN.test(t))) continue;
    if (holdsArticle(el)) continue;
    if (isByline && !byline) {
      const text = oneLine(el.textContent ?? '').split(/\s[|·•]\s|\s+[-–—]\s+(?=\d)/)[0]!.trim();
      if (text.length <= 120 && /\p{L}/u.test(text) && !/^\d|^(updated|published)\b/i.test(text)) byline = text;
    }
    el.remove();
  }
  return byline.length <= 120 ? byline : '';
}

function holdsArticle(el: DomElement): boolean {
  return el.matches(KEEP) || el.querySelector(KEEP) !== null;
}

/** Elements after which (and before which) a paragraph ends: a blank line. */
const PARAGRAPH = new Set(
  'p div section article main header footer aside nav blockquote figure figcaption h1 h2 h3 h4 h5 h6 hr table ul ol dl pre address details summary fieldset center form body html caption'.split(' '),
);
/** Elements on a line of their own, in a paragraph: list items, table rows, terms. */
const LINE = new Set('li tr dt dd option'.split(' '));
const SKIP = new Set('script style noscript template head title svg math iframe object embed canvas button select textarea input img picture video audio source map'.split(' '));

/**
 * The text of a DOM subtree as paragraphs: blocks separated by a blank line, list items
 * and table rows one per line (cells separated by " | "), `<br>` a line break, spaces
 * collapsed except in `<pre>`. Walked without recursion.
 */
export function nodeToText(root: DomNode): string {
  const parts: string[] = [];
  let last = '\n'; // the last character written; \n at the start
  let pending = 0; // line breaks asked for since the last text (0, 1 or 2)
  let space = false; // a space is due before the next text on this line
  let cell = false; // a cell separator is due
  let pre = 0; // inside <pre>
  const brk = (n: number) => {
    pending = Math.max(pending, n);
    space = false;
    cell = false;
  };
  const write = (text: string) => {
    if (pending && parts.length) {
      parts.push('\n'.repeat(pending));
      last = '\n';
    }
    pending = 0;
    if (cell && last !== '\n') parts.push(' | ');
    else if (space && last !== '\n' && last !== ' ') parts.push(' ');
    cell = false;
    space = false;
    parts.push(text);
    last = text[text.length - 1]!;
  };
  const stack: [DomNode, boolean][] = [[root, false]];
  while (stack.length) {
    const [node, leaving] = stack.pop()!;
    if (node.nodeType === TEXT) {
      const raw = node.textContent ?? '';
      if (pre) {
        if (raw) write(raw);
        continue;
      }
      const text = raw.replace(/\s+/g, ' ');
      if (text === ' ' || text === '') {
        if (text) space = true;
        continue;
      }
      if (text.startsWith(' ')) space = true;
      write(text.trim());
      if (text.endsWith(' ')) space = true;
      continue;
    }
    if (node.nodeType !== ELEMENT) {
      if (node === root) for (let i = node.childNodes.length - 1; i >= 0; i--) stack.push([node.childNodes[i]!, false]);
      continue;
    }
    const el = node as DomElement;
    const tag = el.localName;
    if (SKIP.has(tag)) continue;
    if (leaving) {
      if (tag === 'pre') pre--;
      if (PARAGRAPH.has(tag)) brk(tag === 'ul' || tag === 'ol' ? listBreak(el) : 2);
      else if (LINE.has(tag)) brk(1);
      continue;
    }
    if (tag === 'br') {
      pending = Math.min(2, pending + 1);
      space = false;
      continue;
    }
    if (PARAGRAPH.has(tag)) brk(tag === 'ul' || tag === 'ol' ? listBreak(el) : 2);
    else if (LINE.has(tag)) brk(1);
    else if ((tag === 'td' || tag === 'th') && !pending) cell = true;
    if (tag === 'pre') pre++;
    stack.push([node, true]);
    const children = el.childNodes;
    for (let i = children.length - 1; i >= 0; i--) stack.push([children[i]!, false]);
  }
  return tidyText(parts.join(''));
}

/** A list inside a list item is part of that item's lines; any other list is a paragraph. */
const listBreak = (el: DomElement) => (el.parentNode && (el.parentNode as DomElement).localName === 'li' ? 1 : 2);

/** For the .docx importer, which reads Word's HTML the same way. */
export function parseFragment(html: string): DomElement {
  const document = parseHTML(`<!DOCTYPE html><html><head></head><body>${html}</body></html>`).document as unknown as DomDocument;
  return document.body!;
}

export type { DomElement };
