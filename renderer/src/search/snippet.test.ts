import { describe, expect, it } from 'vitest';
import { matchRanges, snippetAround } from './snippet';

const LONG = `${'Opening words of the piece. '.repeat(12)}Officials said unemployment fell to 3.5% in March.\n\nThe rest ${'goes on and on. '.repeat(20)}`;

describe('snippetAround', () => {
  it('returns a short text whole, with whitespace collapsed', () => {
    expect(snippetAround('Unemployment  fell\nto 3.5%.', ['unemployment'])).toBe('Unemployment fell to 3.5%.');
  });

  it('cuts a long text around the first match, at word boundaries, with ellipses', () => {
    const snippet = snippetAround(LONG, ['unemployment'], 80);
    expect(snippet).toContain('unemployment fell');
    expect(snippet.startsWith('…') && snippet.endsWith('…')).toBe(true);
    expect(snippet.length).toBeLessThanOrEqual(82);
    expect(snippet).not.toMatch(/\s{2,}|\n/);
    for (const word of snippet.replaceAll('…', '').split(' ')) expect(LONG).toContain(word);
  });

  it('matches terms at word starts only, case-insensitively', () => {
    const text = `${'x '.repeat(100)}Reunemployment is not a word. UNEMPLOYMENT is.`;
    expect(snippetAround(text, ['unemployment'], 40)).toContain('UNEMPLOYMENT');
  });

  it('starts at the beginning when nothing matches', () => {
    expect(snippetAround(LONG, ['penguin'], 60).startsWith('Opening words')).toBe(true);
  });
});

describe('matchRanges', () => {
  it('finds each term at word starts, longest first, without overlaps', () => {
    const text = 'Unemployment and unemployed; reunemployment.';
    expect(matchRanges(text, ['unemploy', 'unemployment'])).toEqual([[0, 12], [17, 25]]);
    expect(matchRanges(text, [])).toEqual([]);
  });

  it('treats terms as text, not patterns', () => {
    expect(matchRanges('costs (est.) $4.50', ['(est.)', '$4.50'])).toEqual([[6, 12], [13, 18]]);
  });
});
