/**
 * The workspace's claimants as one list: the stored entries (settings.claimants, with their
 * aliases) and every other claimant set on a claim, once, so the same speaker is named the
 * same way everywhere. A name is matched to a known claimant when it is a stored entry's name
 * or alias (case and spacing aside), else when it is the same name as a known one, the known
 * name's last word alone ("Lavrov" for "Sergey Lavrov", when only one known claimant has it),
 * or a longer form holding the known name ("Russia's Foreign Minister Sergey Lavrov").
 */
import { claimantKey as key, nameIndex, type ClaimantEntry } from './claimant-entries';
import type { Claim, Claimant } from './schemas';

export interface LibraryClaimant extends Claimant {
  /** How many claims name them (by their name or, for a stored entry, one of its aliases). */
  claims: number;
  /** A stored entry's aliases; empty for a name only found on claims. */
  aliases: string[];
  /** Whether it is a stored entry (editable in the library) or only a name on claims. */
  stored: boolean;
}

const lastWord = (name: string) => key(name).split(' ').at(-1) ?? '';

/**
 * The stored entries, and every other claimant named on a claim once (the role of the most
 * recently updated claim), most used first. A claim naming an entry's alias counts for the entry.
 */
export function claimantLibrary(claims: readonly Pick<Claim, 'claimant' | 'updatedAt'>[], entries: readonly ClaimantEntry[] = []): LibraryClaimant[] {
  const owners = nameIndex(entries);
  const counts = new Array<number>(entries.length).fill(0);
  const byName = new Map<string, LibraryClaimant & { updatedAt: string }>();
  for (const claim of claims) {
    if (!claim.claimant) continue;
    const k = key(claim.claimant.name);
    const owner = owners.get(k);
    if (owner) {
      counts[owner.index]!++;
      continue;
    }
    const known = byName.get(k);
    if (!known) byName.set(k, { name: claim.claimant.name, role: claim.claimant.role, claims: 1, aliases: [], stored: false, updatedAt: claim.updatedAt });
    else {
      known.claims++;
      if (claim.updatedAt > known.updatedAt) Object.assign(known, { name: claim.claimant.name, role: claim.claimant.role, updatedAt: claim.updatedAt });
    }
  }
  const stored = entries.map((e, i): LibraryClaimant => ({ name: e.name, role: e.role, claims: counts[i]!, aliases: [...e.aliases], stored: true }));
  const named = [...byName.values()].map(({ updatedAt: _, ...c }) => c);
  return [...stored, ...named].sort((a, b) => b.claims - a.claims || a.name.localeCompare(b.name));
}

/** The stored entry whose name or alias `name` is exactly (case and spacing aside), as a claimant; else null. */
export function storedClaimant(name: string, entries: readonly ClaimantEntry[]): Claimant | null {
  const entry = entries.length > 0 ? nameIndex(entries).get(key(name))?.entry : undefined;
  return entry ? { name: entry.name, role: entry.role } : null;
}

/**
 * A claimant as it is stored on a claim: a name that is a stored entry's name or alias
 * becomes the entry's name, so the table, filters and reports group them; the role typed
 * stays, and the entry's fills it when none was given.
 */
export function canonicalClaimant(claimant: Claimant, entries: readonly ClaimantEntry[]): Claimant {
  const stored = storedClaimant(claimant.name, entries);
  return stored ? { name: stored.name, role: claimant.role ?? stored.role } : claimant;
}

/**
 * The known claimant `name` refers to, or null: a stored entry's name or alias first; then
 * the rules over the names of `library` (claims' claimants) and the entries' names and
 * aliases. A rule that lands on an entry's name or alias gives the entry.
 */
export function matchClaimant(name: string, library: readonly Claimant[], entries: readonly ClaimantEntry[] = []): Claimant | null {
  return claimantMatcher(library, entries)(name);
}

/** matchClaimant with the entries' index built once, for matching many names (a claim per suggested sentence). */
export function claimantMatcher(library: readonly Claimant[], entries: readonly ClaimantEntry[] = []): (name: string) => Claimant | null {
  const owners = nameIndex(entries);
  const stored = (k: string): Claimant | null => {
    const entry = owners.get(k)?.entry;
    return entry ? { name: entry.name, role: entry.role } : null;
  };
  // Aliases take part in the rules too ("a spokesman for the Kremlin" holds the alias "the Kremlin"); a hit on one gives its entry.
  const known: readonly Claimant[] =
    entries.length > 0 ? [...entries.flatMap((e) => [e.name, ...e.aliases].map((name) => ({ name, role: e.role }))), ...library] : library;
  return (name) => {
    const k = key(name);
    if (!k) return null;
    const found = stored(k) ?? matchByRules(k, known);
    return found && (stored(key(found.name)) ?? found);
  };
}

function matchByRules(k: string, library: readonly Claimant[]): Claimant | null {
  const same = library.find((c) => key(c.name) === k);
  if (same) return same;
  if (!k.includes(' ')) {
    // The same person may be listed twice (an entry and a claim's spelling of it): one key, one person.
    const bySurname = new Map(library.filter((c) => key(c.name).includes(' ') && lastWord(c.name) === k).map((c) => [key(c.name), c]));
    if (bySurname.size === 1) return [...bySurname.values()][0]!;
  }
  // The longest known name inside the longer form, on word boundaries.
  const inside = library
    .filter((c) => key(c.name).includes(' ') && ` ${k} `.includes(` ${key(c.name)} `))
    .sort((a, b) => b.name.length - a.name.length);
  return inside[0] ?? null;
}

/** A suggestion as the workspace already names that speaker (keeping the suggestion's role when the library has none). */
export function resolveClaimant(suggested: Claimant | null, library: readonly Claimant[], entries: readonly ClaimantEntry[] = []): Claimant | null {
  return claimantResolver(library, entries)(suggested);
}

/** resolveClaimant prepared once for many suggestions. */
export function claimantResolver(library: readonly Claimant[], entries: readonly ClaimantEntry[] = []): (suggested: Claimant | null) => Claimant | null {
  const match = claimantMatcher(library, entries);
  return (suggested) => {
    if (!suggested) return null;
    const known = match(suggested.name);
    return known ? { name: known.name, role: known.role ?? suggested.role } : suggested;
  };
}
