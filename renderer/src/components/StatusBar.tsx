import { useShallow } from 'zustand/react/shallow';
import { selectInReviewCount, selectSaveState } from '../store/selectors';
import { useAppStore } from '../store/react';
import { plural } from '../labels';
import { IdentityPicker } from './IdentityPicker';
import { SettingsDialog } from './SettingsDialog';
import { ClaimantsDialog } from './claimants/ClaimantsDialog';
import { JoinTeamDialog } from './team/JoinTeamDialog';
import { OutboxDialog } from './team/OutboxDialog';
import { LinkCheckDialog } from './evidence/LinkCheckDialog';
import { SyncStatus } from './team/SyncStatus';
import { WorkspaceSwitcher } from './team/WorkspaceSwitcher';
import './team/team.css';

/** On the team server's own page: whether other people's changes are arriving (its live stream). */
function TeamState() {
  const live = useAppStore((s) => s.live);
  if (live === 'reconnecting') {
    return (
      <span className="status-item team-offline" title="Changes you make now are refused until the server answers again.">
        Team server unreachable: reconnecting…
      </span>
    );
  }
  return <span className="status-item">Team workspace{live === 'connected' ? ': live' : ''}</span>;
}

/** Always-visible save state ("Saving…" / "Saved" / the last problem) and the data file. */
export function StatusBar() {
  const { kind: saveKind, text: saveText } = useAppStore(useShallow(selectSaveState));
  const dataFile = useAppStore((s) => s.appInfo?.dataFile);
  const mode = useAppStore((s) => s.appInfo?.mode);
  const inReview = useAppStore(selectInReviewCount);
  const syncKind = useAppStore((s) => s.sync.kind);
  // The team server's own page (not a copy kept on this machine): it cannot join or switch.
  const teamServerPage = mode === 'team' && syncKind === 'none';

  return (
    <footer className="status-bar">
      {/* Only the save state is in the live region, so screen readers hear just that. */}
      <span role="status" className={`save-state save-${saveKind}`} title={saveText}>
        {saveText}
      </span>
      {inReview > 0 && <span className="status-item">{plural(inReview, 'claim')} in review</span>}
      <span className="status-spacer" />
      <IdentityPicker />
      <ClaimantsDialog />
      <LinkCheckDialog />
      <SettingsDialog />
      {dataFile && mode !== 'team' && (
        <span className="status-item data-file" title={dataFile}>
          Data: {dataFile}
        </span>
      )}
      {mode === 'browser' && <span className="status-item">Browser mode</span>}
      {teamServerPage && <TeamState />}
      {mode && !teamServerPage && (
        <>
          <WorkspaceSwitcher />
          <SyncStatus />
          <OutboxDialog />
          <JoinTeamDialog />
        </>
      )}
    </footer>
  );
}
