/**
 * Rating scales a workspace can start from. Each is a "style" modelled on how a well-known
 * fact-checking desk rates claims; the wording of every description is our own. Values
 * place a level on the true → false axis for ClaimReview (higher is more accurate); levels
 * off that axis (unproven, satire…) have none.
 */
import { DEFAULT_RATING_SCALE } from './rating';
import type { RatingLevel, RatingPreset } from './schemas';

export interface RatingPresetDefinition {
  readonly id: Exclude<RatingPreset, 'custom'>;
  readonly name: string;
  /** One line for the preset picker. */
  readonly summary: string;
  readonly levels: readonly RatingLevel[];
  /** The verdict is the written conclusion; the single level only marks the claim as decided. */
  readonly conclusionOnly: boolean;
}

const level = (id: string, label: string, value: number | null, description: string): RatingLevel => ({ id, label, value, description });

export const RATING_PRESET_DEFINITIONS: readonly RatingPresetDefinition[] = Object.freeze([
  {
    id: 'default',
    name: 'Five steps',
    summary: 'True to False in five steps, plus Unverifiable.',
    levels: DEFAULT_RATING_SCALE,
    conclusionOnly: false,
  },
  {
    id: 'politifact',
    name: 'Six steps (PolitiFact style)',
    summary: 'A six-step meter from True down to Pants on fire for claims that are also absurd.',
    conclusionOnly: false,
    levels: [
      level('true', 'True', 6, 'Accurate, and nothing that matters has been left out.'),
      level('mostly-true', 'Mostly true', 5, 'Accurate, but a clarification or some added context is needed.'),
      level('half-true', 'Half true', 4, 'Partly accurate: important details are missing or things are taken out of context.'),
      level('mostly-false', 'Mostly false', 3, 'There is a grain of truth, but it ignores facts that would leave a different impression.'),
      level('false', 'False', 2, 'Not accurate.'),
      level('pants-on-fire', 'Pants on fire', 1, 'Not accurate, and the claim is also ridiculous.'),
    ],
  },
  {
    id: 'snopes',
    name: 'True to false, with labels (Snopes style)',
    summary: 'Five steps from True to False, and labels for claims that sit off that line (unproven, miscaptioned, satire…).',
    conclusionOnly: false,
    levels: [
      level('true', 'True', 5, 'The central point is accurate.'),
      level('mostly-true', 'Mostly true', 4, 'The main point is accurate; a secondary detail is not.'),
      level('mixture', 'Mixture', 3, 'It blends accurate and inaccurate elements in roughly equal measure.'),
      level('mostly-false', 'Mostly false', 2, 'A minor detail holds up, but the main point does not.'),
      level('false', 'False', 1, 'The central point is inaccurate.'),
      level('unproven', 'Unproven', null, 'There is not enough evidence either way to decide.'),
      level('miscaptioned', 'Miscaptioned', null, 'A real photo, video or quote shown with a description that misrepresents it.'),
      level('misattributed', 'Misattributed', null, 'The words or material are credited to the wrong person or source.'),
      level('satire', 'Satire', null, 'Comes from humour or parody that some readers took literally.'),
      level('outdated', 'Outdated', null, 'It was accurate once, but things have changed since.'),
    ],
  },
  {
    id: 'pinocchios',
    name: 'Pinocchios (Washington Post style)',
    summary: 'From a checkmark for the plain truth to four Pinocchios for a whopper, and a bottomless one for falsehoods repeated after correction.',
    conclusionOnly: false,
    levels: [
      level('geppetto-checkmark', 'Geppetto checkmark', 6, 'The whole truth, and nothing but the truth: rare.'),
      level('one-pinocchio', 'One Pinocchio', 5, 'Some shading of the facts: a selective telling or a slight exaggeration.'),
      level('two-pinocchios', 'Two Pinocchios', 4, 'Significant omissions or exaggerations that mislead, though the core may be real.'),
      level('three-pinocchios', 'Three Pinocchios', 3, 'Significant factual errors or clearly contradictory statements.'),
      level('four-pinocchios', 'Four Pinocchios', 2, 'A whopper: plainly false.'),
      level('bottomless-pinocchio', 'Bottomless Pinocchio', 1, 'A false claim repeated again and again after it was shown to be false.'),
    ],
  },
  {
    id: 'fullfact',
    name: 'Written conclusion (Full Fact style)',
    summary: 'No rating: the verdict is a short written conclusion saying what is right and wrong about the claim.',
    conclusionOnly: true,
    levels: [level('see-conclusion', 'See conclusion', null, 'The verdict is the written conclusion: say plainly what is correct, what is not, and why.')],
  },
] satisfies RatingPresetDefinition[]);

export function ratingPreset(id: RatingPresetDefinition['id']): RatingPresetDefinition {
  return RATING_PRESET_DEFINITIONS.find((p) => p.id === id)!;
}

/** The highest and lowest value on a scale (ClaimReview's bestRating and worstRating); null when no level has one. */
export function bestWorst(levels: readonly RatingLevel[]): { best: number; worst: number } | null {
  const values = levels.flatMap((l) => (l.value === null ? [] : [l.value]));
  if (values.length === 0) return null;
  return { best: Math.max(...values), worst: Math.min(...values) };
}

/** A level's place between the scale's worst (0) and best (1); null for a level off the axis. */
function normalised(value: number | null, range: { best: number; worst: number } | null): number | null {
  if (value === null || range === null) return null;
  return range.best === range.worst ? 1 : (value - range.worst) / (range.best - range.worst);
}

const sameLabel = (a: string, b: string) => a.trim().toLocaleLowerCase('en') === b.trim().toLocaleLowerCase('en');

/**
 * What each old level's verdicts could become on a new scale (old id → new id), for the
 * editor to confirm: the same id, else the same label, else (for levels on the true → false
 * axis) the new level nearest in normalised value (ties go to the one listed first). Levels
 * off the axis only follow a same id or label. When the new scale has a single level (a
 * written-conclusion scale), everything maps to it. Old levels with no suggestion are left out.
 */
export function suggestMapping(oldLevels: readonly RatingLevel[], newLevels: readonly RatingLevel[]): Record<string, string> {
  const mapping: Record<string, string> = {};
  const oldRange = bestWorst(oldLevels);
  const newRange = bestWorst(newLevels);
  for (const old of oldLevels) {
    const target =
      newLevels.find((l) => l.id === old.id) ??
      newLevels.find((l) => sameLabel(l.label, old.label)) ??
      (newLevels.length === 1 ? newLevels[0] : undefined) ??
      nearest(normalised(old.value, oldRange), newLevels, newRange);
    if (target) mapping[old.id] = target.id;
  }
  return mapping;
}

function nearest(position: number | null, levels: readonly RatingLevel[], range: { best: number; worst: number } | null): RatingLevel | undefined {
  if (position === null) return undefined;
  let best: RatingLevel | undefined;
  let distance = Infinity;
  for (const candidate of levels) {
    const at = normalised(candidate.value, range);
    if (at === null) continue;
    const d = Math.abs(at - position);
    // A small tolerance so floating-point noise cannot break a tie the other way.
    if (d < distance - 1e-9) {
      best = candidate;
      distance = d;
    }
  }
  return best;
}
