import { useEffect, useId, useRef } from 'react';
import type { Claim } from '../../../../shared/domain/schemas';
import { selectDraft } from '../../store/selectors';
import { useActions, useAppStore } from '../../store/react';
import { FieldError } from '../FieldError';
import { reported } from '../reported';

/** The claim wording: saved ~400 ms after typing pauses and when the field loses focus. */
export function WordingField({ claim }: { claim: Claim }) {
  const id = useId();
  const draft = useAppStore(selectDraft(claim.id, 'text'));
  const focusWanted = useAppStore((s) => s.focusWordingOf === claim.id);
  const { editDraft, releaseDraft, wordingFocused } = useActions();
  const field = useRef<HTMLTextAreaElement>(null);

  // A claim the editor just made: put the cursor in its wording, the natural next step.
  useEffect(() => {
    if (!focusWanted) return;
    field.current?.focus();
    wordingFocused();
  }, [focusWanted, wordingFocused]);

  return (
    <div className="field">
      <label htmlFor={id}>Claim wording</label>
      <textarea
        ref={field}
        id={id}
        className="wording"
        rows={3}
        value={draft?.value ?? claim.text}
        aria-invalid={draft?.error ? true : undefined}
        aria-describedby={draft?.error ? `${id}-error` : undefined}
        onChange={(e) => editDraft(claim.id, 'text', e.target.value)}
        // A failure is reported by the store and kept on the draft (shown below).
        onBlur={() => reported(releaseDraft(claim.id, 'text'))}
      />
      <FieldError id={`${id}-error`} message={draft?.error ?? undefined} />
    </div>
  );
}
