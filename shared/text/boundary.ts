/**
 * Whether a run of terminal punctuation ends a sentence. Called once per terminal mark the
 * scan meets; looks only at the few characters around it, so the whole scan stays linear.
 *
 * The rules, in order:
 * - `。！？` (scripts without spaces) end a sentence whatever follows, closing brackets included.
 * - Any other mark ends one only before whitespace (or the end of the run): never inside
 *   3.5%, $1.2bn, example.org/a.b?c=d, press@example.org, U.S.-led.
 * - `!` `?` (and `।` `؟`, and `;` after a Greek letter, the Greek question mark) end one when the next word may start a sentence: not lower-case.
 *   After a closing quote, a capitalised name followed by a verb of saying keeps the
 *   attribution: `"Why?" Ruiz asked.` is one sentence.
 * - An ellipsis (`...`, `…`) ends one only before a capital letter.
 * - A period ends one when the next word may start a sentence, unless the word before it is
 *   an abbreviation (see `abbreviations.ts`): titles and e.g./i.e./vs. never end one; No./p./Fig.
 *   and months do not before a figure; a.m./p.m. end before any capitalised word that is not a
 *   weekday, month or time zone; U.S.-style initialisms, initials, Inc., St., Jr. end only before
 *   a common sentence starter (The, It, He, But…). A period followed by a closing quote or
 *   bracket (`"No."`, `(See page 3.)`) is read as a sentence end, like an ordinary word.
 * - Emoji right after the final mark stay with the sentence they follow.
 */
import { Abbrev, FUNCTION_STARTERS, LONGEST_PLAIN, SENTENCE_STARTERS, SPEECH_VERBS, TIME_FOLLOWERS, abbreviationClass } from './abbreviations';
import {
  Letter, PERIOD, isCloser, isEllipsis, isEmojiUnit, isExclamationOrQuestion, isOpener, isSpace, isTerminal,
  isWideTerminal, isWordChar, letterAt,
} from './chars';

const SEMICOLON = 59;

/** Whether `;` at `at` is a Greek question mark: it follows a letter of the Greek script. */
export function isGreekQuestionMark(text: string, at: number): boolean {
  if (at === 0) return false;
  const c = text.charCodeAt(at - 1);
  return (c >= 0x0370 && c <= 0x03ff) || (c >= 0x1f00 && c <= 0x1fff);
}

/** What `decide` found: where the terminal run (with its closing marks) ends, and whether that is a sentence end. */
export interface Decision {
  /** End of the sentence if it is a boundary; otherwise the end of the terminal run, where scanning resumes. */
  end: number;
  boundary: boolean;
  /** First character of the next sentence (or `limit`), valid when `boundary`. */
  next: number;
}

/**
 * Decides at `at` (a terminal mark) with the scan confined to [floor, limit): `floor` is where
 * the current line or segment starts (for the word before), `limit` where lookahead stops.
 */
export function decide(text: string, at: number, floor: number, limit: number, out: Decision): Decision {
  let periods = 0;
  let strong = false;
  let wide = false;
  let ellipsis = false;
  let closers = 0;
  let j = at;
  // A semicolon after a Greek letter is the Greek question mark (U+037E normalises to it).
  if (text.charCodeAt(at) === SEMICOLON) {
    strong = true;
    j++;
  }
  for (; j < limit; j++) {
    const c = text.charCodeAt(j);
    if (c === PERIOD) periods++;
    else if (isExclamationOrQuestion(c)) strong = true;
    else if (isEllipsis(c)) ellipsis = true;
    else if (isCloser(c)) closers++;
    else if (!isTerminal(c)) break;
    if (isWideTerminal(c)) wide = true;
  }
  out.end = j;
  out.next = j;
  out.boundary = false;
  if (j >= limit) return settle(out, j, limit, true);
  if (wide) return settle(out, j, skipSpace(text, j, limit), true);
  if (!isSpace(text.charCodeAt(j))) return out;
  let next = skipSpace(text, j, limit);
  if (next >= limit) return settle(out, j, limit, true);
  // Emoji after the mark belong to the sentence they follow: "We won! 🎉 Next…".
  let end = j;
  if (startsEmoji(text.charCodeAt(next))) {
    let e = next;
    while (e < limit && isEmojiUnit(text.charCodeAt(e))) e++;
    if (e < limit && !isSpace(text.charCodeAt(e))) return out;
    end = e;
    next = skipSpace(text, e, limit);
    if (next >= limit) return settle(out, end, limit, true);
  }
  let ends: boolean;
  if (strong) ends = startsSentence(text, next) && !(closers > 0 && attributionFollows(text, next, limit));
  else if (ellipsis || periods > 1) ends = capitalFollows(text, next);
  else if (periods === 1 && closers === 0) ends = periodEnds(text, at, floor, next);
  else ends = startsSentence(text, next);
  return ends ? settle(out, end, next, true) : out;
}

function settle(out: Decision, end: number, next: number, boundary: boolean): Decision {
  out.end = end;
  out.next = next;
  out.boundary = boundary;
  return out;
}

function skipSpace(text: string, from: number, limit: number): number {
  let i = from;
  while (i < limit && isSpace(text.charCodeAt(i))) i++;
  return i;
}

function startsEmoji(c: number): boolean {
  return (c >= 0xd83c && c <= 0xd83e) || (c >= 0x2600 && c <= 0x27bf) || c === 0x2b50 || c === 0x2b55;
}

/** Past up to three opening quotes or brackets. */
function skipOpeners(text: string, at: number): number {
  let i = at;
  while (i < at + 3 && isOpener(text.charCodeAt(i))) i++;
  return i;
}

/** Whether the word at `at` may begin a sentence: not lower-case, not punctuation. */
export function startsSentence(text: string, at: number): boolean {
  const i = skipOpeners(text, at);
  switch (letterAt(text, i)) {
    case Letter.Upper:
    case Letter.Uncased:
    case Letter.Digit:
    case Letter.Currency:
    case Letter.Symbol:
      return true;
    case Letter.Other: {
      const c = text.charCodeAt(i);
      return c === 35 || c === 64; // # @
    }
    default:
      return false;
  }
}

function capitalFollows(text: string, at: number): boolean {
  return letterAt(text, skipOpeners(text, at)) === Letter.Upper;
}

/** A figure or an amount: 10, $5, £3, #2. */
function figureFollows(text: string, at: number): boolean {
  const i = skipOpeners(text, at);
  const kind = letterAt(text, i);
  return kind === Letter.Digit || kind === Letter.Currency || text.charCodeAt(i) === 35;
}

/** The word (letters and inner apostrophes) starting at `at`, at most 16 characters. */
function wordAt(text: string, at: number): string {
  let i = at;
  while (i < at + 16 && i < text.length) {
    if (isWordChar(text, i)) i++;
    else if (text.charCodeAt(i) === 39 && i > at && i + 1 < text.length && isWordChar(text, i + 1)) i++;
    else break;
  }
  return text.slice(at, i);
}

function starterFollows(text: string, at: number): boolean {
  const i = skipOpeners(text, at);
  const word = wordAt(text, i);
  if (!SENTENCE_STARTERS.has(word)) return false;
  // "A" and "I" count only as words of their own: not "A-League", not the initial "I.".
  return word.length > 1 || isSpace(text.charCodeAt(i + 1));
}

/**
 * The token before the period at `at`: back to whitespace, an opening mark, a hyphen or a slash
 * ("non-U.S." and "Jan.-Feb." are judged by their last part). '' when it cannot be an
 * abbreviation: longer than the window, or a plain word longer than any abbreviation.
 */
function wordBefore(text: string, at: number, floor: number): string {
  const stop = Math.max(floor, at - 13);
  let dotted = false;
  let i = at - 1;
  for (; i >= stop; i--) {
    const c = text.charCodeAt(i);
    if (c >= 97 ? c <= 122 : c >= 65 && c <= 90) continue; // ASCII letters, the usual case
    if (c === PERIOD) dotted = true;
    else if (c === 45 || c === 47 || isSpace(c) || isOpener(c)) break;
  }
  if (i < stop && stop > floor) return '';
  if (!dotted && at - i - 1 > LONGEST_PLAIN) return '';
  return text.slice(i + 1, at);
}

function periodEnds(text: string, at: number, floor: number, next: number): boolean {
  // Every rule below needs a word that may start a sentence; most periods inside sentences stop here.
  if (!startsSentence(text, next)) return false;
  switch (abbreviationClass(wordBefore(text, at, floor))) {
    case Abbrev.None:
      return true;
    case Abbrev.Never:
      return false;
    case Abbrev.Numeric:
    case Abbrev.Month:
      return !figureFollows(text, next);
    case Abbrev.Time: {
      const i = skipOpeners(text, next);
      return letterAt(text, i) === Letter.Upper && !TIME_FOLLOWERS.has(wordAt(text, i));
    }
    case Abbrev.Starter:
      return starterFollows(text, next);
  }
}

/**
 * After `?"` or `!"`: up to four capitalised words not opening with a pronoun or determiner,
 * then a verb of saying — `"Why?" Mayor Ana Ruiz asked.`, `"Go!" Police told them.` — continue
 * the sentence; `"Why?" The mayor said nothing.` does not.
 */
function attributionFollows(text: string, at: number, limit: number): boolean {
  let i = at;
  for (let words = 0; words < 5 && i < limit; words++) {
    const word = wordAt(text, i);
    if (word.length === 0) return false;
    const kind = letterAt(text, i);
    if (kind === Letter.Lower) return words > 0 && SPEECH_VERBS.has(word);
    if (kind !== Letter.Upper || (words === 0 && FUNCTION_STARTERS.has(word))) return false;
    i += word.length;
    if (text.charCodeAt(i) === PERIOD) i++; // Dr., J.
    if (!isSpace(text.charCodeAt(i))) return false;
    i++;
  }
  return false;
}
