import { useEffect, useId, useState, type FormEvent } from 'react';
import type { ArchiveSettingsView } from '../../../../shared/api/evidence-methods';
import { ClientError } from '../../api/client';
import { useActions } from '../../store/react';
import { FieldError } from '../FieldError';
import { reported } from '../reported';

const DEFAULT_ARCHIVE = 'https://web.archive.org';
const KEYS_PAGE = 'https://archive.org/account/s3.php';

type Problems = { baseUrl?: string; accessKey?: string; secretKey?: string; form?: string };

/**
 * Settings › Internet Archive: the archive's address and the access keys of its
 * authenticated Save Page Now API. They are this machine's (not the workspace's): saved at
 * once with their own button (Enter too), and the secret key is never shown again, only
 * whether keys are set and the access key's first characters.
 */
export function ArchiveSettingsSection() {
  const id = useId();
  const { getArchiveSettings, setArchiveSettings, openExternal } = useActions();
  const [view, setView] = useState<ArchiveSettingsView | null>(null);
  const [address, setAddress] = useState('');
  const [accessKey, setAccessKey] = useState('');
  const [secretKey, setSecretKey] = useState('');
  const [problems, setProblems] = useState<Problems>({});
  const [saved, setSaved] = useState<string | null>(null);
  const [unavailable, setUnavailable] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    getArchiveSettings().then(
      (v) => {
        if (!live) return;
        setView(v);
        setAddress(v.baseUrlFrom === 'settings' ? v.baseUrl : '');
      },
      (error: unknown) => live && setUnavailable((error as Error).message),
    );
    return () => {
      live = false;
    };
  }, [getArchiveSettings]);

  const save = async (patch: Parameters<typeof setArchiveSettings>[0], done: string) => {
    setProblems({});
    setSaved(null);
    try {
      const next = await setArchiveSettings(patch);
      setView(next);
      setAccessKey('');
      setSecretKey('');
      setSaved(done);
    } catch (error) {
      setProblems(problemsOf(error));
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const keys = accessKey.trim() || secretKey.trim() ? { accessKey: accessKey.trim(), secretKey: secretKey.trim() } : {};
    void save({ baseUrl: address.trim() === '' ? null : address.trim(), ...keys }, 'Archive settings saved.');
  };

  const field = (name: keyof Omit<Problems, 'form'>) => ({
    id: `${id}-${name}`,
    'aria-invalid': problems[name] ? true : undefined,
    'aria-describedby': [problems[name] && `${id}-${name}-error`, `${id}-${name}-hint`].filter(Boolean).join(' '),
  });

  if (unavailable) {
    // The team server's page keeps no archive settings of its own: it says so here.
    return (
      <fieldset className="settings-group">
        <legend>Internet Archive</legend>
        <p className="field-hint">{unavailable}</p>
      </fieldset>
    );
  }
  return (
    <form className="archive-settings" aria-label="Internet Archive settings" onSubmit={submit} noValidate>
      <fieldset className="settings-group">
        <legend>Internet Archive</legend>
        <div className="field">
          <label htmlFor={`${id}-baseUrl`}>Archive address</label>
          <input type="url" {...field('baseUrl')} value={address} placeholder={DEFAULT_ARCHIVE} onChange={(e) => setAddress(e.target.value)} />
          <FieldError id={`${id}-baseUrl-error`} message={problems.baseUrl} />
          <p className="field-hint" id={`${id}-baseUrl-hint`}>
            {view?.baseUrlFrom === 'environment'
              ? `In use: ${view.baseUrl}, set by the FACTCHECK_ARCHIVE_URL environment variable (it overrides this field).`
              : `Empty: the Internet Archive, ${DEFAULT_ARCHIVE}. In use: ${view?.baseUrl ?? DEFAULT_ARCHIVE}. Kept on this computer, not in the workspace.`}
          </p>
        </div>
        <div className="field-row">
          <div className="field">
            <label htmlFor={`${id}-accessKey`}>Access key</label>
            <input {...field('accessKey')} value={accessKey} autoComplete="off" spellCheck={false} onChange={(e) => setAccessKey(e.target.value)} />
            <FieldError id={`${id}-accessKey-error`} message={problems.accessKey} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-secretKey`}>Secret key</label>
            <input type="password" {...field('secretKey')} value={secretKey} autoComplete="new-password" onChange={(e) => setSecretKey(e.target.value)} />
            <FieldError id={`${id}-secretKey-error`} message={problems.secretKey} />
          </div>
        </div>
        <p className="field-hint" id={`${id}-accessKey-hint`}>
          {view?.keysSet ? `Keys are set (access key ${view.accessKeyHint}). Type both to replace them.` : 'No keys are set: Archive now uses the public Save Page Now form.'}
        </p>
        <p className="field-hint" id={`${id}-secretKey-hint`}>
          Optional: with keys, Archive now uses the archive’s authenticated Save Page Now API (higher limits, and a request it can be asked about later).{' '}
          <button type="button" className="link" onClick={() => reported(openExternal(KEYS_PAGE))}>
            Get your keys at archive.org/account/s3.php (sign in with your archive.org account)
          </button>
        </p>
        {problems.form && (
          <p className="field-error" role="alert">
            {problems.form}
          </p>
        )}
        {saved && <p role="status">{saved}</p>}
        <div className="field-row">
          <button type="submit" className="button">
            Save archive settings
          </button>
          {view?.keysSet && (
            <button type="button" className="button subtle" onClick={() => void save({ clearKeys: true }, 'Access keys removed.')}>
              Remove keys
            </button>
          )}
        </div>
      </fieldset>
    </form>
  );
}

/** The service's refusal next to the field it is about; anything else under the section. */
function problemsOf(error: unknown): Problems {
  if (!(error instanceof ClientError)) return { form: String(error) };
  const problems: Problems = { baseUrl: error.issueAt('baseUrl'), accessKey: error.issueAt('accessKey'), secretKey: error.issueAt('secretKey') };
  if (!problems.baseUrl && !problems.accessKey && !problems.secretKey) problems.form = error.message;
  else problems.form = undefined;
  return problems;
}
