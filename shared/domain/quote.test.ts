import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { QUOTE_CONTEXT, quoteAt, QuoteRangeError } from './quote';
import { Quote } from './schemas';

describe('quoteAt', () => {
  it('keeps the exact text, its offsets and context either side', () => {
    const text = 'The mayor said bus ridership rose 12% last year. Critics disagree.';
    const start = text.indexOf('bus');
    const end = text.indexOf('.') + 1;
    const quote = quoteAt(text, start, end);
    expect(quote.exact).toBe('bus ridership rose 12% last year.');
    expect(quote.prefix).toBe('The mayor said ');
    expect(quote.suffix).toBe(' Critics disagree.');
  });

  it('refuses empty, blank and out-of-range selections', () => {
    expect(() => quoteAt('abc', 1, 1)).toThrow(QuoteRangeError);
    expect(() => quoteAt('abc', 2, 1)).toThrow(QuoteRangeError);
    expect(() => quoteAt('abc', 0, 4)).toThrow(QuoteRangeError);
    expect(() => quoteAt('a   b', 1, 4)).toThrow(/empty/);
  });

  it('always produces a valid anchor whose text is the slice', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 300 }), fc.nat(), fc.nat(), (text, a, b) => {
        const start = a % text.length;
        const end = start + 1 + (b % (text.length - start));
        if (text.slice(start, end).trim() === '') return;
        const quote = quoteAt(text, start, end);
        expect(quote.exact).toBe(text.slice(start, end));
        expect(quote.prefix.length).toBeLessThanOrEqual(QUOTE_CONTEXT);
        expect(text.slice(start - quote.prefix.length, start)).toBe(quote.prefix);
        expect(Quote.safeParse(quote).success).toBe(true);
      }),
    );
  });
});
