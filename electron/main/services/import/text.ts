/**
 * Plain text: decoding bytes (UTF-8 only, no binaries), tidying line endings and
 * paragraphs, guessing a headline from the first line. Shared by every import format.
 */
import { quoted } from '../../../../shared/domain/rules';
import { refuse, type DraftParts } from './draft';

/** Decodes UTF-8 text (a BOM is dropped), refusing binaries (NUL bytes) and invalid UTF-8. */
export function decodeUtf8(bytes: Uint8Array, name: string): string {
  // NUL bytes never occur in text but are everywhere in binaries (images, PDFs, Word files).
  if (bytes.includes(0)) refuse(`${quoted(name)} looks like a binary file, not text.`);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return refuse(`${quoted(name)} is not UTF-8 text: save it as UTF-8 and try again.`);
  }
}

/**
 * Line endings as \n, no BOM, no control characters but tabs and newlines, no trailing
 * spaces, paragraphs separated by exactly one blank line, nothing blank around.
 */
export function tidyText(text: string): string {
  return (
    text
      .replace(/^\uFEFF/, '')
      .replace(/\r\n?|[\u2028\u2029\u0085]/g, '\n')
      // eslint-disable-next-line no-control-regex -- removing control characters is the point
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, ' ')
      // Line by line (a /[ \t]+$/m regex takes quadratic time on long runs of spaces).
      .split('\n')
      .map((line) => line.trimEnd())
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .replace(/^\n+/, '')
      .replace(/\n+$/, '')
  );
}

/** Collapses whitespace to single spaces: one line. */
export const oneLine = (text: string): string => text.replace(/\s+/g, ' ').trim();

/**
 * Whether a line reads like a headline: short, a few words, not ending like a sentence
 * (a question or an exclamation may be a headline), not a list item.
 */
export function looksLikeHeadline(line: string): boolean {
  const text = line.trim();
  if (text.length < 3 || text.length > 150) return false;
  const words = text.split(/\s+/).length;
  if (words > 20) return false;
  if (/[.,;:…]["'”’)]*$/.test(text) && !/\b[A-Z][a-z]{0,3}\.$/.test(text)) return false;
  if (/^([-*•–]|\d+[.)])\s/.test(text)) return false;
  return /\p{L}/u.test(text);
}

/**
 * Takes the first paragraph as the title when it is a single line that reads like a
 * headline and more text follows; says so in the notes. Otherwise the text is kept whole
 * and the title is left empty (the caller falls back to the file name).
 */
export function titleFromFirstLine(text: string, notes: string[]): { title: string; text: string } {
  const match = /^([^\n]+)\n\n([\s\S]*\S[\s\S]*)$/.exec(text);
  if (match && looksLikeHeadline(match[1]!)) {
    notes.push('The title was taken from the first line; check it.');
    return { title: match[1]!.trim(), text: match[2]! };
  }
  return { title: '', text };
}

/** A .txt file: paragraphs as they are, a headline guessed from the first line. */
export function textToDraft(bytes: Uint8Array, name: string): DraftParts {
  return textParts(decodeUtf8(bytes, name));
}

/** Decoded plain text (a file, a text/plain web page) to draft parts. */
export function textParts(decoded: string): DraftParts {
  const notes: string[] = [];
  const { title, text } = titleFromFirstLine(tidyText(decoded), notes);
  return { title, text, url: null, outlet: '', author: '', publishedDate: null, notes };
}
