/**
 * The boundary test set: hand-written cases grouped by phenomenon (see each group's file for
 * its rules). Used by `evaluate()` in the quality-gate test and in `npm run eval:segmentation`.
 */
import type { CaseGroup } from './evaluate';
import { paragraphs, plain } from './groups/basics';
import { initialisms, initials, months, numbered, otherAbbreviations, times, titles } from './groups/abbreviations';
import { brackets, dashes, ellipses, numbers, quotes } from './groups/punctuation';
import { headings, lineBreaks, lists } from './groups/layout';
import { clutter, scripts, urls } from './groups/web';
import { articles } from './groups/articles';

export const BOUNDARY_CASES: readonly CaseGroup[] = [
  plain,
  titles,
  initialisms,
  months,
  times,
  initials,
  otherAbbreviations,
  numbered,
  numbers,
  ellipses,
  quotes,
  brackets,
  dashes,
  lists,
  headings,
  lineBreaks,
  paragraphs,
  urls,
  scripts,
  clutter,
  articles,
];
