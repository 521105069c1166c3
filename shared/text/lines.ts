/**
 * Lines and what a line is on its own: a bullet, a marked heading, a headline-like line,
 * the start of a continuation. Lines are trimmed spans of the original text.
 */
import { CONTINUATION_WORDS, DANGLING_WORDS } from './abbreviations';
import { Letter, isAsciiDigit, isCloser, isLineBreak, isSpace, isTerminal, isWordChar, letterAt } from './chars';

const BREAK = /\r\n?|[\n\u2028\u2029]/g;

export interface Line {
  /** First and one-past-last non-whitespace character. */
  start: number;
  end: number;
  /** Whitespace before the first character (an indented continuation of a bullet). */
  indented: boolean;
  /** The first line of a paragraph: after the text's start, a blank line or a PARAGRAPH SEPARATOR. */
  opensParagraph: boolean;
}

/** The non-blank lines of `text`, in order. CRLF, CR, LF and U+2028 end a line; U+2029 also ends a paragraph. */
export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  const length = text.length;
  let lineStart = 0;
  let opens = true;
  for (;;) {
    BREAK.lastIndex = lineStart;
    const found = BREAK.test(text);
    const next = found ? BREAK.lastIndex : length;
    // The break is one character, or two for CRLF (which the regex always takes whole).
    const breakLength = found && text.charCodeAt(next - 1) === 10 && next - 2 >= lineStart && text.charCodeAt(next - 2) === 13 ? 2 : 1;
    const lineEnd = found ? next - breakLength : length;
    let start = lineStart;
    while (start < lineEnd && isSpace(text.charCodeAt(start))) start++;
    let end = lineEnd;
    while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
    if (end > start) {
      lines.push({ start, end, indented: start > lineStart, opensParagraph: opens });
      opens = false;
    } else {
      opens = true; // a blank line
    }
    if (!found) break;
    if (text.charCodeAt(lineEnd) === 0x2029) opens = true;
    lineStart = next;
  }
  return lines;
}

/** Where a bullet's text starts ("- ", "* ", "• ", "1. ", "2) ", "(a) "), or -1 if the line is no bullet. */
export function bulletContent(text: string, line: Line): number {
  const { start, end } = line;
  const c = text.charCodeAt(start);
  let after = -1;
  if (isBulletMark(c)) after = start + 1;
  else if (isAsciiDigit(c)) {
    let i = start + 1;
    while (i < end && i < start + 3 && isAsciiDigit(text.charCodeAt(i))) i++;
    const mark = text.charCodeAt(i);
    if (mark === 46 || mark === 41) after = i + 1; // 1. 2)
  } else if (c === 40) {
    // (1) (a)
    let i = start + 1;
    while (i < end && i < start + 4 && isAsciiDigit(text.charCodeAt(i))) i++;
    if (i === start + 1 && isLowerAscii(text.charCodeAt(i))) i++;
    if (i > start + 1 && text.charCodeAt(i) === 41) after = i + 1;
  } else if (isLowerAscii(c) && text.charCodeAt(start + 1) === 41) after = start + 2; // a)
  if (after < 0 || after >= end || !isSpaceNotBreak(text.charCodeAt(after))) return -1;
  let content = after;
  while (content < end && isSpace(text.charCodeAt(content))) content++;
  return content < end ? content : -1;
}

function isBulletMark(c: number): boolean {
  switch (c) {
    case 45: // -
    case 42: // *
    case 43: // +
    case 0x2022: // •
    case 0x2023: // ‣
    case 0x25e6: // ◦
    case 0x25aa: // ▪
    case 0x25ab: // ▫
    case 0x25cf: // ●
    case 0x25cb: // ○
    case 0x25a0: // ■
    case 0x25a1: // □
    case 0x25ba: // ►
    case 0x25b8: // ▸
    case 0xb7: // ·
    case 0x2043: // ⁃
    case 0x2013: // –
    case 0x2713: // ✓
    case 0x2714: // ✔
      return true;
    default:
      return false;
  }
}

function isLowerAscii(c: number): boolean {
  return c >= 97 && c <= 122;
}

function isSpaceNotBreak(c: number): boolean {
  return isSpace(c) && !isLineBreak(c);
}

/** Where a Markdown heading's text starts ("## Subhead"), or -1. */
export function markedHeadingContent(text: string, line: Line): number {
  let i = line.start;
  while (i < line.end && i < line.start + 6 && text.charCodeAt(i) === 35) i++;
  if (i === line.start || i >= line.end || !isSpaceNotBreak(text.charCodeAt(i))) return -1;
  while (i < line.end && isSpace(text.charCodeAt(i))) i++;
  return i < line.end ? i : -1;
}

const MAX_HEADING_WORDS = 16;
const MAX_HEADING_LENGTH = 160;

/**
 * A line shaped like a headline: short, not starting in lower case, not ending in terminal
 * punctuation or in a mark that announces more (`,` `;` `:` a dash).
 */
export function looksLikeHeading(text: string, from: number, end: number): boolean {
  if (end - from > MAX_HEADING_LENGTH) return false;
  if (letterAt(text, from) === Letter.Lower) return false;
  let last = end - 1;
  while (last > from && isCloser(text.charCodeAt(last))) last--;
  const c = text.charCodeAt(last);
  if (isTerminal(c) || c === 44 || c === 59 || c === 58 || c === 45 || c === 0x2013 || c === 0x2014) return false;
  let words = 1;
  for (let i = from; i < end; i++) {
    if (text.charCodeAt(i) === 32 && ++words > MAX_HEADING_WORDS) return false;
  }
  return true;
}

/** The last word of text[from, end), lower-cased. */
export function lastWord(text: string, from: number, end: number): string {
  let i = end;
  while (i > from && isWordChar(text, i - 1)) i--;
  return text.slice(i, end).toLowerCase();
}

/** Length of the first word of a line (up to whitespace). */
export function firstWordLength(text: string, line: Line): number {
  let i = line.start;
  while (i < line.end && !isSpace(text.charCodeAt(i))) i++;
  return i - line.start;
}

/** A line that begins with a lower-case word ("the lanes…", not "iPhone"): it continues the one before. */
export function startsLowerCase(text: string, line: Line): boolean {
  if (letterAt(text, line.start) !== Letter.Lower) return false;
  for (let i = line.start + 1; i < line.end && i < line.start + 24; i++) {
    const kind = letterAt(text, i);
    if (kind === Letter.Upper) return false;
    if (kind !== Letter.Lower) break;
  }
  return true;
}

/**
 * Evidence that `line` was broken by a fixed-width wrap rather than by the author: the next
 * line starts in lower case, or this one ends with a comma, a hyphenated word, an article or
 * conjunction that nothing ends with, or (when long) a word a headline rarely ends with.
 */
export function wrapsInto(text: string, line: Line, next: Line): boolean {
  if (startsLowerCase(text, next)) return true;
  const c = text.charCodeAt(line.end - 1);
  if (c === 44 || c === 59) return true;
  if (c === 45 && line.end - 2 >= line.start && isWordChar(text, line.end - 2)) return true;
  const word = lastWord(text, line.start, line.end);
  return DANGLING_WORDS.has(word) || (line.end - line.start >= 50 && CONTINUATION_WORDS.has(word));
}
