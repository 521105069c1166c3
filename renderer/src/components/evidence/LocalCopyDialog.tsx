import { useEffect, useId, useState } from 'react';
import { formatBytes, utcMinute, type LocalCopy, type LocalCopyRef } from '../../../../shared/domain/evidence';
import { useActions } from '../../store/react';
import { useModalDialog } from '../useModalDialog';

/** A local copy as it was kept: when and where it was read, its digest, and its clean text (selectable). */
export function LocalCopyDialog({ copy, sourceTitle, onClose }: { copy: LocalCopyRef | null; sourceTitle: string; onClose(): void }) {
  const id = useId();
  const dialog = useModalDialog(copy !== null);
  const { getLocalCopy } = useActions();
  // What was read, for which copy: another copy opened shows "Loading…" until its own text arrives.
  const [loaded, setLoaded] = useState<{ id: string; copy: LocalCopy | null; error: string | null } | null>(null);
  useEffect(() => {
    if (!copy) return;
    let live = true;
    getLocalCopy(copy.id).then(
      (c) => live && setLoaded({ id: copy.id, copy: c, error: null }),
      (e: unknown) => live && setLoaded({ id: copy.id, copy: null, error: (e as Error).message }),
    );
    return () => {
      live = false;
    };
  }, [copy, getLocalCopy]);
  const current = loaded && copy && loaded.id === copy.id ? loaded : null;
  const full = current?.copy ?? null;
  const error = current?.error ?? null;
  return (
    <dialog ref={dialog} className="dialog local-copy-dialog" aria-labelledby={`${id}-title`} onClose={onClose}>
      <h2 id={`${id}-title`}>Local copy of {sourceTitle}</h2>
      {copy && (
        <>
          <dl className="copy-facts">
            <dt>Read</dt>
            <dd>{utcMinute(copy.fetchedAt)}</dd>
            <dt>Address</dt>
            <dd>{full?.requestedUrl ?? '…'}</dd>
            <dt>Final address</dt>
            <dd>{copy.finalUrl}</dd>
            <dt>Title</dt>
            <dd>{copy.title || '(none)'}</dd>
            {full?.byline ? (
              <>
                <dt>Byline</dt>
                <dd>{full.byline}</dd>
              </>
            ) : null}
            <dt>Size</dt>
            <dd>
              {formatBytes(copy.bytes)}
              {full ? ` (${full.contentType || 'no content type'})` : ''}
            </dd>
            <dt>SHA-256</dt>
            <dd>
              <code className="digest">{copy.sha256}</code>
            </dd>
          </dl>
          {error && (
            <p className="field-error" role="alert">
              {error}
            </p>
          )}
          <div className="copy-text" tabIndex={0} aria-label="The page's text as it was kept">
            {full ? full.text.split(/\n{2,}/).map((para, i) => <p key={i}>{para}</p>) : !error && <p className="empty-note">Loading…</p>}
          </div>
        </>
      )}
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose}>
          Close
        </button>
      </div>
    </dialog>
  );
}
