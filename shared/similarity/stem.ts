/**
 * A light English stemmer and the word canonicaliser built on it. Deliberately simple and
 * deterministic: it only has to map the forms of one word to one key ("rises", "rising",
 * "rose" → the same key), never to produce a dictionary word. Over-stemming is harmless as
 * long as it is consistent, which is why the last step drops a final "e" everywhere
 * ("rise" and "rising" both become "ris").
 */
import { IRREGULAR, SYNONYM_GROUPS } from './lexicon';

const VOWEL = /[aeiouy]/;
/** Doubled consonants that are the word's own (fall, miss, buzz) and are kept when a suffix goes. */
const KEEP_DOUBLE = new Set(['l', 's', 'z']);

/** The stem of one lower-case word. */
export function stem(word: string): string {
  let w = IRREGULAR.get(word) ?? word;
  if (w.length <= 3) return w;
  w = stripPlural(w);
  w = stripVerbEnding(w);
  // British and American spellings of the same word: organise/organize, labour/labor.
  if (w.endsWith('iz')) w = `${w.slice(0, -2)}is`;
  else if (w.endsWith('ize')) w = `${w.slice(0, -3)}ise`;
  if (w.length >= 6 && w.endsWith('our')) w = `${w.slice(0, -3)}or`;
  if (w.length > 3 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}

function stripPlural(w: string): string {
  if (w.endsWith('sses')) return w.slice(0, -2);
  if (w.endsWith('ies') && w.length > 4) return `${w.slice(0, -3)}y`;
  if (w.endsWith('s') && !/(ss|us|is)$/.test(w)) return w.slice(0, -1);
  return w;
}

function stripVerbEnding(w: string): string {
  if (w.endsWith('ied') && w.length > 4) return `${w.slice(0, -3)}y`;
  if (w.endsWith('eed')) return w.length > 4 ? w.slice(0, -1) : w; // agreed → agree; need stays
  for (const suffix of ['ing', 'ed']) {
    if (!w.endsWith(suffix)) continue;
    const rest = w.slice(0, -suffix.length);
    // "bring", "sing", "red": what is left must still look like a word.
    if (rest.length < 3 || !VOWEL.test(rest)) return w;
    return undouble(rest);
  }
  return w;
}

/** planned → plan, stopped → stop; falling keeps its "ll". */
function undouble(w: string): string {
  const last = w[w.length - 1]!;
  return last === w[w.length - 2] && !KEEP_DOUBLE.has(last) && !VOWEL.test(last) ? w.slice(0, -1) : w;
}

/** Stem of every synonym → stem of its group's first word; built once, so inflections map too. */
const SYNONYMS: ReadonlyMap<string, string> = (() => {
  const map = new Map<string, string>();
  for (const group of SYNONYM_GROUPS) {
    const head = stem(group[0]!);
    for (const word of group) map.set(stem(word), head);
  }
  return map;
})();

/** The key a word is compared by: its stem, or the stem its synonym group shares. */
export function canonicalWord(word: string): string {
  const s = stem(word);
  return SYNONYMS.get(s) ?? s;
}

/** A word list read through `canonicalWord`, so it can be checked against canonical keys. */
export function canonicalSet(words: Iterable<string>): ReadonlySet<string> {
  return new Set(Array.from(words, canonicalWord));
}
