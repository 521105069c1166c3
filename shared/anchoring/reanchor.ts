/**
 * Finding a quote again after its text was edited, after the W3C Web Annotation model
 * (TextQuoteSelector + TextPositionSelector): a quote is its exact text, a little context
 * either side and its old position. Pure TypeScript, linear-ish: indexOf loops, a capped
 * number of candidates, and at most one whitespace-normalised copy of the text per anchorer.
 */
import { isSpace } from '../text/chars';

/** What is needed to find a quote again (a domain `Quote` fits). */
export interface TextQuote {
  readonly exact: string;
  readonly prefix: string;
  readonly suffix: string;
  /** Where the quote started in the old text: breaks ties between equally good matches. */
  readonly start: number;
}

export interface TextRange {
  readonly start: number;
  readonly end: number;
}

/** Occurrences looked at per quote, nearest to the old position first. */
export const MAX_CANDIDATES = 1_000;

export interface Anchorer {
  /** The range of `text` the quote now covers, or null when it is gone (orphaned). */
  find(quote: TextQuote): TextRange | null;
}

/** Finds `quote` in `text`; see `createAnchorer` to find many quotes in one text. */
export function reanchor(quote: TextQuote, text: string): TextRange | null {
  return createAnchorer(text).find(quote);
}

/**
 * An anchorer for one (new) text. Each quote is looked for exactly first: among its
 * occurrences, the one whose surrounding text best matches the quote's prefix and suffix
 * wins, ties going to the one nearest the old position. Only when the exact text occurs
 * nowhere is a whitespace-insensitive match tried (line breaks reflowed, spaces doubled);
 * otherwise the quote is gone.
 */
export function createAnchorer(text: string): Anchorer {
  let normalized: NormalizedText | null = null;
  return {
    find(quote) {
      if (quote.exact.length === 0) return null;
      const exact = bestOccurrence(text, quote.exact, quote.prefix, quote.suffix, quote.start);
      if (exact !== null) return { start: exact, end: exact + quote.exact.length };

      const needle = collapseWhitespace(quote.exact).trim();
      if (needle.length === 0) return null;
      normalized ??= normalizeText(text);
      const { text: flat, offsets } = normalized;
      const around = toNormalizedOffset(offsets, quote.start);
      const at = bestOccurrence(flat, needle, collapseWhitespace(quote.prefix), collapseWhitespace(quote.suffix), around);
      if (at === null) return null;
      return { start: offsets[at]!, end: offsets[at + needle.length - 1]! + 1 };
    },
  };
}

/**
 * The start of the occurrence of `needle` in `haystack` with the longest matching context,
 * nearest `around` among equals; null when there is none. Candidates are visited nearest
 * first, so the search stops at the first one whose whole context matches.
 */
function bestOccurrence(haystack: string, needle: string, prefix: string, suffix: string, around: number): number | null {
  const perfect = prefix.length + suffix.length;
  let best: number | null = null;
  let bestScore = -1;
  for (const at of nearestOccurrences(haystack, needle, around, MAX_CANDIDATES)) {
    const score = commonSuffixLength(haystack, at, prefix) + commonPrefixLength(haystack, at + needle.length, suffix);
    if (score > bestScore) {
      best = at;
      bestScore = score;
      if (score === perfect) break;
    }
  }
  return best;
}

/** Occurrences of `needle`, by distance to `around` (forward and backward indexOf scans, merged). */
function* nearestOccurrences(haystack: string, needle: string, around: number, cap: number): Generator<number> {
  const origin = Math.min(Math.max(0, Math.trunc(around) || 0), haystack.length);
  let forward = haystack.indexOf(needle, origin);
  let backward = origin > 0 ? haystack.lastIndexOf(needle, origin - 1) : -1;
  for (let taken = 0; taken < cap && (forward !== -1 || backward !== -1); taken++) {
    const takeForward = backward === -1 || (forward !== -1 && forward - origin <= origin - backward);
    if (takeForward) {
      yield forward;
      forward = haystack.indexOf(needle, forward + 1);
    } else {
      yield backward;
      backward = backward > 0 ? haystack.lastIndexOf(needle, backward - 1) : -1;
    }
  }
}

/** How many characters just before `end` in `text` equal the last characters of `prefix`. */
function commonSuffixLength(text: string, end: number, prefix: string): number {
  let n = 0;
  while (n < prefix.length && end - n - 1 >= 0 && text.charCodeAt(end - n - 1) === prefix.charCodeAt(prefix.length - n - 1)) n++;
  return n;
}

/** How many characters from `start` in `text` equal the first characters of `suffix`. */
function commonPrefixLength(text: string, start: number, suffix: string): number {
  let n = 0;
  while (n < suffix.length && start + n < text.length && text.charCodeAt(start + n) === suffix.charCodeAt(n)) n++;
  return n;
}

interface NormalizedText {
  /** The text with every run of whitespace collapsed to one space. */
  readonly text: string;
  /** For each character of `text`, its offset in the original text (a run maps to its first character). */
  readonly offsets: Int32Array;
}

/** Every run of whitespace replaced by one space. */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ');
}

function normalizeText(text: string): NormalizedText {
  const offsets = new Int32Array(text.length);
  const parts: string[] = [];
  let length = 0;
  let runStart = 0; // start of the current run of non-space characters
  for (let i = 0; i < text.length; ) {
    if (!isSpace(text.charCodeAt(i))) {
      i++;
      continue;
    }
    for (let j = runStart; j < i; j++) offsets[length++] = j;
    parts.push(text.slice(runStart, i), ' ');
    offsets[length++] = i;
    while (i < text.length && isSpace(text.charCodeAt(i))) i++;
    runStart = i;
  }
  for (let j = runStart; j < text.length; j++) offsets[length++] = j;
  parts.push(text.slice(runStart));
  return { text: parts.join(''), offsets: offsets.subarray(0, length) };
}

/** The first normalised offset at or after the original `offset` (offsets grow monotonically). */
function toNormalizedOffset(offsets: Int32Array, offset: number): number {
  let lo = 0;
  let hi = offsets.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (offsets[mid]! < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
