import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { LibraryClaimant } from '../../../../shared/domain/claimant-library';
import { errorMessage } from '../../api/client';
import { useActions } from '../../store/react';

/**
 * Adding a claimant, or editing one (name, role, aliases). Aliases are one per line: names
 * can hold commas ("Lavrov, Sergey"). Saving under a new name renames the claimant on its
 * claims (the service does it, and says how many). The service's refusal is shown here, by
 * the fields, as well as in the toast.
 */
export function ClaimantForm({ editing, onDone }: { editing: LibraryClaimant | null; onDone(saved: string | null): void }) {
  const id = useId();
  const { saveClaimant } = useActions();
  const [name, setName] = useState(editing?.name ?? '');
  const [role, setRole] = useState(editing?.role ?? '');
  const [aliases, setAliases] = useState(editing?.aliases.join('\n') ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const nameInput = useRef<HTMLInputElement>(null);

  useEffect(() => nameInput.current?.focus(), []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    setBusy(true);
    try {
      const input = {
        name: name.trim(),
        role: role.trim() || null,
        aliases: aliases
          .split('\n')
          .map((a) => a.trim())
          .filter(Boolean),
        ...(editing ? { previousName: editing.name } : {}),
      };
      await saveClaimant(input);
      onDone(input.name);
    } catch (error) {
      setProblem(errorMessage(error));
      setBusy(false);
    }
  };

  const title = editing ? `Edit “${editing.name}”` : 'Add a claimant';
  return (
    <form className="claimant-form" aria-labelledby={`${id}-title`} onSubmit={(e) => void submit(e)}>
      <h3 id={`${id}-title`}>{title}</h3>
      <div className="claimant-form-fields">
        <label className="field">
          Name
          <input ref={nameInput} value={name} required maxLength={200} onChange={(e) => setName(e.target.value)} aria-describedby={`${id}-name-hint`} />
        </label>
        <label className="field">
          Role
          <input value={role} maxLength={200} placeholder="e.g. foreign minister" onChange={(e) => setRole(e.target.value)} />
        </label>
        <label className="field claimant-aliases">
          Aliases (one per line)
          <textarea value={aliases} rows={3} placeholder={'Lavrov\nRussia’s top diplomat'} onChange={(e) => setAliases(e.target.value)} aria-describedby={`${id}-aliases-hint`} />
        </label>
      </div>
      <p id={`${id}-name-hint`} className="field-hint">
        {editing && !editing.stored
          ? 'This name is only on claims so far: saving adds it to the library.'
          : editing
            ? 'A new name renames the claimant on its claims (published claims keep theirs until reopened).'
            : 'The name the desk uses in reports.'}
      </p>
      <p id={`${id}-aliases-hint`} className="field-hint">
        Other ways articles name them. A claim naming an alias is saved under the name above.
      </p>
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="button small primary" disabled={busy}>
          {editing ? 'Save claimant' : 'Add claimant'}
        </button>
        <button type="button" className="button small" onClick={() => onDone(null)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
