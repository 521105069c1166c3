/**
 * The segmenters ours is compared with, adapted to the evaluation's shape (segment ends as
 * offsets into the original text).
 */
import nlp from 'compromise';

const TRAILING_SPACE = /\s+$/u;

/** `Intl.Segmenter('en', { granularity: 'sentence' })`: each segment trimmed, its end kept. */
export function intlSegments(text: string): { end: number }[] {
  const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
  const out: { end: number }[] = [];
  // for…of, never spread: spreading the iterator over a large text runs out of memory.
  for (const { segment, index } of segmenter.segment(text)) {
    const trimmed = segment.replace(TRAILING_SPACE, '');
    if (trimmed.trim().length > 0) out.push({ end: index + trimmed.length });
  }
  return out;
}

/**
 * compromise's sentences, mapped back to the original text by searching forward: each
 * sentence's text is looked up from the end of the previous one (`indexOf`). compromise may
 * normalise whitespace inside a sentence, so when the exact text is not found, its
 * non-whitespace characters are matched one by one from the same point, skipping whitespace
 * on both sides; a sentence that cannot be found at all is skipped (it yields no boundary).
 */
export function compromiseSegments(text: string): { end: number }[] {
  const out: { end: number }[] = [];
  let cursor = 0;
  for (const sentence of nlp(text).sentences().out('array') as string[]) {
    const wanted = sentence.trim();
    if (wanted.length === 0) continue;
    const at = text.indexOf(wanted, cursor);
    const end = at >= 0 ? at + wanted.length : matchIgnoringSpace(text, wanted, cursor);
    if (end < 0) continue;
    out.push({ end });
    cursor = end;
  }
  return out;
}

/** End of `wanted` in `text` from `from`, comparing non-whitespace characters only; -1 if absent. */
function matchIgnoringSpace(text: string, wanted: string, from: number): number {
  const chars = wanted.replace(/\s+/gu, '');
  for (let start = text.indexOf(chars[0] ?? '', from); start >= 0; start = text.indexOf(chars[0] ?? '', start + 1)) {
    let i = start;
    let j = 0;
    while (i < text.length && j < chars.length) {
      if (/\s/u.test(text[i]!)) i++;
      else if (text[i] === chars[j]) {
        i++;
        j++;
      } else break;
    }
    if (j === chars.length) return i;
  }
  return -1;
}
