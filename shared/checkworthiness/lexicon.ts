/**
 * Word lists behind the hand-written features. Each entry is one lowercased word, or two
 * words separated by a space (matched as consecutive tokens; no longer phrases). Kept short and general: the
 * trained word model picks up topical vocabulary; these lists carry what an editor would
 * name as a reason ("a figure", "attributed statement", "hedged") and what news text has
 * but debate transcripts rarely show.
 */
import type { HandFeature } from './hand-features';

/** Month names and their abbreviations ("may" is left out: it is far more often "might"). */
export const MONTHS = [
  'january', 'february', 'march', 'april', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
];

export const LEXICON: Partial<Record<HandFeature, readonly string[]>> = {
  // Words that make a number of their own or scale the number before them.
  figureWord: [
    'million', 'millions', 'billion', 'billions', 'trillion', 'trillions', 'thousand', 'thousands',
    'hundred', 'hundreds', 'dozen', 'dozens', 'half', 'twice', 'triple', 'bn', 'mn', 'quarter', 'majority',
    'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'fifteen',
    'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety',
  ],
  percent: ['percent', 'per cent', 'percentage', 'percentage points'],
  money: ['dollars', 'dollar', 'pounds', 'euros', 'euro', 'cents', 'budget', 'costs', 'cost', 'paid', 'spent', 'spending', 'deficit', 'debt'],
  date: [
    ...MONTHS,
    'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
    'yesterday', 'ago', 'decade', 'decades', 'century', 'since', 'last year', 'last month', 'last week',
    'this year', 'years ago', 'the past', 'annually', 'quarterly',
  ],
  comparison: [
    'than', 'more than', 'less than', 'fewer', 'compared', 'versus', 'highest', 'lowest', 'largest', 'smallest',
    'biggest', 'most', 'least', 'fastest', 'slowest', 'greatest', 'worst', 'record', 'ranked', 'rank',
    'higher', 'lower', 'larger', 'smaller', 'bigger', 'times', 'only', 'first', 'ever', 'nearly', 'almost',
    'average', 'per', 'rate', 'rates', 'number',
  ],
  change: [
    'increased', 'increase', 'increases', 'decreased', 'decrease', 'rose', 'risen', 'rise', 'fell', 'fallen',
    'grew', 'grown', 'dropped', 'drop', 'declined', 'decline', 'cut', 'cuts', 'raised', 'lost', 'gained',
    'created', 'doubled', 'tripled', 'soared', 'plunged', 'jumped', 'went up', 'went down', 'up from', 'down from',
  ],
  attribution: [
    'said', 'says', 'told', 'according to', 'reported', 'reports', 'announced', 'stated', 'claimed', 'claims',
    'admitted', 'confirmed', 'estimated', 'estimates', 'found', 'showed', 'shows', 'testified', 'wrote',
    'published', 'revealed', 'warned', 'insisted', 'acknowledged',
  ],
  evidence: ['data', 'study', 'studies', 'survey', 'poll', 'polls', 'statistics', 'figures', 'report', 'records', 'census', 'research', 'analysis', 'evidence'],
  official: [
    'president', 'senator', 'sen', 'governor', 'gov', 'mayor', 'minister', 'secretary', 'congressman',
    'congresswoman', 'representative', 'rep', 'chairman', 'chairwoman', 'ceo', 'director', 'judge',
    'spokesman', 'spokeswoman', 'spokesperson', 'official', 'officials', 'ambassador', 'commissioner',
    'chancellor', 'prime minister', 'attorney general', 'councillor', 'councilman', 'sheriff',
    'prof', 'professor', 'dr', 'administration', 'department', 'agency', 'ministry', 'council', 'congress',
    'senate', 'parliament', 'court', 'government',
  ],
  opinion: [
    'i think', 'i believe', 'i feel', 'i guess', 'i hope', 'my opinion', 'my view', 'we believe',
    'i suppose', 'i wish', 'i love', 'i like', 'to me', 'frankly', 'honestly', 'i want', "i'd like",
  ],
  praise: [
    'great', 'wonderful', 'amazing', 'beautiful', 'incredible', 'tremendous', 'fantastic', 'terrific',
    'horrible', 'terrible', 'awful', 'disgrace', 'disgraceful', 'sad', 'nice', 'good', 'bad', 'best',
    'excellent', 'ridiculous', 'stupid', 'crazy', 'disaster', 'proud', 'love', 'happy', 'exciting', 'excited',
    'fabulous', 'brilliant', 'outstanding', 'pathetic', 'unbelievable', 'special',
  ],
  hedge: [
    'might', 'could', 'may', 'perhaps', 'maybe', 'possibly', 'probably', 'likely', 'unlikely', 'seems', 'seem',
    'appears', 'suggests', 'would', 'should', 'potentially', 'somewhat', 'allegedly', 'reportedly',
    'if', 'whether', 'supposedly', 'guess',
  ],
  future: ['will', "'ll", 'going to', 'gonna', 'plan to', 'plans to', 'intend', 'promise', 'tomorrow', 'next year', 'soon', 'someday', "we're going"],
  greeting: [
    'thank', 'thanks', 'hello', 'welcome', 'good evening', 'good morning', 'good afternoon', 'good night',
    'congratulations', 'applause', 'laughter', 'cheers', 'appreciate', 'pleasure', 'god bless', 'bless',
    'goodbye', 'bye', 'ladies', 'gentlemen', 'honored', 'honoured', 'grateful', 'hi', 'please', 'sorry',
  ],
  // Conversation that carries no statement (transcripts also mark noises this way).
  filler: ['okay', 'ok', 'yes', 'yeah', 'oh', 'uh', 'um', 'crosstalk', 'inaudible', 'alright'],
};

/** Function words: never named alone as "wording" in a reason (a word pair needs one word that is not). */
export const STOPWORDS = [
  'the', 'a', 'an', 'and', 'or', 'but', 'of', 'to', 'in', 'on', 'at', 'for', 'with', 'by', 'from', 'as', 'so',
  'is', 'are', 'was', 'were', 'be', 'been', 'am', "it's", "that's", 'it', 'its', 'this', 'that', 'these', 'those',
  'i', 'we', 'you', 'he', 'she', 'they', 'me', 'us', 'him', 'her', 'them', 'my', 'our', 'your', 'his', 'their',
  'not', 'do', 'does', 'did', 'have', 'has', 'had', 'there', 'what', 'which', 'who', 'very', 'just', 'also', 'if',
  'then', 'about', 'all', 'some', 'will', 'would', 'can', 'going', "i'm", "we're", "you're", "they're", 'now', 'well',
];

/**
 * Capitalised in titles, headings and institution names, but naming nobody by themselves:
 * "Foreign" in "Russia's Foreign Minister", "Health" in "Department of Health", "News" in a
 * menu. They count as part of a name only next to another capitalised word ("Harbour City",
 * "the Foreign Office"), and fold into a title that follows them ("Foreign Minister").
 */
export const COMMON_CAPITALISED = [
  'foreign', 'prime', 'deputy', 'vice', 'chief', 'general', 'interior', 'defence', 'defense', 'finance', 'health', 'home',
  'justice', 'state', 'national', 'federal', 'public', 'city', 'news', 'security', 'office', 'education', 'energy',
  'transport', 'employment', 'technology', 'commission', 'european', 'telecom', 'telecoms', 'link', 'northern', 'southern',
  'eastern', 'western', 'north', 'south', 'east', 'west', 'central', 'united', 'international', 'economy', 'trade',
  'environment', 'affairs', 'treasury', 'labour', 'labor', 'housing', 'police', 'business', 'sport', 'sports', 'world',
  'politics', 'science', 'climate', 'culture', 'opinion', 'tags', 'topics', 'related', 'updated', 'today', 'tomorrow',
  'mon', 'tue', 'tues', 'wed', 'thu', 'thur', 'thurs', 'fri', 'sat', 'sun', 'statistics', 'cybersecurity', 'water',
];
