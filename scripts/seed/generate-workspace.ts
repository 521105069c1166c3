/**
 * A large, realistic, deterministic workspace for scale tests: news-like articles of 2–20 kB,
 * claims anchored to real sentences of their article (the most check-worthy first), spread
 * over statuses, priorities, assignees, tags and due dates, some with verdicts and sources
 * from a shared library, and some repeating an earlier claim in near-identical words
 * (`duplicateOf`). Everything comes from one seeded PRNG and timestamps derived from the
 * seed, so the same options always give the same workspace.
 */
import { generateArticle, seededRandom } from '../bench/generate-article';
import { extractClaims } from '../../shared/extract/extract';
import { quoteAt } from '../../shared/domain/quote';
import { DEFAULT_RATING_SCALE } from '../../shared/domain/rating';
import { sampleWorkspace } from '../../shared/domain/sample';
import {
  SCHEMA_VERSION, STANCES, type Article, type Claim, type ClaimStatus, type Priority, type Source,
  type Review, type SourceType, type Verdict, type Workspace,
} from '../../shared/domain/schemas';
import {
  ASSIGNEES, AUTHORS, CONCLUSIONS, HEADLINE_TEMPLATES, OUTLETS, PERSONS, PLACES, PUBLISHERS, RATIONALE_SENTENCES,
  REPEAT_INTROS, SOURCE_KINDS, TAGS,
} from './vocabulary';

export interface LargeWorkspaceOptions {
  articles: number;
  claims: number;
  seed?: number;
}

const MIN_ARTICLE_BYTES = 2_000;
const MAX_ARTICLE_BYTES = 20_000;
/** Share of claims that repeat an earlier claim (from an earlier article). */
const DUPLICATE_SHARE = 0.03;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

type Random = () => number;

export function generateLargeWorkspace({ articles: articleCount, claims: claimCount, seed = 1 }: LargeWorkspaceOptions): Workspace {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  // A fixed start, moved by the seed, so timestamps never depend on the clock.
  const base = Date.UTC(2024, 0, 1) + (seed % 365) * DAY;
  const { settings } = sampleWorkspace(new Date(base).toISOString(), () => 'sample');
  const sources = makeSources(Math.max(5, Math.round(claimCount / 8)), base, random, pick);

  const texts = Array.from({ length: articleCount }, (_, i) =>
    generateArticle(MIN_ARTICLE_BYTES + Math.floor(random() * (MAX_ARTICLE_BYTES - MIN_ARTICLE_BYTES)), seed * 100_003 + i),
  );
  const sentences = texts.map(claimableSentences);
  const quotas = allocate(claimCount, sentences.map((s) => s.length));

  const articles: Article[] = [];
  const claims: Claim[] = [];
  /** Earlier claims whose wording can be repeated: plain sentences only. */
  const repeatable: Claim[] = [];
  for (let i = 0; i < articleCount; i++) {
    const importedAt = base + i * 6 * HOUR + Math.floor(random() * 5 * HOUR);
    let text = texts[i]!;
    const picked = pickSentences(sentences[i]!, quotas[i]!);
    const articleClaims: Claim[] = [];
    const add = (start: number, end: number, score: number | null, duplicateOf: Claim | null) => {
      const createdAt = importedAt + (articleClaims.length + 1) * 3 * 60_000;
      const claim = makeClaim({ id: id('c', claims.length + articleClaims.length), articleId: id('a', i), text, start, end, score, createdAt, duplicateOf, sources, random, pick });
      articleClaims.push(claim);
      return claim;
    };
    const repeats: Claim[] = [];
    for (const sentence of picked) {
      if (repeatable.length > 0 && random() < DUPLICATE_SHARE) repeats.push(pick(repeatable));
      else {
        const claim = add(sentence.start, sentence.end, sentence.score, null);
        if (sentence.kind === 'sentence') repeatable.push(claim);
      }
    }
    // The article repeats earlier claims in a closing paragraph, so their quotes are real sentences of it.
    for (const original of repeats) {
      const wording = reword(original.text, random);
      text = `${text}\n\n${wording}`;
      add(text.length - wording.length, text.length, original.score, original);
    }
    // Picked sentences are in article order and repeats come last, at the end of the text: ids follow positions.
    claims.push(...articleClaims);
    articles.push(makeArticle(i, text, importedAt, random, pick));
  }

  return {
    schemaVersion: SCHEMA_VERSION,
    settings: { ...settings, organizationName: 'Fact-check Desk (large sample)', assignees: [...ASSIGNEES] },
    articles,
    claims,
    sources,
    audit: [],
  };
}

interface Candidate {
  start: number;
  end: number;
  score: number;
  kind: string;
}

/** Sentences worth a claim: not clutter, not tiny. */
function claimableSentences(text: string): Candidate[] {
  return extractClaims(text)
    .filter((s) => s.kind !== 'clutter' && s.text.length >= 20 && s.text.length <= 2_000)
    .map(({ start, end, score, kind }) => ({ start, end, score, kind }));
}

/** Splits `total` over the articles in proportion to their claimable sentences (largest remainders). */
function allocate(total: number, capacities: readonly number[]): number[] {
  const sum = capacities.reduce((a, b) => a + b, 0);
  if (sum === 0) return capacities.map(() => 0);
  const exact = capacities.map((c) => (total * c) / sum);
  const quotas = exact.map(Math.floor);
  let left = total - quotas.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => ({ i, rest: x - Math.floor(x) })).sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) quotas[order[k]!.i]!++;
  return quotas;
}

/**
 * The `count` most check-worthy sentences, in article order. Asking for more claims than an
 * article has sentences reuses the best ones (two claims on one sentence), which editors do too.
 */
function pickSentences(sentences: readonly Candidate[], count: number): Candidate[] {
  if (sentences.length === 0) return [];
  const ranked = [...sentences].sort((a, b) => b.score - a.score || a.start - b.start);
  const picked = Array.from({ length: count }, (_, k) => ranked[k % ranked.length]!);
  return picked.sort((a, b) => a.start - b.start);
}

/** A near-identical rewording, as another outlet repeats a claim: an intro, "says", "percent". */
function reword(text: string, random: Random): string {
  const intro = REPEAT_INTROS[Math.floor(random() * REPEAT_INTROS.length)]!;
  const body = text.replace(/^The /, intro ? 'the ' : 'The ').replace(' said ', ' says ').replace(/(\d)%/, '$1 percent');
  return `${intro}${body}`;
}

interface ClaimInput {
  id: string;
  articleId: string;
  text: string;
  start: number;
  end: number;
  score: number | null;
  createdAt: number;
  duplicateOf: Claim | null;
  sources: readonly Source[];
  random: Random;
  pick: <T>(items: readonly T[]) => T;
}

const STATUS_WEIGHTS: readonly [ClaimStatus, number][] = [['new', 30], ['researching', 25], ['in_review', 15], ['ready', 10], ['published', 12], ['dropped', 8]];
const PRIORITY_WEIGHTS: readonly [Priority, number][] = [['low', 20], ['normal', 50], ['high', 22], ['urgent', 8]];

function makeClaim(input: ClaimInput): Claim {
  const { random, pick, createdAt } = input;
  const quote = quoteAt(input.text, input.start, input.end);
  const status = weighted(STATUS_WEIGHTS, random);
  const decided = status === 'ready' || status === 'published' || (status === 'in_review' && random() < 0.5);
  const updatedAt = createdAt + Math.floor(random() * 5 * DAY);
  const verdict = decided ? (input.duplicateOf?.verdict ?? makeVerdict(createdAt, updatedAt, random, pick)) : null;
  const tagCount = Math.floor(random() * 4);
  // Drawn in the order the fields were always drawn in, so a seed gives the workspace it always gave.
  const priority = weighted(PRIORITY_WEIGHTS, random);
  const assignee = random() < 0.15 ? null : pick(ASSIGNEES);
  return {
    id: input.id,
    articleId: input.articleId,
    text: quote.exact.trim(),
    quote,
    status,
    priority,
    claimant: null,
    claimDate: null,
    // A rated claim has its fact-check's address, as a desk that publishes ClaimReview sets it (no random draw: seeds keep their workspaces).
    publishedUrl: verdict ? `https://desk.example.org/fact-checks/${input.id}` : null,
    suggestedClaimant: null,
    assignee,
    tags: [...new Set(Array.from({ length: tagCount }, () => pick(TAGS)))],
    dueDate: random() < 0.6 ? isoDate(createdAt + Math.floor((random() * 60 - 20) * DAY)) : null,
    anchor: 'attached',
    duplicateOf: input.duplicateOf?.id ?? null,
    review: reviewOf(status, assignee, iso(updatedAt)),
    corrections: [],
    score: input.score === null ? null : Math.round(input.score * 1000) / 1000,
    verdict,
    sources: pickSourceLinks(input.sources, status === 'new' ? 0 : Math.floor(random() * 5), random, pick),
    createdAt: iso(createdAt),
    updatedAt: iso(updatedAt),
  };
}

/** Claims in review or published went through review: someone asked another editor (no draw, so the rest stays as it was). */
function reviewOf(status: ClaimStatus, assignee: string | null, at: string): Review | null {
  if (status !== 'in_review' && status !== 'published') return null;
  const requestedBy = assignee ?? ASSIGNEES[0];
  const reviewer = ASSIGNEES[(ASSIGNEES.indexOf(requestedBy as (typeof ASSIGNEES)[number]) + 1) % ASSIGNEES.length]!;
  return status === 'in_review'
    ? { state: 'requested', requestedBy, requestedAt: at, reviewer, decidedAt: null, comment: '' }
    : { state: 'approved', requestedBy, requestedAt: at, reviewer, decidedAt: at, comment: '' };
}

const SOURCE_TYPES_BY_KIND: Record<string, SourceType> = {
  'Press release': 'primary',
  'Meeting minutes': 'primary',
  'Interview transcript': 'expert',
  'Audit findings': 'official_data',
};

function makeVerdict(createdAt: number, updatedAt: number, random: Random, pick: <T>(items: readonly T[]) => T): Verdict {
  const rating = pick(DEFAULT_RATING_SCALE);
  const sentences = Array.from({ length: 2 + Math.floor(random() * 3) }, () => pick(RATIONALE_SENTENCES));
  return {
    ratingId: rating.id,
    conclusion: pick(CONCLUSIONS[rating.id] ?? ['Checked against the published data.']),
    rationale: sentences.join(' '),
    decidedAt: iso(createdAt + Math.floor(random() * (updatedAt - createdAt + 1))),
  };
}

/** Sources are shared: a few are cited by many claims (squared draw), most by a few. */
function pickSourceLinks(sources: readonly Source[], count: number, random: Random, pick: <T>(items: readonly T[]) => T): Claim['sources'] {
  const ids = new Set<string>();
  for (let k = 0; k < count; k++) ids.add(sources[Math.floor(random() ** 2 * sources.length)]!.id);
  return [...ids].map((sourceId) => ({ sourceId, stance: pick(STANCES) }));
}

function makeSources(count: number, base: number, random: Random, pick: <T>(items: readonly T[]) => T): Source[] {
  return Array.from({ length: count }, (_, i) => {
    const kind = pick(SOURCE_KINDS);
    const publisher = pick(PUBLISHERS);
    const year = 2015 + Math.floor(random() * 10);
    const url = `https://data.example.org/${publisher.toLowerCase().replaceAll(/[^a-z]+/g, '-')}/${year}/${i}`;
    const title = `${kind} ${year}: ${pick(PLACES)}`;
    const publishedDate = random() < 0.8 ? `${year}-${pad(1 + Math.floor(random() * 12))}-${pad(1 + Math.floor(random() * 28))}` : null;
    const excerpt = random() < 0.7 ? pick(RATIONALE_SENTENCES) : '';
    const accessedAt = iso(base - Math.floor(random() * 90 * DAY));
    return {
      id: id('s', i),
      url,
      title,
      publisher,
      author: '',
      publishedDate,
      excerpt,
      type: SOURCE_TYPES_BY_KIND[kind] ?? 'official_data',
      notes: '',
      accessedAt,
      archive: { state: 'none' },
      copies: [],
    };
  });
}

function makeArticle(i: number, text: string, importedAt: number, random: Random, pick: <T>(items: readonly T[]) => T): Article {
  const title = pick(HEADLINE_TEMPLATES)
    .replace('{place}', pick(PLACES))
    .replace('{person}', pick(PERSONS))
    .replace('{money}', `$${1 + Math.floor(random() * 900)} million`);
  const outlet = pick(OUTLETS);
  return {
    id: id('a', i),
    title,
    text,
    url: random() < 0.85 ? `https://news.example.com/${outlet.toLowerCase().replaceAll(/[^a-z]+/g, '-')}/${i}` : null,
    outlet,
    author: pick(AUTHORS),
    publishedDate: isoDate(importedAt - Math.floor(random() * 3) * DAY),
    importedAt: iso(importedAt),
    updatedAt: iso(importedAt + Math.floor(random() * 2 * DAY)),
    dismissed: [],
  };
}

function weighted<T>(choices: readonly [T, number][], random: Random): T {
  const total = choices.reduce((sum, [, w]) => sum + w, 0);
  let roll = random() * total;
  for (const [value, w] of choices) if ((roll -= w) < 0) return value;
  return choices[choices.length - 1]![0];
}

/** Ids in the store's format (6–64 of [A-Za-z0-9_-]), by position: a000001, c000001, s000001. */
function id(prefix: string, n: number): string {
  return `${prefix}${String(n + 1).padStart(6, '0')}`;
}

const iso = (ms: number) => new Date(ms).toISOString();
const isoDate = (ms: number) => iso(ms).slice(0, 10);
const pad = (n: number) => String(n).padStart(2, '0');
