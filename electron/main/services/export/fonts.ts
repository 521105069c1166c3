/**
 * The fonts the PDF export embeds (see fonts.generated.ts, made by scripts/pdf-fonts.mjs):
 * DejaVu Sans, regular and bold, covering Latin, Greek and Cyrillic. PDF's built-in fonts
 * only know Windows-1252, so without an embedded font "Ελλάδα" or "Київ" could not be printed.
 * Characters outside the embedded faces (Chinese, Arabic, emoji…) are shown as "?", and the
 * PDF says so; the other formats keep them.
 */
import { inflateRawSync } from 'node:zlib';
import { COVERED_RANGES, DEJAVU_SANS, DEJAVU_SANS_BOLD } from './fonts.generated';

let faces: { regular: Buffer; bold: Buffer } | null = null;

export function pdfFonts(): { regular: Buffer; bold: Buffer } {
  faces ??= { regular: inflateRawSync(Buffer.from(DEJAVU_SANS, 'base64')), bold: inflateRawSync(Buffer.from(DEJAVU_SANS_BOLD, 'base64')) };
  return faces;
}

/** Whether both embedded faces have a glyph for this code point. */
export function covered(codePoint: number): boolean {
  let lo = 0;
  let hi = COVERED_RANGES.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [first, last] = COVERED_RANGES[mid]!;
    if (codePoint < first) hi = mid - 1;
    else if (codePoint > last) lo = mid + 1;
    else return true;
  }
  return false;
}

export const REPLACEMENT = '?';

/** Zero-width characters, variation selectors and the BOM: nothing to print, so dropped rather than shown as "?". */
const INVISIBLE = /^(?:[\u200B-\u200F\u2060\uFEFF]|[\uFE00-\uFE0F])$/;

/**
 * Text the embedded fonts can print: line breaks kept, tabs as spaces, other control
 * characters dropped, anything the fonts lack replaced with "?". `replaced` counts what was.
 */
export function printable(text: string, tally?: { replaced: number }): string {
  let out = '';
  for (const char of text.normalize('NFC')) {
    const cp = char.codePointAt(0)!;
    if (char === '\n') out += char;
    else if (char === '\t') out += ' ';
    else if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0) || INVISIBLE.test(char)) continue;
    else if (covered(cp)) out += char;
    else {
      out += REPLACEMENT;
      if (tally) tally.replaced++;
    }
  }
  return out;
}
