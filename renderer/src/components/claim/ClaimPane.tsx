import { selectClaim } from '../../store/selectors';
import { useAppStore } from '../../store/react';
import { ClaimEditor } from './ClaimEditor';
import { PresenceLine } from '../team/PresenceLine';
import { isTeamWorkspace } from '../../store/presence';

/** The right pane: the selected claim, or a note on how to get one. */
export function ClaimPane() {
  const claim = useAppStore(selectClaim);
  const team = useAppStore(isTeamWorkspace);
  return (
    <aside className="pane claim-pane" aria-label="Claim">
      {/* Outside the keyed editor, so the live region stays put and is heard when people come and go. */}
      {team && <PresenceLine claimId={claim?.id ?? null} />}
      {claim ? (
        // Keyed by claim so every form starts from that claim's saved values.
        <ClaimEditor key={claim.id} claim={claim} />
      ) : (
        <div className="empty-state">
          <p className="empty-title">Select a claim</p>
          <p>Pick a claim from the list under the article, or make one from a sentence or a selected passage. Its wording, triage, sources and verdict are edited here and saved as you go.</p>
        </div>
      )}
    </aside>
  );
}
