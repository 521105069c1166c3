import { useState } from 'react';
import { useActions, useAppStore } from '../store/react';

/**
 * Told once, in words, when the app had to start from a backup: the data file could not be
 * read, it was moved aside (its full path is shown, selectable, to send to support or open
 * by hand) and what was loaded instead. Stays, across restarts, until the editor dismisses it.
 */
export function StartupNoticeBanner() {
  const notice = useAppStore((s) => s.startupNotice);
  const { dismissStartupNotice } = useActions();
  const [busy, setBusy] = useState(false);
  if (!notice) return <div className="notice-row" />;

  return (
    <div className="notice-row">
      <section className="startup-notice" role="alert" aria-labelledby="startup-notice-title">
        <div className="startup-notice-text">
          <h2 id="startup-notice-title">{notice.kind === 'repaired' ? 'A damaged end of your data was set aside' : 'Your data was restored from a backup'}</h2>
          <p>{notice.message}</p>
          <p className="startup-notice-path">
            {notice.kind === 'repaired' ? 'Damaged part, kept unchanged:' : 'Damaged file, kept unchanged:'}{' '}
            {/* user-select: all (app.css): one click selects the whole path, to copy. */}
            <code data-testid="damaged-file">
              {notice.damagedFile}
            </code>
          </p>
        </div>
        <button
          type="button"
          className="button"
          disabled={busy}
          onClick={() => {
            setBusy(true);
            void dismissStartupNotice().finally(() => setBusy(false));
          }}
        >
          Dismiss
        </button>
      </section>
    </div>
  );
}
