import { useId, useMemo } from 'react';
import { assigneesInUse } from '../../views/claim-query';
import type { Claim } from '../../../../shared/domain/schemas';
import { PRIORITY_OPTIONS, STATUS_OPTIONS } from '../../labels';
import { selectDraft } from '../../store/selectors';
import { useActions, useAppStore } from '../../store/react';
import { FieldError } from '../FieldError';
import { OptionSelect } from '../OptionSelect';
import { reported } from '../reported';

/** Status, priority, assignee and due date. Selects and the date save at once; the assignee like the wording. */
export function TriageFields({ claim }: { claim: Claim }) {
  const id = useId();
  const { updateClaim, editDraft, releaseDraft } = useActions();
  const assignee = useAppStore(selectDraft(claim.id, 'assignee'));
  // The workspace's list of names: the ones in settings plus everyone already assigned.
  const known = useAppStore((s) => s.workspace?.settings.assignees);
  const claims = useAppStore((s) => s.workspace?.claims);
  const people = useMemo(() => assigneesInUse(claims ?? [], known ?? []), [claims, known]);
  const save = (patch: Parameters<typeof updateClaim>[1]) => reported(updateClaim(claim.id, patch));

  return (
    <div className="triage">
      <OptionSelect
        id={`${id}-status`}
        label="Status"
        className={`status-select status-${claim.status}`}
        value={claim.status}
        options={STATUS_OPTIONS}
        onChange={(status) => save({ status })}
      />
      <OptionSelect id={`${id}-priority`} label="Priority" value={claim.priority} options={PRIORITY_OPTIONS} onChange={(priority) => save({ priority })} />
      <div className="field">
        <label htmlFor={`${id}-assignee`}>Assignee</label>
        <input
          id={`${id}-assignee`}
          list={people?.length ? `${id}-people` : undefined}
          value={assignee?.value ?? claim.assignee ?? ''}
          placeholder="Nobody yet"
          aria-invalid={assignee?.error ? true : undefined}
          aria-describedby={assignee?.error ? `${id}-assignee-error` : undefined}
          onChange={(e) => editDraft(claim.id, 'assignee', e.target.value)}
          onBlur={() => reported(releaseDraft(claim.id, 'assignee'))}
        />
        {people?.length ? (
          <datalist id={`${id}-people`}>
            {people.map((p) => (
              <option key={p} value={p} />
            ))}
          </datalist>
        ) : null}
        <FieldError id={`${id}-assignee-error`} message={assignee?.error ?? undefined} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-due`}>Due date</label>
        <input id={`${id}-due`} type="date" value={claim.dueDate ?? ''} onChange={(e) => save({ dueDate: e.target.value || null })} />
      </div>
    </div>
  );
}
