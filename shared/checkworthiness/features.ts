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
import { COMMON_CAPITALISED, LEXICON, MONTHS, STOPWORDS } from './lexicon';

// Local copies of what the per-character loop uses: under tsx (benchmarks, CLI) every use
// of an imported binding goes through a getter, which costs more than the work itself.
const step = hashStep;
const mix32 = mix;
const pair = pairHash;
const OFFSET = FNV_OFFSET;

/** Bumped whenever tokenisation, hashing or the feature list changes: old weights no longer fit. */
export const FEATURE_SET_VERSION = 2;

/** N-grams beyond this many in one sentence are ignored (a pasted run-on "sentence"). */
export const MAX_GRAMS = 512;

export interface FeatureBuffer {
  /** Value of each hand feature, in `HAND_FEATURES` order. */
  readonly hand: Float64Array;
  /** The first text span that triggered each hand feature (start -1: none). */
  readonly spanStart: Int32Array;
  readonly spanEnd: Int32Array;
  /** Bucket of each word unigram and bigram, its text span and whether it has a content word (for reasons). */
  readonly grams: Int32Array;
  readonly gramStart: Int32Array;
  readonly gramEnd: Int32Array;
  readonly gramContent: Uint8Array;
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
    gramContent: new Uint8Array(MAX_GRAMS),
    gramCount: 0,
    tokenCount: 0,
  };
}

const F = FEATURE_INDEX;
const bit = (feature: HandFeature) => 1 << F[feature];
/** Bits of the lexicon table above every feature's: function words, months, capitalised non-names. */
const STOP = 1 << 30;
const MONTH = 1 << 29;
const NOT_NAME = 1 << 28;
const PHRASE_HEAD = 1 << 27; // the first word of a two-word entry: only then is the pair looked up
const HONORIFIC = 1 << 26; // "Mr", "Mrs": the start of a name
const COMMON = 1 << 25; // "Foreign", "Health", "City": capitalised, but no name by itself
const FEATURE_BITS = (1 << HAND_FEATURE_COUNT) - 1;
/** Words of the lexicon: never the start of a name ("The", "Data", "May", "Yesterday"). */
const LEXICON_WORD = FEATURE_BITS | STOP | MONTH | PHRASE_HEAD;
// Feature indices as plain numbers for the hot paths.
const FIGURE = F.figure;
const PERCENT = F.percent;
const MONEY = F.money;
const DATE_F = F.date;
const OFFICIAL_F = F.official;
const ENTITY = F.entity;
const QUOTE = F.quote;
const QUESTION = F.question;
const EXCLAMATION = F.exclamation;
const SHORT = F.short;
const BRIEF = F.brief;
const LONG = F.long;

/** Word (and word-pair) hashes of the lexicon, to bit sets of the features they trigger. */
const LEXICON_TABLE = buildLexiconTable();

function buildLexiconTable(): HashTable {
  const table = new HashTable(4096);
  for (const feature of HAND_FEATURES) {
    for (const entry of LEXICON[feature] ?? []) {
      const words = entry.split(' ');
      if (words.length > 2) throw new Error(`Lexicon entries are one or two words: '${entry}'`);
      if (words.length === 1) table.add(hashString(words[0]!), bit(feature));
      else {
        table.add(pairHash(hashString(words[0]!), hashString(words[1]!)), bit(feature));
        table.add(hashString(words[0]!), PHRASE_HEAD);
      }
    }
  }
  for (const word of STOPWORDS) table.add(hashString(word), STOP);
  for (const month of MONTHS) table.add(hashString(month), MONTH);
  // Capitalised as part of the language, not because they name someone.
  for (const word of ['i', "i'm", "i've", "i'd", "i'll"]) table.add(hashString(word), NOT_NAME);
  for (const word of ['mr', 'mrs', 'ms', 'mx', 'messrs']) table.add(hashString(word), HONORIFIC);
  for (const word of COMMON_CAPITALISED) table.add(hashString(word), COMMON);
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

const SCALE_BITS = bit('figureWord') | bit('percent');
const OFFICIAL = bit('official');
const DATE = bit('date');

/** Character classes, one byte per UTF-16 code unit: one load per character instead of a chain of tests. */
const LETTER = 1;
const UPPER = 3; // a letter (bit 0) that lowercases by +32 (bit 1): A–Z, À–Þ
const DIGIT = 4;
const CHAR_CLASS = buildCharClasses();

/** Whether a UTF-16 code unit is part of a word (a letter or digit) as the tokeniser reads it. */
export function isWordCode(c: number): boolean {
  return CHAR_CLASS[c] !== 0;
}

function buildCharClasses(): Uint8Array {
  const classes = new Uint8Array(0x10000);
  for (let c = 0; c < 0x10000; c++) {
    if (c >= 97 && c <= 122) classes[c] = LETTER;
    else if (c >= 65 && c <= 90) classes[c] = UPPER;
    else if (c >= 48 && c <= 57) classes[c] = DIGIT;
    else if (c >= 0xc0 && c !== 0xd7 && c !== 0xf7) {
      // Beyond Latin-1 everything is a letter except punctuation and symbol blocks and surrogates (emoji).
      const symbol = (c >= 0x2000 && c <= 0x2bff) || (c >= 0x3000 && c <= 0x303f) || (c >= 0xd800 && c <= 0xdfff) || c >= 0xfe00;
      if (!symbol) classes[c] = c <= 0xde ? UPPER : LETTER;
    }
  }
  return classes;
}

const isDigit = (c: number) => c >= 48 && c <= 57;
const isApostrophe = (c: number) => c === 39 || c === 0x2019;
const isDoubleQuote = (c: number) => c === 34 || c === 0x201c || c === 0x201d;
const isCurrency = (c: number) => c === 36 || c === 0xa3 || c === 0x20ac || c === 0xa5;

/** Scanner state shared by the helpers below (module-level: scoring is synchronous). The
 * buffer's arrays are held directly: one load each instead of two per use. */
let hand: Float64Array = new Float64Array(0);
let spanStart: Int32Array = new Int32Array(0);
let spanEnd: Int32Array = new Int32Array(0);
let grams: Int32Array = new Int32Array(0);
let gramStart: Int32Array = new Int32Array(0);
let gramEnd: Int32Array = new Int32Array(0);
let gramContent: Uint8Array = new Uint8Array(0);
let gramCount = 0;
let tokenCount = 0;
let bucketMask = 0;
let previousHash = START;
let previousStart = 0;
let previousEnd = 0;
let previousWasNumber = false;
let previousWasContent = false;
/** Lexicon bits of the previous token (0 after a number). */
let previousFlags = 0;
/** The previous token was a month, or a number that could be a day of the month ("4 March", "March 4"). */
let previousWasMonth = false;
let previousWasDay = false;
/** Numbers counted as figures so far. */
let figures = 0;
let dateIsCalendar = false;
/** True at the sentence start and after . : ; or an opening quote: a capital there names nobody. */
let atClauseStart = true;
/** The previous word was a title, an honorific or an initial: a full stop after it ends no clause. */
let previousAbbreviation = false;
/** Whether the official span is still being extended over following capitalised words. */
let officialOpen = false;
let officialCapitalised = false;
let currencySeen = false;
let source = '';
/**
 * The run of capitalised words being read (start -1: none): it names someone once it has a
 * word that is neither sentence-initial nor a common word ("Lavrov"), or two words ("Harbour
 * City"); a possessive ends it ("Russia's"), a title takes it in ("Foreign Minister").
 */
let runStart = -1;
let runEnd = -1;
let runWords = 0;
let runWeak = true;
let runNamed = false;
let runPossessive = false;
/** Whether this run set the entity span, and the entity value before it did (a title may take the run back). */
let runOwnsSpan = false;
let entityBeforeRun = 0;

export function extractFeatures(text: string, buffer: FeatureBuffer, buckets: number): void {
  ({ hand, spanStart, spanEnd, grams, gramStart, gramEnd, gramContent } = buffer);
  bucketMask = buckets - 1;
  hand.fill(0);
  spanStart.fill(-1);
  gramCount = 0;
  tokenCount = 0;
  previousHash = START;
  previousStart = 0;
  previousEnd = 0;
  previousWasNumber = false;
  previousWasContent = false;
  previousFlags = 0;
  previousWasMonth = false;
  previousWasDay = false;
  figures = 0;
  dateIsCalendar = false;
  atClauseStart = true;
  previousAbbreviation = false;
  officialOpen = false;
  officialCapitalised = false;
  currencySeen = false;
  source = text;
  runStart = -1;

  let quotes = 0;
  let firstQuote = -1;
  let lastQuote = -1;
  let lastMark = 0;
  const n = text.length;
  const classes = CHAR_CLASS;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    const kind = classes[c]!;
    if (kind & LETTER) {
      const start = i;
      let hash = step(OFFSET, kind === UPPER ? c + 32 : c);
      for (i++; i < n; i++) {
        const d = text.charCodeAt(i);
        const k = classes[d]!;
        if (k & LETTER) hash = step(hash, k === UPPER ? d + 32 : d);
        else if (isApostrophe(d) && i + 1 < n && classes[text.charCodeAt(i + 1)]! & LETTER) hash = step(hash, 39);
        else break;
      }
      onWord(start, i, hash, kind === UPPER);
      lastMark = 0;
    } else if (kind === DIGIT) {
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
      while (i < n && classes[text.charCodeAt(i)]! & LETTER) i++; // 1990s, 5th, 10bn: the number's own suffix
      const currency = numberStart > 0 && isCurrency(text.charCodeAt(numberStart - 1));
      const century = text.charCodeAt(numberStart) * 256 + text.charCodeAt(numberStart + 1);
      const year = plain && digits === 4 && !percent && !currency && (century === YEAR_19 || century === YEAR_20);
      const day = plain && digits <= 2 && !percent && !currency;
      onNumber(currency ? numberStart - 1 : numberStart, year ? i : end, year, day, percent, currency);
      lastMark = 0;
    } else {
      if (isDoubleQuote(c)) {
        quotes++;
        if (firstQuote < 0) firstQuote = i;
        lastQuote = i;
        atClauseStart = true;
      } else if (c === 46) {
        // A full stop right after "Sen", "Mr" or "J" keeps the name going ("Sen. Laura Chen", "Mr. J. R. Patel").
        if (!previousAbbreviation || previousEnd !== i) {
          atClauseStart = true;
          officialOpen = false;
          runStart = -1;
        }
      } else if (c === 58 || c === 59) {
        atClauseStart = true;
      } else if (c === 63 || c === 33) {
        lastMark = c;
      }
      if (c !== 32 && c !== 46) {
        officialOpen = false;
        runStart = -1;
      }
      i++;
    }
  }

  if (quotes >= 2 && lastQuote - firstQuote > 3) mark(QUOTE, firstQuote, lastQuote + 1);
  if (lastMark === 63) hand[QUESTION] = 1;
  if (lastMark === 33) hand[EXCLAMATION] = 1;
  // Graded, so one more word (a "perhaps") never flips a whole feature on or off.
  if (tokenCount <= 3) hand[SHORT] = 1;
  else if (tokenCount <= 6) hand[BRIEF] = (7 - tokenCount) / 3;
  else if (tokenCount > 20) hand[LONG] = Math.min(1, (tokenCount - 20) / 10);
  buffer.gramCount = gramCount;
  buffer.tokenCount = tokenCount;
}

function onWord(start: number, end: number, hash: number, capital: boolean): void {
  const flags = LEXICON_TABLE.get(hash);
  const pairKey = pair(previousHash, hash);
  const phrase = previousFlags & PHRASE_HEAD ? LEXICON_TABLE.get(pairKey) : 0;
  previousFlags = flags;
  if (phrase !== 0) markAll(phrase, previousStart, end);
  if (flags !== 0) {
    markAll(flags & ~phrase, start, end);
    // "3.5 million", "60 percent": the scale belongs to the figure before it.
    if (previousWasNumber && flags & SCALE_BITS && spanEnd[FIGURE] === previousEnd && start - previousEnd <= 1) spanEnd[FIGURE] = end;
  }
  const month = (flags & MONTH) !== 0;
  if (month) {
    if (previousWasDay && start - previousEnd <= 1) dayBeforeMonth(end);
    markDate(start, end);
  }
  previousWasMonth = month;
  previousWasDay = false;
  previousAbbreviation = (flags & (OFFICIAL | HONORIFIC)) !== 0 ? end - start <= 4 : capital && end - start === 1;
  if (flags & OFFICIAL || phrase & OFFICIAL) onTitle(phrase & OFFICIAL ? previousStart : start, end, capital);
  else if (capital) onCapitalised(start, end, flags);
  else {
    officialOpen = false;
    runStart = -1;
  }
  atClauseStart = false;
  addGrams(hash, pairKey, start, end, (flags & STOP) === 0);
  previousWasNumber = false;
}

/** "4 March": the number just counted as a figure was a day of the month. */
function dayBeforeMonth(end: number): void {
  if (figures === 1 && spanStart[FIGURE] === previousStart) {
    hand[FIGURE] = 0;
    spanStart[FIGURE] = -1;
    figures = 0;
  }
  markDate(previousStart, end);
}

/**
 * A calendar date (a year, a month, a day): its text replaces a vaguer time word ("since",
 * "ago") as the reason, and grows over what follows it: "March 4", "Jan. 2025".
 */
function markDate(start: number, end: number): void {
  hand[DATE_F] = 1;
  if (!dateIsCalendar) {
    spanStart[DATE_F] = start;
    spanEnd[DATE_F] = end;
    dateIsCalendar = true;
  } else if (start <= spanEnd[DATE_F]! + 2 && end > spanEnd[DATE_F]!) {
    spanEnd[DATE_F] = end; // "4 March" + "2024"
  }
}

/** A title: its capitalised use ("Senator", "Sen.") is the better reason text, with the words it qualifies ("Foreign Minister"). */
function onTitle(start: number, end: number, capital: boolean): void {
  const run = runStart >= 0 && runEnd === previousEnd && start - runEnd <= 1;
  if (run && capital && !runPossessive && runWeak) {
    // "Foreign Minister", "Dunmore City Council": the capitalised words before a title are part of it, not a name.
    if (runOwnsSpan) {
      spanStart[ENTITY] = -1;
      hand[ENTITY] = entityBeforeRun;
    }
    start = runStart;
  } else if (run && runPossessive && !runNamed) nameRun(); // "Russia's Foreign Minister": the possessor is a name
  runStart = -1;
  if (capital && !officialCapitalised) {
    spanStart[OFFICIAL_F] = start;
    spanEnd[OFFICIAL_F] = end;
    officialCapitalised = true;
  }
  officialOpen = true;
}

function onCapitalised(start: number, end: number, flags: number): void {
  const possessive = end - start > 2 && (source.charCodeAt(end - 1) | 32) === 115 && isApostrophe(source.charCodeAt(end - 2));
  // Extend "Senator" to "Senator Laura Chen".
  if (officialOpen && spanEnd[OFFICIAL_F] === previousEnd) {
    spanEnd[OFFICIAL_F] = end;
    if (possessive) officialOpen = false;
    return;
  }
  officialOpen = false;
  if (flags & (NOT_NAME | DATE)) {
    runStart = -1;
    return;
  }
  let run = runStart >= 0 && runEnd === previousEnd;
  if (run && runPossessive) {
    // "Russia's Foreign…": the possessive ends its own run, and names someone when a capitalised word follows.
    if (!runNamed) nameRun();
    run = false;
  }
  const honorific = (flags & HONORIFIC) !== 0;
  if (!run && flags & LEXICON_WORD && !honorific) {
    runStart = -1; // "The", "Data", "May": no name starts with them
    return;
  }
  const weak = atClauseStart || honorific || (flags & (COMMON | LEXICON_WORD)) !== 0 || end - start === 1;
  if (!run) {
    runStart = start;
    runWords = 0;
    runWeak = true;
    runNamed = false;
    runOwnsSpan = false;
  }
  runEnd = end;
  runWords++;
  runWeak &&= weak;
  runPossessive = possessive;
  if (runNamed) {
    if (runOwnsSpan) spanEnd[ENTITY] = end;
  } else if (!runWeak || runWords >= 2) nameRun();
}

/** The run being read names someone: the entity feature, and its span if it is the first name. */
function nameRun(): void {
  runNamed = true;
  entityBeforeRun = hand[ENTITY]!;
  hand[ENTITY] = 1;
  if (spanStart[ENTITY]! < 0) {
    spanStart[ENTITY] = runStart;
    spanEnd[ENTITY] = runEnd;
    runOwnsSpan = true;
  }
}

function onNumber(start: number, end: number, year: boolean, day: boolean, percent: boolean, currency: boolean): void {
  const dayAfterMonth = day && previousWasMonth && start - previousEnd <= 2;
  if (year) markDate(start, end);
  else if (dayAfterMonth) markDate(previousStart, end);
  else {
    figures++;
    mark(FIGURE, start, end);
    if (percent) mark(PERCENT, start, end);
    if (currency && !currencySeen) {
      // "$48 million" says more than a money word ("cost") seen before it.
      mark(MONEY, start, end);
      spanStart[MONEY] = start;
      spanEnd[MONEY] = end;
      currencySeen = true;
    }
  }
  atClauseStart = false;
  previousAbbreviation = false;
  officialOpen = false;
  runStart = -1;
  const hash = year ? YEAR : NUMBER;
  previousFlags = 0;
  addGrams(hash, pair(previousHash, hash), start, end, true);
  previousWasNumber = !year;
  previousWasDay = day && !dayAfterMonth;
  previousWasMonth = false;
}

function addGrams(hash: number, pairKey: number, start: number, end: number, content: boolean): void {
  const count = gramCount;
  if (count + 2 <= MAX_GRAMS) {
    grams[count] = mix32(hash ^ UNIGRAM_SALT) & bucketMask;
    gramStart[count] = start;
    gramEnd[count] = end;
    gramContent[count] = content ? 1 : 0;
    grams[count + 1] = pairKey & bucketMask;
    gramStart[count + 1] = tokenCount === 0 ? start : previousStart;
    gramEnd[count + 1] = end;
    gramContent[count + 1] = content || (tokenCount > 0 && previousWasContent) ? 1 : 0;
    gramCount = count + 2;
  }
  previousWasContent = content;
  tokenCount++;
  previousHash = hash;
  previousStart = start;
  previousEnd = end;
}

function markAll(flags: number, start: number, end: number): void {
  flags &= FEATURE_BITS;
  for (let f = 0; flags !== 0; f++, flags >>>= 1) {
    if (flags & 1) mark(f, start, end);
  }
}

function mark(f: number, start: number, end: number): void {
  hand[f] = 1;
  if (spanStart[f]! < 0) {
    spanStart[f] = start;
    spanEnd[f] = end;
  }
}
