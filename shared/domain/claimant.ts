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

/** Words that make a name an organisation's ("the Health Ministry", "Nordwire News"). */
const ORGANISATION_WORDS =
  /\b(ministry|council|police|agency|union|association|institute|bank|office|government|party|commission|committee|department|university|company|group|authority|service|court|inc|ltd|plc|news|times|post|reuters|kremlin|white house|parliament|senate|congress|army|navy|board|trust|foundation|federation|league|club|corporation|organi[sz]ation|network|press|radio|tv|television|daily|herald|tribune|gazette|courier|ledger)\b/i;

/**
 * Whether a claimant is a person or an organisation, as ClaimReview's itemReviewed.author
 * needs: a name starting with "the" ("the Kremlin"), holding an organisation word or written
 * as an acronym ("CNN", "WHO") is an organisation; anyone else a person.
 */
export function claimantType(claimant: Claimant): 'Person' | 'Organization' {
  const name = claimant.name.trim();
  if (/^the\s/i.test(name) || ORGANISATION_WORDS.test(name)) return 'Organization';
  if (/^[A-Z][A-Z0-9&.]{1,}$/.test(name.replace(/\s+/g, ''))) return 'Organization';
  return 'Person';
}
