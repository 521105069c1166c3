import { describe, expect, it } from 'vitest';
import { canonicalWord, stem } from './stem';

describe('stem', () => {
  it('maps the forms of one word to one key', () => {
    const groups = [
      ['rise', 'rises', 'rising', 'rose', 'risen'],
      ['increase', 'increased', 'increases', 'increasing'],
      ['plan', 'plans', 'planned', 'planning'],
      ['city', 'cities'],
      ['tax', 'taxes'],
      ['bus', 'buses'],
      ['fall', 'falls', 'falling', 'fell', 'fallen'],
      ['agree', 'agreed', 'agrees'],
      ['deny', 'denied', 'denies'],
      ['organise', 'organize', 'organised', 'organizing'],
      ['labour', 'labor'],
    ];
    for (const group of groups) {
      expect(new Set(group.map(stem)).size, group.join(' ')).toBe(1);
    }
  });

  it('leaves short words and words that only look inflected alone', () => {
    expect(stem('bus')).toBe('bus');
    expect(stem('status')).toBe('status');
    expect(stem('analysis')).toBe('analysis');
    expect(stem('bring')).toBe('bring');
    expect(stem('need')).toBe('need');
  });

  it('is deterministic and idempotent enough to be a key', () => {
    for (const word of ['unemployment', 'hospitals', 'treated', 'commuters']) expect(stem(word)).toBe(stem(word));
  });
});

describe('canonicalWord', () => {
  it('maps synonyms in any inflection to one word', () => {
    expect(new Set(['rose', 'increased', 'climbing', 'grew', 'up'].map(canonicalWord)).size).toBe(1);
    expect(new Set(['fell', 'dropped', 'declines', 'down'].map(canonicalWord)).size).toBe(1);
    expect(new Set(['cut', 'reduced', 'slashing'].map(canonicalWord)).size).toBe(1);
    expect(canonicalWord('rose')).not.toBe(canonicalWord('fell'));
  });
});
