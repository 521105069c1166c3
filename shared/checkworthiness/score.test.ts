import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_THRESHOLD, scoreSentence, type CheckWorthiness } from './score';
import { MAX_REASONS } from './scorer';

// Sentences written for these tests (not from the training transcripts).
const reasonTexts = (result: CheckWorthiness) => result.reasons.map((r) => r.text);

describe('scoreSentence', () => {
  it('flags a figure with an attribution, naming both', () => {
    const result = scoreSentence('Unemployment in the region fell to 3.5% last year, the finance ministry said.');
    expect(result.score).toBeGreaterThanOrEqual(DEFAULT_THRESHOLD);
    expect(reasonTexts(result)).toContain('contains a figure: 3.5%');
    expect(reasonTexts(result)).toContain("attributed statement: '… said'");
    expect(result.reasons.every((r) => r.effect === 'raises')).toBe(true);
  });

  it('flags money with its source and shows the whole amount', () => {
    const result = scoreSentence("The new library will cost $12.5 million, according to the council's budget papers.");
    expect(result.score).toBeGreaterThanOrEqual(DEFAULT_THRESHOLD);
    expect(reasonTexts(result)).toContain('contains a figure: $12.5 million');
    expect(reasonTexts(result)).toContain("attributed statement: 'according to …'");
  });

  it('scores questions, thanks, greetings and opinion below the threshold, saying why', () => {
    const question = scoreSentence('Will the new stadium ever pay for itself?');
    expect(question.score).toBeLessThan(DEFAULT_THRESHOLD);
    expect(question.reasons[0]).toEqual({ text: 'a question', effect: 'lowers' });

    const thanks = scoreSentence('Thank you very much.');
    expect(thanks.score).toBeLessThan(0.2);
    expect(reasonTexts(thanks)).toContain("greeting or thanks: 'Thank'");

    expect(scoreSentence('Good evening, everyone.').score).toBeLessThan(0.2);

    const opinion = scoreSentence("I think it's a wonderful idea.");
    expect(opinion.score).toBeLessThan(DEFAULT_THRESHOLD);
    expect(reasonTexts(opinion)).toEqual(expect.arrayContaining(["opinion: 'I think'", "praise or judgement: 'wonderful'"]));
    expect(opinion.reasons.every((r) => r.effect === 'lowers')).toBe(true);
  });

  it('scores clutter near zero with a reason', () => {
    const result = scoreSentence('Share this article', { kind: 'clutter' });
    expect(result.score).toBeLessThanOrEqual(0.01);
    expect(result.reasons).toEqual([{ text: 'page clutter, not part of the article', effect: 'lowers' }]);
  });

  it('scores hedged speculation lower than its plain twin', () => {
    const twins = [
      ['The new ring road reduced congestion in the old town.', 'The new ring road might reduce congestion in the old town.'],
      ['Rents in the city rose by 8% last year.', 'Rents in the city could rise by 8% next year.'],
      ['The factory closure cost 400 jobs.', 'Perhaps the factory closure cost 400 jobs.'],
    ];
    for (const [plain, hedged] of twins) {
      const hedgedResult = scoreSentence(hedged!);
      expect(hedgedResult.score, hedged).toBeLessThan(scoreSentence(plain!).score);
      expect(hedgedResult.reasons.some((r) => r.text.startsWith('hedged or speculative') && r.effect === 'lowers'), hedged).toBe(true);
    }
  });

  it('names a date or time reference', () => {
    expect(reasonTexts(scoreSentence('The bridge was closed to traffic on 4 March 2024 after an inspection.'))).toContain("date or time reference: '4 March 2024'");
    expect(reasonTexts(scoreSentence('The museum reopened in 1998 after a fire.'))).toContain("date or time reference: '1998'");
  });

  it('names quotes and officials in reported speech', () => {
    const result = scoreSentence('"We have hired 120 new nurses," Health Minister Clara Nyberg told reporters.');
    expect(result.score).toBeGreaterThanOrEqual(DEFAULT_THRESHOLD);
    expect(reasonTexts(result).join(' | ')).toMatch(/direct quote|names an official/);
  });

  it('scores very short fragments low', () => {
    const result = scoreSentence('Not really.');
    expect(result.score).toBeLessThan(DEFAULT_THRESHOLD);
    expect(result.reasons.some((r) => r.text === 'very short fragment' && r.effect === 'lowers')).toBe(true);
  });

  it('always gives a score in [0, 1] and at most MAX_REASONS valid reasons, deterministically', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        const result = scoreSentence(text);
        expect(result.score).toBeGreaterThanOrEqual(0);
        expect(result.score).toBeLessThanOrEqual(1);
        expect(result.reasons.length).toBeLessThanOrEqual(MAX_REASONS);
        for (const reason of result.reasons) {
          expect(reason.text.length).toBeGreaterThan(0);
          expect(['raises', 'lowers']).toContain(reason.effect);
        }
        expect(scoreSentence(text)).toEqual(result);
      }),
    );
  });

  it('copes with empty, huge and non-Latin input', () => {
    expect(scoreSentence('').score).toBeLessThan(DEFAULT_THRESHOLD);
    const huge = scoreSentence('The council spent 12% more this year. '.repeat(5000));
    expect(huge.score).toBeGreaterThanOrEqual(0);
    expect(huge.score).toBeLessThanOrEqual(1);
    expect(scoreSentence('Население города выросло на 5% 😀 — “да”').score).toBeLessThanOrEqual(1);
  });

  it('gives the same result for a sentence whatever was scored before it', () => {
    const sentence = 'Senator Ana Ruiz said the program created 3,000 jobs in 2023.';
    const first = scoreSentence(sentence);
    scoreSentence('"A quote that never closes, with 1990s and $5 and Mr. Smith?');
    expect(scoreSentence(sentence)).toEqual(first);
  });
});
