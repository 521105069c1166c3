/**
 * The closed word lists duplicate detection uses. All lower case, written for this project.
 * They are small on purpose: the aim is to compare claim wordings the way an editor reads
 * them (the same fact, said differently), not to parse English.
 */

/** Function words that carry no claim content. Negations are deliberately absent (see NEGATIONS). */
export const STOP_WORDS: ReadonlySet<string> = new Set([
  'a', 'an', 'the', 'and', 'or', 'but', 'if', 'so', 'than', 'then', 'as', 'of', 'to', 'in', 'on', 'at', 'by', 'for',
  'with', 'from', 'into', 'onto', 'about', 'over', 'under', 'after', 'before', 'since', 'during', 'until', 'between',
  'through', 'per', 'via', 'this', 'that', 'these', 'those', 'it', 'its', 'itself', 'there', 'here',
  'i', 'me', 'my', 'we', 'us', 'our', 'ours', 'you', 'your', 'he', 'him', 'his', 'she', 'her', 'hers', 'they',
  'them', 'their', 'theirs', 'who', 'whom', 'whose', 'which', 'what', 'when', 'where', 'while', 'why', 'how',
  'is', 'are', 'was', 'were', 'be', 'been', 'being', 'am', 'do', 'does', 'did', 'done', 'doing', 'has', 'have',
  'had', 'having', 'will', 'would', 'shall', 'should', 'can', 'could', 'may', 'might', 'must', 'also', 'just',
  'very', 'too', 'all', 'any', 'each', 'every', 'some', 'such', 'other', 'same', 'own', 'only', 'even', 'still',
  'now', 'yet', 'ever', 'again', 'both', 'either', 'whether', 'because', 'though', 'although', 'however',
  // "went up", "is going to cost", "according to": the verb adds nothing once "up" and the figure are kept.
  'go', 'goes', 'went', 'gone', 'going', 'get', 'gets', 'got', 'see', 'saw', 'seen', 'make', 'made', 'according',
]);
// Verbs of saying are not stop words: they are kept with a low weight (REPORTING), so "X said Y"
// and "Y, X said" still share them. "one" is a number word (NUMBER_WORDS), not a stop word.

/** Words that flip a statement: "did not rise" is not "rose". Counted, not scored as words. */
export const NEGATIONS: ReadonlySet<string> = new Set([
  'not', 'no', 'never', 'none', 'nor', 'neither', 'nobody', 'nothing', 'nowhere', 'without',
]);

/** Irregular forms the suffix stemmer cannot reach, mapped to their base word. */
export const IRREGULAR: ReadonlyMap<string, string> = new Map([
  ['rose', 'rise'], ['risen', 'rise'], ['fell', 'fall'], ['fallen', 'fall'], ['grew', 'grow'], ['grown', 'grow'],
  ['said', 'say'], ['says', 'say'], ['told', 'tell'], ['spent', 'spend'], ['paid', 'pay'], ['won', 'win'],
  ['lost', 'lose'], ['built', 'build'], ['gave', 'give'], ['given', 'give'], ['took', 'take'], ['taken', 'take'],
  ['came', 'come'], ['kept', 'keep'], ['left', 'leave'], ['led', 'lead'], ['met', 'meet'], ['sold', 'sell'],
  ['bought', 'buy'], ['brought', 'bring'], ['thought', 'think'], ['found', 'find'], ['held', 'hold'],
  ['began', 'begin'], ['begun', 'begin'], ['broke', 'break'], ['broken', 'break'], ['chose', 'choose'],
  ['chosen', 'choose'], ['drove', 'drive'], ['driven', 'drive'], ['sank', 'sink'], ['sunk', 'sink'],
  ['wrote', 'write'], ['written', 'write'], ['hired', 'hire'], ['shrank', 'shrink'], ['shrunk', 'shrink'],
  ['children', 'child'], ['people', 'person'], ['men', 'man'], ['women', 'woman'], ['lives', 'life'],
  ['doubled', 'double'], ['tripled', 'triple'],
]);

/**
 * Words that say the same thing in claims, mapped to one word ("reduced" reads as "cut").
 * Keys are stemmed when the table is built (`stem.ts`), so every inflection maps too.
 */
export const SYNONYM_GROUPS: readonly (readonly string[])[] = [
  ['rise', 'increase', 'climb', 'grow', 'jump', 'soar', 'surge', 'up', 'higher'],
  ['fall', 'drop', 'decline', 'decrease', 'dip', 'plunge', 'slump', 'slide', 'sink', 'tumble', 'down', 'lower'],
  ['cut', 'reduce', 'slash', 'trim', 'shrink'],
  ['say', 'tell', 'claim', 'assert', 'announce', 'insist', 'argue', 'add'],
  ['call', 'describe', 'label', 'dub'],
  ['reach', 'hit', 'total', 'amount', 'stand'],
  ['percent', 'pct', 'percentage'],
  ['dollar', 'usd', 'buck'],
  ['euro', 'eur'],
  ['pound', 'gbp', 'sterling'],
  ['km', 'kilometre', 'kilometer'],
  ['government', 'govt', 'administration'],
  ['big', 'large', 'biggest', 'largest'],
  ['small', 'smallest', 'little'],
  ['low', 'lowest'],
  ['young', 'youth'],
  ['most', 'majority'],
  ['oppose', 'against', 'opponent'],
  ['high', 'highest'],
];

/** "rise" and "fall" in one claim and the other: the claims say opposite things. */
export const DIRECTIONS: ReadonlyMap<string, 1 | -1> = new Map([
  ['rise', 1], ['fall', -1], ['cut', -1], ['more', 1], ['less', -1], ['fewer', -1], ['high', 1], ['low', -1],
  ['big', 1], ['small', -1], ['double', 1], ['triple', 1], ['gain', 1], ['lose', -1],
]);

/** Reporting words: kept so attributions still match, but they barely tell two claims apart. */
export const REPORTING: ReadonlySet<string> = new Set(['say', 'call', 'reporter', 'spokesperson', 'spokesman', 'spokeswoman']);

/**
 * Words so common in fact-check claims that sharing them says little (a static stand-in for
 * inverse document frequency, so a pair's score never depends on what else is in the workspace).
 */
export const GENERIC: ReadonlySet<string> = new Set([
  'year', 'last', 'month', 'week', 'day', 'time', 'number', 'new', 'cost', 'level', 'rate', 'average',
  'figure', 'data', 'show', 'find', 'official', 'city', 'country', 'state', 'national', 'local', 'government',
  'person', 'public', 'percent', 'dollar', 'euro', 'pound', 'more', 'less', 'most', 'least', 'first', 'next',
  'rise', 'fall', 'cut', 'high', 'low', 'big', 'small', 'record', 'ago', 'nearly', 'almost', 'around', 'tuesday', 'monday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
]);

/** Units: the figure is the strong token, its unit only confirms it. */
export const UNITS: ReadonlySet<string> = new Set(['percent', 'dollar', 'euro', 'pound', 'km', 'mile', 'kg', 'tonne', 'point']);

/** Currency symbols read as their unit word. */
export const CURRENCY_SYMBOLS: ReadonlyMap<string, string> = new Map([['$', 'dollar'], ['€', 'euro'], ['£', 'pound']]);

/** Multipliers after a figure: "48 million", "$1.2bn", "5k". */
export const SCALES: ReadonlyMap<string, number> = new Map([
  ['hundred', 1e2], ['thousand', 1e3], ['k', 1e3], ['million', 1e6], ['mn', 1e6], ['mln', 1e6], ['m', 1e6],
  ['billion', 1e9], ['bn', 1e9], ['b', 1e9], ['trillion', 1e12], ['tn', 1e12],
]);

/** Number words, so "three new schools" and "3 new schools" match. Fractions are left as words. */
export const NUMBER_WORDS: ReadonlyMap<string, number> = new Map([
  ['zero', 0], ['one', 1], ['two', 2], ['three', 3], ['four', 4], ['five', 5], ['six', 6], ['seven', 7], ['eight', 8],
  ['nine', 9], ['ten', 10], ['eleven', 11], ['twelve', 12], ['thirteen', 13], ['fourteen', 14], ['fifteen', 15],
  ['sixteen', 16], ['seventeen', 17], ['eighteen', 18], ['nineteen', 19], ['twenty', 20], ['thirty', 30],
  ['forty', 40], ['fifty', 50], ['sixty', 60], ['seventy', 70], ['eighty', 80], ['ninety', 90], ['dozen', 12],
]);

/** Month names (capitalised in the text) are figures: "in March" and "in May" are different facts. */
export const MONTHS: ReadonlyMap<string, number> = new Map([
  ['january', 1], ['jan', 1], ['february', 2], ['feb', 2], ['march', 3], ['mar', 3], ['april', 4], ['apr', 4],
  ['may', 5], ['june', 6], ['jun', 6], ['july', 7], ['jul', 7], ['august', 8], ['aug', 8], ['september', 9],
  ['sept', 9], ['sep', 9], ['october', 10], ['oct', 10], ['november', 11], ['nov', 11], ['december', 12], ['dec', 12],
]);
