import type { RatingLevel } from './schemas';

/** The default scale: five steps from True to False, plus Unverifiable outside the scale. */
export const DEFAULT_RATING_SCALE: readonly RatingLevel[] = Object.freeze([
  { id: 'true', label: 'True', value: 5, description: 'Accurate, with nothing significant missing.' },
  { id: 'mostly-true', label: 'Mostly true', value: 4, description: 'Accurate but needs clarification or extra context.' },
  { id: 'half-true', label: 'Half true', value: 3, description: 'Partly accurate; leaves out important details or takes things out of context.' },
  { id: 'mostly-false', label: 'Mostly false', value: 2, description: 'Contains an element of truth but ignores facts that would give a different impression.' },
  { id: 'false', label: 'False', value: 1, description: 'Not accurate.' },
  { id: 'unverifiable', label: 'Unverifiable', value: null, description: 'The available evidence can neither confirm nor refute it.' },
]);

export function ratingLabel(scale: readonly RatingLevel[], ratingId: string): string {
  return scale.find((r) => r.id === ratingId)?.label ?? ratingId;
}
