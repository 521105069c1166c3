import { describe, expect, it } from 'vitest';
import { bestWorst, RATING_PRESET_DEFINITIONS, ratingPreset, suggestMapping } from './rating-presets';
import { DEFAULT_RATING_SCALE } from './rating';
import { RATING_PRESETS, type RatingLevel, Settings } from './schemas';
import { sampleWorkspace } from './sample';

const ids = (levels: readonly RatingLevel[]) => levels.map((l) => l.id);

describe('rating presets', () => {
  it('cover every preset id but "custom", each a valid scale with unique ids and labels and a description per level', () => {
    expect(RATING_PRESET_DEFINITIONS.map((p) => p.id)).toEqual(RATING_PRESETS.filter((p) => p !== 'custom'));
    const base = sampleWorkspace('2026-11-25T10:00:00.000Z', () => 'sample0001').settings;
    for (const preset of RATING_PRESET_DEFINITIONS) {
      const settings = Settings.safeParse({ ...base, ratingScale: preset.levels, ratingPreset: preset.id, conclusionOnly: preset.conclusionOnly });
      expect(settings.success, preset.id).toBe(true);
      expect(new Set(ids(preset.levels)).size, preset.id).toBe(preset.levels.length);
      expect(new Set(preset.levels.map((l) => l.label.toLowerCase())).size, preset.id).toBe(preset.levels.length);
      for (const level of preset.levels) expect(level.description.length, level.id).toBeGreaterThan(10);
      expect(preset.name.length).toBeGreaterThan(0);
      if (preset.conclusionOnly) expect(preset.levels).toHaveLength(1);
    }
  });

  it('are the scales the issue describes', () => {
    expect(ratingPreset('default').levels).toBe(DEFAULT_RATING_SCALE);
    expect(ids(ratingPreset('politifact').levels)).toEqual(['true', 'mostly-true', 'half-true', 'mostly-false', 'false', 'pants-on-fire']);
    expect(ids(ratingPreset('snopes').levels)).toEqual([
      'true', 'mostly-true', 'mixture', 'mostly-false', 'false', 'unproven', 'miscaptioned', 'misattributed', 'satire', 'outdated',
    ]);
    expect(ratingPreset('snopes').levels.filter((l) => l.value !== null).map((l) => l.id)).toEqual(['true', 'mostly-true', 'mixture', 'mostly-false', 'false']);
    const pinocchios = ratingPreset('pinocchios').levels;
    expect(pinocchios[0]).toMatchObject({ id: 'geppetto-checkmark', value: 6 });
    expect(pinocchios.at(-1)).toMatchObject({ id: 'bottomless-pinocchio', value: 1 });
    expect(ratingPreset('fullfact')).toMatchObject({ conclusionOnly: true, levels: [{ id: 'see-conclusion', label: 'See conclusion', value: null }] });
  });
});

describe('bestWorst', () => {
  it('gives ClaimReview best and worst from the levels that have a value', () => {
    expect(bestWorst(DEFAULT_RATING_SCALE)).toEqual({ best: 5, worst: 1 });
    expect(bestWorst(ratingPreset('politifact').levels)).toEqual({ best: 6, worst: 1 });
    expect(bestWorst(ratingPreset('snopes').levels)).toEqual({ best: 5, worst: 1 });
    expect(bestWorst(ratingPreset('fullfact').levels)).toBeNull();
    const odd: RatingLevel[] = [
      { id: 'b', label: 'B', value: 40, description: '' },
      { id: 'n', label: 'N', value: null, description: '' },
      { id: 'a', label: 'A', value: 90, description: '' },
    ];
    expect(bestWorst(odd)).toEqual({ best: 90, worst: 40 });
  });
});

describe('suggestMapping', () => {
  it('keeps levels with the same id, and maps the others by label or nearest normalised value', () => {
    expect(suggestMapping(DEFAULT_RATING_SCALE, ratingPreset('politifact').levels)).toEqual({
      true: 'true',
      'mostly-true': 'mostly-true',
      'half-true': 'half-true',
      'mostly-false': 'mostly-false',
      false: 'false',
      // Off the axis, and no level of that name: the editor decides.
    });
  });

  it('maps by nearest value across scales of different lengths', () => {
    const mapping = suggestMapping(ratingPreset('politifact').levels, ratingPreset('pinocchios').levels);
    expect(mapping).toEqual({
      true: 'geppetto-checkmark',
      'mostly-true': 'one-pinocchio',
      'half-true': 'two-pinocchios',
      'mostly-false': 'three-pinocchios',
      false: 'four-pinocchios',
      'pants-on-fire': 'bottomless-pinocchio',
    });
    // Five steps onto six: 0.5 is as near 0.6 as 0.4; the first listed wins.
    expect(suggestMapping(DEFAULT_RATING_SCALE, ratingPreset('pinocchios').levels)).toMatchObject({
      true: 'geppetto-checkmark',
      'half-true': 'two-pinocchios',
      false: 'bottomless-pinocchio',
    });
  });

  it('maps levels without a value only by label (any case), and everything onto a one-level scale', () => {
    const unproven: RatingLevel = { id: 'cannot-say', label: 'unproven', value: null, description: '' };
    const snopes = ratingPreset('snopes').levels;
    expect(suggestMapping([unproven], snopes)).toEqual({ 'cannot-say': 'unproven' });
    expect(suggestMapping(snopes, DEFAULT_RATING_SCALE)).toEqual({
      true: 'true',
      'mostly-true': 'mostly-true',
      mixture: 'half-true',
      'mostly-false': 'mostly-false',
      false: 'false',
    });
    const fullFact = ratingPreset('fullfact').levels;
    expect(Object.values(suggestMapping(snopes, fullFact))).toEqual(Array(snopes.length).fill('see-conclusion'));
    expect(suggestMapping(fullFact, DEFAULT_RATING_SCALE)).toEqual({});
  });
});
