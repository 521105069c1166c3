import { useId, useRef, useState } from 'react';
import { useActions, useAppStore } from '../store/react';

const ACCEPT = '.txt,.md,.markdown,.html,.htm,.docx,.json';

/**
 * The import row of the New article dialog: open a file, or read a web page by its
 * address; while it runs, a progress bar and "Cancel import". Files can also be dropped
 * anywhere on the window, and rich text pasted into the empty text field.
 */
export function ImportBar() {
  const id = useId();
  const file = useRef<HTMLInputElement>(null);
  const [url, setUrl] = useState('');
  const importing = useAppStore((s) => s.importing);
  const { importFromFile, importFromUrl, cancelImport } = useActions();

  if (importing) {
    const { receivedBytes, totalBytes } = importing;
    return (
      <div className="import-bar busy" role="group" aria-label="Import">
        <label htmlFor={`${id}-progress`}>{importing.label}</label>
        <progress id={`${id}-progress`} max={totalBytes ?? undefined} value={totalBytes ? receivedBytes : undefined} />
        <span className="import-bytes">{receivedBytes > 0 && `${(receivedBytes / 1024).toFixed(0)} kB${totalBytes ? ` of ${(totalBytes / 1024).toFixed(0)} kB` : ''}`}</span>
        <button type="button" className="button small" onClick={cancelImport}>
          Cancel import
        </button>
      </div>
    );
  }
  return (
    <div className="import-bar" role="group" aria-label="Import">
      <input
        ref={file}
        type="file"
        accept={ACCEPT}
        hidden
        onChange={(e) => {
          const chosen = e.target.files?.[0];
          e.target.value = '';
          if (chosen) void importFromFile(chosen);
        }}
      />
      <button type="button" className="button small" onClick={() => file.current?.click()}>
        Open file…
      </button>
      <span className="import-or">or</span>
      <label htmlFor={`${id}-url`} className="visually-hidden">
        Web address to import
      </label>
      <input
        id={`${id}-url`}
        type="url"
        placeholder="https://… a web page to import"
        value={url}
        onChange={(e) => setUrl(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && url.trim()) {
            e.preventDefault();
            void importFromUrl(url.trim());
          }
        }}
      />
      <button type="button" className="button small" disabled={!url.trim()} onClick={() => void importFromUrl(url.trim())}>
        Import from URL
      </button>
    </div>
  );
}
