/**
 * The claimant library (settings.claimants): adding and editing a claimant with its aliases,
 * renaming one everywhere, merging two spellings, removing one. Each is one store.update, so
 * one undo step takes back the list and every claim it renamed together.
 */
import type { Handlers } from '../../../../shared/api/contract';
import type { ClaimantsChange } from '../../../../shared/api/claimant-methods';
import { ApiError } from '../../../../shared/api/result';
import { claimantKey as key, describeOwner, MAX_ALIASES, nameIndex, type ClaimantEntry } from '../../../../shared/domain/claimant-entries';
import { claimantLibrary } from '../../../../shared/domain/claimant-library';
import type { Claim, Workspace } from '../../../../shared/domain/schemas';
import type { WorkspaceStore } from '../store-interface';
import { snapshot } from './common';

type ClaimantMethod = 'saveClaimant' | 'mergeClaimants' | 'deleteClaimant';

export function claimantHandlers(store: WorkspaceStore): Handlers<ClaimantMethod> {
  /** Claims naming any of `keys` now name `entry` (their own role kept, else the entry's); published claims are counted, not changed. */
  const rename = (ws: Workspace, keys: ReadonlySet<string>, entry: ClaimantEntry): Omit<ClaimantsChange, 'claimants'> => {
    const claims: Claim[] = [];
    let skippedPublished = 0;
    const now = store.timestamp();
    // Read without drafting every claim (100,000 of them): only the renamed ones are written.
    snapshot(ws.claims).forEach((current, i) => {
      const named = current.claimant;
      if (!named || !keys.has(key(named.name)) || named.name === entry.name) return;
      if (current.status === 'published') {
        skippedPublished++;
        return;
      }
      const claim = ws.claims[i]!;
      claim.claimant = { name: entry.name, role: named.role ?? entry.role };
      claim.updatedAt = now;
      claims.push(claim);
    });
    return { claims, skippedPublished };
  };

  return {
    saveClaimant: ({ name, role, aliases, previousName }) => {
      const renaming = previousName !== undefined && previousName !== name;
      return store.update(renaming ? 'Rename claimant' : 'Save claimant', (ws) => {
        const entries = ws.settings.claimants;
        const at = previousName === undefined ? -1 : entries.findIndex((e) => key(e.name) === key(previousName));
        if (previousName !== undefined && at === -1) refuseAlias(entries, previousName, 'edit that claimant instead');
        const others = entries.filter((_, i) => i !== at);
        const owners = nameIndex(others);
        const clash = owners.get(key(name));
        if (clash) {
          const what = describeOwner(name, clash);
          throw new ApiError('conflict', previousName === undefined && !clash.asAlias ? `${what} in the library; edit it there.` : `${what}; merge them instead.`);
        }
        const entry: ClaimantEntry = { name, role, aliases: uniqueAliases(name, aliases) };
        for (const alias of entry.aliases) {
          const owner = owners.get(key(alias));
          if (owner) throw new ApiError('conflict', `${describeOwner(alias, owner)}; remove it there first, or merge the two claimants.`);
        }
        if (at === -1) entries.push(entry);
        else entries[at] = entry;
        // One claimant, one name: claims naming the old name, a spelling of the name or an alias now name it.
        const keys = new Set([name, ...entry.aliases, ...(previousName === undefined ? [] : [previousName])].map(key));
        return { claimants: ws.settings.claimants, ...rename(ws, keys, entry) };
      });
    },

    mergeClaimants: ({ from, into }) =>
      store.update('Merge claimants', (ws) => {
        if (key(from) === key(into)) throw new ApiError('invalid_input', `“${from}” and “${into}” are the same claimant: choose another to merge into.`);
        const entries = ws.settings.claimants;
        const gone = findOrNamed(ws, from);
        const kept = findOrNamed(ws, into);
        const aliases = uniqueAliases(kept.entry.name, [...kept.entry.aliases, gone.entry.name, ...gone.entry.aliases]);
        if (aliases.length > MAX_ALIASES) {
          throw new ApiError('invalid_input', `“${kept.entry.name}” would have ${aliases.length} aliases (${MAX_ALIASES} at most): remove some first. Nothing was changed.`);
        }
        const merged: ClaimantEntry = { name: kept.entry.name, role: kept.entry.role, aliases };
        const keys = new Set([gone.entry.name, ...gone.entry.aliases].map(key));
        if (kept.index === -1) entries.push(merged);
        else entries[kept.index] = merged;
        // Pushing appended at the end: `gone`'s index still holds.
        if (gone.index !== -1) entries.splice(gone.index, 1);
        return { claimants: ws.settings.claimants, ...rename(ws, keys, merged) };
      }),

    deleteClaimant: ({ name }) =>
      store.update('Delete claimant', (ws) => {
        const entries = ws.settings.claimants;
        const at = entries.findIndex((e) => key(e.name) === key(name));
        if (at === -1) {
          refuseAlias(entries, name, 'remove the alias by editing that claimant');
          throw new ApiError('not_found', `“${name}” is not in the claimant library (it may have been removed already); claims keep the names they have.`);
        }
        entries.splice(at, 1);
        return { claimants: ws.settings.claimants, claims: [], skippedPublished: 0 };
      }),
  };
}

/** Aliases as stored: each once (case and spacing aside), and never the name itself. */
function uniqueAliases(name: string, aliases: readonly string[]): string[] {
  const seen = new Set([key(name)]);
  return aliases.filter((alias) => {
    const k = key(alias);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** Refuses a name that is some entry's alias: the editor meant that entry. */
function refuseAlias(entries: readonly ClaimantEntry[], name: string, what: string): void {
  const owner = nameIndex(entries).get(key(name));
  if (owner?.asAlias) throw new ApiError('conflict', `${describeOwner(name, owner)}: ${what}.`);
}

/**
 * The stored entry named `name` (index in the list), or for a name only on claims a new entry
 * for it (index -1) with the role its latest claim gives; an alias or an unknown name is refused.
 */
function findOrNamed(ws: Workspace, name: string): { entry: ClaimantEntry; index: number } {
  const entries = ws.settings.claimants;
  const index = entries.findIndex((e) => key(e.name) === key(name));
  if (index !== -1) return { entry: entries[index]!, index };
  refuseAlias(entries, name, 'it is one claimant with it already');
  const onClaims = claimantLibrary(snapshot(ws.claims)).find((c) => key(c.name) === key(name));
  if (!onClaims) throw new ApiError('not_found', `There is no claimant “${name}” in the library or on any claim; it may have been renamed or removed.`);
  return { entry: { name: onClaims.name, role: onClaims.role, aliases: [] }, index: -1 };
}
