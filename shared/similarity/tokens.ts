/**
 * Reads a claim's wording into what duplicate detection compares: canonical content words,
 * figures (numbers with their scale, so "$1.2bn" and "1.2 billion dollars" are one figure)
 * and the count of negations. Case, punctuation, curly/straight quotes and whitespace are
 * ignored; stop words are dropped.
 */
import { CURRENCY_SYMBOLS, MONTHS, NEGATIONS, NUMBER_WORDS, SCALES, STOP_WORDS } from './lexicon';
import { canonicalWord } from './stem';

export interface ClaimTokens {
  /** Canonical content words in text order (repeats kept). */
  words: string[];
  /** Canonical figures: "4.5", "48000000", months as "month:3". */
  figures: string[];
  /** How many negations ("not", "never", "didn't"...) the wording has. */
  negations: number;
}

/** Tokens, with their original case kept so capitalised month names can be told from verbs ("March" vs "march"). */
const TOKEN = /[$€£%]|\p{Lu}(?:\.\p{Lu})+\.?|(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?\p{L}*|\.\d+|\p{L}[\p{L}\p{M}]*/gu;
/** "U.S.", "U.K.", "D.C.": one word, so "the U.S." and "the U.K." are not the same place. */
const DOTTED_ABBREVIATION = /^\p{Lu}(?:\.\p{Lu})+\.?$/u;
const ORDINAL_OR_DECADE = /^(st|nd|rd|th|s)$/;
/** Scale letters only count when attached ("48m", "1.2bn"): "48 m" may be metres. */
const ATTACHED_ONLY = new Set(['k', 'm', 'b']);

export function tokenizeClaim(text: string): ClaimTokens {
  const raw = normalizeText(text).match(TOKEN) ?? [];
  const out: ClaimTokens = { words: [], figures: [], negations: 0 };
  for (let i = 0; i < raw.length; i++) {
    const token = raw[i]!;
    const lower = token.toLowerCase();
    const currency = CURRENCY_SYMBOLS.get(token);
    if (currency) out.words.push(currency);
    else if (token === '%') out.words.push('percent');
    else if (DOTTED_ABBREVIATION.test(token)) out.words.push(lower.replaceAll('.', ''));
    else if (/^[\d.]/.test(token) || isNumberWord(lower)) i = readFigure(raw, i, out);
    else if (lower === 'per' && raw[i + 1]?.toLowerCase() === 'cent') {
      out.words.push('percent');
      i++;
    } else if (MONTHS.has(lower) && token[0] !== lower[0]) out.figures.push(`month:${MONTHS.get(lower)}`);
    else if (NEGATIONS.has(lower)) out.negations++;
    else if (lower.length > 1 && !STOP_WORDS.has(lower)) out.words.push(canonicalWord(lower));
  }
  return out;
}

/**
 * Case folding for comparison: one form for quotes, dashes and spaces, and contractions
 * opened so "didn't" counts as a negation. Letter case is kept (see TOKEN).
 */
export function normalizeText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u2018\u2019\u201A\u201B\u2032`´]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033«»]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\b(can)'t\b/gi, '$1 not')
    .replace(/\bwon't\b/gi, 'will not')
    .replace(/n't\b/gi, ' not')
    .replace(/'(s|re|ve|ll|d|m)\b/gi, '')
    .replace(/'/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function isNumberWord(lower: string): boolean {
  return NUMBER_WORDS.has(lower);
}

/**
 * Reads the figure starting at raw[i] with the words that qualify it ("twenty five",
 * "48 million", "50 cents", "12%") and returns the index of the last token it used.
 */
function readFigure(raw: readonly string[], i: number, out: ClaimTokens): number {
  const token = raw[i]!.toLowerCase();
  let value: number;
  const digits = /^([\d,]*\.?\d+)(\p{L}*)$/u.exec(token);
  if (digits) {
    value = Number(digits[1]!.replaceAll(',', ''));
    const suffix = digits[2]!;
    const scale = SCALES.get(suffix);
    if (scale !== undefined) value *= scale;
    else if (suffix && !ORDINAL_OR_DECADE.test(suffix)) out.words.push(canonicalWord(suffix)); // "12km"
  } else {
    value = NUMBER_WORDS.get(token)!;
    // "twenty five": a tens word followed by a unit word is one number.
    const next = NUMBER_WORDS.get(raw[i + 1]?.toLowerCase() ?? '');
    if (value >= 20 && value % 10 === 0 && next !== undefined && next > 0 && next < 10) {
      value += next;
      i++;
    }
  }
  for (let next = raw[i + 1]?.toLowerCase(); next !== undefined; next = raw[i + 1]?.toLowerCase()) {
    const scale = SCALES.get(next);
    if (scale !== undefined && !ATTACHED_ONLY.has(next)) {
      value *= scale;
      i++;
    } else if (next === 'cent' || next === 'cents') {
      // "50 cents" is $0.50; "per cent" never reaches here (the number comes before "per").
      value /= 100;
      out.words.push('dollar');
      i++;
      break;
    } else break;
  }
  out.figures.push(formatFigure(value));
  return i;
}

/** One spelling per value: 4.50 and 4.5 → "4.5"; 48e6 → "48000000". */
export function formatFigure(value: number): string {
  return String(Number(value.toPrecision(12)));
}
