/** How a claimant reads wherever an editor looks: the claim pane, the history, every report. */
import type { Claimant } from './schemas';

/** "Sergey Lavrov, deputy foreign minister"; null for no claimant. */
export function describeClaimant(claimant: Claimant | null): string | null {
  if (!claimant) return null;
  return claimant.role ? `${claimant.name}, ${claimant.role}` : claimant.name;
}

/**
 * "Claim by Sergey Lavrov, deputy foreign minister, 2025-03-14": the first line of a published
 * fact-check. The date is the claim's own, else the article's; null when nobody is named.
 */
export function claimByLine(claimant: Claimant | null, date: string | null): string | null {
  const who = describeClaimant(claimant);
  if (!who) return null;
  return date ? `Claim by ${who}, ${date}` : `Claim by ${who}`;
}
