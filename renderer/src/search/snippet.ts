/**
 * Short plain-text excerpts around the first match of a search, and where the matched terms
 * sit in a text, for the UI to highlight. Text only: the UI escapes what it shows.
 */

export const SNIPPET_LENGTH = 160;
const ELLIPSIS = '…';

/**
 * Up to about `maxLength` characters of `text` around the first occurrence of any term
 * (matched at the start of a word, case-insensitively), cut at spaces, with "…" where text
 * was left out. Whitespace runs (line breaks included) become one space. No match: the start.
 */
export function snippetAround(text: string, terms: readonly string[], maxLength = SNIPPET_LENGTH): string {
  const at = firstMatch(text, terms);
  if (text.length <= maxLength) return collapse(text);
  // Some context before the match, most of the room after it.
  let start = Math.max(0, (at?.index ?? 0) - Math.floor(maxLength / 4));
  const end = Math.min(text.length, start + maxLength);
  start = Math.max(0, Math.min(start, end - maxLength));
  let slice = text.slice(start, end);
  if (start > 0) slice = slice.replace(/^\S*\s+/, ''); // a cut word at the start is dropped
  if (end < text.length) slice = slice.replace(/\s+\S*$/, ''); // and at the end
  return `${start > 0 ? ELLIPSIS : ''}${collapse(slice)}${end < text.length ? ELLIPSIS : ''}`;
}

/** Where `terms` occur in `text` (at word starts, case-insensitively), as sorted, non-overlapping [start, end) ranges. */
export function matchRanges(text: string, terms: readonly string[]): [number, number][] {
  const pattern = termPattern(terms, 'giu');
  if (!pattern) return [];
  const ranges: [number, number][] = [];
  for (const match of text.matchAll(pattern)) ranges.push([match.index, match.index + match[0].length]);
  return ranges;
}

function firstMatch(text: string, terms: readonly string[]): RegExpExecArray | null {
  return termPattern(terms, 'iu')?.exec(text) ?? null;
}

/** One regex for all terms, longest first so "unemployment" wins over "unemploy"; terms match at a word start. */
function termPattern(terms: readonly string[], flags: string): RegExp | null {
  const unique = [...new Set(terms.filter((t) => t.length > 0))].sort((a, b) => b.length - a.length);
  if (unique.length === 0) return null;
  const alternatives = unique.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives})`, flags);
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
