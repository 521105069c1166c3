import { useEffect, useId, useMemo, useRef, type KeyboardEvent } from 'react';
import type { Claim } from '../../../../shared/domain/schemas';
import { describeClaimant } from '../../../../shared/domain/claimant';
import { claimantLibrary, storedClaimant } from '../../../../shared/domain/claimant-library';
import { selectDraft } from '../../store/selectors';
import { useActions, useAppStore } from '../../store/react';
import type { DraftField } from '../../store/types';
import { FieldError } from '../FieldError';
import { reported } from '../reported';

/**
 * "Claim by": who made the claim, when, and where its fact-check is published. Name and role
 * save like the assignee (as typed, and on leaving the field); the date at once like the due
 * date. A claim without a claimant shows the claim engine's suggestion to accept or edit.
 * On a published claim everything here is locked except the publication address, which is
 * publication metadata (the API accepts it without reopening the claim).
 */
export function ClaimantSection({ claim, locked }: { claim: Claim; locked: boolean }) {
  const id = useId();
  const { updateClaim, editDraft, releaseDraft } = useActions();
  const name = useAppStore(selectDraft(claim.id, 'claimantName'));
  const role = useAppStore(selectDraft(claim.id, 'claimantRole'));
  const address = useAppStore(selectDraft(claim.id, 'publishedUrl'));
  const articleDate = useAppStore((s) => s.workspace?.articles.find((a) => a.id === claim.articleId)?.publishedDate ?? null);
  const claims = useAppStore((s) => s.workspace?.claims);
  const entries = useAppStore((s) => s.workspace?.settings.claimants);
  // The workspace's claimants (stored ones first in the ranking by use) as name choices, so one speaker is named one way everywhere.
  const known = useMemo(() => claimantLibrary(claims ?? [], entries ?? []), [claims, entries]);
  // A typed alias is saved as its claimant's name (the API does it): say so while typing.
  const typedName = name?.value ?? '';
  const canonical = typedName && entries?.length ? storedClaimant(typedName, entries) : null;
  const savedAs = canonical && canonical.name !== typedName.trim() ? canonical : null;
  const nameInput = useRef<HTMLInputElement>(null);
  // Set by Accept and Edit; read after the render that shows the fields (not state: nothing to draw).
  const focusName = useRef(false);

  const suggestion = claim.claimant === null && !name && !role ? claim.suggestedClaimant : null;
  const save = (patch: Parameters<typeof updateClaim>[1]) => reported(updateClaim(claim.id, patch));

  // Accept and Edit replace their own buttons with the fields: the cursor goes to the name, not to the page.
  useEffect(() => {
    if (!focusName.current || !nameInput.current) return;
    focusName.current = false;
    nameInput.current.focus();
  });

  const accept = async () => {
    if (!suggestion) return;
    try {
      focusName.current = true;
      await updateClaim(claim.id, { claimant: suggestion });
    } catch {
      // Reported by the store (toast + status bar); the suggestion stays to try again.
      focusName.current = false;
    }
  };
  const edit = () => {
    if (!suggestion) return;
    // Prefilled but unsent: the editor changes what the engine found, and leaving the field saves it.
    focusName.current = true;
    editDraft(claim.id, 'claimantName', suggestion.name, true);
    editDraft(claim.id, 'claimantRole', suggestion.role ?? '', true);
  };

  const text = (field: DraftField, draft: typeof name, saved: string | null, label: string, props: { placeholder: string; list?: string }, hint?: string | null) => {
    const inputId = `${id}-${field}`;
    const describedBy = [hint ? `${inputId}-hint` : '', draft?.error ? `${inputId}-error` : ''].filter(Boolean).join(' ');
    return (
      <div className="field">
        <label htmlFor={inputId}>{label}</label>
        <input
          id={inputId}
          ref={field === 'claimantName' ? nameInput : undefined}
          {...props}
          value={draft?.value ?? saved ?? ''}
          aria-invalid={draft?.error ? true : undefined}
          aria-describedby={describedBy || undefined}
          onChange={(e) => editDraft(claim.id, field, e.target.value)}
          onBlur={() => reported(releaseDraft(claim.id, field))}
        />
        {hint && (
          <p id={`${inputId}-hint`} className="field-hint claimant-alias-hint">
            {hint}
          </p>
        )}
        <FieldError id={`${inputId}-error`} message={draft?.error ?? undefined} />
      </div>
    );
  };

  const onAddressKey = (event: KeyboardEvent<HTMLInputElement>) => {
    // The address saves when complete: Enter says so without leaving the field.
    if (event.key === 'Enter') {
      event.preventDefault();
      reported(releaseDraft(claim.id, 'publishedUrl'));
    }
  };

  return (
    <section className="claim-section claimant-section" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`} className="section-title">
        Claim by
      </h3>
      <fieldset className="lock-fieldset" disabled={locked}>
        <legend className="visually-hidden">Claimant and claim date</legend>
        {suggestion ? (
          <div className="claimant-suggestion">
            <p id={`${id}-suggestion`}>
              Suggested: <strong>{describeClaimant(suggestion)}</strong>
            </p>
            <div className="form-actions">
              <button type="button" className="button small primary" aria-describedby={`${id}-suggestion`} onClick={() => void accept()}>
                Accept
              </button>
              <button type="button" className="button small" aria-describedby={`${id}-suggestion`} onClick={edit}>
                Edit
              </button>
            </div>
          </div>
        ) : (
          <div className="claimant-fields">
            {text(
              'claimantName',
              name,
              claim.claimant?.name ?? null,
              'Name',
              { placeholder: 'Person or organisation', list: known.length ? `${id}-known` : undefined },
              savedAs ? `Saved as “${savedAs.name}”: an alias in the claimant library.` : null,
            )}
            {known.length ? (
              <datalist id={`${id}-known`}>
                {known.map((k) => (
                  <option key={k.name} value={k.name} />
                ))}
              </datalist>
            ) : null}
            {text('claimantRole', role, claim.claimant?.role ?? null, 'Role', { placeholder: 'e.g. deputy foreign minister' })}
          </div>
        )}
        <div className="field">
          <label htmlFor={`${id}-date`}>Claim date</label>
          <input
            id={`${id}-date`}
            type="date"
            value={claim.claimDate ?? ''}
            aria-describedby={`${id}-date-hint`}
            onChange={(e) => save({ claimDate: e.target.value || null })}
          />
          <p id={`${id}-date-hint`} className="field-hint">
            {claim.claimDate ? 'When the claim was made.' : `Empty: the article date${articleDate ? ` (${articleDate})` : ''}.`}
          </p>
        </div>
      </fieldset>
      <div className="field">
        <label htmlFor={`${id}-address`}>Publication address</label>
        <input
          id={`${id}-address`}
          type="url"
          inputMode="url"
          placeholder="https://…"
          value={address?.value ?? claim.publishedUrl ?? ''}
          aria-invalid={address?.error ? true : undefined}
          aria-describedby={`${id}-address-hint${address?.error ? ` ${id}-address-error` : ''}`}
          onChange={(e) => editDraft(claim.id, 'publishedUrl', e.target.value)}
          onBlur={() => reported(releaseDraft(claim.id, 'publishedUrl'))}
          onKeyDown={onAddressKey}
        />
        <p id={`${id}-address-hint`} className="field-hint">
          Where the fact-check is published{locked ? '; it can be set on the published claim' : ''}.
        </p>
        <FieldError id={`${id}-address-error`} message={address?.error ?? undefined} />
      </div>
    </section>
  );
}
