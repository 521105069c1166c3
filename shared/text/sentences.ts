/**
 * A deliberately simple sentence splitter: paragraphs at blank lines, sentences at
 * . ! ? (with closing quotes or brackets) followed by a capital letter, a digit or an
 * opening quote, except after a few common abbreviations. The claim-extraction issue
 * replaces it with a thorough segmenter; callers rely only on the `Segment` contract:
 * `text === article.slice(start, end)`, trimmed, in order, non-overlapping.
 */
export interface Segment {
  text: string;
  start: number;
  end: number;
}

const ABBREVIATIONS = new Set(
  'mr mrs ms dr prof st mt jr sr gen gov sen rep rev inc ltd co corp vs etc no jan feb mar apr jun jul aug sep sept oct nov dec e.g i.e u.s u.k a.m p.m'.split(' '),
);

const BOUNDARY = /[.!?]+["'”’)\]]*(?=\s+["'“‘([]?[\p{Lu}\p{N}])/gu;

export function splitSentences(text: string): Segment[] {
  const segments: Segment[] = [];
  for (const paragraph of paragraphs(text)) {
    let from = paragraph.start;
    const body = text.slice(paragraph.start, paragraph.end);
    for (const match of body.matchAll(BOUNDARY)) {
      const cut = paragraph.start + match.index + match[0].length;
      if (endsWithAbbreviation(text.slice(from, paragraph.start + match.index + 1))) continue;
      pushTrimmed(text, from, cut, segments);
      from = cut;
    }
    pushTrimmed(text, from, paragraph.end, segments);
  }
  return segments;
}

function paragraphs(text: string): { start: number; end: number }[] {
  const result: { start: number; end: number }[] = [];
  const separator = /\n[ \t]*\n\s*/g;
  let start = 0;
  for (const match of text.matchAll(separator)) {
    result.push({ start, end: match.index });
    start = match.index + match[0].length;
  }
  result.push({ start, end: text.length });
  return result;
}

function endsWithAbbreviation(sentence: string): boolean {
  const lastWord = /([\p{L}.]+)\.$/u.exec(sentence)?.[1];
  if (!lastWord) return false;
  const word = lastWord.toLowerCase();
  // A single capital letter is an initial ("J. Smith").
  return ABBREVIATIONS.has(word) || ABBREVIATIONS.has(word.replace(/\.$/, '')) || /^\p{Lu}$/u.test(lastWord);
}

function pushTrimmed(text: string, from: number, to: number, out: Segment[]): void {
  let start = from;
  let end = to;
  while (start < end && /\s/.test(text[start] ?? '')) start++;
  while (end > start && /\s/.test(text[end - 1] ?? '')) end--;
  if (end > start) out.push({ text: text.slice(start, end), start, end });
}
