/**
 * Properties of the reasons the scorer shows editors, over many sentences: the project's
 * own news development set (data/news-dev/articles.jsonl) and generated sentences mixing
 * names, titles after possessives ("Russia's Foreign Minister Sergey Lavrov"), sentence-
 * initial capitalised words, quotes and figures. Every reason must be true of the words it
 * quotes, and no sentence may show a reason and its opposite on the same words.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scoreSentence, type Reason } from './score';

const REPO = join(__dirname, '..', '..');

function devSentences(): string[] {
  const lines = readFileSync(join(REPO, 'data', 'news-dev', 'articles.jsonl'), 'utf8').split('\n');
  return lines.filter((line) => line.trim()).map((line) => (JSON.parse(line) as { sentence: string }).sentence);
}

/** A small deterministic generator (no seed drift between runs). */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const OPENERS = ['', 'On Monday, ', 'In Moscow, ', 'Speaking in Geneva, ', 'Last week ', 'Yesterday ', 'However, ', 'According to CNN, ', 'Officials said ', 'In a statement, '];
const SUBJECTS = [
  "Russia's Foreign Minister Sergey Lavrov",
  "Britain's Prime Minister Keir Starmer",
  "France's Foreign Ministry",
  "Ukraine's President Volodymyr Zelensky",
  'Foreign Minister Sergey Lavrov',
  'Prime Minister Keir Starmer',
  'President Emmanuel Macron',
  'the Kremlin',
  'The Kremlin',
  'CNN',
  'Russia',
  'Harbour City',
  'Lumora Telecom',
  'Northern Link',
  'the Department of Health',
  'the Ministry of Defence',
  "the country's Health Minister",
  'Deputy Foreign Minister Maria Zakharova',
  'the European Commission',
  'Mr. J. R. Patel',
  'Sen. Laura Chen',
  'a spokesman for the Interior Ministry',
  'the National Statistics Office',
  'Finance Minister Olaf Brandt',
  'the U.N. Security Council',
];
const VERBS = ['said', 'told reporters', 'claimed', 'announced', 'will announce', 'may have said', 'warned', 'insisted', 'reported'];
const OBJECTS = [
  'that 3.5% of voters backed the plan',
  'that Russia would cut gas exports by half',
  'that $48 million had been spent',
  'that unemployment fell to 4.1 percent in March',
  'that the talks had failed',
  'that two thirds of the budget was lost',
  'that nothing had changed since 2019',
  'that Moscow would not attend',
  'that the Foreign Office was wrong',
  'that inflation rose faster than in any year since 1990',
  '"We will not back down"',
  '"This is a great day for Russia"',
  'nothing',
  'that Sergey Lavrov would meet the Prime Minister on Tuesday',
];
const TAILS = ['.', ' on Monday.', ' in 2024.', ', the Foreign Ministry said.', '?', '!', ', according to the Kremlin.', ' last year.', ', officials in Kyiv said.'];
const FRAGMENTS = [
  'Thank you very much.',
  'Foreign Minister Sergey Lavrov.',
  'The Minister said nothing.',
  'Monday was quiet.',
  'Prime Minister.',
  'President.',
  'Ministry of Defence',
  'Health Secretary Wes Streeting said waiting lists fell by 20,000.',
  'The Foreign Ministry said Russia had not been told.',
  'Ukraine’s Foreign Minister Dmytro Kuleba said Ukraine would “never” give up.',
  'Russia’s Defence Ministry said 12 drones were shot down overnight.',
  'Is the Foreign Secretary right that crime fell by 10%?',
  'A&E waits at North Tarrow hospitals hit record high',
  'Updated 6:14 p.m. ET, Tue October 8, 2024',
  '14 May 2025 • 6:00 am',
  'Home | News | Housing',
  'Topics: Technology, Employment, Transport',
];

function generatedSentences(): string[] {
  const next = random(13);
  const pick = <T,>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const sentences = new Set<string>(FRAGMENTS);
  // Every subject once with every opener (possessives and titles in every position)…
  for (const opener of OPENERS) {
    for (const subject of SUBJECTS) {
      const start = opener === '' ? subject.charAt(0).toUpperCase() + subject.slice(1) : subject;
      sentences.add(`${opener}${start} said that the talks had failed.`);
    }
  }
  // …then random mixes, some with a second name inside the sentence.
  while (sentences.size < 3000) {
    const opener = pick(OPENERS);
    const subject = pick(SUBJECTS);
    const start = opener === '' ? subject.charAt(0).toUpperCase() + subject.slice(1) : subject;
    sentences.add(`${opener}${start} ${pick(VERBS)} ${pick(OBJECTS)}${pick(TAILS)}`);
  }
  return [...sentences];
}

const SENTENCES = [...devSentences(), ...generatedSentences()];

/**
 * Capitalised common words and titles: none of them names a person, place or
 * organisation by itself ("Foreign" in "Russia's Foreign Minister", "Monday", "The").
 */
const NOT_A_NAME_ALONE = new Set(
  [
    'the', 'a', 'an', 'this', 'that', 'these', 'those', 'it', 'he', 'she', 'they', 'we', 'i', 'you', 'in', 'on', 'at', 'for', 'of', 'to', 'by', 'as',
    'and', 'but', 'or', 'if', 'however', 'yesterday', 'today', 'tomorrow', 'last', 'next', 'speaking', 'officials', 'according',
    'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'mon', 'tue', 'tues', 'wed', 'thu', 'thurs', 'fri', 'sat', 'sun',
    'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
    'foreign', 'prime', 'minister', 'ministry', 'president', 'deputy', 'vice', 'chief', 'general', 'secretary', 'interior', 'defence', 'defense',
    'finance', 'health', 'home', 'justice', 'state', 'national', 'federal', 'public', 'city', 'news', 'security', 'office', 'department',
    'education', 'energy', 'transport', 'employment', 'technology', 'council', 'commission', 'government', 'senator', 'sen', 'mr', 'mrs', 'ms', 'dr',
    'european', 'statistics', 'data', 'telecom', 'telecoms', 'link', 'northern', 'southern', 'eastern', 'western', 'north', 'south', 'east', 'west',
  ],
);

const ENTITY_REASON = 'names a person, place or organisation: ';

/** The text a reason quotes, without its quotation marks and the "…" around it ('' when it quotes nothing). */
function quoted(reason: Reason): string {
  const colon = reason.text.indexOf(': ');
  if (colon < 0) return '';
  let fragment = reason.text.slice(colon + 2);
  if (fragment.startsWith("'") && fragment.endsWith("'")) fragment = fragment.slice(1, -1);
  fragment = fragment.replace(/^… /, '').replace(/ …$/, '');
  // A long fragment cut short ends mid-word: keep its whole words.
  return fragment.endsWith('…') ? fragment.slice(0, -1).replace(/\s*\S*$/, '') : fragment;
}

/** Words and numbers only, single-spaced, lowercased: a word pair across punctuation ('minutes," Sen') reads as its words. */
const words = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
/** From a word's start: a figure's own suffix ("£412" of "£412m", "1.4" of "1.4C") may follow it. */
const contains = (haystack: string, needle: string) => ` ${words(haystack)} `.includes(` ${words(needle)}`);

const NUMBER_WORDS = /\b(million|millions|billion|billions|trillion|trillions|thousand|thousands|hundred|hundreds|dozen|dozens|half|twice|triple|bn|mn|quarter|majority|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)\b/i;

/** Reasons that must have what they say in the sentence. */
const LABEL_TRUE: [RegExp, (sentence: string, fragment: string) => boolean][] = [
  [/^contains a figure/, (_, fragment) => /\d/.test(fragment) || NUMBER_WORDS.test(fragment)],
  [/^a percentage/, (_, fragment) => /%|per ?cent/i.test(fragment)],
  [/^a question$/, (sentence) => sentence.includes('?')],
  [/^an exclamation$/, (sentence) => sentence.includes('!')],
  [/^very short fragment$/, (sentence) => words(sentence).split(' ').length <= 3],
  [/^long, detailed sentence$/, (sentence) => words(sentence).split(' ').length > 20],
  [/^direct quote/, (_, fragment) => /["“”]/.test(fragment)],
  [/^names a person, place or organisation: /, (_, fragment) => /^\P{Ll}/u.test(fragment)],
];

/** Reasons that always move the score the same way (a name never lowers it, hedging never raises it). */
const LABEL_EFFECT: [RegExp, Reason['effect']][] = [
  [/^(contains a figure|a percentage|about money|date or time|compares|describes a change|attributed|cites data|direct quote|names |long, detailed|wording common)/, 'raises'],
  [/^(a question|opinion|praise|hedged|about the future|greeting|conversational|an exclamation|very short|short sentence|wording uncommon|page clutter)/, 'lowers'],
];

interface Violation {
  sentence: string;
  problem: string;
}

function check(sentence: string): Violation[] {
  const { reasons } = scoreSentence(sentence);
  const problems: string[] = [];
  for (const reason of reasons) {
    const fragment = quoted(reason);
    // (a) what a reason quotes is in the sentence.
    if (fragment && !contains(sentence, fragment)) problems.push(`quotes what is not there: ${reason.text}`);
    if (reason.text.startsWith(ENTITY_REASON)) {
      if (!sentence.includes(fragment)) problems.push(`name not quoted as written: ${reason.text}`);
      // (b) a lone capitalised common word or title names nobody.
      const parts = fragment.split(/\s+/).filter(Boolean);
      if (parts.length === 1 && NOT_A_NAME_ALONE.has(words(parts[0]!))) problems.push(`a common word as a name: ${reason.text}`);
      if (parts.length === 1 && /^\p{L}$/u.test(parts[0]!)) problems.push(`a single letter as a name: ${reason.text}`);
    }
    // (d) the label is true of the sentence.
    for (const [label, holds] of LABEL_TRUE) if (label.test(reason.text) && !holds(sentence, fragment)) problems.push(`not true: ${reason.text}`);
    for (const [label, effect] of LABEL_EFFECT) if (label.test(reason.text) && reason.effect !== effect) problems.push(`${reason.effect} although it ${effect === 'raises' ? 'raises' : 'lowers'}: ${reason.text}`);
  }
  // (c) no word is quoted by a reason that raises the score and by one that lowers it. A direct
  // quote is about the quotation as a whole: a hedge or judgement inside it ("a disgrace", "will")
  // is a cue of its own, so only the wording reason must not quote its words the other way.
  const quoteWords = (r: Reason) => words(quoted(r)).split(' ').filter(Boolean);
  const isQuote = (r: Reason) => r.text.startsWith('direct quote');
  const isWording = (r: Reason) => r.text.startsWith('wording ');
  const raised = new Set(reasons.filter((r) => r.effect === 'raises' && !isQuote(r)).flatMap(quoteWords));
  const raisedByQuote = new Set(reasons.filter((r) => r.effect === 'raises' && isQuote(r)).flatMap(quoteWords));
  for (const reason of reasons.filter((r) => r.effect === 'lowers')) {
    for (const word of quoteWords(reason)) {
      if (raised.has(word) || (isWording(reason) && raisedByQuote.has(word))) problems.push(`'${word}' both raises and lowers: ${reasons.map((r) => `${r.effect === 'raises' ? '+' : '−'} ${r.text}`).join(' | ')}`);
    }
  }
  // No reason twice.
  if (new Set(reasons.map((r) => r.text)).size !== reasons.length) problems.push('a reason twice');
  return problems.map((problem) => ({ sentence, problem }));
}

describe('check-worthiness reasons (properties)', () => {
  it(`covers the news development set and generated sentences (${SENTENCES.length})`, () => {
    expect(devSentences().length).toBeGreaterThan(300);
    expect(SENTENCES.length).toBeGreaterThan(3300);
  });

  const violations = SENTENCES.flatMap(check);
  const failures = (pattern: RegExp) => violations.filter((v) => pattern.test(v.problem)).slice(0, 15);

  it('(a) every fragment a reason quotes is in the sentence', () => {
    expect(failures(/^(quotes what is not there|name not quoted)/)).toEqual([]);
  });

  it('(b) "names a person, place or organisation" never quotes a lone common word, title or letter', () => {
    expect(failures(/^a (common word|single letter) as a name/)).toEqual([]);
  });

  it('(c) no word is quoted by one reason that raises the score and another that lowers it', () => {
    expect(failures(/both raises and lowers/)).toEqual([]);
  });

  it('(d) every reason is true of the sentence and moves the score the way its label says; none is shown twice', () => {
    expect(failures(/^(not true|raises although|lowers although|a reason twice)/)).toEqual([]);
  });

  it('names the whole title and name after a possessive, not the title word alone', () => {
    const reasons = scoreSentence("Russia's Foreign Minister Sergey Lavrov said the talks had failed.").reasons.map((r) => r.text);
    expect(reasons).toContain("names an official or institution: 'Foreign Minister Sergey Lavrov'");
    expect(reasons).toContain(`${ENTITY_REASON}'Russia's'`);
  });

  it('names a capitalised name that starts the sentence whole ("Harbour City", not "City")', () => {
    const reasons = scoreSentence('Harbour City have qualified for Europe in just two of the last seven seasons.').reasons.map((r) => r.text);
    expect(reasons).toContain(`${ENTITY_REASON}'Harbour City'`);
  });
});
