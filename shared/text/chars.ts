/**
 * Character classes the segmenter asks about, by UTF-16 code unit (`charCodeAt`) so the
 * scan never builds strings. ASCII answers come from a table; the rest from a few ranges
 * and, for letters outside ASCII, sticky Unicode-property regexes tested in place.
 */

/** Whitespace exactly as `String.prototype.trim` sees it, so trimmed segments stay trimmed. */
export function isSpace(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return (
    c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 ||
    c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/** Line breaks: LF, CR (CRLF counts once), LINE SEPARATOR; PARAGRAPH SEPARATOR is a blank line. */
export function isLineBreak(c: number): boolean {
  return c === 10 || c === 13 || c === 0x2028 || c === 0x2029;
}

/** `.`: the one terminal that is also used inside abbreviations, numbers and addresses. */
export const PERIOD = 46;
const ELLIPSIS = 0x2026;

/** Terminals of space-separated scripts: . ! ? … ‽ ‼ ⁇ ⁈ ⁉, Devanagari danda ।॥, Arabic ؟ ۔, Greek ;, Armenian ։, Ethiopic ። ፧, Myanmar ။. */
export function isTerminal(c: number): boolean {
  if (c < 128) return c === 46 || c === 33 || c === 63;
  return (
    c === ELLIPSIS || c === 0x203d || c === 0x203c || (c >= 0x2047 && c <= 0x2049) || c === 0x0964 || c === 0x0965 ||
    c === 0x061f || c === 0x06d4 || c === 0x037e || c === 0x0589 || c === 0x1362 || c === 0x1367 || c === 0x104b ||
    isWideTerminal(c)
  );
}

/** Every character `isTerminal` accepts, plus `;` (the Greek question mark after NFC normalisation). */
const TERMINALS = /[.!?;\u2026\u203c\u203d\u2047-\u2049\u0964\u0965\u061f\u06d4\u037e\u0589\u1362\u1367\u104b\u3002\uff01\uff1f\uff61]/g;

/**
 * Finds candidate terminal marks left to right with one regex, so the scan skips plain text
 * at regex speed. Callers ask with non-decreasing `from`; the last answer is kept, so each
 * stretch of text is searched once and a whole-text scan stays linear.
 */
export class TerminalFinder {
  private found = -1;

  constructor(private readonly text: string) {}

  /** The first candidate at or after `from`, or the text's length if there is none. */
  next(from: number): number {
    if (this.found >= from) return this.found;
    TERMINALS.lastIndex = from;
    this.found = TERMINALS.test(this.text) ? TERMINALS.lastIndex - 1 : this.text.length;
    return this.found;
  }
}

/** Terminals of scripts written without spaces (。！？｡ and fullwidth ．): they end a sentence whatever follows. */
export function isWideTerminal(c: number): boolean {
  return c === 0x3002 || c === 0xff01 || c === 0xff1f || c === 0xff61;
}

/** `!`, `?` and their kin: a sentence end whenever the next word may start one. */
export function isExclamationOrQuestion(c: number): boolean {
  return c === 33 || c === 63 || c === 0x203d || c === 0x203c || (c >= 0x2047 && c <= 0x2049) || c === 0xff01 || c === 0xff1f;
}

export function isEllipsis(c: number): boolean {
  return c === ELLIPSIS;
}

/** Marks that close a quotation or a bracket and stay with the sentence they end. */
export function isCloser(c: number): boolean {
  switch (c) {
    case 34: // "
    case 39: // '
    case 41: // )
    case 93: // ]
    case 125: // }
    case 0x2019: // ’
    case 0x201d: // ”
    case 0xbb: // »
    case 0x203a: // ›
    case 0x300d: // 」
    case 0x300f: // 』
    case 0x3009: // 〉
    case 0x300b: // 》
    case 0x3011: // 】
    case 0xff09: // ）
    case 0xff02: // ＂
      return true;
    default:
      return false;
  }
}

/** Marks that open a quotation or a bracket before a sentence's first word. */
export function isOpener(c: number): boolean {
  switch (c) {
    case 34: // "
    case 39: // '
    case 40: // (
    case 91: // [
    case 123: // {
    case 0x2018: // ‘
    case 0x201c: // “
    case 0x201e: // „
    case 0x201a: // ‚
    case 0xab: // «
    case 0x2039: // ‹
    case 0xbf: // ¿
    case 0xa1: // ¡
    case 0x300c: // 「
    case 0x300e: // 『
    case 0x3008: // 〈
    case 0x300a: // 《
    case 0x3010: // 【
    case 0xff08: // （
      return true;
    default:
      return false;
  }
}

export function isAsciiDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

export function isAsciiUpper(c: number): boolean {
  return c >= 65 && c <= 90;
}

export function isAsciiLower(c: number): boolean {
  return c >= 97 && c <= 122;
}

/** What the first character of a word tells us about where a sentence may start. */
export const enum Letter {
  None,
  Upper,
  Lower,
  /** A letter of a script without case (CJK, Arabic, Devanagari, Hebrew…): may start a sentence. */
  Uncased,
  Digit,
  Currency,
  /** Emoji and other symbols. */
  Symbol,
  Other,
}

const UPPER = /[\p{Lu}\p{Lt}]/uy;
const LOWER = /\p{Ll}/uy;
const LETTER = /[\p{L}\p{M}]/uy;
const DIGIT = /\p{Nd}/uy;
const CURRENCY = /\p{Sc}/uy;
const SYMBOL = /[\p{So}\p{Sk}\p{Sm}]/uy;

function testAt(re: RegExp, text: string, at: number): boolean {
  re.lastIndex = at;
  return re.test(text);
}

/** The class of the character (code point) at `at`. */
export function letterAt(text: string, at: number): Letter {
  if (at >= text.length) return Letter.None;
  const c = text.charCodeAt(at);
  if (c < 128) {
    if (isAsciiUpper(c)) return Letter.Upper;
    if (isAsciiLower(c)) return Letter.Lower;
    if (isAsciiDigit(c)) return Letter.Digit;
    if (c === 36) return Letter.Currency;
    return Letter.Other;
  }
  if (testAt(UPPER, text, at)) return Letter.Upper;
  if (testAt(LOWER, text, at)) return Letter.Lower;
  if (testAt(LETTER, text, at)) return Letter.Uncased;
  if (testAt(DIGIT, text, at)) return Letter.Digit;
  if (testAt(CURRENCY, text, at)) return Letter.Currency;
  if (testAt(SYMBOL, text, at) || (c >= 0xd83c && c <= 0xd83e)) return Letter.Symbol;
  return Letter.Other;
}

/** True for letters (any script) and apostrophes inside words: what a word is made of. */
export function isWordChar(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  if (c < 128) return isAsciiUpper(c) || isAsciiLower(c);
  return c === 0x2019 || testAt(LETTER, text, at);
}

/** Emoji pieces that may follow a sentence's final mark: pictographs, ZWJ, variation selectors, skin tones, keycaps. */
export function isEmojiUnit(c: number): boolean {
  return (
    (c >= 0xd83c && c <= 0xd83e) || // high surrogates of the emoji planes (the low half follows)
    (c >= 0xdc00 && c <= 0xdfff) ||
    (c >= 0x2600 && c <= 0x27bf) ||
    c === 0x200d ||
    c === 0xfe0f ||
    c === 0x20e3 ||
    c === 0x2b50 ||
    c === 0x2b55 ||
    c === 0x2764
  );
}
