import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collapseWhitespace, createAnchorer, MAX_CANDIDATES, reanchor } from './reanchor';
import { isSpace } from '../text/chars';
import { QUOTE_CONTEXT, quoteAt } from '../domain/quote';

const OLD = 'The council met on Tuesday. Spending rose 4% this year, the mayor said. Nothing else happened.';
const EXACT = 'Spending rose 4% this year';
const quote = () => quoteAt(OLD, OLD.indexOf(EXACT), OLD.indexOf(EXACT) + EXACT.length);

function slice(text: string, range: { start: number; end: number } | null): string | null {
  return range && text.slice(range.start, range.end);
}

describe('reanchor', () => {
  it('finds a quote where it was in unchanged text', () => {
    expect(reanchor(quote(), OLD)).toEqual({ start: quote().start, end: quote().end });
  });

  it('follows a quote that moved because text was inserted before it', () => {
    const text = `Breaking: a long new introduction.\n\n${OLD}`;
    const found = reanchor(quote(), text);
    expect(found?.start).toBe(quote().start + 36);
    expect(slice(text, found)).toBe(EXACT);
  });

  it('picks, among several occurrences, the one whose context matches', () => {
    // The quote's own sentence is now second, and an unrelated repeat sits nearer the old position.
    const text = `Spending rose 4% this year in Elmwood. ${'Filler. '.repeat(3)}${OLD}`;
    const found = reanchor(quote(), text);
    expect(found?.start).toBe(text.indexOf(OLD) + quote().start);
    // Without context, the nearest occurrence to the old position wins.
    const bare = { ...quote(), prefix: '', suffix: '' };
    const twice = `${EXACT} and ${EXACT}`;
    expect(reanchor({ ...bare, start: 0 }, twice)?.start).toBe(0);
    expect(reanchor({ ...bare, start: 30 }, twice)?.start).toBe(EXACT.length + 5);
  });

  it('breaks a tie between equally matching occurrences by distance to the old position', () => {
    const text = `x ${EXACT} y ${EXACT} y ${EXACT} y`;
    const q = { exact: EXACT, prefix: 'x ', suffix: ' y', start: 0 };
    // The first occurrence has the full context; the later ones only the suffix.
    expect(reanchor(q, text)?.start).toBe(2);
    const q2 = { exact: EXACT, prefix: '', suffix: ' y', start: text.lastIndexOf(EXACT) - 1 };
    expect(reanchor(q2, text)?.start).toBe(text.lastIndexOf(EXACT));
  });

  it('accepts a whitespace reflow inside the quote, and maps the offsets back', () => {
    const text = OLD.replace('rose 4% this', 'rose\n   4%  this');
    const found = reanchor(quote(), text);
    expect(slice(text, found)).toBe('Spending rose\n   4%  this year');
    expect(found?.start).toBe(text.indexOf('Spending'));
  });

  it('orphans a quote that was deleted or edited', () => {
    expect(reanchor(quote(), OLD.replace(EXACT, ''))).toBeNull();
    expect(reanchor(quote(), OLD.replace('4%', '5%'))).toBeNull();
    expect(reanchor(quote(), '')).toBeNull();
  });

  it('finds many quotes in one text with one anchorer, and stops at the candidate cap', () => {
    const anchorer = createAnchorer(OLD);
    expect(anchorer.find(quote())).toEqual({ start: quote().start, end: quote().end });
    expect(anchorer.find(quoteAt(OLD, 0, 3))).toEqual({ start: 0, end: 3 });
    const many = 'ab '.repeat(MAX_CANDIDATES * 3);
    const found = reanchor({ exact: 'ab', prefix: '', suffix: '', start: many.length - 3 }, many);
    expect(found).toEqual({ start: many.length - 3, end: many.length - 1 });
  });

  it('treats whitespace exactly like \\s', () => {
    for (let code = 0; code < 0x10000; code++) {
      expect(isSpace(code), code.toString(16)).toBe(/\s/.test(String.fromCharCode(code)));
    }
    expect(collapseWhitespace('a \n\t b\u00a0\u00a0c')).toBe('a b c');
  });

  it('property: a quote put between any two texts is found exactly', () => {
    fc.assert(
      fc.property(fc.string(), fc.string({ minLength: 1 }), fc.string(), fc.string(), fc.string(), (before, exact, after, a, b) => {
        fc.pre(exact.trim() !== '');
        const old = before + exact + after;
        const q = quoteAt(old, before.length, before.length + exact.length);
        const text = a + exact + b;
        expect(slice(text, reanchor(q, text))).toBe(exact);
      }),
    );
  });

  it('property: with its old context around it, a quote is found at its own place', () => {
    fc.assert(
      fc.property(
        // Context shorter than QUOTE_CONTEXT, so the prefix and suffix hold all of it: only
        // the quote's own place has its whole context (repetitive text is the point here).
        fc.string({ unit: fc.constantFrom('a', 'b', ' ', '.'), maxLength: QUOTE_CONTEXT - 1 }),
        fc.string({ unit: fc.constantFrom('a', 'b', ' ', '.'), minLength: 1 }),
        fc.string({ unit: fc.constantFrom('a', 'b', ' ', '.'), maxLength: QUOTE_CONTEXT - 1 }),
        fc.string({ unit: fc.constantFrom('x', 'y', ' ') }),
        (before, exact, after, inserted) => {
          fc.pre(exact.trim() !== '');
          const old = `${before}${exact}${after}`;
          const q = quoteAt(old, before.length, before.length + exact.length);
          // Text inserted before the quote's context: found at the shifted place.
          const text = `${inserted}${'#'.repeat(40)}${old}`;
          const found = reanchor(q, text);
          expect(slice(text, found)).toBe(exact);
          expect(found!.start - (inserted.length + 40)).toBe(before.length);
        },
      ),
    );
  });

  it('property: whitespace-only edits inside the quote keep it attached', () => {
    fc.assert(
      fc.property(
        fc.array(fc.stringMatching(/^[a-z0-9%.,]{1,6}$/), { minLength: 1, maxLength: 8 }),
        fc.array(fc.constantFrom(' ', '  ', '\n', ' \n  ', '\t'), { minLength: 8, maxLength: 8 }),
        fc.string({ unit: fc.constantFrom('x', 'y', ' ') }),
        (words, gaps, around) => {
          const exact = words.join(' ');
          const old = `${around}[${exact}]${around}`;
          const q = quoteAt(old, around.length + 1, around.length + 1 + exact.length);
          const reflowed = words.map((w, i) => (i === 0 ? w : gaps[i - 1]! + w)).join('');
          const text = `${around}[${reflowed}]${around}`;
          const found = reanchor(q, text);
          expect(found).not.toBeNull();
          expect(collapseWhitespace(slice(text, found)!)).toBe(exact);
        },
      ),
    );
  });
});
