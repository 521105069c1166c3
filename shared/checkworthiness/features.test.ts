import { describe, expect, it } from 'vitest';
import { createFeatureBuffer, extractFeatures, FEATURE_SET_VERSION, MAX_GRAMS, type FeatureBuffer } from './features';
import { HAND_FEATURES, type HandFeature } from './hand-features';
import { hashString } from './hash';

const BUCKETS = 1 << 14;

/** Each hand feature present in `text`, with the text it points at ('' when none). */
function features(text: string): Partial<Record<HandFeature, string>> {
  const buffer = createFeatureBuffer();
  extractFeatures(text, buffer, BUCKETS);
  const found: Partial<Record<HandFeature, string>> = {};
  HAND_FEATURES.forEach((name, f) => {
    if (buffer.hand[f] !== 0) found[name] = buffer.spanStart[f]! >= 0 ? text.slice(buffer.spanStart[f], buffer.spanEnd[f]) : '';
  });
  return found;
}

describe('extractFeatures', () => {
  it('finds figures with their currency and scale, percentages and dates', () => {
    expect(features('The port handled $3.2 billion in goods, up 14% since 2019.')).toMatchObject({
      figure: '$3.2 billion',
      percent: '14%',
      money: '$3.2',
      date: '2019',
    });
    expect(features('Fares rose 12 percent on 1 July.')).toMatchObject({ figure: '12 percent', date: '1 July' });
  });

  it('reads a day next to a month as a date, not a figure', () => {
    expect(features('The vote is on March 4.')).not.toHaveProperty('figure');
    expect(features('The vote is on March 4.')).toMatchObject({ date: 'March 4' });
    expect(features('Since Jan. 2025, 30 shops have closed.')).toMatchObject({ date: 'Jan. 2025', figure: '30' });
  });

  it('finds attribution, quotes, officials and names', () => {
    expect(features('"The budget is balanced," Gov. Mara Quist told the assembly in Lakeport.')).toMatchObject({
      quote: '"The budget is balanced,"',
      official: 'Gov. Mara Quist',
      attribution: 'told',
      entity: 'Lakeport',
    });
    expect(features('According to the survey, most residents agree.')).toMatchObject({ attribution: 'According to', evidence: 'survey' });
  });

  it('finds what lowers a score', () => {
    expect(features('Do you think the mayor might resign?')).toMatchObject({ question: '', hedge: 'might' });
    expect(features('I believe this is a great city!')).toMatchObject({ opinion: 'I believe', praise: 'great', exclamation: '' });
    expect(features('Thanks, everyone.')).toMatchObject({ greeting: 'Thanks', short: '' });
    expect(features('Good night and good luck.')).toMatchObject({ greeting: 'Good night', brief: '' });
  });

  it('does not take a capital at the start of a sentence or clause for a name', () => {
    expect(features('Prices went up. Nobody was surprised.')).not.toHaveProperty('entity');
    expect(features('I said it.')).not.toHaveProperty('entity');
    expect(features('He met the president. The talks failed.')).toMatchObject({ official: 'president' });
  });

  it('keeps honorifics and initials with the name', () => {
    expect(features('Mr. J. R. Patel said the port grew.')).toMatchObject({ entity: 'Mr. J. R. Patel' });
  });

  it('gives every word a unigram and a bigram, up to MAX_GRAMS', () => {
    const buffer: FeatureBuffer = createFeatureBuffer();
    extractFeatures('Three words here', buffer, BUCKETS);
    expect(buffer.tokenCount).toBe(3);
    expect(buffer.gramCount).toBe(6);
    extractFeatures('word '.repeat(10_000), buffer, BUCKETS);
    expect(buffer.gramCount).toBe(MAX_GRAMS);
    for (let g = 0; g < buffer.gramCount; g++) expect(buffer.grams[g]).toBeLessThan(BUCKETS);
  });

  it('extracts exactly what the committed weights were trained on', () => {
    // A fingerprint of tokenisation, hashing and every feature on a few sentences. If this
    // fails, the extraction changed: bump FEATURE_SET_VERSION, retrain with
    // `npm run train:checkworthiness -- DIR`, and update the fingerprint here.
    const sentences = [
      'Mayor Ana Ruiz said unemployment fell to 3.5% in March, the lowest level since 2008.',
      '"We cut waiting times by 40 minutes," Sen. Laura Chen told reporters on Tuesday.',
      "I think it's wonderful — don't you? Perhaps we'll see 2,000 more jobs!",
      'Crème brûlée costs €5 in Zürich, according to the 1990s survey.',
      'Mr. J. R. Patel met the president. The talks in New Hampshire ended on 4 March 2021.',
    ];
    const buffer = createFeatureBuffer();
    const parts = sentences.map((text) => {
      extractFeatures(text, buffer, BUCKETS);
      return [Array.from(buffer.hand), Array.from(buffer.spanStart), Array.from(buffer.spanEnd), Array.from(buffer.grams.subarray(0, buffer.gramCount)), buffer.tokenCount].join('/');
    });
    expect({ version: FEATURE_SET_VERSION, fingerprint: hashString(parts.join('\n')) >>> 0 }).toEqual({ version: 2, fingerprint: 102671825 });
  });
});
