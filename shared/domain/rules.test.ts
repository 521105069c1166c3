import { describe, expect, it } from 'vitest';
import { describeGap, quoted, readyGap, readyRefusal, type ReadySettings } from './rules';
import type { Claim } from './schemas';

const NOW = '2026-11-25T10:00:00.000Z';
const verdict = (conclusion = ''): Claim['verdict'] => ({ ratingId: 'false', conclusion, rationale: '', decidedAt: NOW });
const link = (n: number): Claim['sources'] => Array.from({ length: n }, (_, i) => ({ sourceId: `source000${i}`, stance: 'refutes' as const }));
const claim = (over: Partial<Pick<Claim, 'text' | 'verdict' | 'sources'>> = {}) => ({ text: 'Spending rose 4% this year.', verdict: null, sources: [], ...over });
const rules = (requireVerdict: boolean, minSources: number, conclusionOnly = false): ReadySettings => ({ readyRules: { requireVerdict, minSources }, conclusionOnly });

describe('the Ready rule', () => {
  it('by default needs a verdict and one source', () => {
    const settings = rules(true, 1);
    expect(readyGap(claim(), settings)).toEqual({ verdict: true, conclusion: false, sources: { have: 0, need: 1 } });
    expect(readyGap(claim({ verdict: verdict() }), settings)).toEqual({ verdict: false, conclusion: false, sources: { have: 0, need: 1 } });
    expect(readyGap(claim({ sources: link(1) }), settings)).toEqual({ verdict: true, conclusion: false, sources: null });
    expect(readyGap(claim({ verdict: verdict(), sources: link(1) }), settings)).toBeNull();
  });

  it('can require two sources, or be turned off', () => {
    expect(readyGap(claim({ verdict: verdict(), sources: link(1) }), rules(true, 2))?.sources).toEqual({ have: 1, need: 2 });
    expect(readyGap(claim({ verdict: verdict(), sources: link(2) }), rules(true, 2))).toBeNull();
    expect(readyGap(claim(), rules(false, 0))).toBeNull();
    expect(readyGap(claim({ sources: link(1) }), rules(false, 1))).toBeNull();
  });

  it('in a written-conclusion workspace, needs the conclusion written', () => {
    const settings = rules(true, 1, true);
    expect(readyGap(claim({ verdict: verdict('  '), sources: link(1) }), settings)).toEqual({ verdict: false, conclusion: true, sources: null });
    expect(readyGap(claim({ verdict: verdict('Wrong: it fell.'), sources: link(1) }), settings)).toBeNull();
  });

  it('says what is missing, naming the claim', () => {
    const settings = rules(true, 1);
    expect(readyRefusal(claim(), settings)).toBe('Cannot mark “Spending rose 4% this year.” Ready: it has no verdict and 0 of 1 required sources.');
    expect(readyRefusal(claim({ verdict: verdict(), sources: link(1) }), rules(true, 2))).toBe(
      'Cannot mark “Spending rose 4% this year.” Ready: it has 1 of 2 required sources.',
    );
    expect(readyRefusal(claim({ sources: link(1) }), settings, 'review')).toBe('Cannot send “Spending rose 4% this year.” for review: it has no verdict.');
    expect(readyRefusal(claim({ verdict: verdict() }), rules(true, 1, true), 'publish')).toBe(
      'Cannot publish “Spending rose 4% this year.”: it has a verdict without a written conclusion and 0 of 1 required sources.',
    );
    expect(readyRefusal(claim({ verdict: verdict(), sources: link(1) }), settings)).toBeNull();
    expect(describeGap({ verdict: true, conclusion: false, sources: null })).toBe('it has no verdict');
  });

  it('shortens long wording in the message', () => {
    expect(quoted('x'.repeat(100))).toBe(`“${'x'.repeat(59)}…”`);
    expect(quoted('two\n  lines')).toBe('“two lines”');
  });
});
