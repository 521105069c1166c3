import { useEffect, useId, useState } from 'react';
import type { AuditEntry, Claim } from '../../../../shared/domain/schemas';
import { useActions } from '../../store/react';

/**
 * The claim's history: every recorded change (what, old → new, who, when), oldest first,
 * read from the store's audit log. Reloaded whenever the claim changes.
 */
export function HistoryPanel({ claim }: { claim: Claim }) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [entries, setEntries] = useState<AuditEntry[] | null>(null);
  const { claimHistory } = useActions();

  useEffect(() => {
    if (!open) return;
    let current = true;
    claimHistory(claim.id).then(
      (list) => current && setEntries(list),
      () => undefined, // reported by the store
    );
    return () => {
      current = false;
    };
  }, [open, claim, claimHistory]);

  return (
    <section className="claim-section history-section" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`} className="section-title">
        <button type="button" className="section-toggle" aria-expanded={open} onClick={() => setOpen(!open)}>
          History
        </button>
      </h3>
      {open &&
        (entries === null ? (
          <p className="empty-note">Loading…</p>
        ) : (
          <ol className="history-list" aria-label="History of this claim">
            {entries.map((entry, i) => (
              <li key={i}>
                <span className="history-when">{new Date(entry.at).toLocaleString()}</span> <span className="history-who">{entry.by || 'Someone'}</span>:{' '}
                <span className="history-what">{entry.action}</span>
                {entry.field ? (
                  <>
                    {' — '}
                    {entry.field}: {entry.from ?? 'none'} → {entry.to ?? 'none'}
                  </>
                ) : (
                  // Created or deleted: the wording says which claim it was.
                  (entry.to ?? entry.from) && <> — “{entry.to ?? entry.from}”</>
                )}
              </li>
            ))}
          </ol>
        ))}
    </section>
  );
}
