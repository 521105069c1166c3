import { useActions, useAppStore } from '../../store/react';
import { connectionText, formatTime, refusedCount, refusedText } from './sync-wording';

/**
 * A team copy's state in the status bar: whether the team server is reachable, how many
 * changes wait to be sent, and (in warning colours) how many it refused. Each opens the
 * outbox, where the changes can be read, copied, discarded or sent again.
 */
export function SyncStatus() {
  const sync = useAppStore((s) => s.sync);
  const { setTeamDialog } = useActions();
  if (sync.kind !== 'team') return null;
  const refused = refusedCount(sync);
  const lastContact = sync.lastContactAt ? ` Last heard from the server ${formatTime(sync.lastContactAt)}.` : '';
  const title = sync.connection === 'offline' ? `${sync.problem ?? `Cannot reach ${sync.address}.`}${lastContact} Open the outbox.` : `${sync.address} as ${sync.person}. Open the outbox.`;
  return (
    <>
      <button
        type="button"
        className={`status-item status-button sync-${sync.connection}`}
        aria-haspopup="dialog"
        title={title}
        onClick={() => setTeamDialog('outbox')}
      >
        {connectionText(sync)}
      </button>
      {refused > 0 && (
        <button type="button" className="status-item status-button sync-refused" aria-haspopup="dialog" title="The team server refused these changes. Open the outbox to read why." onClick={() => setTeamDialog('outbox')}>
          {refusedText(refused)}
        </button>
      )}
    </>
  );
}
