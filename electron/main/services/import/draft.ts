/**
 * What every importer produces, and how it becomes an ImportedDraft that createArticle
 * accepts as it is: a title on one line within the limits, a calendar date, a web address,
 * and some text (or a refusal saying there is none).
 */
import type { ImportedDraft } from '../../../../shared/api/contract';
import { ApiError } from '../../../../shared/api/result';
import { ArticleFields } from '../../../../shared/domain/schemas';
import { oneLine } from './text';

export type DraftParts = ImportedDraft;

/** Refuses an import with a message shown to the editor as it is. */
export function refuse(message: string): never {
  throw new ApiError('invalid_input', message);
}

const TITLE_MAX = 300;
const LINE_MAX = 200;
export const ARTICLE_TEXT_MAX = 5_000_000;

export interface FinishOptions {
  /** Where the draft came from, for messages: “report.txt”, or the page https://… */
  source: string;
  /** The title when none was found (a file name, a web address), with the note saying so. */
  fallbackTitle: string;
  fallbackNote: string;
}

/**
 * Tidies the parts into a draft: refuses one without text or with too much, fits the
 * title, outlet and author into one line each (shortened with a note when too long),
 * keeps only a date (YYYY-MM-DD) and a web address.
 */
export function finishDraft(parts: DraftParts, options: FinishOptions): ImportedDraft {
  const notes = [...parts.notes];
  const text = parts.text;
  if (text.trim() === '') refuse(`No article text was found in ${options.source}.`);
  if (text.length > ARTICLE_TEXT_MAX) {
    refuse(`${capitalize(options.source)} is too long: its text has ${text.length.toLocaleString('en')} characters (${ARTICLE_TEXT_MAX.toLocaleString('en')} at most).`);
  }
  let title = oneLine(parts.title ?? '');
  if (title === '') {
    title = oneLine(options.fallbackTitle ?? '') || 'Untitled article';
    notes.push(options.fallbackNote);
  }
  if (title.length > TITLE_MAX) {
    title = shorten(title, TITLE_MAX);
    notes.push(`The title was shortened to ${TITLE_MAX} characters.`);
  }
  return {
    title,
    text,
    url: webAddress(parts.url),
    outlet: shorten(oneLine(parts.outlet ?? ''), LINE_MAX),
    author: shorten(cleanByline(parts.author), LINE_MAX),
    publishedDate: calendarDate(parts.publishedDate),
    notes,
  };
}

function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** "By Jane Doe and Tom Bell" → "Jane Doe and Tom Bell"; a bare web address is no author. */
export function cleanByline(byline: string | null | undefined): string {
  const text = oneLine(byline ?? '')
    .replace(/^(by|von|par|por|di|door|av|af)\s*[:\-–—]?\s+/i, '')
    .replace(/\s*[|•·]\s*$/, '');
  if (/^https?:\/\//i.test(text)) return '';
  return text;
}

/**
 * The date part of a published time: "2024-03-05T23:30:00-05:00" → "2024-03-05" (the day
 * where it was published); other formats Date can read → their UTC day; else null.
 */
export function calendarDate(value: string | null | undefined): string | null {
  const text = oneLine(value ?? '');
  if (!text) return null;
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T\s])/.exec(text);
  const candidate = iso ? `${iso[1]}-${iso[2]}-${iso[3]}` : dateOf(text);
  return candidate !== null && ArticleFields.shape.publishedDate.safeParse(candidate).success ? candidate : null;
}

function dateOf(text: string): string | null {
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) return null;
  const year = new Date(ms).getUTCFullYear();
  return year >= 1800 && year <= 2200 ? new Date(ms).toISOString().slice(0, 10) : null;
}

function webAddress(url: string | null): string | null {
  if (!url) return null;
  return ArticleFields.shape.url.safeParse(url).success ? url : null;
}
