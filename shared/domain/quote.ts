import type { Quote } from './schemas';

/** How much text either side of a quote is kept so it can be found again after edits. */
export const QUOTE_CONTEXT = 32;

export class QuoteRangeError extends Error {}

/** Builds the anchor for text[start, end), refusing ranges that are empty or out of bounds. */
export function quoteAt(text: string, start: number, end: number): Quote {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || start >= end) {
    throw new QuoteRangeError(`the range ${start}–${end} is not inside the article text (0–${text.length})`);
  }
  const exact = text.slice(start, end);
  if (exact.trim() === '') throw new QuoteRangeError('the selected text is empty');
  return {
    exact,
    start,
    end,
    prefix: text.slice(Math.max(0, start - QUOTE_CONTEXT), start),
    suffix: text.slice(end, end + QUOTE_CONTEXT),
  };
}
