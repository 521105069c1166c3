import { describe, expect, it } from 'vitest';
import { formatFigure, normalizeText, tokenizeClaim } from './tokens';

const figures = (text: string) => tokenizeClaim(text).figures;
const words = (text: string) => tokenizeClaim(text).words;

describe('normalizeText', () => {
  it('folds curly quotes, dashes and runs of whitespace', () => {
    expect(normalizeText('“Historic”  –\tsaid ‘the’ mayor')).toBe('"Historic" - said the mayor');
  });

  it('opens negative contractions and drops the others', () => {
    expect(normalizeText("didn't can't won't we've it's")).toBe('did not can not will not we it');
  });
});

describe('tokenizeClaim', () => {
  it('ignores case, punctuation and stop words', () => {
    expect(words('The BUDGET, was (cut)!')).toEqual(words('budget cut'));
    expect(words('It is what it is.')).toEqual([]);
  });

  it('reads money the same way whatever its spelling', () => {
    for (const text of ['$4.50', '4.5 dollars', '4.50 USD', '$4.5']) {
      expect(figures(text), text).toEqual(['4.5']);
      expect(words(text), text).toEqual(['dollar']);
    }
    expect(figures('4.50')).toEqual(['4.5']);
    expect(figures('75 cents')).toEqual(['0.75']);
    expect(words('75 cents')).toEqual(['dollar']);
  });

  it('reads scales attached or spelled out', () => {
    for (const text of ['$48m', '$48 million', '48,000,000 dollars', 'forty eight million dollars']) {
      expect(figures(text), text).toEqual(['48000000']);
    }
    expect(figures('$1.2bn')).toEqual(figures('1.2 billion dollars'));
    expect(figures('5k runners')).toEqual(['5000']);
    // A lone "m" may be metres: only an attached one is a million.
    expect(figures('a 48 m tower')).toEqual(['48']);
  });

  it('reads percentages in every spelling as the same figure and unit', () => {
    for (const text of ['12%', '12 percent', '12 per cent', 'twelve pct']) {
      expect(tokenizeClaim(text), text).toEqual({ words: ['percent'], figures: ['12'], negations: 0 });
    }
  });

  it('reads number words, ordinals and decades as figures', () => {
    expect(figures('twenty five schools')).toEqual(['25']);
    expect(figures('three new parks')).toEqual(['3']);
    expect(figures('the 3rd quarter of the 1990s')).toEqual(['3', '1990']);
    expect(figures('a 7-2 vote')).toEqual(['7', '2']);
  });

  it('reads dotted abbreviations as one word, kept apart from stop words', () => {
    expect(words('in the U.S. and the U.K')).toEqual(['us', 'uk']);
    expect(words('told us')).toEqual(['say']);
    expect(words('Mr. J. R. Patel')).toEqual(['mr', 'patel']);
  });

  it('keeps a unit attached to a figure as a word', () => {
    expect(tokenizeClaim('12km of lanes')).toEqual({ words: ['km', 'lan'], figures: ['12'], negations: 0 });
    expect(words('12 kilometres')).toEqual(['km']);
  });

  it('reads capitalised month names as figures, the verb "march" as a word', () => {
    expect(figures('in March and Sept. 2024')).toEqual(['month:3', 'month:9', '2024']);
    expect(figures('they march on')).toEqual([]);
    expect(figures('it may rise')).toEqual([]);
  });

  it('counts negations, contractions included, and keeps them out of the words', () => {
    expect(tokenizeClaim("Taxes didn't rise").negations).toBe(1);
    expect(tokenizeClaim('No, taxes never rose').negations).toBe(2);
    expect(words('not never taxes')).toEqual(['tax']);
  });
});

describe('formatFigure', () => {
  it('spells equal values one way', () => {
    expect(formatFigure(4.5)).toBe(formatFigure(4.5));
    expect(formatFigure(0.1 + 0.2)).toBe('0.3');
    expect(formatFigure(48e6)).toBe('48000000');
  });
});
