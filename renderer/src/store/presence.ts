/**
 * Tells the team which claim this person has open, so the others see "Also open: …". Only
 * in a team workspace (a local copy of one, or the team server's own page), and only once
 * the selection settles: stepping through claims with j/k should not send one call per key.
 */
import type { StoreApi } from 'zustand/vanilla';
import type { Client } from '../api/client';
import type { AppState } from './types';

export const PRESENCE_DELAY_MS = 300;

/** Whether the open workspace is shared with a team, so presence means something. */
export const isTeamWorkspace = (s: AppState): boolean => s.sync.kind === 'team' || s.appInfo?.mode === 'team';

export function reportPresence(store: StoreApi<AppState>, client: Client, delayMs: number): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** The claim the team last heard about (undefined: nothing said yet in this workspace). */
  let announced: string | null | undefined;

  const announce = (claimId: string | null) => {
    announced = claimId;
    client.setPresence({ claimId }).then(
      ({ people }) => store.setState({ presence: people }),
      // Presence is a courtesy: when the server cannot hear it, the status bar already says
      // the team is offline, and an error toast on every click would only get in the way.
      () => undefined,
    );
  };

  return store.subscribe((s, before) => {
    const team = isTeamWorkspace(s);
    if (!team) {
      clearTimeout(timer);
      announced = undefined;
      return;
    }
    // Each load (another workspace, or the same one anew) starts with the server knowing nothing.
    const reloaded = s.appInfo !== before.appInfo;
    if (reloaded) announced = undefined;
    const changed = reloaded || s.selectedClaimId !== before.selectedClaimId || !isTeamWorkspace(before);
    if (!changed) return;
    clearTimeout(timer);
    const claimId = s.selectedClaimId;
    timer = setTimeout(() => {
      // A claim left and opened again within the delay: the team still has it right.
      if (claimId !== announced) announce(claimId);
    }, delayMs);
  });
}
