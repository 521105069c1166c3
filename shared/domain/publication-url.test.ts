import { describe, expect, it } from 'vitest';
import { publicationUrlFor, slugOf } from './publication-url';
import { PublishedUrlTemplate } from './schemas';

describe('publication address template', () => {
  it('makes a readable ASCII slug from the wording, cut at a word within 80 characters', () => {
    expect(slugOf('Unemployment fell to 3.5% in May')).toBe('unemployment-fell-to-3-5-in-may');
    expect(slugOf('Zürich’s café prices rose — “a lot”')).toBe('zurich-s-cafe-prices-rose-a-lot');
    expect(slugOf('«»')).toBe('claim');
    const long = slugOf('word '.repeat(40));
    expect(long.length).toBeLessThanOrEqual(80);
    expect(long.endsWith('word')).toBe(true);
  });

  it('fills {slug} and {id}, and never gives two claims the same address', () => {
    const claim = { id: 'abc123def', text: 'Taxes went up twice' };
    expect(publicationUrlFor('https://desk.example.org/fact-checks/{slug}', claim, new Set())).toBe('https://desk.example.org/fact-checks/taxes-went-up-twice');
    expect(publicationUrlFor('https://desk.example.org/c/{id}/{slug}', claim, new Set())).toBe('https://desk.example.org/c/abc123def/taxes-went-up-twice');
    const taken = new Set(['https://d.example/taxes-went-up-twice', 'https://d.example/taxes-went-up-twice-2']);
    expect(publicationUrlFor('https://d.example/{slug}', claim, taken)).toBe('https://d.example/taxes-went-up-twice-3');
  });

  it('accepts only a web address with a placeholder', () => {
    expect(PublishedUrlTemplate.safeParse('https://desk.example.org/fact-checks/{slug}').success).toBe(true);
    expect(PublishedUrlTemplate.safeParse('https://desk.example.org/fact-checks/').error?.issues[0]?.message).toMatch(/\{slug\} or \{id\}/);
    expect(PublishedUrlTemplate.safeParse('javascript:alert({slug})').error?.issues[0]?.message).toMatch(/web address/);
    expect(PublishedUrlTemplate.safeParse('ftp://x.example/{id}').success).toBe(false);
  });
});
