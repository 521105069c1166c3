/**
 * Feature extraction: one pass over the sentence's characters that produces both the
 * hand-written features (with the text that triggered each, for reasons) and the hashed
 * word uni/bigram buckets the trained model weighs. Training and scoring share this code,
 * so the model sees exactly the features it was trained on.
 *
 * Everything is written into a reusable `FeatureBuffer`: no per-word substrings, no
 * per-call arrays (the scorer calls this for every sentence of an article, on the fly).
 */
import { FEATURE_INDEX, HAND_FEATURE_COUNT, HAND_FEATURES, type HandFeature } from './hand-features';
import { FNV_OFFSET, HashTable, hashStep, hashString, mix, pairHash } from './hash';
import { LEXICON } from './lexicon';

/** Bumped whenever tokenisation, hashing or the feature list changes: old weights no longer fit. */
export const FEATURE_SET_VERSION = 1;

/** N-grams beyond this many in one sentence are ignored (a pasted run-on "sentence"). */
export const MAX_GRAMS = 512;

export interface FeatureBuffer {
  /** Value of each hand feature, in `HAND_FEATURES` order. */
  readonly hand: Float64Array;
  /** The first text span that triggered each hand feature (start -1: none). */
  readonly spanStart: Int32Array;
  readonly spanEnd: Int32Array;
  /** Bucket of each word unigram and bigram, and its text span (for reasons). */
  readonly grams: Int32Array;
  readonly gramStart: Int32Array;
  readonly gramEnd: Int32Array;
  gramCount: number;
  /** Words and numbers in the sentence. */
  tokenCount: number;
}

export function createFeatureBuffer(): FeatureBuffer {
  return {
    hand: new Float64Array(HAND_FEATURE_COUNT),
    spanStart: new Int32Array(HAND_FEATURE_COUNT),
    spanEnd: new Int32Array(HAND_FEATURE_COUNT),
    grams: new Int32Array(MAX_GRAMS),
    gramStart: new Int32Array(MAX_GRAMS),
    gramEnd: new Int32Array(MAX_GRAMS),
    gramCount: 0,
    tokenCount: 0,
  };
}

const F = FEATURE_INDEX;
const bit = (feature: HandFeature) => 1 << F[feature];

/** Word (and word-pair) hashes of the lexicon, to bit sets of the features they trigger. */
const LEXICON_TABLE = buildLexiconTable();

function buildLexiconTable(): HashTable {
  const table = new HashTable(4096);
  for (const feature of HAND_FEATURES) {
    for (const entry of LEXICON[feature] ?? []) {
      const words = entry.split(' ');
      if (words.length > 2) throw new Error(`Lexicon entries are one or two words: '${entry}'`);
      const key = words.length === 1 ? hashString(words[0]!) : pairHash(hashString(words[0]!), hashString(words[1]!));
      table.add(key, bit(feature));
    }
  }
  return table;
}

/** Pseudo-words: the start of the sentence and the two shapes of numbers. */
const START = hashString('<s>');
const NUMBER = hashString('<num>');
const YEAR = hashString('<year>');
const UNIGRAM_SALT = 0x2545f491;
/** "19" and "20" as two char codes: the centuries a four-digit year is read in. */
const YEAR_19 = 49 * 256 + 57;
const YEAR_20 = 50 * 256 + 48;

/** Words capitalised as part of the language, not because they name someone. */
const NOT_NAMES = new Set(['i', "i'm", "i've", "i'd", "i'll", 'mr', 'mrs', 'ms'].map(hashString));
const SCALE_BITS = bit('figureWord') | bit('percent');
const OFFICIAL = bit('official');
const DATE = bit('date');

const isUpper = (c: number) => (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0xde && c !== 0xd7);
const isDigit = (c: number) => c >= 48 && c <= 57;
/** Letters: ASCII, Latin-1 and beyond, except the general punctuation block (’ “ ” — …). */
const isLetter = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 0xc0 && c !== 0xd7 && c !== 0xf7 && (c < 0x2000 || c > 0x206f));
const isApostrophe = (c: number) => c === 39 || c === 0x2019;
const isDoubleQuote = (c: number) => c === 34 || c === 0x201c || c === 0x201d;
const isCurrency = (c: number) => c === 36 || c === 0xa3 || c === 0x20ac || c === 0xa5;

/** Scanner state shared by the helpers below (module-level: scoring is synchronous). */
let out: FeatureBuffer;
let bucketMask = 0;
let previousHash = START;
let previousStart = 0;
let previousEnd = 0;
let previousWasNumber = false;
/** True at the sentence start and after . : ; or an opening quote: a capital there names nobody. */
let atClauseStart = true;
/** Whether the official/entity span is still being extended over following capitalised words. */
let officialOpen = false;
let entityOpen = false;
let officialCapitalised = false;

export function extractFeatures(text: string, buffer: FeatureBuffer, buckets: number): void {
  out = buffer;
  bucketMask = buckets - 1;
  buffer.hand.fill(0);
  buffer.spanStart.fill(-1);
  buffer.gramCount = 0;
  buffer.tokenCount = 0;
  previousHash = START;
  previousStart = 0;
  previousEnd = 0;
  previousWasNumber = false;
  atClauseStart = true;
  officialOpen = false;
  entityOpen = false;
  officialCapitalised = false;

  let quotes = 0;
  let firstQuote = -1;
  let lastQuote = -1;
  let lastMark = 0;
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isLetter(c)) {
      const start = i;
      let hash = FNV_OFFSET;
      for (;;) {
        const d = text.charCodeAt(i);
        if (isLetter(d)) hash = hashStep(hash, d >= 65 && d <= 90 ? d + 32 : d);
        else if (isApostrophe(d) && i + 1 < n && isLetter(text.charCodeAt(i + 1))) hash = hashStep(hash, 39);
        else break;
        i++;
      }
      onWord(start, i, hash, isUpper(c));
      lastMark = 0;
    } else if (isDigit(c)) {
      const numberStart = i;
      let digits = 0;
      let plain = true;
      while (i < n) {
        const d = text.charCodeAt(i);
        if (isDigit(d)) digits++;
        else if ((d === 46 || d === 44) && i + 1 < n && isDigit(text.charCodeAt(i + 1))) plain = false;
        else break;
        i++;
      }
      const percent = i < n && text.charCodeAt(i) === 37;
      if (percent) i++;
      const end = i;
      while (i < n && isLetter(text.charCodeAt(i))) i++; // 1990s, 5th, 10bn: the number's own suffix
      const currency = numberStart > 0 && isCurrency(text.charCodeAt(numberStart - 1));
      const century = text.charCodeAt(numberStart) * 256 + text.charCodeAt(numberStart + 1);
      const year = plain && digits === 4 && !percent && !currency && (century === YEAR_19 || century === YEAR_20);
      onNumber(currency ? numberStart - 1 : numberStart, year ? i : end, year, percent, currency);
      lastMark = 0;
    } else {
      if (isDoubleQuote(c)) {
        quotes++;
        if (firstQuote < 0) firstQuote = i;
        lastQuote = i;
        atClauseStart = true;
      } else if (c === 46 || c === 58 || c === 59) {
        // A full stop after an abbreviation ("Sen.") keeps a following name attached.
        if (c !== 46 || !officialOpen) atClauseStart = true;
      } else if (c === 63 || c === 33) {
        lastMark = c;
      } else if (isCurrency(c)) {
        mark('money', i, i + 1);
      }
      if (c !== 32 && c !== 46) {
        officialOpen = false;
        entityOpen = false;
      }
      i++;
    }
  }

  if (quotes >= 2 && lastQuote - firstQuote > 3) mark('quote', firstQuote, lastQuote + 1);
  if (lastMark === 63) out.hand[F.question] = 1;
  if (lastMark === 33) out.hand[F.exclamation] = 1;
  const words = out.tokenCount;
  if (words <= 3) out.hand[F.short] = 1;
  else if (words <= 6) out.hand[F.brief] = 1;
  else if (words >= 25) out.hand[F.long] = 1;
}

function onWord(start: number, end: number, hash: number, capital: boolean): void {
  const flags = LEXICON_TABLE.get(hash);
  const phrase = LEXICON_TABLE.get(pairHash(previousHash, hash));
  if (phrase !== 0) markAll(phrase, previousStart, end);
  if (flags !== 0) {
    markAll(flags & ~phrase, start, end);
    // "3.5 million", "60 percent": the scale belongs to the figure before it.
    if (previousWasNumber && flags & SCALE_BITS && out.spanEnd[F.figure] === previousEnd && start - previousEnd <= 1) out.spanEnd[F.figure] = end;
  }
  if (flags & OFFICIAL) onTitle(start, end, capital);
  else if (capital) onCapitalised(start, end, hash, flags);
  else {
    officialOpen = false;
    entityOpen = false;
  }
  atClauseStart = false;
  addGrams(hash, start, end);
  previousWasNumber = false;
}

/** A title: its capitalised use ("Senator", "Sen.") is the better reason text. */
function onTitle(start: number, end: number, capital: boolean): void {
  if (capital && !officialCapitalised) {
    out.spanStart[F.official] = start;
    out.spanEnd[F.official] = end;
    officialCapitalised = true;
  }
  officialOpen = true;
  entityOpen = false;
}

function onCapitalised(start: number, end: number, hash: number, flags: number): void {
  // Extend "Senator" to "Senator Laura Chen", "New" to "New Hampshire".
  if (officialOpen && out.spanEnd[F.official] === previousEnd) {
    out.spanEnd[F.official] = end;
    return;
  }
  if (entityOpen && out.spanEnd[F.entity] === previousEnd) {
    out.spanEnd[F.entity] = end;
    return;
  }
  officialOpen = false;
  if (atClauseStart || NOT_NAMES.has(hash) || flags & DATE) return;
  if (out.spanStart[F.entity]! < 0) {
    out.spanStart[F.entity] = start;
    out.spanEnd[F.entity] = end;
    entityOpen = true;
  }
  out.hand[F.entity] = 1;
}

function onNumber(start: number, end: number, year: boolean, percent: boolean, currency: boolean): void {
  if (year) mark('date', start, end);
  else {
    mark('figure', start, end);
    if (percent) mark('percent', start, end);
    if (currency) mark('money', start, end);
  }
  atClauseStart = false;
  officialOpen = false;
  entityOpen = false;
  addGrams(year ? YEAR : NUMBER, start, end);
  previousWasNumber = !year;
}

function addGrams(hash: number, start: number, end: number): void {
  const count = out.gramCount;
  if (count + 2 <= MAX_GRAMS) {
    out.grams[count] = mix(hash ^ UNIGRAM_SALT) & bucketMask;
    out.gramStart[count] = start;
    out.gramEnd[count] = end;
    out.grams[count + 1] = pairHash(previousHash, hash) & bucketMask;
    out.gramStart[count + 1] = out.tokenCount === 0 ? start : previousStart;
    out.gramEnd[count + 1] = end;
    out.gramCount = count + 2;
  }
  out.tokenCount++;
  previousHash = hash;
  previousStart = start;
  previousEnd = end;
}

function markAll(flags: number, start: number, end: number): void {
  for (let f = 0; flags !== 0; f++, flags >>>= 1) {
    if (flags & 1) mark(HAND_FEATURES[f]!, start, end);
  }
}

function mark(feature: HandFeature, start: number, end: number): void {
  const f = F[feature];
  out.hand[f] = 1;
  if (out.spanStart[f]! < 0) {
    out.spanStart[f] = start;
    out.spanEnd[f] = end;
  }
}
