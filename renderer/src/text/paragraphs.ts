/**
 * The article text as paragraphs with their offsets, for rendering one element per
 * paragraph. Paragraphs break at blank lines, like the sentence splitter; each keeps its
 * exact characters (single line breaks included) so DOM text maps back to offsets 1:1.
 */
export interface Paragraph {
  start: number;
  end: number;
  text: string;
}

export function splitParagraphs(text: string): Paragraph[] {
  const result: Paragraph[] = [];
  const push = (from: number, to: number) => {
    let start = from;
    let end = to;
    while (start < end && /\s/.test(text[start] ?? '')) start++;
    while (end > start && /\s/.test(text[end - 1] ?? '')) end--;
    if (end > start) result.push({ start, end, text: text.slice(start, end) });
  };
  let from = 0;
  for (const match of text.matchAll(/\n[ \t]*\n\s*/g)) {
    push(from, match.index);
    from = match.index + match[0].length;
  }
  push(from, text.length);
  return result;
}
