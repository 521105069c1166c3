/**
 * The people and organisations an article names, with the role the text gives each anywhere
 * in it: one pass over the article before claimants are suggested, so "Lowe" becomes "Denise
 * Lowe" (incumbent mayor), "the club" becomes "Harbour City FC" and "Coralline" "Coralline
 * Energy". Plain token scans and a few regexes per sentence: this runs as the editor types.
 */
import {
  DESCRIPTOR, DESCRIPTOR_GATE, HONORIFICS, TITLE_CASE_VERBS, LEGAL_SUFFIX, ORG_WORDS, REFERENCE_SYNONYMS, STUDY_BY, TITLE_WORDS,
} from './claimant-patterns';

// Local bindings for the sets read at every capitalised word: under tsx (the CLI, the
// benchmark) an imported binding is read through a getter each time.
const TITLES: ReadonlySet<string> = TITLE_WORDS;
const ORGS: ReadonlySet<string> = ORG_WORDS;
const HONORIFIC: ReadonlySet<string> = HONORIFICS;
const VERBS_IN_TITLES: ReadonlySet<string> = TITLE_CASE_VERBS;

export interface Entity {
  /** As the claimant is written: fullest form at first mention, "the" lower-cased when the text has it. */
  name: string;
  role: string | null;
  person: boolean;
  /** Sentences that mention it, in order: "the council" is the latest council named before the sentence. */
  mentions: number[];
  /** A person named without a title and not as a speaker ("Lowe and Ferreira trade claims") may be a place: not used to expand a surname. */
  weak: boolean;
}

/** A phrase split into a name and the job title written before it ("Deputy Foreign Minister" + "Aleksei Voronin"). */
export interface NamePhrase {
  name: string;
  /** Title words as the role convention writes them, or null. */
  title: string | null;
  person: boolean;
  /** A run with an organisation word after any title: named whole ("Port Calder City Council"). */
  org: boolean;
  /** Number of capitalised name tokens (1 means a bare surname or a one-word organisation). */
  tokens: number;
}

const CONNECTORS = new Set(['of', 'for', 'and', '&']);
const capitalised = (t: string) => /^[\p{Lu}\d]/u.test(t) && (/\p{L}/u.test(t) || /^(?:19|20)\d\d$/.test(t));
const hasLetter = (t: string) => /\p{L}/u.test(t);
const bare = (t: string) => t.replace(/['’]s$/u, '').toLowerCase();
const isOrgToken = (t: string) => ORGS.has(bare(t));

/** Role words as the dev set writes them: title words lower case, proper adjectives ("Valdorian") kept. */
export function formatRole(words: readonly string[]): string | null {
  const kept = words.filter((w) => !HONORIFIC.has(w.toLowerCase()));
  if (kept.length === 0) return null;
  return kept.map((w, i) => (TITLES.has(w.toLowerCase()) || (i === 0 && /^(?:the|a|an)$/i.test(w)) ? w.toLowerCase() : w)).join(' ');
}

/**
 * Splits a run of words ("incumbent Mayor Denise Lowe", "the Public Services Union", "Statistics
 * Norland") into name and title. A run with an organisation word is an organisation (named whole);
 * otherwise leading title words are the title and the rest the person's name.
 */
export function splitName(words: readonly string[]): NamePhrase | null {
  const tokens = words.filter((w) => !HONORIFIC.has(w.toLowerCase()));
  const the = tokens.length > 0 && /^the$/i.test(tokens[0]!);
  const rest = the ? tokens.slice(1) : tokens;
  let first = rest.length;
  while (first > 0 && (capitalised(rest[first - 1]!) || (CONNECTORS.has(rest[first - 1]!) && first > 1 && capitalised(rest[first - 2]!)))) first--;
  const run = rest.slice(first);
  if (run.length === 0) return null;
  // The name follows the last title word ("Valdorian President Tomas Ruvic" → "Tomas Ruvic"); if
  // what follows holds an organisation word, the whole run is an organisation's name ("Port
  // Calder City Council"), title words and all.
  let start = 0;
  for (let k = 0; k < run.length - 1; k++) if (TITLES.has(run[k]!.toLowerCase())) start = k + 1;
  if (run.slice(start).some(isOrgToken)) {
    const name = `${the && first === 0 ? 'the ' : ''}${run.join(' ')}`.replace(LEGAL_SUFFIX, '');
    return { name, title: first > 0 ? formatRole(rest.slice(0, first)) : null, person: false, org: true, tokens: run.length };
  }
  const name = run.slice(start);
  const person = name.length >= 2 && name.every(hasLetter);
  return { name: name.join(' '), title: formatRole([...rest.slice(0, first), ...run.slice(0, start)]), person, org: false, tokens: name.length };
}

export class Registry {
  readonly entities: Entity[] = [];
  /** Who "the study" and "the authors" are: the body named in "a study by …". */
  studyOwner: string | null = null;
  /** Claimant suggestion's memo of what each written name resolves to (claimant.ts). */
  readonly resolved = new Map<string, { readonly name: string; readonly role: string | null } | null>();

  // Indexes for lookup, which runs for every capitalised run of the article: first entity wins.
  private readonly byName = new Map<string, Entity>();
  /** "Riverside Mercy" → "Riverside Mercy Hospital": the leading words of an organisation's name. */
  private readonly byPrefix = new Map<string, Entity>();
  /** "Lowe" → "Denise Lowe", "Coralline" → "Coralline Energy". */
  private readonly byWord = new Map<string, Entity>();

  /** The entity named exactly `name` (with or without "the"), a shorter form's fullest name ("Lowe" → "Denise Lowe"). */
  lookup(name: string): Entity | undefined {
    const exact = this.byName.get(name);
    if (exact) return exact;
    return name.includes(' ') ? this.byPrefix.get(name) : this.byWord.get(name);
  }

  private index(e: Entity): void {
    const bare = e.name.replace(/^the /, '');
    for (const key of [e.name, bare]) if (!this.byName.has(key)) this.byName.set(key, e);
    const parts = bare.split(' ');
    if (e.person) {
      if (!e.weak && !this.byWord.has(parts[parts.length - 1]!)) this.byWord.set(parts[parts.length - 1]!, e);
    } else if (parts.length > 1) {
      if (!this.byWord.has(parts[0]!)) this.byWord.set(parts[0]!, e);
      for (let k = 2; k < parts.length; k++) {
        const prefix = parts.slice(0, k).join(' ');
        if (!this.byPrefix.has(prefix)) this.byPrefix.set(prefix, e);
      }
    }
  }

  /** The latest sentence before `index` (or at it) that mentions the entity, or -1. */
  static latest(e: Entity, index: number): number {
    let at = -1;
    for (const m of e.mentions) if (m <= index) at = m;
    return at;
  }

  /**
   * A short reference ("the council", "the mayor", "police", "the statistics office") to the named
   * entity it means: a person whose role has the reference's last word, else the organisation whose
   * name shares the most of its words (the latest named on a tie).
   */
  resolveReference(words: readonly string[], index: number): Entity | undefined {
    const head = words[words.length - 1]!;
    if (!ORGS.has(head)) {
      const person = this.entities.find((e) => e.person && e.role?.split(' ').includes(head));
      if (person) return person;
    }
    let best: Entity | undefined;
    let bestScore = 0;
    let bestAt = -1;
    for (const e of this.entities) {
      if (e.person) continue;
      const parts = e.name.toLowerCase().replace(/['’]s\b/g, '').split(' ');
      // "the company", "the firm": the latest business named, whatever its name.
      let score = COMPANY_REFERENCE.has(head) && !parts.some((w) => PUBLIC_BODY.has(w)) ? 1 : 0;
      for (const w of words) if (parts.includes(w) || (REFERENCE_SYNONYMS[w] ?? []).some((s) => parts.includes(s))) score++;
      const at = Registry.latest(e, index);
      if (score > bestScore || (score === bestScore && score > 0 && at > bestAt)) {
        best = e;
        bestScore = score;
        bestAt = at;
      }
    }
    return best;
  }

  add(phrase: NamePhrase, role: string | null, sentence: number, weak = false): Entity {
    const found = this.lookup(phrase.name);
    if (found) {
      found.mentions.push(sentence);
      found.role ??= role;
      if (found.weak && !weak) {
        found.weak = false;
        this.index(found);
      }
      return found;
    }
    const entity: Entity = { name: phrase.name, role, person: phrase.person, mentions: [sentence], weak };
    this.entities.push(entity);
    this.index(entity);
    return entity;
  }
}

const COMPANY_REFERENCE = new Set(['company', 'firm', 'business', 'group', 'app', 'operator', 'platform']);
const PUBLIC_BODY = new Set([
  'council', 'union', 'police', 'ministry', 'department', 'university', 'college', 'school', 'government', 'office',
  'authority', 'agency', 'court', 'parliament', 'statistics', 'institute', 'trust', 'index', 'bank', 'fc', 'club',
  'hospital', 'service', 'board', 'commission', 'securities', 'research',
]);
/** A person is a speaker, so not a place, when a reporting verb follows the name or "said" precedes it. */
const SPEAKER_NEXT = /^(?:said|says|told|wrote|added|insisted|argued|claimed|warned|announced|confirmed|denied|has|had|thinks|believes)$/;

/** A name of up to five capitalised words ending a text, and one that is a whole text. */
const NAME_AT_END = /([\p{Lu}][\p{L}'’-]+(?: (?:of |for |and )?[\p{Lu}][\p{L}'’-]+){0,4})$/u;
const WHOLE_NAME = /^[\p{Lu}][\p{L}'’-]+(?: (?:of |for |and )?[\p{Lu}][\p{L}'’-]+){0,4}$/u;
/** "The opposition's finance spokesman" ending a text, at a sentence or clause start. */
const ROLE_AT_END = /(?:^|[,:] )((?:[Tt]he|[Aa]n?) [\p{Ll}][\p{L}'’ -]+)$/u;
const isLower = (c: number) => (c >= 97 && c <= 122) || (c > 127 && String.fromCharCode(c).toUpperCase() !== String.fromCharCode(c));
const isUpper = (c: number) => (c >= 65 && c <= 90) || (c > 127 && String.fromCharCode(c).toLowerCase() !== String.fromCharCode(c));

/**
 * Names and roles written side by side with commas: "Karin Holm, chief economist at Nordfjell
 * Bank," (role after) and "The opposition's finance spokesman, Henrik Dahl," (role before). Found
 * from the commas, so a sentence without one costs an indexOf.
 */
function appositives(text: string): [name: string, role: string][] {
  const out: [string, string][] = [];
  for (let c = text.indexOf(', '); c > 0; c = text.indexOf(', ', c + 2)) {
    const next = text.charCodeAt(c + 2);
    const lower = isLower(next);
    if (!lower && !isUpper(next)) continue;
    const end = text.indexOf(',', c + 2);
    if ((end < 0 ? text.length : end) - c > 92) continue;
    const tail = text.slice(c + 2, end < 0 ? text.length : end).replace(/\.$/, '');
    if (tail.length < 3) continue;
    if (lower) {
      const name = NAME_AT_END.exec(text.slice(Math.max(0, c - 80), c));
      if (name) out.push([name[1]!, tail.replace(/^an? /, '')]);
    } else if (end > 0 && WHOLE_NAME.test(tail)) {
      const role = ROLE_AT_END.exec(text.slice(Math.max(0, c - 80), c));
      if (role) out.push([tail, role[1]!]);
    }
  }
  return out;
}
const NOT_A_ROLE = /^(?:who|which|where|when|whose|aged|and|but|the (?:lowest|highest)|up|down|within|including|while|in|on|at|for|[a-z]+ly|[a-z]+ing)\b|\d/;
/** A role names a function: a title word, or a noun for a person or body ("researcher", "website"). */
const ROLE_NOUN = /\b(?:[a-z]+(?:er|or|ist|ant|ent|man|woman|person|ian)|agency|authority|website|firm|company|app|body|office|service|group|bank|watchdog|regulator|institute|charity|union|council)\b/;

/** Role as the dev set writes it: "a"/"an" dropped, "the" kept only before a possessive ("the health board's chief executive"). */
function appositiveRole(text: string): string | null {
  if (NOT_A_ROLE.test(text)) return null;
  const words = text.split(' ');
  if (!words.some((w) => TITLES.has(w.toLowerCase())) && !ROLE_NOUN.test(text)) return null;
  const role = text.replace(/^(?:[Aa]n?|[Tt]he) (?![\p{L}-]+['’]s\b)/u, '');
  return role.replace(/^The /, 'the ');
}

/**
 * Where a run of capitalised words stops being one name: "Helen Marsh of Calder State University"
 * is a person and her affiliation, "Lowe and Ferreira" two people; an organisation keeps its
 * "of" and "and" ("the University of Halvorsen", "Sleep and Development").
 */
export function trimRun(run: readonly string[]): readonly string[] {
  const at = run.findIndex((t) => CONNECTORS.has(t));
  if (at < 0) return run;
  const before = run.slice(0, at);
  if (at >= 2 && !before.some(isOrgToken)) return before;
  if ((run[at] === 'and' || run[at] === '&') && !run.some(isOrgToken)) return before;
  return run;
}

/**
 * A run of two or more capitalised words, joined by "of", "for", "and" ("the University of
 * Halvorsen"); a possessive ("Lowe's") ends it. A lone capitalised word is a sentence start or a
 * one-word name, with nothing to learn from (a name after a lower-case title, "leader Okonjo", is
 * rare enough to miss): the regex passes over it without a match.
 */
const CAPS = /(?<![\p{L}\d'’.-])[\p{Lu}][\p{L}\d'’&-]*(?:\.(?=\p{L})[\p{L}\d'’&-]*)*(?: (?:(?:of|for|and|&) )?[\p{Lu}][\p{L}\d'’&-]*(?:\.(?=\p{L})[\p{L}\d'’&-]*)*)+/gu;

/** The word before `at` in `text` (skipping one space), or ''. */
function wordBefore(text: string, at: number): string {
  if (at < 2 || text.charCodeAt(at - 1) !== 32) return '';
  const start = text.lastIndexOf(' ', at - 2) + 1;
  return text.slice(start, at - 1);
}

/** Reads every sentence of the article for names, titles and appositive roles. */
export function buildRegistry(sentences: readonly string[]): Registry {
  const registry = new Registry();
  // A name recurs through an article: split each written form once.
  const names = new Map<string, NamePhrase | null>();
  sentences.forEach((text, index) => {
    for (const m of text.matchAll(CAPS)) {
      let words = m[0].split(' ');
      // Title words written in lower case before the run ("city councillor", "Coralline chief executive").
      const before: string[] = [];
      let at = m.index;
      for (let w = wordBefore(text, at); TITLES.has(w) ; w = wordBefore(text, at)) {
        before.unshift(w);
        at -= w.length + 1;
      }
      if (before.length > 0) {
        for (let w = wordBefore(text, at); w && capitalised(w) && !/['’]s$/u.test(w); w = wordBefore(text, at)) {
          before.unshift(w);
          at -= w.length + 1;
        }
      }
      // A headline in title case: "Coralline Energy Announces…" ends the name at the verb.
      const verb = words.findIndex((w, k) => k > 0 && VERBS_IN_TITLES.has(w));
      if (verb > 0) words = words.slice(0, verb);
      const cut = words.findIndex((w) => /['’]s$/u.test(w));
      if (cut >= 0) words = words.slice(0, cut + 1);
      words[words.length - 1] = words[words.length - 1]!.replace(/['’]s$/u, '');
      const run = trimRun(words);
      const the = /^the$/i.test(wordBefore(text, at)) ? ['the'] : [];
      const written = [...the, ...before, ...run];
      const key = written.join(' ');
      let phrase = names.get(key);
      if (phrase === undefined) names.set(key, (phrase = splitName(written)));
      if (!phrase || !(phrase.person || (phrase.org && !run.every(isOrgToken)))) continue;
      const after = text.slice(m.index + m[0].length + 1, m.index + m[0].length + 12).split(' ')[0] ?? '';
      const speaker = SPEAKER_NEXT.test(after) || /^said$/i.test(wordBefore(text, at));
      registry.add(phrase, phrase.person ? phrase.title : null, index, phrase.person && phrase.title === null && !speaker);
    }
    // The role at the first mention that gives one; there, an appositive is the fuller statement
    // and wins over a title ("Councillor Peter Lang, leader of…"), but a later one ("Lowe, a
    // former public defender") does not replace it.
    for (const [name, written] of appositives(text)) {
      const phrase = splitName(name.split(' '));
      const entity = phrase && registry.lookup(phrase.name);
      const role = appositiveRole(written);
      if (entity && role && (entity.role === null || entity.mentions[0] === index)) entity.role = role;
    }
    if (DESCRIPTOR_GATE.test(text)) for (const m of text.matchAll(DESCRIPTOR)) {
      const name = m[2]!.replace(LEGAL_SUFFIX, '');
      registry.add({ name, title: null, person: false, org: true, tokens: name.split(' ').length }, m[1]!, index).role ??= m[1]!;
    }
    const study = STUDY_BY.exec(text);
    if (study && registry.studyOwner === null) registry.studyOwner = study[1]!;
  });
  // "Coralline chief executive": the organisation's name is not part of the role.
  for (const e of registry.entities) {
    const first = e.role?.split(' ')[0];
    if (e.person && first && registry.entities.some((o) => !o.person && o.name.replace(/^the /, '').split(' ')[0] === first)) {
      e.role = e.role!.split(' ').slice(1).join(' ') || null;
    }
  }
  return registry;
}
