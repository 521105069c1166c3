import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { claimantKey } from '../../../../shared/domain/claimant-entries';
import { claimantLibrary, type LibraryClaimant } from '../../../../shared/domain/claimant-library';
import { useCommand } from '../../commands/react';
import { useActions, useAppStore } from '../../store/react';
import { reported } from '../reported';
import { useModalDialog } from '../useModalDialog';
import { ClaimantForm } from './ClaimantForm';
import './claimants.css';

/** Rows drawn at once: a library can hold 5,000 claimants; the search narrows it. */
const SHOWN = 200;

/**
 * The claimant library: every claimant once (the stored entries with their aliases, and the
 * names on claims not yet stored), with how many claims name them. Opened from the status bar
 * or the command palette ("Claimant library").
 */
export function ClaimantsDialog() {
  const [open, setOpen] = useState(false);
  useCommand('claimants', () => setOpen(true));
  return (
    <>
      <button type="button" className="button small subtle" onClick={() => setOpen(true)}>
        Claimants
      </button>
      {open && <ClaimantsView onClose={() => setOpen(false)} />}
    </>
  );
}

type Mode = { kind: 'list' } | { kind: 'add' } | { kind: 'edit'; claimant: LibraryClaimant } | { kind: 'merge'; claimant: LibraryClaimant };

function ClaimantsView({ onClose }: { onClose(): void }) {
  const id = useId();
  const dialog = useModalDialog(true);
  const claims = useAppStore((s) => s.workspace!.claims);
  const entries = useAppStore((s) => s.workspace!.settings.claimants);
  const library = useMemo(() => claimantLibrary(claims, entries), [claims, entries]);
  const [query, setQuery] = useState('');
  const [mode, setMode] = useState<Mode>({ kind: 'list' });
  const search = useRef<HTMLInputElement>(null);

  const q = claimantKey(query);
  const found = q ? library.filter((c) => [c.name, c.role ?? '', ...c.aliases].some((text) => claimantKey(text).includes(q))) : library;

  // Set when a form closes; read after the render that shows the search box again (not state: nothing to draw).
  const focusSearch = useRef(false);
  useEffect(() => {
    if (!focusSearch.current || !search.current) return;
    focusSearch.current = false;
    search.current.focus();
  });

  /** Back to the list, the cursor in the search box (the row it came from may have been renamed or merged away). */
  const backToList = () => {
    focusSearch.current = true;
    setMode({ kind: 'list' });
  };

  return (
    <dialog ref={dialog} className="dialog wide claimants-dialog" aria-labelledby={`${id}-title`} onClose={onClose}>
      <h2 id={`${id}-title`}>Claimants</h2>
      <p className="dialog-intro">
        Each claimant once, with the other names articles give them (“Lavrov”, “Russia’s foreign minister”). A claim naming an alias is saved under the claimant’s name; renaming or merging
        changes their claims too, and Undo (Ctrl/Cmd+Z) takes it back.
      </p>
      {mode.kind === 'add' || mode.kind === 'edit' ? (
        <ClaimantForm key={mode.kind === 'edit' ? mode.claimant.name : ''} editing={mode.kind === 'edit' ? mode.claimant : null} onDone={backToList} />
      ) : mode.kind === 'merge' ? (
        <MergeForm from={mode.claimant} library={library} onDone={backToList} />
      ) : (
        <div className="claimants-toolbar">
          <label className="field claimants-search">
            Search claimants
            <input ref={search} type="search" value={query} placeholder="Name, role or alias" onChange={(e) => setQuery(e.target.value)} />
          </label>
          <button type="button" className="button small primary" onClick={() => setMode({ kind: 'add' })}>
            Add claimant
          </button>
        </div>
      )}
      <ClaimantTable claimants={found} total={library.length} busy={mode.kind !== 'list'} onEdit={(c) => setMode({ kind: 'edit', claimant: c })} onMerge={(c) => setMode({ kind: 'merge', claimant: c })} />
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose}>
          Close
        </button>
      </div>
    </dialog>
  );
}

function ClaimantTable({
  claimants,
  total,
  busy,
  onEdit,
  onMerge,
}: {
  claimants: readonly LibraryClaimant[];
  total: number;
  /** A form is open above: the row actions wait for it. */
  busy: boolean;
  onEdit(c: LibraryClaimant): void;
  onMerge(c: LibraryClaimant): void;
}) {
  const { deleteClaimant } = useActions();
  if (total === 0) return <p className="empty-note">No claimants yet. Add one, or set “Claim by” on a claim.</p>;
  if (claimants.length === 0) return <p className="empty-note">No claimant matches the search.</p>;
  return (
    <>
      <table className="claimants-table">
        <caption className="visually-hidden">Claimants</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Role</th>
            <th scope="col">Aliases</th>
            <th scope="col">Claims</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {claimants.slice(0, SHOWN).map((c) => (
            <tr key={claimantKey(c.name)}>
              <th scope="row">
                {c.name}
                {!c.stored && <span className="claimant-unstored"> (on claims only)</span>}
              </th>
              <td>{c.role ?? ''}</td>
              <td>{c.aliases.join(', ')}</td>
              <td>{c.claims}</td>
              <td className="claimant-actions">
                <button type="button" className="button small" disabled={busy} aria-label={`Edit ${c.name}`} onClick={() => onEdit(c)}>
                  Edit
                </button>
                <button type="button" className="button small" disabled={busy || total < 2} aria-label={`Merge ${c.name} into another claimant`} onClick={() => onMerge(c)}>
                  Merge…
                </button>
                {c.stored && (
                  <button type="button" className="button small subtle" disabled={busy} aria-label={`Remove ${c.name} from the library`} onClick={() => reported(deleteClaimant(c.name))}>
                    Remove
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {claimants.length > SHOWN && (
        <p className="field-hint">
          Showing {SHOWN} of {claimants.length}: search to find the others.
        </p>
      )}
    </>
  );
}

/** Merge `from` into a claimant chosen from the rest of the library. */
function MergeForm({ from, library, onDone }: { from: LibraryClaimant; library: readonly LibraryClaimant[]; onDone(): void }) {
  const id = useId();
  const { mergeClaimants } = useActions();
  const targets = library.filter((c) => c.name !== from.name).sort((a, b) => a.name.localeCompare(b.name));
  const [into, setInto] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const select = useRef<HTMLSelectElement>(null);
  // The editor came here to choose: the cursor starts on the choice.
  useEffect(() => select.current?.focus(), []);

  const merge = async () => {
    if (!into) return setProblem('Choose the claimant to merge into.');
    try {
      await mergeClaimants(from.name, into);
      onDone();
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    }
  };

  return (
    <div className="claimant-form" role="group" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Merge “{from.name}”</h3>
      <label className="field">
        Merge into
        <select ref={select} value={into} onChange={(e) => setInto(e.target.value)} aria-describedby={`${id}-hint`}>
          <option value="">Choose a claimant…</option>
          {targets.map((c) => (
            <option key={claimantKey(c.name)} value={c.name}>
              {c.role ? `${c.name}, ${c.role}` : c.name}
            </option>
          ))}
        </select>
      </label>
      <p id={`${id}-hint`} className="field-hint">
        “{from.name}”{from.aliases.length ? ` and its aliases` : ''} become aliases of the claimant you choose, and its {from.claims === 1 ? 'claim names' : `${from.claims} claims name`} that claimant.
      </p>
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
      <div className="form-actions">
        <button type="button" className="button small primary" onClick={() => void merge()}>
          Merge
        </button>
        <button type="button" className="button small" onClick={onDone}>
          Cancel
        </button>
      </div>
    </div>
  );
}
