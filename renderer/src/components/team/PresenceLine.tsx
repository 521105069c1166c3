import { useShallow } from 'zustand/react/shallow';
import type { AppState } from '../../store/types';
import { useAppStore } from '../../store/react';

/** The person this app is working as: the one logged in to the team (a team copy), else the name in the settings. */
export const selectCurrentPerson = (s: AppState): string => (s.sync.kind === 'team' ? s.sync.person : (s.workspace?.settings.currentEditor ?? ''));

/** Everyone else who has `claimId` open, each named once. */
export function selectOthersOn(claimId: string | null) {
  return (s: AppState): string[] => {
    if (!claimId) return [];
    const me = selectCurrentPerson(s);
    return [...new Set(s.presence.filter((p) => p.claimId === claimId && p.person !== me).map((p) => p.person))];
  };
}

/**
 * "Also open: Dana, Bo": who else has the open claim in front of them, so two people do
 * not rewrite the same verdict unawares. A polite live region: it is said when someone
 * arrives or leaves, without interrupting what the editor is doing.
 */
export function PresenceLine({ claimId }: { claimId: string | null }) {
  const others = useAppStore(useShallow(selectOthersOn(claimId)));
  return (
    <p className="presence-line" aria-live="polite">
      {others.length > 0 ? `Also open: ${others.join(', ')}` : ''}
    </p>
  );
}

/** In a claim list row: who else has that claim open, named on hover (the pane says it in full). */
export function PresenceBadge({ claimId }: { claimId: string }) {
  const others = useAppStore(useShallow(selectOthersOn(claimId)));
  if (others.length === 0) return null;
  const names = others.join(', ');
  return (
    <span className="badge presence-badge" title={`Also open: ${names}`}>
      <span className="visually-hidden">Also open: </span>
      {others.length === 1 ? others[0] : `${others.length} people`}
    </span>
  );
}
