import { useId, useState } from 'react';
import type { OutboxItem } from '../../../../shared/api/team-methods';
import { errorMessage } from '../../api/client';
import { useActions, useAppStore } from '../../store/react';
import { reported } from '../reported';
import { useModalDialog } from '../useModalDialog';
import { connectionSentence, formatTime, writtenText, type TeamSync } from './sync-wording';

/**
 * The outbox: changes made while the team server could not be reached, in the order they
 * will be sent, and those it refused with its reason in full. A refused change is only
 * removed when the editor says so (after copying what they wrote, if they want it).
 */
export function OutboxDialog() {
  const open = useAppStore((s) => s.teamDialog === 'outbox');
  const sync = useAppStore((s) => s.sync);
  const { setTeamDialog } = useActions();
  const id = useId();
  const dialog = useModalDialog(open && sync.kind === 'team');
  const close = () => setTeamDialog(null);
  return (
    <dialog ref={dialog} className="dialog outbox-dialog" aria-labelledby={`${id}-title`} aria-describedby={`${id}-intro`} onClose={close}>
      <h2 id={`${id}-title`}>Outbox</h2>
      {/* Rendered only while open, so its words are not found twice on the page. */}
      {open && sync.kind === 'team' && <OutboxContent sync={sync} introId={`${id}-intro`} onClose={close} />}
    </dialog>
  );
}

function OutboxContent({ sync, introId, onClose }: { sync: TeamSync; introId: string; onClose(): void }) {
  const { syncNow } = useActions();
  const [trying, setTrying] = useState(false);
  const busy = trying || sync.sending;
  const tryAgain = async () => {
    setTrying(true);
    try {
      await syncNow();
    } finally {
      setTrying(false);
    }
  };
  return (
    <>
      <p id={introId} className="dialog-intro">
        {connectionSentence(sync)}
        {sync.lastContactAt && ` Last heard from it ${formatTime(sync.lastContactAt)}.`}
      </p>
      {sync.outbox.length === 0 ? (
        <p className="outbox-empty">Nothing waiting to sync: every change you made has reached the team server.</p>
      ) : (
        <ol className="outbox-list" aria-label="Changes in the outbox">
          {sync.outbox.map((item) => (
            <OutboxRow key={item.id} item={item} />
          ))}
        </ol>
      )}
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose}>
          Close
        </button>
        <button type="button" className="button primary" disabled={busy} onClick={() => reported(tryAgain())}>
          {busy ? 'Sending…' : 'Try again now'}
        </button>
      </div>
    </>
  );
}

function OutboxRow({ item }: { item: OutboxItem }) {
  const { discardOutboxItem, pushToast, selectClaim, setTeamDialog } = useActions();
  const claimThere = useAppStore((s) => item.claimId !== null && s.workspace?.claims.some((c) => c.id === item.claimId) === true);
  const id = useId();
  const refused = item.state === 'refused';
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(writtenText(item));
      pushToast({ kind: 'success', message: `Copied what you wrote in “${item.label}”.` });
    } catch (error) {
      pushToast({ kind: 'error', message: `Could not copy what you wrote: ${errorMessage(error)}` });
    }
  };
  const discard = async () => {
    await discardOutboxItem(item.id);
    // No Undo here: the server refused it, and the outbox cannot take it back. Say what went.
    pushToast({ kind: 'info', message: `Discarded the refused change “${item.label}”.` });
  };
  return (
    <li className={`outbox-item outbox-${item.state}`} aria-labelledby={`${id}-label`}>
      <div className="outbox-head">
        <strong id={`${id}-label`}>{item.label}</strong>
        <time dateTime={item.at}>{formatTime(item.at)}</time>
        <span className="outbox-state">{refused ? 'Refused' : 'Waiting'}</span>
      </div>
      {refused && <p className="outbox-error">Refused by the team server: {item.error ?? 'no reason given.'}</p>}
      <div className="outbox-actions">
        {claimThere && (
          <button
            type="button"
            className="button small subtle"
            aria-describedby={`${id}-label`}
            onClick={() => {
              setTeamDialog(null);
              selectClaim(item.claimId);
            }}
          >
            Show the claim
          </button>
        )}
        {item.written.length > 0 && (
          <button type="button" className="button small" aria-describedby={`${id}-label`} onClick={() => void copy()}>
            Copy what I wrote
          </button>
        )}
        {refused && (
          <>
            <button type="button" className="button small danger" aria-describedby={`${id}-label ${id}-warn`} onClick={() => reported(discard())}>
              Discard
            </button>
            <span id={`${id}-warn`} className="field-hint">
              Discarding removes this change for good: it cannot be undone.{item.written.length > 0 ? ' Copy what you wrote first if you want to keep it.' : ''}
            </span>
          </>
        )}
      </div>
    </li>
  );
}
