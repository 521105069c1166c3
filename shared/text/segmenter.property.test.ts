/**
 * Properties of the segmentation for any text, checked over random input built from the
 * pieces news text is made of (and random Unicode, lone surrogates included).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { segmentText } from './segmenter';

const PIECES = [
  '.', '..', '...', '…', '?', '!', '?!', ';', ':', ',', '"', '“', '”', "'", '‘', '’', '(', ')', '[', ']', '«', '»',
  ' ', '  ', '\t', '\u00a0', '\u3000', '\n', '\n\n', '\r\n', '\r\n\r\n', '\r', '\u2028', '\u2029', '\n  \n',
  'The', 'he', 'said', 'U.S.', 'Dr.', 'Mr.', 'a.m.', 'p.m.', 'Jan.', 'No.', 'Inc.', 'J.', 'e.g.', 'etc.', 'St.',
  '3.5', '$1.2bn', '1,000.50', '10', '2024', '- ', '* ', '• ', '1. ', '2) ', '(a) ', '## ', '#',
  'https://example.org/a.b?c=d', 'press@example.org', '—', '–', '-',
  '。', '！', '？', '」', '।', '؟', '۔', 'Ω', 'ж', 'ع', '中文', '🎉', '👨‍👩‍👧', '🇺🇸', '𝑥', '\uFEFF', '\u200d',
  'By Jane Doe', 'Advertisement', 'Share', 'Comments (12)', 'We use cookies to improve your experience.', 'Updated 3 hours ago',
  'Photo: Desk', 'Read more', 'Follow us on X',
];

const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));
const piece = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...PIECES) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 6 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }) },
  { weight: 1, arbitrary: loneSurrogate },
);
const article = fc.array(piece, { maxLength: 80 }).map((parts) => parts.join(''));

function isLineBreak(c: string): boolean {
  return c === '\n' || c === '\r' || c === '\u2028' || c === '\u2029';
}

function checkSegmentation(text: string): void {
  const { paragraphs, sentences } = segmentText(text);
  let lastParagraphEnd = 0;
  for (const p of paragraphs) {
    expect(p.start).toBeGreaterThanOrEqual(lastParagraphEnd);
    expect(p.end).toBeGreaterThan(p.start);
    const body = text.slice(p.start, p.end);
    expect(body).toBe(body.trim());
    lastParagraphEnd = p.end;
  }
  let lastEnd = 0;
  let lastParagraph = 0;
  const covered = new Uint8Array(text.length);
  for (const s of sentences) {
    expect(text.slice(s.start, s.end)).toBe(s.text);
    expect(s.text.length).toBeGreaterThan(0);
    expect(s.text).toBe(s.text.trim());
    expect(s.start).toBeGreaterThanOrEqual(lastEnd);
    expect(s.paragraph).toBeGreaterThanOrEqual(lastParagraph);
    const p = paragraphs[s.paragraph]!;
    expect(s.start).toBeGreaterThanOrEqual(p.start);
    expect(s.end).toBeLessThanOrEqual(p.end);
    covered.fill(1, s.start, s.end);
    lastEnd = s.end;
    lastParagraph = s.paragraph;
  }
  // Nothing is lost: every non-blank character is in a segment, except a bullet's or heading's
  // marker, which precedes a list item or heading on its own line.
  for (let i = 0; i < text.length; i++) {
    if (covered[i] || text[i]!.trim() === '') continue;
    const owner = sentences.find((s) => s.start > i);
    expect(owner?.kind === 'list-item' || owner?.kind === 'heading', `character ${i} of ${JSON.stringify(text)} is in no segment`).toBe(true);
    expect([...text.slice(i, owner!.start)].some(isLineBreak)).toBe(false);
  }
}

describe('segmentText for any text', () => {
  it('gives trimmed, ordered, non-overlapping segments whose offsets slice out their text, losing nothing', () => {
    fc.assert(fc.property(article, (text) => checkSegmentation(text)), { numRuns: 1500 });
  });

  it('does the same for arbitrary strings', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => checkSegmentation(text)), { numRuns: 500 });
  });

  it('stays linear on pathological input (no quadratic rescans)', () => {
    const inputs = [
      '.'.repeat(200_000),
      'a\n'.repeat(100_000),
      'U.S. '.repeat(40_000),
      'word '.repeat(40_000),
      '- x\n'.repeat(50_000),
      ' '.repeat(200_000) + 'Done.',
      'A'.repeat(200_000),
      ('x'.repeat(300) + '\n').repeat(600),
      '"?" '.repeat(50_000),
      // Lines shaped to make clutter patterns backtrack: dates, bylines, labels, credits.
      ('Updated ' + '11.11.'.repeat(18) + 'x\n').repeat(2000),
      ('1.'.repeat(29) + 'x\n').repeat(2000),
      ('By ' + 'Ann Bo '.repeat(20) + 'x\n').repeat(2000),
      ('Share ' + '1,2.'.repeat(15) + 'x\n').repeat(2000),
      ('Photo: ' + 'a/'.repeat(100) + '\n').repeat(2000),
      ('x / '.repeat(30) + 'Getty Imagesx\n').repeat(2000),
    ];
    const started = performance.now();
    for (const text of inputs) checkLinear(text);
    // Generous: a quadratic pass over these inputs would take minutes, a linear one milliseconds.
    expect(performance.now() - started).toBeLessThan(10_000);
  });
});

function checkLinear(text: string): void {
  const { sentences } = segmentText(text);
  for (const s of sentences) if (text.slice(s.start, s.end) !== s.text) throw new Error('bad offsets');
}
