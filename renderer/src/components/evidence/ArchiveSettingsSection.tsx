import { useEffect, useId, useState } from 'react';
import type { ArchiveSettingsView } from '../../../../shared/api/evidence-methods';
import { useActions } from '../../store/react';
import { reported } from '../reported';

const KEYS_PAGE = 'https://archive.org/account/s3.php';

/**
 * Settings › Internet Archive: the archive's address and the access keys of its
 * authenticated Save Page Now API. They are this machine's (not the workspace's): saved at
 * once with their own button, and the secret key is never shown again.
 */
export function ArchiveSettingsSection() {
  const id = useId();
  const { getArchiveSettings, setArchiveSettings, openExternal } = useActions();
  const [view, setView] = useState<ArchiveSettingsView | null>(null);
  const [address, setAddress] = useState('');
  const [accessKey, setAccessKey] = useState('');
  const [secretKey, setSecretKey] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
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
    setProblem(null);
    setSaved(null);
    try {
      const next = await setArchiveSettings(patch);
      setView(next);
      setAccessKey('');
      setSecretKey('');
      setSaved(done);
    } catch (error) {
      setProblem((error as Error).message);
    }
  };

  if (unavailable) {
    return (
      <fieldset className="settings-group">
        <legend>Internet Archive</legend>
        <p className="field-hint">{unavailable}</p>
      </fieldset>
    );
  }
  return (
    <fieldset className="settings-group">
      <legend>Internet Archive</legend>
      <label className="field">
        Archive address
        <input type="url" value={address} placeholder="https://web.archive.org" aria-describedby={`${id}-address-hint`} onChange={(e) => setAddress(e.target.value)} />
      </label>
      <p className="field-hint" id={`${id}-address-hint`}>
        {view?.baseUrlFrom === 'environment'
          ? `In use: ${view.baseUrl}, set by the FACTCHECK_ARCHIVE_URL environment variable (it overrides this field).`
          : 'Leave empty for the Internet Archive. Kept on this computer, not in the workspace.'}
      </p>
      <div className="field-row">
        <label className="field">
          Access key
          <input value={accessKey} autoComplete="off" placeholder={view?.keysSet ? `${view.accessKeyHint} (set)` : ''} onChange={(e) => setAccessKey(e.target.value)} />
        </label>
        <label className="field">
          Secret key
          <input type="password" value={secretKey} autoComplete="off" placeholder={view?.keysSet ? '(set)' : ''} onChange={(e) => setSecretKey(e.target.value)} />
        </label>
      </div>
      <p className="field-hint">
        Optional: with keys, Archive now uses the archive’s authenticated Save Page Now API (higher limits, and a request that survives a restart). Get them at{' '}
        <button type="button" className="link" onClick={() => reported(openExternal(KEYS_PAGE))}>
          archive.org/account/s3.php
        </button>
        . {view?.keysSet ? 'Keys are set.' : 'No keys are set.'}
      </p>
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
      {saved && <p role="status">{saved}</p>}
      <div className="field-row">
        <button
          type="button"
          className="button"
          onClick={() =>
            void save(
              { baseUrl: address.trim() === '' ? null : address.trim(), ...(accessKey || secretKey ? { accessKey: accessKey.trim(), secretKey: secretKey.trim() } : {}) },
              'Archive settings saved.',
            )
          }
        >
          Save archive settings
        </button>
        {view?.keysSet && (
          <button type="button" className="button subtle" onClick={() => void save({ clearKeys: true }, 'Access keys removed.')}>
            Remove keys
          </button>
        )}
      </div>
    </fieldset>
  );
}
