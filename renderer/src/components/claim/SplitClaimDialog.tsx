import { useId, useMemo, useState } from 'react';
import { useModalDialog } from '../useModalDialog';
import type { Claim } from '../../../../shared/domain/schemas';
import { useActions } from '../../store/react';
import { reported } from '../reported';

/** Offsets (within the quote) where a split may fall: after each word, leaving text on both sides. */
export function splitPoints(quote: string): number[] {
  const points: number[] = [];
  for (const match of quote.matchAll(/\s+/g)) {
    const at = match.index + match[0].length;
    if (quote.slice(0, match.index).trim() && quote.slice(at).trim()) points.push(at);
  }
  return points;
}

/**
 * "Split claim": the editor moves a slider over the word boundaries of the quote and sees
 * the two parts before splitting. Keyboard-friendly, and exact: the split falls on a
 * character offset the API checks.
 */
export function SplitClaimDialog({ claim, open, onClose }: { claim: Claim; open: boolean; onClose(): void }) {
  const { splitClaim } = useActions();
  const points = useMemo(() => splitPoints(claim.quote.exact), [claim.quote.exact]);
  const [index, setIndex] = useState(() => Math.floor(points.length / 2));
  const id = useId();

  const dialog = useModalDialog(open);

  const at = points[Math.min(index, points.length - 1)] ?? 0;
  const submit = () => {
    reported(splitClaim(claim.id, claim.quote.start + at).then(onClose));
  };

  return (
    <dialog ref={dialog} className="dialog" aria-labelledby={`${id}-title`} onClose={onClose}>
      <h2 id={`${id}-title`}>Split claim</h2>
      {points.length === 0 ? (
        <p className="dialog-intro">This quote is a single word; there is nothing to split.</p>
      ) : (
        <>
          <p className="dialog-intro">Choose where the quote divides. The second part becomes a new claim with the same triage and sources; the verdict stays with the first.</p>
          <label className="field">
            <span>Split point</span>
            <input type="range" min={0} max={points.length - 1} step={1} value={index} onChange={(e) => setIndex(Number(e.target.value))} aria-valuetext={`after “${claim.quote.exact.slice(0, at).trim().split(/\s+/).at(-1)}”`} />
          </label>
          <div className="split-preview">
            <p>
              <strong>First part:</strong> {claim.quote.exact.slice(0, at).trim()}
            </p>
            <p>
              <strong>Second part:</strong> {claim.quote.exact.slice(at).trim()}
            </p>
          </div>
        </>
      )}
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
        <button type="button" className="button primary" disabled={points.length === 0} onClick={submit}>
          Split
        </button>
      </div>
    </dialog>
  );
}
