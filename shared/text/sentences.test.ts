import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { splitSentences } from './sentences';
import { SAMPLE_ARTICLE } from '../domain/sample';

const texts = (input: string) => splitSentences(input).map((s) => s.text);

describe('splitSentences', () => {
  it('splits the sample article into its sentences', () => {
    const sentences = texts(SAMPLE_ARTICLE.text);
    expect(sentences).toContain('The project will cost $48 million, according to the council\'s own budget papers.');
    expect(sentences).toContain('Is the plan worth it?');
    expect(sentences).toHaveLength(8);
  });

  it('does not split after common abbreviations, initials or inside decimals', () => {
    expect(texts('Dr. Lee met Mr. J. Smith in the U.S. capital. Growth was 3.5% in Jan. 2025.')).toEqual([
      'Dr. Lee met Mr. J. Smith in the U.S. capital.',
      'Growth was 3.5% in Jan. 2025.',
    ]);
  });

  it('keeps closing quotes with their sentence and splits paragraphs', () => {
    expect(texts('"We will win." She left.\n\nNew paragraph here')).toEqual(['"We will win."', 'She left.', 'New paragraph here']);
  });

  it('gives offsets whose slice is the sentence, in order, for any text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (text) => {
        let last = 0;
        for (const s of splitSentences(text)) {
          expect(text.slice(s.start, s.end)).toBe(s.text);
          expect(s.text).toBe(s.text.trim());
          expect(s.start).toBeGreaterThanOrEqual(last);
          last = s.end;
        }
      }),
    );
  });
});
