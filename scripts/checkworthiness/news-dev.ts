/**
 * The hand-labelled news development set (`data/news-dev`): reading and validating it.
 * `news-dev-stats.ts` prints its counts; the evaluations read it with `loadNewsDev`.
 *
 * Checked, with every problem listed and a non-zero exit if there is any:
 * - every line of `articles.jsonl` is a JSON object with exactly the fields `article`,
 *   `paragraph`, `sentence`, `checkworthy`, `kind`, `claimant`, `split`, each of the right type
 *   (`claimant` is null or `{ name, role }` with a non-empty name and a string or null role);
 * - an article's lines are consecutive, and the whole article is in one split;
 * - each article has `articles/<id>.txt` (title on the first line, then a blank line), and its
 *   sentences, in order, are exactly that text: each found verbatim where the previous one
 *   ended, with only whitespace and list markers between them and nothing left over, and the
 *   `paragraph` numbers counting the blank-line paragraphs from 0 (the title);
 * - the guideline that chrome, questions, opinion and speculation are never check-worthy;
 * - every `.txt` in `articles/` has lines in the JSONL.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const KINDS = [
  'figure',
  'reported_event',
  'official_position',
  'demand',
  'quoted_assertion',
  'attributed_claim',
  'repeated_behaviour',
  'comparison',
  'prediction',
  'opinion',
  'speculation',
  'question',
  'chrome',
  'background',
  'other',
] as const;
export type Kind = (typeof KINDS)[number];

export const SPLITS = ['tune', 'report', 'holdout'] as const;
export type Split = (typeof SPLITS)[number];

/** Kinds the guidelines never call check-worthy. */
const NEVER_WORTHY: ReadonlySet<Kind> = new Set<Kind>(['chrome', 'question', 'opinion', 'speculation']);

const FIELDS = ['article', 'paragraph', 'sentence', 'checkworthy', 'kind', 'claimant', 'split'];

export interface Row {
  article: string;
  paragraph: number;
  sentence: string;
  checkworthy: boolean;
  kind: Kind;
  claimant: { name: string; role: string | null } | null;
  split: Split;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The row on `line` (1-based), or null after adding the reasons it is not one to `problems`. */
function parseRow(text: string, line: number, problems: string[], invalidArticles: Set<string>): Row | null {
  const at = `articles.jsonl:${line}`;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    problems.push(`${at}: not valid JSON (${(error as Error).message})`);
    return null;
  }
  if (!isObject(value)) {
    problems.push(`${at}: expected a JSON object`);
    return null;
  }
  const before = problems.length;
  const bad = (what: string) => problems.push(`${at}: ${what}`);
  for (const field of FIELDS) if (!(field in value)) bad(`missing field "${field}"`);
  for (const field of Object.keys(value)) if (!FIELDS.includes(field)) bad(`unknown field "${field}"`);
  const { article, paragraph, sentence, checkworthy, kind, claimant, split } = value;
  if ('article' in value && (typeof article !== 'string' || !/^[A-Za-z0-9_-]+$/.test(article))) bad(`"article" must be an id of letters, digits, - or _ (got ${JSON.stringify(article)})`);
  if ('paragraph' in value && !(typeof paragraph === 'number' && Number.isInteger(paragraph) && paragraph >= 0)) bad(`"paragraph" must be an integer ≥ 0 (got ${JSON.stringify(paragraph)})`);
  if ('sentence' in value && (typeof sentence !== 'string' || sentence.trim() === '' || sentence !== sentence.trim())) bad(`"sentence" must be a non-empty trimmed string (got ${JSON.stringify(sentence)})`);
  if ('checkworthy' in value && typeof checkworthy !== 'boolean') bad(`"checkworthy" must be true or false (got ${JSON.stringify(checkworthy)})`);
  if ('kind' in value && !(KINDS as readonly unknown[]).includes(kind)) bad(`"kind" must be one of ${KINDS.join(', ')} (got ${JSON.stringify(kind)})`);
  if ('split' in value && !(SPLITS as readonly unknown[]).includes(split)) bad(`"split" must be one of ${SPLITS.map((x) => `"${x}"`).join(', ')} (got ${JSON.stringify(split)})`);
  if ('claimant' in value && claimant !== null) {
    if (!isObject(claimant)) bad(`"claimant" must be null or { "name", "role" } (got ${JSON.stringify(claimant)})`);
    else {
      const keys = Object.keys(claimant).sort().join(',');
      if (keys !== 'name,role') bad(`"claimant" must have exactly "name" and "role" (got ${keys || 'none'})`);
      if (typeof claimant.name !== 'string' || claimant.name.trim() === '') bad(`"claimant.name" must be a non-empty string (got ${JSON.stringify(claimant.name)})`);
      if (claimant.role !== null && (typeof claimant.role !== 'string' || claimant.role.trim() === '')) bad(`"claimant.role" must be null or a non-empty string (got ${JSON.stringify(claimant.role)})`);
    }
  }
  if (problems.length > before) {
    if (typeof article === 'string') invalidArticles.add(article);
    return null;
  }
  const row = value as unknown as Row;
  if (row.checkworthy && NEVER_WORTHY.has(row.kind)) bad(`a ${row.kind} is never check-worthy (guidelines): ${JSON.stringify(row.sentence)}`);
  return row;
}

/** Whether text[i] starts a list marker at a line start ("- ", "* ", "+ ", "• ", "1. ", "2) "); its length if so. */
const LIST_MARKER = /^(?:[-*+•‣◦▪–]|\d{1,3}[.)]|\(?[a-z0-9]{1,3}\))[ \t\u00a0]+/;
function listMarker(text: string, i: number): number {
  return LIST_MARKER.exec(text.slice(i, i + 8))?.[0].length ?? 0;
}

/** Checks that an article's rows are its text, sentence by sentence, with the right paragraphs. */
function checkArticle(id: string, text: string, rows: Row[], lines: number[], problems: string[]): void {
  const at = `articles/${id}.txt`;
  const firstBreak = text.indexOf('\n');
  if (firstBreak < 0 || !/^\r?\n/.test(text.slice(firstBreak + 1)) || text.slice(0, firstBreak).trim() === '') {
    problems.push(`${at}: expected the title on the first line, then a blank line`);
  }
  let pos = 0;
  let paragraph = 0;
  let lineStart = true;
  let seenText = false;
  for (const [k, row] of rows.entries()) {
    // The gap before the sentence: whitespace (a blank line starts a paragraph) and list markers.
    let newlines = 0;
    for (;;) {
      const c = text[pos];
      if (c === '\n') {
        newlines++;
        lineStart = true;
        pos++;
      } else if (c === ' ' || c === '\t' || c === '\r' || c === '\u00a0') pos++;
      else if (lineStart && listMarker(text, pos) > 0 && !text.startsWith(row.sentence, pos)) {
        pos += listMarker(text, pos);
        lineStart = false;
      } else break;
    }
    if (seenText && newlines >= 2) paragraph++;
    if (!text.startsWith(row.sentence, pos)) {
      const elsewhere = text.indexOf(row.sentence);
      const where = `sentence ${k + 1} of ${id} (articles.jsonl:${lines[k]})`;
      if (elsewhere < 0) problems.push(`${at}: ${where} is not in the text verbatim: ${JSON.stringify(row.sentence)}`);
      else problems.push(`${at}: ${where} is in the text but not where the previous sentence ended (expected it at ${JSON.stringify(text.slice(pos, pos + 60))}): ${JSON.stringify(row.sentence)}`);
      return; // the rest cannot be aligned
    }
    if (row.paragraph !== paragraph) problems.push(`${at}: sentence ${k + 1} of ${id} (articles.jsonl:${lines[k]}) is in paragraph ${paragraph} of the text (0 = title) but labelled ${row.paragraph}: ${JSON.stringify(row.sentence)}`);
    pos += row.sentence.length;
    lineStart = false;
    seenText = true;
  }
  const rest = text.slice(pos);
  if (rest.trim() !== '') problems.push(`${at}: text after the last labelled sentence: ${JSON.stringify(rest.trim().slice(0, 80))}`);
}

export function validate(dir: string): { rows: Row[]; problems: string[] } {
  const problems: string[] = [];
  const jsonl = join(dir, 'articles.jsonl');
  if (!existsSync(jsonl)) return { rows: [], problems: [`${jsonl}: not found`] };
  const rows: Row[] = [];
  /** The JSONL line of each row. */
  const lineOf = new Map<Row, number>();
  /** Articles with a line that is not a valid row: their text is not aligned (every later sentence would be reported). */
  const invalidArticles = new Set<string>();
  readFileSync(jsonl, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      if (line.trim() === '') return;
      const row = parseRow(line, i + 1, problems, invalidArticles);
      if (row) {
        rows.push(row);
        lineOf.set(row, i + 1);
      }
    });
  if (rows.length === 0) problems.push(`${jsonl}: no rows`);

  const order: string[] = [];
  const byArticle = new Map<string, Row[]>();
  for (const row of rows) {
    if (order[order.length - 1] !== row.article) {
      if (byArticle.has(row.article)) problems.push(`articles.jsonl: the lines of ${row.article} are not consecutive`);
      else order.push(row.article);
    }
    const list = byArticle.get(row.article) ?? [];
    list.push(row);
    byArticle.set(row.article, list);
  }
  for (const id of order) {
    const list = byArticle.get(id)!;
    const splits = new Set(list.map((r) => r.split));
    if (splits.size > 1) problems.push(`articles.jsonl: ${id} is in more than one split (${[...splits].join(', ')}); an article belongs wholly to one`);
    const file = join(dir, 'articles', `${id}.txt`);
    if (!existsSync(file)) problems.push(`articles/${id}.txt: not found`);
    else if (invalidArticles.has(id)) problems.push(`articles/${id}.txt: not aligned with its sentences until its invalid lines are fixed`);
    else checkArticle(id, readFileSync(file, 'utf8'), list, list.map((r) => lineOf.get(r)!), problems);
  }
  const folder = join(dir, 'articles');
  if (existsSync(folder)) {
    for (const file of readdirSync(folder)) {
      if (file.endsWith('.txt') && !byArticle.has(file.slice(0, -4))) problems.push(`articles/${file}: no lines in articles.jsonl`);
    }
  }
  return { rows, problems };
}

/** The set's rows in article order; throws, listing every problem, if it is not valid. */
export function loadNewsDev(dir = 'data/news-dev'): Row[] {
  const { rows, problems } = validate(dir);
  if (problems.length > 0) throw new Error(`${dir}: ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n  ${problems.join('\n  ')}`);
  return rows;
}

/** Map.groupBy, which Node 20 lacks: items by key, keys in first-seen order. */
export function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
