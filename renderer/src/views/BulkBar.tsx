import { useId, useMemo, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { Claim } from '../../../shared/domain/schemas';
import { reported } from '../components/reported';
import { PRIORITY_OPTIONS, STATUS_OPTIONS } from '../labels';
import { useActions, useAppStore } from '../store/react';
import type { BulkPatch } from '../store/types';
import { assigneesInUse, tagsInUse } from './claim-query';

const NONE: readonly never[] = Object.freeze([]);

interface BulkBarProps {
  /** The ticked claims that are shown (what the actions apply to). */
  ids: readonly string[];
  /** The same claims. */
  claims: readonly Claim[];
  /** Called when the bar is about to go away under the focus (delete, clear). */
  onDone(): void;
}

/**
 * What can be done to every ticked claim at once. Each change is one API call; the claims
 * stay ticked afterwards, so several changes can follow one another.
 */
export function BulkBar({ ids, claims, onDone }: BulkBarProps) {
  const id = useId();
  const { bulkUpdateClaims, bulkDeleteClaims, clearSelection } = useActions();
  const allClaims = useAppStore((s) => s.workspace?.claims ?? NONE);
  const knownPeople = useAppStore((s) => s.workspace?.settings.assignees ?? NONE);
  const people = useMemo(() => assigneesInUse(allClaims, knownPeople), [allClaims, knownPeople]);
  const selectedTags = useMemo(() => tagsInUse(claims), [claims]);
  const [assignee, setAssignee] = useState('');
  const [tag, setTag] = useState('');

  const apply = (patch: BulkPatch) => reported(bulkUpdateClaims(ids, patch));

  const assign = (event: FormEvent) => {
    event.preventDefault();
    const name = assignee.trim();
    reported(bulkUpdateClaims(ids, { assignee: name || null }).then(() => setAssignee('')));
  };

  const addTag = (event: FormEvent) => {
    event.preventDefault();
    const value = tag.trim();
    if (!value) return;
    reported(bulkUpdateClaims(ids, { addTags: [value] }).then(() => setTag('')));
  };

  return (
    <section className="bulk-bar" aria-label="Bulk actions">
      <p className="bulk-count">
        <strong>{ids.length} selected</strong>
      </p>
      <ActionSelect label="Set status" options={STATUS_OPTIONS} onPick={(status) => apply({ status })} />
      <ActionSelect label="Set priority" options={PRIORITY_OPTIONS} onPick={(priority) => apply({ priority })} />
      <form className="bulk-form" onSubmit={assign}>
        <input
          aria-label="Assign to"
          placeholder="Assign to…"
          list={`${id}-people`}
          maxLength={80}
          value={assignee}
          onChange={(e) => setAssignee(e.target.value)}
        />
        {/* Always there, so the field is always a combobox (names to pick from, or a new name). */}
        <datalist id={`${id}-people`}>
          {people.map((p) => (
            <option key={p} value={p} />
          ))}
        </datalist>
        <button type="submit" className="button small">
          {assignee.trim() ? 'Assign' : 'Unassign'}
        </button>
      </form>
      <form className="bulk-form" onSubmit={addTag}>
        <input aria-label="Add tag" placeholder="Add tag…" maxLength={40} value={tag} onChange={(e) => setTag(e.target.value)} />
        <button type="submit" className="button small" disabled={!tag.trim()}>
          Add
        </button>
      </form>
      {selectedTags.length > 0 && (
        <ActionSelect
          label="Remove tag"
          options={selectedTags.map((t) => ({ value: t, label: t }))}
          onPick={(removed) => apply({ removeTags: [removed] })}
        />
      )}
      <span className="bulk-spacer" />
      <button
        type="button"
        className="button small danger"
        onClick={() => {
          onDone();
          reported(bulkDeleteClaims(ids));
        }}
      >
        Delete selected
      </button>
      <button
        type="button"
        className="button small subtle"
        onClick={() => {
          onDone();
          clearSelection();
        }}
      >
        Clear selection
      </button>
    </section>
  );
}

interface ActionSelectProps<T extends string> {
  label: string;
  options: readonly { value: T; label: string }[];
  onPick(value: T): void;
}

/**
 * A select that acts once a value is picked, then shows its label again. Arrow keys open the
 * list instead of stepping through values (each step would otherwise change every ticked claim).
 */
function ActionSelect<T extends string>({ label, options, onPick }: ActionSelectProps<T>) {
  const onKeyDown = (event: KeyboardEvent<HTMLSelectElement>) => {
    if (event.altKey || !['ArrowUp', 'ArrowDown', 'Home', 'End', 'PageUp', 'PageDown'].includes(event.key)) return;
    event.preventDefault();
    try {
      event.currentTarget.showPicker();
    } catch {
      // No picker API (older engines, tests): Space, Enter and Alt+Down still open the list.
    }
  };
  return (
    <select
      className="bulk-select"
      aria-label={label}
      value=""
      onKeyDown={onKeyDown}
      onChange={(e) => {
        if (e.target.value) onPick(e.target.value as T);
      }}
    >
      <option value="">{label}…</option>
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  );
}
