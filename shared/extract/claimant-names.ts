/**
 * The people and organisations an article names, with the role the text gives each anywhere
 * in it: one pass over the article before claimants are suggested, so "Lowe" becomes "Denise
 * Lowe" (incumbent mayor), "the club" becomes "Harbour City FC" and "Coralline" "Coralline
 * Energy". Plain token scans and a few regexes per sentence: this runs as the editor types.
 */
import {
  DESCRIPTOR, DESCRIPTOR_GATE, HONORIFICS, JOINED_ARTICLE, NAME_PARTICLES, PARTICLE_ALTERNATION, TITLE_CASE_VERBS, LEGAL_SUFFIX,
  ORG_WORDS, STUDY_BY, TITLE_WORDS,
} from './claimant-patterns';
import { Registry, type Entity } from './claimant-registry';

// Local bindings for the sets read at every capitalised word: under tsx (the CLI, the
// benchmark) an imported binding is read through a getter each time.
const TITLES: ReadonlySet<string> = TITLE_WORDS;
const ORGS: ReadonlySet<string> = ORG_WORDS;
const HONORIFIC: ReadonlySet<string> = HONORIFICS;
const VERBS_IN_TITLES: ReadonlySet<string> = TITLE_CASE_VERBS;

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
const PARTICLES: ReadonlySet<string> = NAME_PARTICLES;
const capitalised = (t: string) => (/^[\p{Lu}\d]/u.test(t) && (/\p{L}/u.test(t) || /^(?:19|20)\d\d$/.test(t))) || JOINED_ARTICLE.test(t);
/**
 * A lower-case word that stays inside a name when a capitalised word follows it: a particle
 * ("de Ruiter"), or "the" after "of"/"for" ("the Office of the State Inspector").
 */
const joins = (words: readonly string[], k: number) =>
  PARTICLES.has(words[k]!) || (words[k] === 'the' && k > 1 && (words[k - 1] === 'of' || words[k - 1] === 'for') && capitalised(words[k - 2]!));
const titleCased = (t: string) => t.charAt(0).toUpperCase() + t.slice(1);
const hasLetter = (t: string) => /\p{L}/u.test(t);
const bare = (t: string) => t.replace(/['’]s$/u, '').toLowerCase();
const isOrgToken = (t: string) => ORGS.has(bare(t));

/** Role words as the dev set writes them: title words lower case, proper adjectives ("Valdorian") kept. */
export function formatRole(words: readonly string[]): string | null {
  const kept = words.filter((w) => !HONORIFIC.has(w.toLowerCase()));
  // The set's convention: a role is the function, not the phrase ("its director" → "director",
  // "a nurse" → "nurse"); "the" stays only before a possessive ("the health board's chief executive").
  while (kept.length > 1 && (/^(?:a|an|its|his|her|their)$/i.test(kept[0]!) || (/^the$/i.test(kept[0]!) && !kept.some((w) => /['’]s?$/u.test(w))))) kept.shift();
  if (kept.length === 0) return null;
  // "Nurses' union leader": a plural possessive is a common noun, not a proper name.
  return kept.map((w, i) => (TITLES.has(w.toLowerCase()) || /s['’]$/u.test(w) || (i === 0 && /^the$/i.test(w)) ? w.toLowerCase() : w)).join(' ');
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
  while (
    first > 0 &&
    (capitalised(rest[first - 1]!) ||
      // "Union of Educators", "Ruiz de la Vega": inside a name, before a capitalised word; a
      // particle may also open a surname ("de Ruiter said").
      (first < rest.length && ((CONNECTORS.has(rest[first - 1]!) && first > 1 && capitalised(rest[first - 2]!)) || joins(rest, first - 1))))
  ) first--;
  const run = rest.slice(first);
  if (run.length === 0) return null;
  // The name follows the last title word ("Valdorian President Tomas Ruvic" → "Tomas Ruvic"); if
  // what follows holds an organisation word, the whole run is an organisation's name ("Port
  // Calder City Council"), title words and all.
  let start = 0;
  for (let k = 0; k < run.length - 1; k++) if (TITLES.has(run[k]!.toLowerCase())) start = k + 1;
  // "the National Union of Educators", "Ministry of Transport": a body's word followed by "of",
  // "for" or "and" is inside the body's name, whose title-like words ("National", "Union") are
  // then not a title; so is a cut that would leave the name opening with "of".
  const orgThenConnector = run.some((t, k) => k + 1 < run.length && CONNECTORS.has(run[k + 1]!) && isOrgToken(t));
  if (orgThenConnector || CONNECTORS.has(run[start] ?? '') || run.slice(start).some(isOrgToken) || (start === run.length - 1 && run.length === 2 && isOrgToken(run[0]!))) {
    const name = `${the && first === 0 ? 'the ' : ''}${run.join(' ')}`.replace(LEGAL_SUFFIX, '');
    return { name, title: first > 0 ? formatRole(rest.slice(0, first)) : null, person: false, org: true, tokens: run.length };
  }
  const name = run.slice(start);
  const person = name.length >= 2 && name.every(hasLetter);
  return { name: name.join(' '), title: formatRole([...rest.slice(0, first), ...run.slice(0, start)]), person, org: false, tokens: name.length };
}


/** A person is a speaker, so not a place, when a reporting verb follows the name or "said" precedes it. */
const SPEAKER_NEXT = /^(?:said|says|told|wrote|added|insisted|argued|claimed|warned|announced|confirmed|denied|has|had|thinks|believes)$/;

/**
 * A name of up to five capitalised words ending a text, and one that is a whole text (after an
 * honorific: ", Dr. Alan Maguire,"); particles ("de la Vega") and "al-" inside.
 */
const NAME_WORDS = `(?:(?:al|el)-)?[\\p{Lu}][\\p{L}'’-]+(?: (?:of |for |and |(?:${PARTICLE_ALTERNATION}) (?:(?:${PARTICLE_ALTERNATION}) )?)?(?:(?:al|el)-)?[\\p{Lu}][\\p{L}'’-]+){0,4}`;
const NAME_AT_END = new RegExp(`(${NAME_WORDS})$`, 'u');
const WHOLE_NAME = new RegExp(`^(?:(?:Dr|Prof|Professor|Mr|Mrs|Ms)\\.? )?${NAME_WORDS}$`, 'u');
/** "The opposition's finance spokesman", "Its chair" ending a text, at a sentence or clause start. */
// Also after "said" and "according to" ("said its chairman, Geert Holtman.", "according to the
// regional water authority, Ellery Water"), and with a proper adjective ("A Dravian spokeswoman, …").
const ROLE_AT_END = /(?:^|[,:] |said |according to )((?:[Tt]he|[Aa]n?|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir) (?:[\p{Lu}][\p{Ll}-]+ )?[\p{Ll}][\p{L}'’ -]+)$/u;
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
    } else if ((end > 0 || /\.$/.test(text)) && WHOLE_NAME.test(tail)) {
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
  // "…, Dr Omar Reyes, warned that…": a verb after the name starts the predicate, not a role.
  if (NOT_A_ROLE.test(text) || VERBS_IN_TITLES.has(titleCased(text.slice(0, text.indexOf(' ') >>> 0)))) return null;
  const words = text.split(' ');
  if (!words.some((w) => TITLES.has(w.toLowerCase())) && !ROLE_NOUN.test(text)) return null;
  const role = text.replace(/^(?:[Aa]n?|[Tt]he|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir) (?![^,]*?['’]s\b)/u, '');
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
  // "a spokesman for Riverside Mercy" is a description, not a name and an affiliation: a name
  // ends in two capitalised words.
  if (at < 2 || !capitalised(run[at - 1]!) || !capitalised(run[at - 2]!)) return run;
  if (!before.some(isOrgToken)) return before;
  if ((run[at] === 'and' || run[at] === '&') && !run.some(isOrgToken)) return before;
  return run;
}

/**
 * A run of two or more capitalised words, joined by "of", "for", "and" ("the University of
 * Halvorsen"); a possessive ("Lowe's") ends it. A lone capitalised word is a sentence start or a
 * one-word name, with nothing to learn from (a name after a lower-case title, "leader Okonjo", is
 * rare enough to miss): the regex passes over it without a match.
 */
const CAPS_WORD = "(?:(?:al|el)-)?[\\p{Lu}][\\p{L}\\d'’&-]*(?:\\.(?=\\p{L})[\\p{L}\\d'’&-]*)*";
// Joined by "of"/"for" (and "of the"), "and", or particles ("Femke de Ruiter", "Le Courrier du Lac").
const CAPS = new RegExp(
  `(?<![\\p{L}\\d'’.-])${CAPS_WORD}(?: (?:(?:of|for)(?: the)? |(?:and|&) |(?:(?:${PARTICLE_ALTERNATION}) ){1,2})?${CAPS_WORD})+`,
  'gu',
);

/** Capitalised words that open a sentence, not a title: "But opposition spokeswoman Jen Lowe". */
const SENTENCE_WORDS = new Set(['But', 'And', 'Yet', 'So', 'The', 'A', 'An', 'In', 'On', 'At', 'For', 'As', 'While', 'Meanwhile', 'However', 'Now', 'Then', 'Also']);

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
  const seen = new Map<string, Entity | null>();
  sentences.forEach((text, index) => {
    // exec, not matchAll: matchAll copies the regex on every call, a cost per sentence.
    CAPS.lastIndex = 0;
    for (let m = CAPS.exec(text); m; m = CAPS.exec(text)) {
      // A run seen before after the same (non-title) word is the same phrase with the same title:
      // once its entity is known (and not a weak person, whom a later mention may confirm), only
      // the mention is new. Names recur.
      const previous = wordBefore(text, m.index);
      const seenKey = TITLES.has(previous) ? '' : `${previous} ${m[0]}`;
      const known = seenKey ? seen.get(seenKey) : undefined;
      if (known === null) continue;
      if (known && !known.weak) {
        if (known.mentions[known.mentions.length - 1] !== index) known.mentions.push(index);
        continue;
      }
      let words = m[0].split(' ');
      // Title words written in lower case before the run ("city councillor", "Coralline chief executive").
      const before: string[] = [];
      let at = m.index;
      for (let w = wordBefore(text, at); TITLES.has(w) ; w = wordBefore(text, at)) {
        before.unshift(w);
        at -= w.length + 1;
      }
      if (before.length > 0) {
        for (let w = wordBefore(text, at); w && capitalised(w) && !/['’]s$/u.test(w) && !SENTENCE_WORDS.has(w); w = wordBefore(text, at)) {
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
      if (!phrase || !(phrase.person || (phrase.org && !run.every(isOrgToken)))) {
        if (seenKey) seen.set(seenKey, null);
        continue;
      }
      const after = text.slice(m.index + m[0].length + 1, m.index + m[0].length + 12).split(' ')[0] ?? '';
      // A person, not a place: a speaker ("… said", "said …", "according to …"), or someone given
      // an honorific ("Professor Otto van der Meer").
      const said = wordBefore(text, at);
      const speaker = SPEAKER_NEXT.test(after) || /^said$/i.test(said) || HONORIFIC.has(said.toLowerCase()) || (said === 'to' && wordBefore(text, at - 3) === 'according');
      const entity = registry.add(phrase, phrase.person ? phrase.title : null, index, phrase.person && phrase.title === null && !speaker);
      if (seenKey) seen.set(seenKey, entity);
    }
    // The role at the first mention that gives one; there, an appositive is the fuller statement
    // and wins over a title ("Councillor Peter Lang, leader of…"), but a later one ("Lowe, a
    // former public defender") does not replace it.
    for (const [name, written] of appositives(text)) {
      const phrase = splitName(name.split(' '));
      const entity = phrase && registry.lookup(phrase.name);
      const role = appositiveRole(written);
      if (entity && role && (entity.role === null || entity.mentions[0] === index)) entity.role = role;
      // A person given a role is a person, not a place: their surname may stand for them later.
      if (entity && role && entity.weak) registry.strengthen(entity);
    }
    if (DESCRIPTOR_GATE.test(text)) for (const m of text.matchAll(DESCRIPTOR)) {
      const name = m[2]!.replace(LEGAL_SUFFIX, '');
      registry.add({ name, title: null, person: false, org: true, tokens: name.split(' ').length }, m[1]!, index).role ??= m[1]!;
    }
    // The first "study by X" is the study; later sentences need not be searched.
    if (registry.studyOwner === null && (text.includes(' by ') || text.includes(' from '))) {
      const study = STUDY_BY.exec(text);
      if (study) registry.studyOwner = study[1]!;
    }
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
