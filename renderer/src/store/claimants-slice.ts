import type { Client } from '../api/client';
import type { ClaimantsChange } from '../../../shared/api/claimant-methods';
import { plural } from '../labels';
import { mergeClaims } from './entities';
import type { ClaimantsSlice, Slice } from './types';

/**
 * The claimant library (settings.claimants): each change calls the API and takes the list and
 * the renamed claims it answers with. Its toast says what changed on the claims and offers
 * Undo, which undoes the step only while it is still the latest (like the other toasts).
 */
export function createClaimantsSlice(client: Client): Slice<ClaimantsSlice> {
  return (set, get) => {
    const apply = (change: ClaimantsChange, message: string, label: string) => {
      // Typed-but-unsent claimant names of renamed claims would undo the rename when sent.
      get().discardDrafts(change.claims.map((c) => c.id));
      set((s) => (s.workspace ? { workspace: { ...mergeClaims(s.workspace, change.claims), settings: { ...s.workspace.settings, claimants: change.claimants } } } : {}));
      const renamed = change.claims.length ? ` Renamed on ${plural(change.claims.length, 'claim')}.` : '';
      const skipped = change.skippedPublished
        ? ` ${plural(change.skippedPublished, 'published claim')} kept the old name: reopen ${change.skippedPublished === 1 ? 'it' : 'them'} for correction to change it.`
        : '';
      get().pushToast({
        kind: change.skippedPublished ? 'info' : 'success',
        message: `${message}${renamed}${skipped}`,
        action: {
          label: 'Undo',
          run: async () => {
            await get().refreshHistory();
            if (get().history.undoLabel === label) return get().undo();
            get().pushToast({ kind: 'info', message: 'Other changes were made since. Use Undo (Ctrl/Cmd+Z) to step back through them.' });
          },
        },
      });
      return change;
    };

    return {
      async saveClaimant(input) {
        const change = await get().perform('Could not save the claimant', () => client.saveClaimant(input));
        const renaming = input.previousName !== undefined && input.previousName !== input.name;
        return apply(change, renaming ? `Renamed “${input.previousName}” to “${input.name}”.` : `Saved “${input.name}”.`, renaming ? 'Rename claimant' : 'Save claimant');
      },
      async mergeClaimants(from, into) {
        const change = await get().perform('Could not merge the claimants', () => client.mergeClaimants({ from, into }));
        return apply(change, `Merged “${from}” into “${into}”.`, 'Merge claimants');
      },
      async deleteClaimant(name) {
        const change = await get().perform('Could not remove the claimant', () => client.deleteClaimant({ name }));
        return apply(change, `Removed “${name}” from the library; claims keep their claimant.`, 'Delete claimant');
      },
    };
  };
}
