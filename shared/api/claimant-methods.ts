/**
 * The claimant library's API shapes (saveClaimant, mergeClaimants, deleteClaimant), kept out
 * of contract.ts, which declares the methods with them.
 */
import { z } from 'zod';
import { ClaimantEntry, ClaimantName } from '../domain/claimant-entries';
import { Claim } from '../domain/schemas';

export const SaveClaimantInput = z.strictObject({
  name: ClaimantName,
  role: ClaimantEntry.shape.role.default(null),
  aliases: ClaimantEntry.shape.aliases.default([]),
  /** The name the entry (or the claims' claimant, for a name only on claims) has now; given when editing. */
  previousName: ClaimantName.optional(),
});

export const MergeClaimantsInput = z.strictObject({
  /** The claimant that goes: its name and aliases become aliases of `into`. */
  from: ClaimantName,
  into: ClaimantName,
});

export const DeleteClaimantInput = z.strictObject({ name: ClaimantName });

/** What a library change did: the list as it is now, the claims it renamed, and the published ones it had to leave alone. */
export const ClaimantsChange = z.object({
  claimants: z.array(ClaimantEntry),
  claims: z.array(Claim),
  /** Published claims naming the claimant, left as they are: they are locked until reopened for correction. */
  skippedPublished: z.number().int().nonnegative(),
});
export type ClaimantsChange = z.infer<typeof ClaimantsChange>;
