/**
 * The claimant the engine suggests for a passage of an article: the one of the sentence the
 * passage starts in. A new claim stores it as `suggestedClaimant` for the editor to accept or
 * edit (claimants need the whole article: a pronoun means the last speaker of its paragraph).
 */
import type { Claimant } from '../domain/schemas';
import { segmentText } from '../text/segmenter';
import { suggestClaimants } from './claimant';

export interface ArticleClaimants {
  /** Start offset of each sentence, ascending. */
  readonly starts: readonly number[];
  readonly ends: readonly number[];
  readonly claimants: readonly (Claimant | null)[];
}

export function articleClaimants(text: string): ArticleClaimants {
  const { sentences } = segmentText(text);
  return { starts: sentences.map((s) => s.start), ends: sentences.map((s) => s.end), claimants: suggestClaimants(sentences) };
}

/** The suggested claimant of the sentence holding `offset` (a fresh copy: claims must not share it), or null. */
export function claimantAt({ starts, ends, claimants }: ArticleClaimants, offset: number): Claimant | null {
  let low = 0;
  let high = starts.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (starts[mid]! <= offset) {
      found = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  // A passage starting in the gap after a sentence (between paragraphs) belongs to the next one.
  if (found >= 0 && offset >= ends[found]!) found = found + 1 < starts.length ? found + 1 : -1;
  if (found < 0) found = starts.length > 0 && offset < starts[0]! ? 0 : -1;
  const claimant = found >= 0 ? claimants[found] : null;
  if (!claimant) return null;
  const name = tidy(claimant.name);
  const role = claimant.role === null ? null : tidy(claimant.role);
  return name ? { name, role: role || null } : null;
}

/** One line of at most 200 characters, as the claim schema takes it. */
const tidy = (text: string) => text.replace(/\s+/g, ' ').trim().slice(0, 200).trim();
