/**
 * Who makes each claim (issue 13, goal 3): for every sentence of an article, the person or
 * organisation the sentence attributes it to, or null.
 *
 * Conventions (those of the hand-labelled set, data/news-dev/README.md "Claimants"):
 * - `name` is the claimant as the article names it, in its fullest form ("Aleksei Voronin" for a
 *   later "Voronin", "Ashcombe City Council" for "the council"), without honorifics (Dr,
 *   Professor) and with a leading "the" in lower case ("the Public Services Union"). Unnamed
 *   sources are their description, lower case ("some analysts", "a company spokesperson").
 * - `role` is the function the text gives the claimant anywhere in the article, lower case except
 *   proper names ("deputy foreign minister", "Valdorian president", "chief economist at Nordfjell
 *   Bank"); null when the text gives none (most organisations).
 *
 * How: each sentence is searched, in this order, for a quotation followed by "said X"; a closing
 * ", X said."; then, at the start of the sentence and of each clause (after a comma, colon, dash,
 * closing quote or "as"/"while"…), for "X's own data show", "figures from X show", "a X poll",
 * "said X", or a subject followed by a reporting verb ("X said", "X has repeatedly…", "X, the
 * minister, told"); then for "according to X" and "figures published by X". A pronoun (he, she,
 * it, they) or a quotation carrying on without a new speaker is the last claimant of the same
 * paragraph, never of an earlier one (but for a paragraph that opens with a quotation and "he
 * said"). Regexes per sentence and one pass for names (claimant-names.ts), no NLP library: fast
 * enough to run over whole articles as the editor types.
 */
import * as P from './claimant-patterns';
import { buildRegistry, formatRole, splitName, trimRun } from './claimant-names';
import type { Registry } from './claimant-registry';

// Local bindings: under tsx (the CLI, the benchmark) an imported binding is read through a getter
// on every use, and these are read for every sentence.
const {
  ACCORDING_TO, ATTRIBUTION_CUE, AUTHORED_POLL, BY_AUTHOR, CLAUSE_START, CLAUSE_WORDS, COMMON_FIRST_WORDS, DOCUMENT_FROM,
  FINAL_ATTRIBUTION, LEADING_ADVERBIAL, NAME_AFTER_ROLE, NON_CLAIMANT, ORG_WORDS, OWNED_DOCUMENT, POSSESSIVE_PRONOUN, PRONOUN, PUBLISHED_BY,
  QUOTE_THEN_VERB_SPEAKER, STUDY_REFERENCE, SUBJECT_VERB, VERB_THEN_SPEAKER,
} = P;

/** Shared between the sentences of one speaker: never mutated. */
export interface Claimant {
  readonly name: string;
  readonly role: string | null;
}

/** What claimant suggestion needs of a segment (a `Segment` of shared/text/segmenter.ts fits). */
export interface ClaimantInput {
  text: string;
  paragraph: number;
  kind: string;
}

/** Where a sentence names its claimant: the words, and an appositive written beside them. */
interface Attribution {
  phrase: string;
  appositive?: string;
}

/** Data with no author named: "…, study finds", "filings show", "according to court documents". */
const DATA_NOUNS = /^(?:new |the |a |separate |official )?(?:[\p{Ll}-]+ ){0,2}(?:study|studies|figures|data|research|filings|records|documents|papers|polls?|surveys?|reports?|statistics|estimates|accounts)$/u;
const isData = (phrase: string) => DATA_NOUNS.test(phrase.charAt(0).toLowerCase() + phrase.slice(1));

/** The claimant of each sentence, in order (null for an unattributed sentence, clutter or a question). */
export function suggestClaimants(sentences: readonly ClaimantInput[]): (Claimant | null)[] {
  const registry = buildRegistry(sentences.map((s) => (s.kind === 'clutter' ? '' : s.text)));
  const out: (Claimant | null)[] = [];
  let paragraph = -1;
  // Pronouns mean the last claimant of the paragraph, or a person named as the subject of a later
  // sentence without a claimant ("Ferreira has made crime…. …, he told supporters"). Those
  // subjects are read only when a pronoun needs them: most sentences never do.
  let referent: Claimant | null = null;
  let unread: number[] = [];
  const currentReferent = (): Claimant | null => {
    for (let k = unread.length - 1; k >= 0; k--) {
      const subject = leadingSubject(sentences[unread[k]!]!.text, registry, unread[k]!);
      if (subject) {
        referent = subject;
        break;
      }
    }
    unread = [];
    return referent;
  };
  let previous: Claimant | null = null;
  // The last claimant of the paragraph before: only for a paragraph that opens with a quotation
  // and "he said", the news convention for a speaker quoted on from the paragraph above.
  let above: Claimant | null = null;
  sentences.forEach((s, index) => {
    const opens = s.paragraph !== paragraph;
    if (opens) {
      paragraph = s.paragraph;
      // Only a paragraph opening with a quotation can need the speaker above.
      above = /^["“]/u.test(s.text) ? (unread.length > 0 ? currentReferent() : referent) : null;
      referent = null;
      unread = [];
      previous = null;
    }
    if (s.kind === 'clutter' || isQuestion(s.text)) {
      out.push(null);
      previous = null;
      return;
    }
    const found = findAttribution(s.text);
    let claimant: Claimant | null = null;
    if (found) {
      const current = unread.length > 0 ? currentReferent() : referent;
      claimant = resolve(found, registry, current ?? (opens && /^["“]/u.test(s.text) ? above : null), s.text, index);
    }
    // A quotation carrying on the previous sentence's quotation keeps its speaker.
    if (!claimant && previous && /^["“]/u.test(s.text)) claimant = previous;
    out.push(claimant);
    previous = claimant;
    if (claimant) {
      referent = claimant;
      unread = [];
    } else unread.push(index);
  });
  return out;
}

/** Ends with a question mark, before any closing quotation marks or brackets. */
function isQuestion(text: string): boolean {
  let i = text.length - 1;
  while (i > 0 && '"”’\')] '.includes(text[i]!)) i--;
  return text[i] === '?';
}

/** The first attribution in the sentence, by the order described at the top of the file. */
export function findAttribution(written: string): Attribution | null {
  // Most sentences have no cue at all; one scan rules them out before the clause-by-clause search.
  if (!ATTRIBUTION_CUE.test(written)) return null;
  // "The UK Health Security Agency (UKHSA) said": an abbreviation in brackets is not part of the subject.
  const text = written.includes('(') ? written.replace(/ \([\p{Lu}][\p{L}]{1,10}\)/gu, '') : written;
  const quoted = QUOTE_THEN_VERB_SPEAKER.exec(text);
  if (quoted) return speakerAfterVerb(text, quoted);
  const final = FINAL_ATTRIBUTION.exec(text);
  if (final && plausibleSubject(final[1]!)) return { phrase: final[1]! };
  const documents = documentPatterns(text);
  const first = attributionAt(text, 0, documents);
  if (first) return first;
  CLAUSE_START.lastIndex = 0;
  for (let m = CLAUSE_START.exec(text); m; m = CLAUSE_START.exec(text)) {
    const found = attributionAt(text, m.index + m[0].length, documents);
    if (found) return found;
  }
  const according = ACCORDING_TO.exec(text);
  if (!according) {
    const published = PUBLISHED_BY.exec(text);
    return published ? { phrase: published[1]! } : null;
  }
  const source = according[1]!.trim();
  // "according to the regional water authority, Ellery Water": the name after the description.
  if (/^the [\p{Ll}]/u.test(source)) {
    const name = NAME_AFTER_ROLE.exec(text.slice(according.index + according[0].length - 1));
    if (name) return { phrase: source, appositive: name[1]! };
  }
  const by = BY_AUTHOR.exec(source);
  if (by) return { phrase: by[1]!.trim() };
  const owner = /^(.+?)['’]s\b/u.exec(source) ?? /^(its|his|her|their)\b/iu.exec(source);
  return { phrase: owner ? owner[1]! : source };
}

/**
 * The speaker after a verb (`said X`), with the name written after a role (`said its chairman,
 * Geert Holtman.`): the name is the claimant and the role its role, as in "X, the chairman, said".
 */
function speakerAfterVerb(text: string, m: RegExpExecArray): Attribution {
  const phrase = m[1]!;
  if (!/^(?:its|his|her|their|the|an?) [\p{Ll}]/u.test(phrase)) return { phrase };
  const end = m.index + m[0].indexOf(phrase) + phrase.length;
  const name = NAME_AFTER_ROLE.exec(text.slice(end));
  return name ? { phrase, appositive: name[1]! } : { phrase };
}

/** Reporting verbs that are as often plural nouns ("trade claims", "crime figures"): see `attributionAt`. */
const NOUN_OR_VERB = new Set([
  'claims', 'reports', 'estimates', 'forecasts', 'forecast', 'demands', 'fears', 'hopes', 'doubts', 'promises', 'pledges',
  'notes', 'finds', 'threatens', 'warns', 'Claims', 'Reports', 'Estimates', 'Demands', 'Fears', 'Hopes', 'Doubts',
]);

/**
 * The document patterns a sentence can hold, by a word each needs ("X's own data", "figures
 * from X", "a X poll"): tested once per sentence, so clause starts skip the rest.
 */
function documentPatterns(text: string): RegExp[] {
  const out: RegExp[] = [];
  if (text.includes("'s ") || text.includes('’s ')) out.push(OWNED_DOCUMENT);
  if (text.includes(' from ') || text.includes(' by ')) out.push(DOCUMENT_FROM);
  if (/ (?:poll|survey|study|report|analysis|index)\b/.test(text)) out.push(AUTHORED_POLL);
  return out;
}

function attributionAt(text: string, at: number, documents: readonly RegExp[]): Attribution | null {
  for (const re of documents) {
    re.lastIndex = at;
    const m = re.exec(text);
    if (m && plausibleSubject(m[1]!)) return { phrase: m[1]! };
  }
  if (at > 0) {
    VERB_THEN_SPEAKER.lastIndex = at;
    const inverted = VERB_THEN_SPEAKER.exec(text);
    if (inverted && plausibleSubject(inverted[1]!)) return speakerAfterVerb(text, inverted);
  }
  SUBJECT_VERB.lastIndex = at;
  const m = SUBJECT_VERB.exec(text);
  if (!m || !plausibleSubject(m[1]!)) return null;
  // "Lowe and Ferreira trade claims": a word that is a noun as often as a verb needs a subject
  // that ends in a name or a source ("Ferreira claims", "the union claims").
  const verb = text.slice(m.index + m[0].lastIndexOf(' ') + 1, m.index + m[0].length);
  const last = m[1]!.slice(m[1]!.lastIndexOf(' ') + 1);
  if (NOUN_OR_VERB.has(verb) && /^[\p{Ll}]/u.test(last) && !ORG_WORDS.has(last) && !COMMON_FIRST_WORDS.has(last) && !/(?:man|woman|person|er|or|ist|s)$/.test(last)) return null;
  return m[2] === undefined ? { phrase: m[1]! } : { phrase: m[1]!, appositive: m[2] };
}

const TRAILING_TIME =
  / (?:(?:last|this|earlier this|late last) (?:week|month|year|spring|summer|autumn|winter)|(?:on |last )?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|in (?:19|20)\d\d)$/u;

const DETERMINER = /^(?:the|a|an|some|other|many|several|most|two|three|four|few)$/i;

/** A word that shows a subject is really a clause ("Kestonia will not agree…"), a number or a quotation mark. */
const CLAUSE_WORD = new RegExp(`(?:^|\\s)(?:${[...CLAUSE_WORDS].join('|')})(?=\\s|$)|(?:^|\\s)\\d|["“”]`, 'iu');

/** A few words that could name someone: no clause inside ("Kestonia will not agree to…"), no negation. */
function plausibleSubject(written: string): boolean {
  const phrase = clean(written);
  // "seen, treated and admitted": a list of verbs, not a subject.
  if (/(?:^| )(?:and|or)$/.test(phrase)) return false;
  if (STUDY_REFERENCE.test(phrase)) return true;
  if (NON_CLAIMANT.test(phrase) || isData(phrase)) return false;
  return !CLAUSE_WORD.test(phrase);
}

/** A named person or organisation opening the sentence, whatever the verb: what a later "he" means. */
function leadingSubject(text: string, registry: Registry, index: number): Claimant | null {
  const m = /^((?:[\p{Lu}][\p{L}'’-]+ ){0,3}[\p{Lu}][\p{L}'’-]+)(?:,| (?:has|have|had|is|was|were|will|would|[a-z]+ed|[a-z]+s)\b)/u.exec(text);
  if (!m || PRONOUN.test(m[1]!) || /^the$/i.test(m[1]!)) return null;
  return named(m[1]!.split(' '), registry, index, false);
}

/** The subject without a leading "And", "But" or time phrase ("On Monday the minister"). */
const clean = (phrase: string) =>
  phrase
    .trim()
    .replace(/^(?:and|but|so) /i, '')
    .replace(LEADING_ADVERBIAL, '')
    .replace(/ (?:who|which|that) .*$/, '')
    // "A poll by the Nordhof Institute last week found": the time is not part of the name.
    .replace(TRAILING_TIME, '');

function resolve(found: Attribution, registry: Registry, referent: Claimant | null, text: string, index: number): Claimant | null {
  // A phrase ending in a capitalised word that is not a pronoun is a name, whose claimant is the
  // same wherever it is written: resolved once per article (see `named`).
  const last = found.phrase.slice(found.phrase.lastIndexOf(' ') + 1);
  if (!/^[\p{Lu}]/u.test(last) || PRONOUN.test(last)) return resolveAttribution(found, registry, referent, text, index);
  const key = `@${found.phrase}|${found.appositive ?? ''}`;
  let claimant = registry.resolved.get(key);
  if (claimant === undefined) registry.resolved.set(key, (claimant = resolveAttribution(found, registry, referent, text, index)));
  return claimant;
}

function resolveAttribution(found: Attribution, registry: Registry, referent: Claimant | null, text: string, index: number): Claimant | null {
  const phrase = clean(found.phrase);
  if (PRONOUN.test(phrase)) return referent;
  // "…, according to its annual report": the sentence's own subject, else the paragraph's speaker.
  if (POSSESSIVE_PRONOUN.test(phrase)) return leadingSubject(text, registry, index) ?? referent;
  if (STUDY_REFERENCE.test(phrase)) return registry.studyOwner ? withRole(registry.studyOwner, registry) : null;
  if (isData(phrase) || NON_CLAIMANT.test(phrase)) return null;
  // "Analysts at Ardent Securities think": the organisation is the source.
  const at = /^(?:analysts|economists|researchers|scientists|experts|strategists|engineers) at ((?:the )?[\p{Lu}].*)$/iu.exec(phrase);
  if (at) return named(at[1]!.split(' '), registry, index, true);
  const appositive = found.appositive?.trim();
  // "The opposition's finance spokesman, Henrik Dahl, said": the name is the appositive.
  if (appositive && /^[\p{Lu}]/u.test(appositive) && !/^[\p{Lu}]/u.test(phrase.replace(/^the /i, '').split(' ').pop()!)) {
    const person = named(appositive.split(' '), registry, index, true);
    if (person) return { name: person.name, role: person.role ?? formatRole(phrase.split(' ')) };
  }
  // "The ministry added…" after "Kestonia's foreign ministry said…": the paragraph's speaker,
  // when the reference's noun is the last word of its name or of its role.
  const reference = /^[Tt]he ([\p{Ll}]+)$/u.exec(phrase);
  if (reference && referent && [referent.name, referent.role ?? ''].some((n) => n.toLowerCase().split(' ').pop() === reference[1])) return referent;
  const claimant = named(phrase.split(' '), registry, index, true);
  // Not a clause ("…, speaking on condition of anonymity, said"): a role names a function.
  if (claimant && appositive && claimant.role === null && /^(?:an? |the )?[\p{Ll}]/u.test(appositive) && !/^(?:which|who|whose|where|[a-z]+ing)\b/.test(appositive)) {
    return { name: claimant.name, role: appositive.replace(/^an? /, '') };
  }
  return claimant;
}

/**
 * The claimant a phrase names: a known entity (fullest form, article role), a short reference
 * resolved to one ("the council"), or, when `describe` is set, the phrase itself as an unnamed
 * source ("some analysts").
 */
function named(written: readonly string[], registry: Registry, index: number, describe: boolean): Claimant | null {
  // A name (last word capitalised) means the same all through the article, so it is resolved
  // once: names recur, and this runs as the editor types. References ("the council") depend on
  // what was named before the sentence and are not kept.
  if (!/^[\p{Lu}]/u.test(written[written.length - 1] ?? '')) return resolveName(written, registry, index, describe);
  const key = `${describe ? '+' : '-'}${written.join(' ')}`;
  let claimant = registry.resolved.get(key);
  if (claimant === undefined) registry.resolved.set(key, (claimant = resolveName(written, registry, index, describe)));
  return claimant;
}

function resolveName(written: readonly string[], registry: Registry, index: number, describe: boolean): Claimant | null {
  // "a spokesman for Riverside Mercy", "some analysts": an unnamed source, written as the text has it.
  if (describe && /^(?:[Aa]n?|[Oo]ne|[Ss]ome|[Oo]ther|[Mm]any|[Ss]everal)$/.test(written[0] ?? '') && written.length > 1) {
    return { name: [written[0]!.toLowerCase(), ...written.slice(1)].join(' '), role: null };
  }
  const words = trimRun(written);
  const phrase = splitName(words);
  if (phrase && (phrase.tokens >= 2 || registry.lookup(phrase.name))) {
    const entity = registry.lookup(phrase.name);
    // A person who makes a claim is a person, not a place: "Holtman" may stand for them later.
    if (entity?.weak && describe) registry.strengthen(entity);
    if (entity) return { name: entity.name, role: entity.role ?? phrase.title };
    return { name: phrase.name, role: phrase.person ? phrase.title : null };
  }
  // A common word capitalised only because it opens the sentence, unless a name follows ("Police Scotland").
  const lower = words.map((w, i) =>
    i === 0 && COMMON_FIRST_WORDS.has(w.toLowerCase()) && (DETERMINER.test(w) || !/^[\p{Lu}]/u.test(words[1] ?? '')) ? w.toLowerCase() : w);
  // "the council", "police": a reference to someone named; "a police spokesman", "some analysts": a description.
  const reference = lower[0] === 'the' ? lower.slice(1) : /^(?:a|an|some|other|many|several|most|two|three|four|few)$/.test(lower[0]!) ? [] : lower;
  if (reference.length > 0 && reference.length <= 3 && reference.every((w) => /^[\p{Ll}]/u.test(w))) {
    const entity = registry.resolveReference(reference, index);
    if (entity) return { name: entity.name, role: entity.role };
  }
  // "Teachers' union", "the workers' union": the union the article names, if it names one.
  const head = lower[lower.length - 1]!;
  if (lower.length >= 2 && /['’]s?$/u.test(lower[lower.length - 2]!) && ORG_WORDS.has(head)) {
    const entity = registry.resolveReference([head], index);
    if (entity) return { name: entity.name, role: entity.role };
  }
  // "Ferndale health board admits…" in a headline: the body named in full elsewhere.
  const anyCase = words.length >= 2 ? registry.lookupAnyCase(words.join(' ')) : undefined;
  if (anyCase) return { name: anyCase.name, role: anyCase.role };
  if (!describe) return null;
  if (phrase && phrase.tokens === 1 && !/^the /.test(phrase.name) && lower[0] === words[0]) return withRole(phrase.name, registry);
  if (lower.length === 1 && lower[0] !== words[0]) return { name: lower[0]!, role: null };
  // An unnamed source is written in lower case ("Aid agencies say" → "aid agencies"), but for a
  // proper adjective ("Western diplomats", "Kestonian officials") or a possessive ("Lowe's campaign").
  if (lower[0] === words[0] && lower.length >= 2 && lower.slice(1).every((w) => /^[\p{Ll}]/u.test(w)) && !/(?:an|ese|ish|i|ern|ic|['’]s?)$/u.test(words[0]!)) {
    lower[0] = lower[0]!.toLowerCase();
  }
  return { name: lower.join(' ').replace(/['’]s$/u, ''), role: null };
}

function withRole(name: string, registry: Registry): Claimant {
  const entity = registry.lookup(name.replace(/^the /, ''));
  return entity ? { name: entity.name, role: entity.role } : { name, role: null };
}
