/**
 * The workspace's claimants as one list: every claimant set on a claim, once, so the same
 * speaker is named the same way everywhere. A name is matched to a known claimant when it is
 * the same name (case and spacing aside), the known name's last word alone ("Lavrov" for
 * "Sergey Lavrov", when only one known claimant has it), or a longer form holding the known
 * name ("Russia's Foreign Minister Sergey Lavrov").
 */
import type { Claim, Claimant } from './schemas';

export interface LibraryClaimant extends Claimant {
  /** How many claims name them. */
  claims: number;
}

const key = (name: string) => name.toLowerCase().replace(/\s+/g, ' ').trim();
const lastWord = (name: string) => key(name).split(' ').at(-1) ?? '';

/** Every claimant named on a claim, once (the role of the most recently updated claim), most used first. */
export function claimantLibrary(claims: readonly Pick<Claim, 'claimant' | 'updatedAt'>[]): LibraryClaimant[] {
  const byName = new Map<string, LibraryClaimant & { updatedAt: string }>();
  for (const claim of claims) {
    if (!claim.claimant) continue;
    const k = key(claim.claimant.name);
    const known = byName.get(k);
    if (!known) byName.set(k, { name: claim.claimant.name, role: claim.claimant.role, claims: 1, updatedAt: claim.updatedAt });
    else {
      known.claims++;
      if (claim.updatedAt > known.updatedAt) Object.assign(known, { name: claim.claimant.name, role: claim.claimant.role, updatedAt: claim.updatedAt });
    }
  }
  return [...byName.values()]
    .sort((a, b) => b.claims - a.claims || a.name.localeCompare(b.name))
    .map(({ name, role, claims: count }) => ({ name, role, claims: count }));
}

/** The known claimant `name` refers to, or null. */
export function matchClaimant(name: string, library: readonly Claimant[]): Claimant | null {
  const k = key(name);
  if (!k) return null;
  const same = library.find((c) => key(c.name) === k);
  if (same) return same;
  if (!k.includes(' ')) {
    const bySurname = library.filter((c) => key(c.name).includes(' ') && lastWord(c.name) === k);
    if (bySurname.length === 1) return bySurname[0]!;
  }
  // The longest known name inside the longer form, on word boundaries.
  const inside = library
    .filter((c) => key(c.name).includes(' ') && ` ${k} `.includes(` ${key(c.name)} `))
    .sort((a, b) => b.name.length - a.name.length);
  return inside[0] ?? null;
}

/** A suggestion as the workspace already names that speaker (keeping the suggestion's role when the library has none). */
export function resolveClaimant(suggested: Claimant | null, library: readonly Claimant[]): Claimant | null {
  if (!suggested) return null;
  const known = matchClaimant(suggested.name, library);
  return known ? { name: known.name, role: known.role ?? suggested.role } : suggested;
}
