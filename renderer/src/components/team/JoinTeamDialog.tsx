import { useId, useState, type FormEvent } from 'react';
import { ClientError, errorMessage } from '../../api/client';
import { useActions, useAppStore } from '../../store/react';
import { FieldError } from '../FieldError';
import { useModalDialog } from '../useModalDialog';

type Field = 'address' | 'name' | 'password';

const EMPTY: Record<Field, string> = { address: '', name: '', password: '' };

/**
 * "Join a team workspace": the team server's address, the name and password the desk's
 * admin gave. The password logs in once (the app then keeps a personal access token); the
 * app keeps a copy of the team workspace on this machine and opens it.
 */
export function JoinTeamDialog() {
  const open = useAppStore((s) => s.teamDialog === 'join');
  const { setTeamDialog, joinTeam } = useActions();
  const id = useId();
  const [fields, setFields] = useState(EMPTY);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [issues, setIssues] = useState<Partial<Record<Field, string>>>({});

  // Each opening starts empty: a password must not wait in a closed dialog.
  const dialog = useModalDialog(open, () => {
    setFields(EMPTY);
    setProblem(null);
    setIssues({});
  });
  const close = () => {
    if (!busy) setTeamDialog(null);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    setIssues({});
    try {
      await joinTeam({ address: fields.address.trim(), name: fields.name.trim(), password: fields.password });
    } catch (error) {
      // The server's own words: a wrong password, an unknown name, an address that does not answer.
      if (error instanceof ClientError) {
        const at = { address: error.issueAt('address'), name: error.issueAt('name'), password: error.issueAt('password') };
        setIssues(at);
        if (!at.address && !at.name && !at.password) setProblem(error.message);
      } else {
        setProblem(errorMessage(error));
      }
    } finally {
      setBusy(false);
    }
  };

  const field = (name: Field, label: string, type: string, extra: Record<string, string> = {}) => {
    const inputId = `${id}-${name}`;
    const errorId = `${inputId}-error`;
    return (
      <div className="field">
        <label htmlFor={inputId}>{label}</label>
        <input
          id={inputId}
          type={type}
          value={fields[name]}
          onChange={(e) => setFields((f) => ({ ...f, [name]: e.target.value }))}
          aria-invalid={issues[name] ? true : undefined}
          aria-describedby={issues[name] ? errorId : undefined}
          disabled={busy}
          required
          {...extra}
        />
        <FieldError id={errorId} message={issues[name]} />
      </div>
    );
  };

  return (
    <dialog
      ref={dialog}
      className="dialog join-team"
      aria-labelledby={`${id}-title`}
      onClose={() => setTeamDialog(null)}
      onCancel={(e) => {
        // Esc while logging in would leave the login running behind a closed dialog.
        if (busy) e.preventDefault();
      }}
    >
      <form onSubmit={(e) => void submit(e)} noValidate aria-busy={busy}>
        <h2 id={`${id}-title`}>Join a team workspace</h2>
        <p className="dialog-intro">
          Log in to your desk’s team server with the name and password you were given. The app keeps a copy of the team workspace on this machine, so you can go on working when the
          connection drops; your password is used once, to log in.
        </p>
        {field('address', 'Team server address', 'url', { placeholder: 'https://desk.example.org', autoComplete: 'url' })}
        {field('name', 'Name', 'text', { autoComplete: 'username' })}
        {field('password', 'Password', 'password', { autoComplete: 'current-password' })}
        {problem && (
          <p className="field-error join-problem" role="alert">
            {problem}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={close} disabled={busy}>
            Cancel
          </button>
          <button type="submit" className="button primary" disabled={busy}>
            {busy ? 'Joining…' : 'Join'}
          </button>
        </div>
      </form>
    </dialog>
  );
}
