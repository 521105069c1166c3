import { useId, useState, type FormEvent } from 'react';
import type { Claim } from '../../../../shared/domain/schemas';
import { ratingLabel } from '../../../../shared/domain/rating';
import { selectRatingScale } from '../../store/selectors';
import { useActions, useAppStore } from '../../store/react';

/** The verdict: a rating from the workspace's scale, a one-line conclusion and a rationale. */
export function VerdictSection({ claim }: { claim: Claim }) {
  const id = useId();
  const scale = useAppStore(selectRatingScale);
  // Full Fact style: the verdict is the written conclusion; the one level only marks it decided.
  const conclusionOnly = useAppStore((s) => s.workspace?.settings.conclusionOnly ?? false);
  const { setVerdict } = useActions();
  const [ratingId, setRatingId] = useState(claim.verdict?.ratingId ?? scale[0]?.id ?? '');
  const [conclusion, setConclusion] = useState(claim.verdict?.conclusion ?? '');
  const [rationale, setRationale] = useState(claim.verdict?.rationale ?? '');
  const [busy, setBusy] = useState(false);
  const chosen = scale.find((r) => r.id === ratingId);
  const verdict = claim.verdict;
  // The verdict is a decision, so it is saved on purpose; say when the form differs from it.
  const unsaved = verdict
    ? verdict.ratingId !== ratingId || verdict.conclusion !== conclusion.trim() || verdict.rationale !== rationale
    : conclusion.trim() !== '' || rationale.trim() !== '';

  const run = async (call: () => Promise<unknown>) => {
    setBusy(true);
    try {
      await call();
    } catch {
      // Reported by the store (toast + status bar); the form keeps what was typed.
    } finally {
      setBusy(false);
    }
  };
  const save = (event: FormEvent) => {
    event.preventDefault();
    void run(() => setVerdict(claim.id, { ratingId, conclusion, rationale }));
  };

  return (
    <section className="claim-section verdict-section" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`} className="section-title">
        Verdict
      </h3>
      {verdict ? (
        <div className="verdict-current">
          <p>
            Current verdict: <strong className={`badge verdict rating-${verdict.ratingId}`}>{ratingLabel(scale, verdict.ratingId)}</strong>
          </p>
          {verdict.conclusion && <p className="verdict-conclusion">{verdict.conclusion}</p>}
          <p className="verdict-date">Decided {new Date(verdict.decidedAt).toLocaleString()}</p>
        </div>
      ) : (
        <p className="empty-note">Not rated yet. Choose a rating once the sources are in, and explain how you got there.</p>
      )}
      <form className="verdict-form" onSubmit={save}>
        {conclusionOnly ? (
          <p className="field-hint">This workspace records each verdict as a written conclusion.</p>
        ) : (
          <>
        <div className="field">
          <label htmlFor={`${id}-rating`}>Rating</label>
          <select id={`${id}-rating`} value={ratingId} aria-describedby={`${id}-rating-description`} onChange={(e) => setRatingId(e.target.value)}>
            {scale.map((r) => (
              <option key={r.id} value={r.id}>
                {r.label}
              </option>
            ))}
          </select>
          <p id={`${id}-rating-description`} className="field-hint">
            {chosen?.description}
          </p>
        </div>
        <details className="scale-legend">
          <summary>The whole rating scale</summary>
          <dl>
            {scale.map((r) => (
              <div key={r.id} className={r.id === ratingId ? 'chosen' : undefined}>
                <dt>{r.label}</dt>
                <dd>{r.description}</dd>
              </div>
            ))}
          </dl>
        </details>
          </>
        )}
        <div className="field">
          <label htmlFor={`${id}-conclusion`}>Conclusion</label>
          <input id={`${id}-conclusion`} value={conclusion} placeholder="One line for the report" onChange={(e) => setConclusion(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-rationale`}>Rationale</label>
          <textarea id={`${id}-rationale`} rows={5} value={rationale} placeholder="How the sources lead to this rating (Markdown)" onChange={(e) => setRationale(e.target.value)} />
        </div>
        <div className="form-actions">
          <button type="submit" className="button primary" disabled={busy || !ratingId || (conclusionOnly && !conclusion.trim())}>
            Save verdict
          </button>
          {verdict && (
            <button type="button" className="button subtle" disabled={busy} onClick={() => void run(() => setVerdict(claim.id, null))}>
              Clear verdict
            </button>
          )}
          {unsaved && <span className="unsaved-note">Not saved yet: choose “Save verdict”.</span>}
        </div>
      </form>
    </section>
  );
}
