/**
 * Word lists and regexes for claimant suggestion (claimant.ts). Kept apart so the logic reads
 * on its own; everything here is data or a one-line test over it.
 */

/**
 * Verbs that attribute what follows (or precedes) to their subject: saying, reporting,
 * thinking and holding a position. Past, present and plain forms; headlines write them in
 * title case ("Coralline Energy Announces…"), so each is matched with a capital too.
 * Deliberately absent: "expected" (economists "had expected" a figure is no claim),
 * "show"/"showed" (unauthored data: "filings show"), which only count with an author
 * ("figures from X show", "X's own data show", see OWNED_DOCUMENT).
 */
const VERBS = [
  'said', 'says', 'say', 'told', 'tells', 'tell', 'wrote', 'writes', 'insisted', 'insists', 'insist', 'added', 'adds',
  'argued', 'argues', 'claimed', 'claims', 'warned', 'warns', 'warn', 'announced', 'announces', 'reported', 'reports',
  'confirmed', 'confirms', 'denied', 'denies', 'deny', 'stressed', 'stresses', 'stress', 'estimated', 'estimates',
  'forecasts', 'forecast', 'predicted', 'predicts', 'noted', 'notes', 'acknowledged', 'admitted', 'admits',
  'maintained', 'maintains', 'alleged', 'alleges', 'emailed', 'emails', 'posted', 'tweeted', 'welcomed', 'welcomes',
  'blamed', 'blames', 'urged', 'urges', 'accused', 'accuses', 'promised', 'promises', 'pledged', 'pledges', 'vowed',
  'vows', 'threatened', 'threatens', 'rejected', 'rejects', 'reject', 'demanded', 'demands', 'demand', 'wants',
  'called for', 'calls for', 'call for', 'questioned', 'expects', 'thinks', 'think', 'believes', 'believe', 'fears',
  'fear', 'hopes', 'hope', 'doubts', 'doubt', 'suggested', 'suggests', 'rules out', 'ruled out', 'rule out', 'found',
  'finds', 'countered', 'replied', 'responded', 'disputed', 'disputes', 'dispute', 'recommends', 'recommended',
  'is committed to', 'are committed to', 'continues to demand', 'continue to demand', 'continues to call for',
  // Plain forms, for plural subjects ("Prosecutors allege", "Officials estimate").
  'allege', 'claim', 'argue', 'estimate', 'report', 'confirm', 'expect', 'predict', 'suggest', 'maintain', 'accuse',
  'urge', 'note', 'add', 'admit', 'contend', 'contends', 'contended', 'acknowledge', 'acknowledges', 'concede', 'concedes',
  'conceded', 'believed', 'feared', 'doubted', 'reckons', 'reckon', 'asserted', 'asserts', 'assert', 'revealed', 'reveals',
  'disclosed', 'discloses', 'was quoted as saying', 'is quoted as saying', 'were quoted as saying',
  // Verbs that carry a speaker's statement or judgement ("apologised for… and said", "described
  // the plan as…", "called the decision…"). "called" only before an object: "a village called
  // Marsh End" names something.
  'apologised', 'apologized', 'apologises', 'apologizes', 'described', 'describes', 'describe', 'cautioned', 'cautions',
  'explained', 'explains', 'called the', 'called it', 'called them', 'called on', 'calls on', 'call on',
  // Progressive forms of a position ("The union is demanding…", "Farmers are calling for…").
  'is calling for', 'are calling for', 'is demanding', 'are demanding', 'is urging', 'are urging', 'is seeking',
  'are seeking', 'is warning', 'are warning', 'is pushing for', 'are pushing for', 'is insisting', 'are insisting',
];

/** Past participles after "has", "have" or "had" ("had warned", "has long argued"). */
const PARTICIPLES = [
  'said', 'told', 'written', 'insisted', 'argued', 'claimed', 'warned', 'announced', 'reported', 'confirmed', 'denied',
  'estimated', 'forecast', 'predicted', 'acknowledged', 'admitted', 'maintained', 'alleged', 'accused', 'promised',
  'pledged', 'vowed', 'threatened', 'rejected', 'demanded', 'called for', 'urged', 'suggested', 'ruled out', 'found',
  'disputed', 'stressed', 'expressed', 'described', 'apologised', 'apologized', 'called on', 'called the', 'cautioned',
];

const titleCase = (v: string) => v.replace(/\b[a-z]/g, (c) => c.toUpperCase());
const VERB_ALTERNATION = [...VERBS, ...VERBS.map((v) => titleCase(v))]
  .sort((a, b) => b.length - a.length)
  .join('|');

/** One-word verbs in title case: where a name in a title-case headline ends ("Coralline Energy Announces"). */
export const TITLE_CASE_VERBS: ReadonlySet<string> = new Set(VERBS.filter((v) => !v.includes(' ')).map(titleCase));

/** Words allowed between subject and verb ("has repeatedly said", "today announced"). */
const ADVERBS = '(?:(?:also|now|still|later|again|today|previously|privately|publicly|recently|first|then) )*';

/** A noun phrase that can be a claimant: a few words, no comma. Validated by `plausibleSubject`. */
const SUBJECT = "((?:[\\p{L}\\d][\\p{L}\\d'’&.-]*)(?: [\\p{L}\\d'’&.-]+){0,7}?)";

/**
 * Subject, an optional appositive (", the deputy foreign minister,"), then a reporting verb or
 * "has repeatedly <anything>". Matched sticky at each clause start the caller tries.
 */
export const SUBJECT_VERB = new RegExp(
  `${SUBJECT}(?:, ([^,]{2,80}),)? ${ADVERBS}(?:(?:has|have) repeatedly [a-z]+|(?:has|have|had) (?:long |also |previously |already |publicly )?(?:${PARTICIPLES.join('|')})\\b|(?:${VERB_ALTERNATION})\\b)`,
  'uy',
);

/**
 * Any word that can start or carry an attribution: a sentence without one has no claimant (a
 * quotation's speaker needs a verb too). A cheap gate before the clause-by-clause search.
 */
export const ATTRIBUTION_CUE = new RegExp(
  `\\b(?:${VERB_ALTERNATION}|[Aa]ccording|repeatedly|[Pp]oll|[Ss]urvey|[Ss]tudy|[Ii]ndex|[Ff]igures|[Dd]ata|[Gg]uidance|[Rr]esearch|[Aa]nalysis|[Ee]stimates|motion)\\b`,
  'u',
);

/** A time or linking phrase opening a sentence, not part of its subject ("On Monday, …", "Last week the minister said"). */
export const LEADING_ADVERBIAL =
  /^(?:(?:On|In|By|Since|Last|Earlier|Later|Early|Late) (?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|week|month|year|night|morning|evening|\d+)(?: \d+)?(?: (?:night|morning|evening|afternoon))?)|Separately|Meanwhile|Yesterday|Today|Earlier|Later|However|Instead|Still|Now|Previously) /u;

/** `"…," said Karin Holm, chief economist…` — a quotation closed, then verb and speaker. */
export const QUOTE_THEN_VERB_SPEAKER = new RegExp(
  `[,.!?]?["”]\\s*,?\\s*(?:said|says|added|adds|told|wrote|insisted|argued|claimed|warned|asked|explained) ([^,.;:]{2,80}?)(?:,|\\.|;|$| on | in | at | to )`,
  'u',
);

/**
 * Where a clause may start: after a closing quotation (`," she said`), a comma, colon or dash
 * (`…, the Sporting Ledger reported`), or a conjunction ("… as Ferndale health board admits…").
 */
export const CLAUSE_START = /[,.!?]["”]\s*,?\s*|[,:;] |\s[–—-]\s|\) [–—-] | (?:as|while|but|after|because|though|although|whereas) /gu;

/**
 * "Dravia has repeatedly denied…, Kestonian officials said.": a closing "X said" is the
 * attribution of everything before it, even of a clause with its own subject and verb.
 */
export const FINAL_ATTRIBUTION =
  /, ([^,"“”]{2,70}?) (?:said|says|reported|reports|added|wrote|estimated|warned|confirmed|claimed|insisted|told (?:reporters|[A-Z][^,]{0,40}))(?: (?:on|in|at|last|this|late|early) [^,]{0,40}| in a statement)?\.?$/u;


/** `…, said Jane Doe, a …` — verb before speaker, at a clause start, without quotation marks ("said its chairman, …" too). */
export const VERB_THEN_SPEAKER = /(?:said|says|added|adds|wrote|writes|warned|argued) ((?:[A-Z]|the |a |an |its |his |her |their )[^,.;:]{1,80}?)(?:,|\.|;|$| on | in | at )/uy;

/**
 * Lower-case particles inside a person's or an organisation's name ("Femke de Ruiter", "Ludwig
 * van der Berg", "Le Courrier du Lac", "Lucía de la Vega"): a name does not end at them.
 */
export const NAME_PARTICLES: ReadonlySet<string> = new Set([
  'de', 'du', 'da', 'das', 'dos', 'del', 'della', 'di', 'van', 'von', 'der', 'den', 'ter', 'ten', 'la', 'le', 'bin', 'ibn',
]);
/** The same as a regex alternation, for the name patterns. */
export const PARTICLE_ALTERNATION = [...NAME_PARTICLES].join('|');
/** "al-Sayed", "el-Amin": an Arabic article joined to a capitalised name is a capitalised name word. */
export const JOINED_ARTICLE = /^(?:al|el|ul|ad|as|ash|an|at|az)-[\p{Lu}]/u;

/**
 * `, Geert Holtman.` after "said its chairman": the name the role before it belongs to, with an
 * optional honorific (`, Dr. Ines Ruiz,`); particles allowed inside.
 */
export const NAME_AFTER_ROLE = new RegExp(
  `^, ((?:(?:Dr|Prof|Professor|Mr|Mrs|Ms)\\.? )?[\\p{Lu}][\\p{L}'’-]+(?: (?:(?:${PARTICLE_ALTERNATION}) )*(?:(?:al|el)-)?[\\p{Lu}][\\p{L}'’-]+){1,3})(?=[,.;]|$)`,
  'u',
);

/** `according to X` up to the next comma or the end; X may be "figures released by the force". */
export const ACCORDING_TO = /\b[Aa]ccording to ([^,;:]+?)(?:,|;|:|\.?["”]?$)/u;

/** "…figures, published by the National Climate Service, show…": the publisher of the data. */
export const PUBLISHED_BY = /\b(?:figures|data|statistics|report|study|survey|estimates|analysis|research|forecast)\b[^.;]{0,40}? (?:published|released|compiled|produced|issued) by ((?:the )?[A-Z][\p{L}'’&-]*(?: (?:of |for |and )?[A-Z][\p{L}'’&-]*)*)/u;

/** "by X" inside an according-to phrase: the author of the data. */
export const BY_AUTHOR = /(?:\b(?:by|from)|\b(?:report|article|interview|story|editorial) in) ((?:the |[A-Z])[^,;]*?)(?: (?:under|in|on|at|last|this|since|published|released|which|who|and published)\b.*)?$/u;

/** `X's own data show`, `Toller's own motion puts`: the owner of a document is the claimant. */
export const OWNED_DOCUMENT =
  /((?:[Tt]he )?[\p{L}'’ -]{2,60}?)['’]s (?:own |latest |annual |new |official )*(?:motion|data|traffic data|figures|accounts|report|annual report|statement|study|survey|analysis|paper|forecast|estimates?)\b/uy;

/** `Figures from X show`, `Guidance from X recommends`, `A Harbourline Research poll …`. */
export const DOCUMENT_FROM = /(?:[Ff]igures|[Dd]ata|[Gg]uidance|[Rr]esearch|[Aa]nalysis|[Ee]stimates|(?:[Aa]n? |[Tt]he )?(?:new |latest |separate )?(?:poll|survey|study|report|review|audit)) (?:from|by) ((?:the )?[A-Z][^,;]*?) (?:has |have )?(?:show|shows|showed|shown|recommends|recommend|suggests?|suggested|found|finds|put|puts)\b/uy;
export const AUTHORED_POLL = /[Aa]n? ((?:\d{4} )?[A-Z][\p{L}'’&-]*(?: [A-Z][\p{L}'’&-]*)*) (?:poll|survey|study|report|analysis|index)\b/uy;

/** "a study by the University of Halvorsen": later "the study", "the authors" are that body's. */
export const STUDY_BY = /\b(?:study|report|survey|paper) (?:by|from) ((?:the )?[A-Z][\p{L}'’&-]*(?: (?:of |for |and )?[A-Z][\p{L}'’&-]*)*)/u;
export const STUDY_REFERENCE = /^(?:the (?:study|authors|researchers|report|survey|paper))$/i;

export const PRONOUN = /^(?:he|she|it|they|we)$/i;
export const POSSESSIVE_PRONOUN = /^(?:its|his|her|their)$/i;

/** Subjects that never make a claim: negations, the writer's generic "people", and a clause ("Whether jurors believe…"). */
export const NON_CLAIMANT = /^(?:neither|nor|no|nobody|none|nothing|people|everyone|anyone|some people|many people|i|you|this|that|these|those|there|what|who|which|whether|if)\b/i;

/** Words that show a "subject" candidate is really part of a clause ("Kestonia will not agree…"). */
export const CLAUSE_WORDS = new Set([
  'will', 'would', 'is', 'are', 'was', 'were', 'be', 'been', 'has', 'have', 'had', 'not', 'that', 'which', 'who', 'when',
  'if', 'unless', 'because', 'while', 'than', 'to', 'can', 'could', 'may', 'might', 'should', 'must', 'did', 'does', 'do',
  'rose', 'fell', 'after', 'before', 'since', 'as', 'but', 'despite',
]);

/** Honorifics left out of names (the dev set's convention: "Dr Ruth Akande" → "Ruth Akande"). */
export const HONORIFICS = new Set(['dr', 'dr.', 'professor', 'prof', 'prof.', 'mr', 'mr.', 'mrs', 'mrs.', 'ms', 'ms.', 'sir', 'dame']);

/**
 * Words of a job title before a name ("Deputy Foreign Minister", "union organiser", "city
 * councillor"): lower-cased in the role, where a proper adjective ("Valdorian president",
 * "Liberal Democrat group leader") keeps its capital.
 */
export const TITLE_WORDS = new Set([
  'deputy', 'foreign', 'minister', 'prime', 'president', 'vice', 'finance', 'trade', 'health', 'home', 'interior',
  'defence', 'defense', 'education', 'justice', 'agriculture', 'environment', 'transport', 'economy', 'energy',
  'secretary', 'general', 'governor', 'mayor', 'incumbent', 'former', 'acting', 'interim', 'councillor', 'councilor',
  'council', 'city', 'local', 'county', 'regional', 'state', 'senior', 'junior', 'chief', 'executive', 'officer',
  'operating', 'financial', 'director', 'managing', 'head', 'leader', 'group', 'branch', 'party', 'union', 'trust', 'chair',
  'chairman', 'chairwoman', 'chairperson', 'detective', 'inspector', 'superintendent', 'sergeant', 'constable',
  'commissioner', 'police', 'spokesman', 'spokeswoman', 'spokesperson', 'lead', 'author', 'researcher', 'scientist',
  'political', 'economist', 'lecturer', 'analyst', 'organiser', 'organizer', 'campaigner', 'campaign', 'judge',
  'senator', 'ambassador', 'envoy', 'opposition', 'shadow', 'press', 'communications', 'founder', 'co-founder', 'ceo',
  'professor', 'consultant', 'nurse', 'doctor', 'principal', 'headteacher', 'teacher', 'manager',
  // Portfolios and ranks written in title case before a name ("Water Minister", "Chief Prosecutor").
  'water', 'climate', 'housing', 'rail', 'business', 'industry', 'science', 'technology', 'digital', 'culture', 'sport',
  'tourism', 'fisheries', 'farming', 'rural', 'immigration', 'security', 'treasury', 'chancellor', 'attorney',
  'prosecutor', 'solicitor', 'barrister', 'lawyer', 'coroner', 'magistrate', 'permanent', 'national', 'district',
  'medical', 'clinical', 'nursing', 'public', 'policy', 'emergency', 'epidemiologist', 'virologist', 'editor',
  'correspondent', 'reporter', 'vice-president', 'vice-chancellor', 'ceo', 'cfo', 'chairman', 'president-elect',
]);

/** Words that make a run of capitalised words an organisation, not a person. */
export const ORG_WORDS = new Set([
  'council', 'union', 'police', 'fc', 'club', 'bank', 'office', 'department', 'ministry', 'university', 'college',
  'school', 'institute', 'institution', 'trust', 'agency', 'authority', 'service', 'services', 'board', 'commission',
  'committee', 'energy', 'research', 'group', 'ltd', 'limited', 'inc', 'plc', 'corporation', 'company', 'securities',
  'statistics', 'organization', 'organisation', 'association', 'federation', 'foundation', 'party', 'government',
  'court', 'hospital', 'district', 'index', 'ledger', 'times', 'post', 'news', 'record', 'courier', 'telecom', 'airlines',
  'force', 'army', 'network', 'society', 'centre', 'center', 'fund', 'alliance', 'coalition', 'movement', 'kremlin',
  'parliament', 'assembly', 'senate', 'congress', 'cabinet', 'inquiry', 'tribunal', 'exchange', 'bureau', 'water',
  'rail', 'railways', 'airways', 'airlines', 'group', 'holdings', 'partners', 'capital', 'media', 'press', 'institute',
]);

/** Legal suffixes left out of organisation names ("Coralline Energy Ltd" → "Coralline Energy"). */
export const LEGAL_SUFFIX = / (?:Ltd|Limited|Inc|plc|PLC|LLC|GmbH|S\.A\.)\.?$/u;

const DESCRIPTOR_NOUNS =
  'app|agency|firm|company|website|platform|bank|outlet|broadcaster|newspaper|operator|retailer|airline|carrier|insurer|' +
  'regulator|charity|lender|developer|supermarket|chain|startup|start-up|group|service|body|watchdog|authority|provider|' +
  'publisher|consultancy|network';
/** Head nouns of a descriptor before an organisation's name ("the ride-hailing app Hoppr"). */
export const DESCRIPTOR = new RegExp(
  `\\bthe ((?:[A-Z][\\p{L}-]+ )?(?:[a-z][\\p{L}-]* ){0,3}(?:${DESCRIPTOR_NOUNS})) ([A-Z][\\p{L}\\d&-]*(?: [A-Z][\\p{L}\\d&-]*)*)`,
  'gu',
);
/** A cheap test that a sentence may hold a `DESCRIPTOR`: the noun followed by a capital. */
export const DESCRIPTOR_GATE = new RegExp(`\\b(?:${DESCRIPTOR_NOUNS}) [A-Z]`, 'u');

/** Unnamed sources written as a plain noun phrase: lower-cased at a sentence start ("Analysts say" → "analysts"). */
export const COMMON_FIRST_WORDS = new Set([
  'the', 'a', 'an', 'some', 'other', 'many', 'several', 'most', 'two', 'three', 'four', 'few', 'analysts', 'economists',
  'officials', 'experts', 'critics', 'scientists', 'researchers', 'lawyers', 'diplomats', 'residents', 'campaigners',
  'sources', 'doctors', 'teachers', 'investors', 'traders', 'observers', 'opponents', 'supporters', 'witnesses',
  'prosecutors', 'investigators', 'health', 'government', 'senior', 'local', 'union', 'police', 'council',
  'farmers', 'workers', 'drivers', 'nurses', 'parents', 'pupils', 'students', 'protesters', 'activists', 'authorities',
  'judges', 'ministers', 'negotiators', 'neighbours', 'locals', 'fans', 'landlords', 'tenants', 'retailers', 'businesses',
  'companies', 'employers', 'staff', 'members', 'voters', 'engineers', 'regulators', 'inspectors', 'medics',
  'paramedics', 'firefighters', 'rescuers', 'officers', 'soldiers', 'troops', 'rebels', 'villagers', 'survivors',
  'families', 'relatives', 'commuters', 'passengers', 'patients', 'leaders', 'organisers', 'organizers', 'demonstrators',
  'unions', 'aid', 'human', 'rights', 'opposition', 'industry', 'hospital', 'school', 'city', 'state', 'federal',
]);

/** Synonyms a short reference uses for a word of the full name ("the club" → "Harbour City FC"). */
export const REFERENCE_SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  club: ['fc', 'club', 'united', 'city'],
  force: ['police'],
  police: ['police'],
  company: [],
  firm: [],
  ministry: ['ministry'],
  government: ['government'],
};
