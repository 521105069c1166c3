/**
 * What a period after a short word means, and the closed word lists the boundary rules use.
 * Each abbreviation belongs to one class; the class says when a period after it can end a
 * sentence (see `boundary.ts` for the rules, README-style, at the top).
 */

export const enum Abbrev {
  /** An ordinary word, a number, a closing mark: the period ends the sentence if the next word may start one. */
  None,
  /** Always followed by something (titles before names, e.g., i.e., vs.): never ends a sentence. */
  Never,
  /** Takes a number (No. 10, p. 5, Fig. 3): no end before a figure, otherwise like an ordinary word. */
  Numeric,
  /** A month (Jan. 5): no end before a figure, otherwise like an ordinary word. */
  Month,
  /** a.m./p.m.: ends before any capitalised word except a weekday, month or time zone. */
  Time,
  /**
   * May end a sentence but is usually followed by more (U.S., Inc., St., Jr., initials):
   * ends only before a common sentence starter (The, It, He, But…).
   */
  Starter,
}

const NEVER = [
  // Titles and ranks, which precede a name.
  'mr', 'mrs', 'ms', 'mx', 'messrs', 'mmes', 'mme', 'mlle', 'dr', 'drs', 'prof', 'profs', 'sen', 'sens', 'rep', 'reps',
  'gov', 'govs', 'gen', 'gens', 'lt', 'col', 'maj', 'capt', 'cmdr', 'cmdt', 'adm', 'sgt', 'cpl', 'pvt', 'brig', 'rev',
  'revd', 'fr', 'hon', 'pres', 'supt', 'det', 'insp', 'amb', 'atty', 'msgr', 'mt', 'sra', 'srta', 'sgts', 'lts',
  // Latin and linking abbreviations, which introduce what follows.
  'e.g', 'i.e', 'cf', 'viz', 'vs', 'v', 'approx', 'incl', 'esp', 'ca', 'resp', 'excl',
];

const NUMERIC = ['no', 'nos', 'nr', 'p', 'pp', 'fig', 'figs', 'vol', 'vols', 'art', 'ch', 'chap', 'sec', 'secs', 'para', 'op', 'tel', 'ext', 'pt', 'pg', 'ref', 'est', 'ed', 'eq', 'ex', 'rt'];

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec'];

const STARTER = [
  // After names and in addresses.
  'jr', 'sr', 'esq', 'st', 'ave', 'rd', 'blvd', 'ln', 'hwy', 'sq', 'ct', 'pl',
  // Organisations.
  'inc', 'ltd', 'co', 'corp', 'plc', 'bros', 'llc', 'llp', 'dept', 'univ', 'assn', 'govt', 'intl', 'natl', 'admin',
  // Measures and other short forms.
  'ft', 'lb', 'lbs', 'oz', 'mi', 'yr', 'yrs', 'hr', 'hrs', 'min', 'mins', 'max', 'misc', 'temp', 'dist',
];

/** U.S. states as news style abbreviates them ("Sacramento, Calif."): capitalised only, so "ill." stays a word. */
const STATES = 'Ala Ariz Ark Calif Colo Conn Del Fla Ga Ill Ind Kan Kans Ky La Md Mass Mich Minn Miss Mo Mont Neb Nev Okla Ore Pa Tenn Tex Vt Va Wash Wis Wyo'.split(' ');

/** Every abbreviation as written in lower case, Capitalised and UPPER CASE, so lookups need no `toLowerCase`. */
const CLASSES = new Map<string, Abbrev>(
  (
    [
      ...NEVER.map((w) => [w, Abbrev.Never] as const),
      ...NUMERIC.map((w) => [w, Abbrev.Numeric] as const),
      ...MONTHS.map((w) => [w, Abbrev.Month] as const),
      ...STARTER.map((w) => [w, Abbrev.Starter] as const),
      ['a.m', Abbrev.Time],
      ['p.m', Abbrev.Time],
    ] as const
  )
    .flatMap(([w, c]) => [w, w[0]!.toUpperCase() + w.slice(1), w.toUpperCase()].map((v) => [v, c] as const))
    .concat(STATES.map((w) => [w, Abbrev.Starter] as const)),
);
/** The longest abbreviation without an inner dot ("approx", "messrs"): longer plain words need no lookup. */
export const LONGEST_PLAIN = 6;

/** Letters, then groups of a dot and 1–3 letters: U.S, U.K, Ph.D, D.C, U.S.A, N.Y. */
const DOTTED = /^\p{L}{1,3}(?:\.\p{L}{1,3})+$/u;
const SINGLE_UPPER = /^[\p{Lu}\p{Lt}]$/u;
const SINGLE_LOWER = /^\p{Ll}$/u;

/** The class of `word`, the token right before a period (without that period). */
export function abbreviationClass(word: string): Abbrev {
  if (word.length === 0 || word.length > 12) return Abbrev.None;
  // A capital letter is an initial (J. R. R. Tolkien, P. Jones), even where its lower case is a short form (p. 5).
  if (word.length === 1 && SINGLE_UPPER.test(word)) return Abbrev.Starter;
  const dotted = word.includes('.');
  if (!dotted && word.length > LONGEST_PLAIN) return Abbrev.None;
  const known = CLASSES.get(word);
  if (known !== undefined) return known;
  // Any other single letter is a short form (c., g.).
  if (word.length === 1) return SINGLE_LOWER.test(word) ? Abbrev.Starter : Abbrev.None;
  return dotted && DOTTED.test(word) ? Abbrev.Starter : Abbrev.None;
}

/**
 * Words that begin sentences far more often than they follow an abbreviation mid-sentence:
 * pronouns, determiners, conjunctions, common adverbs and prepositions. Names that are also
 * words (Will, May, Mark, Rose) are deliberately absent: "Mr. Will" must not split.
 */
export const FUNCTION_STARTERS = new Set(
  (
    'The A An This That These Those It Its It’s It\'s He She They We I You His Her Their Our My Your There Here ' +
    'But And Or So Yet Nor However Meanwhile Still Then Now Today Yesterday Tomorrow Tonight Last Next Later Earlier ' +
    'When While After Before Although Though Because Since If As In On At For By With From Without During Under Over ' +
    'Some Many Most Other Others Several Few Both Each Every All Such No Not Also Only Even Instead Indeed Thus Hence ' +
    'Despite According What Which Who Why How Where Nobody Everyone Someone Nothing Everything ' +
    'One Two Three Four Five Ten Half Once Until Unlike Like Among Between'
  ).split(' '),
);

/** Plural nouns that open many news sentences ("Officials said…", "Shares fell…"). */
const NOUN_STARTERS = 'Asked Officials Critics Experts Analysts Residents Police Prices Shares Sales'.split(' ');

export const SENTENCE_STARTERS = new Set([...FUNCTION_STARTERS, ...NOUN_STARTERS]);

/** Words after a.m./p.m. that continue the time expression rather than start a sentence. */
export const TIME_FOLLOWERS = new Set(
  (
    'Monday Tuesday Wednesday Thursday Friday Saturday Sunday Mon Tue Tues Wed Thu Thur Thurs Fri Sat Sun ' +
    'January February March April May June July August September October November December ' +
    'Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec ' +
    'ET EST EDT CT CST CDT MT MST MDT PT PST PDT GMT BST UTC CET CEST IST JST AEST AEDT HKT SGT Z ' +
    'Eastern Central Mountain Pacific Atlantic Greenwich Universal Coordinated Moscow London Paris Tokyo Beijing Local'
  ).split(' '),
);

/** Verbs of saying: `"Why?" Ruiz asked.` keeps the attribution in the sentence. */
export const SPEECH_VERBS = new Set(
  (
    'said says asked asks added adds replied replies told tells wrote writes shouted yelled insisted explained continued ' +
    'recalled noted argued warned declared exclaimed cried tweeted posted answered responded countered quipped joked ' +
    'laughed whispered admitted conceded acknowledged suggested wondered demanded protested remarked stated announced ' +
    'claimed pleaded urged snapped sighed muttered'
  ).split(' '),
);

/**
 * Words a hard-wrapped line can end with but a headline does not: articles, prepositions,
 * conjunctions, auxiliaries, possessives. A line ending in one continues on the next line.
 */
export const CONTINUATION_WORDS = new Set(
  (
    'a an the of to in on at for by with from into onto about over under after before between against and or but nor ' +
    'as than that which who whose whom is are was were be been being has have had will would can could should may ' +
    'might must shall his her its their our my your this these those said says not also very more most such if when ' +
    'while because so per via amid across during through toward towards upon within without including like'
  ).split(' '),
);

/** Words no headline or sentence ends with: a line ending in one is certainly wrapped. */
export const DANGLING_WORDS = new Set('a an the of and or nor his her its their our my your these those than whose'.split(' '));
