import { useId, useState } from 'react';
import { useActions, useAppStore } from '../store/react';
import { reported } from './reported';
import { usePeople } from './claim/usePeople';

/**
 * "Your name": who is working in the app now. It is recorded with every change in the
 * claims' history and decides who may approve a review (two-person sign-off). In a team
 * workspace it is the person who logged in: shown, with a way to log out, never typed.
 */
export function IdentityPicker() {
  const team = useAppStore((s) => s.appInfo?.mode === 'team');
  const copyAs = useAppStore((s) => (s.sync.kind === 'team' ? s.sync.person : null));
  if (copyAs !== null) return <LoggedInToCopy person={copyAs} />;
  return team ? <LoggedInAs /> : <NamePicker />;
}

/** A team copy on this machine: the person it joined as. Leaving it is the workspace switcher's job, not a logout. */
function LoggedInToCopy({ person }: { person: string }) {
  return <span className="identity">{`Logged in as ${person}`}</span>;
}

function LoggedInAs() {
  const name = useAppStore((s) => s.workspace?.settings.currentEditor ?? '');
  return (
    <span className="identity">
      Logged in as <strong>{name}</strong>{' '}
      {/* The team server's page: a form posting the logout (the app's own policy allows no forms). */}
      <a href="/logout">Log out</a>
    </span>
  );
}

function NamePicker() {
  const id = useId();
  const saved = useAppStore((s) => s.workspace?.settings.currentEditor ?? '');
  const people = usePeople();
  const { setCurrentEditor } = useActions();
  const [draft, setDraft] = useState<string | null>(null);
  const value = draft ?? saved;
  const commit = () => {
    if (draft !== null && draft.trim() !== saved) reported(setCurrentEditor(draft.trim()));
    setDraft(null);
  };
  return (
    <span className="identity">
      <label htmlFor={`${id}-name`}>Your name</label>
      <input
        id={`${id}-name`}
        list={`${id}-people`}
        value={value}
        placeholder="Who is checking?"
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
          if (e.key === 'Escape') setDraft(null);
        }}
      />
      <datalist id={`${id}-people`}>
        {people.map((p) => (
          <option key={p} value={p} />
        ))}
      </datalist>
    </span>
  );
}
