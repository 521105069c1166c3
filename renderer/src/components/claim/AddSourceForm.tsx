import { useId, useRef, useState, type DragEvent, type FormEvent } from 'react';
import { ClientError } from '../../api/client';
import type { SourceType, Stance } from '../../../../shared/domain/schemas';
import { SOURCE_TYPE_OPTIONS, STANCE_OPTIONS } from '../../labels';
import { useActions } from '../../store/react';
import { FieldError } from '../FieldError';
import { OptionSelect } from '../OptionSelect';

const EMPTY = { url: '', title: '', publisher: '', author: '', publishedDate: '', excerpt: '', notes: '' };
type Fields = typeof EMPTY;
type Errors = Partial<Record<keyof Fields | 'form', string>>;

/**
 * Adds a new source to the claim (it also enters the workspace's library; the same address
 * later is the same source). Paste or drop a link, fill the rest. The API validates (only
 * http/https addresses) and its messages are shown next to the fields; the form keeps what
 * was typed until it is saved.
 */
export function AddSourceForm({ claimId }: { claimId: string }) {
  const id = useId();
  const { addSource, startEvidenceJob } = useActions();
  // Evidence by default: the page as it reads today, kept in the data folder (see docs/EVIDENCE.md).
  const [keepCopy, setKeepCopy] = useState(true);
  const [fields, setFields] = useState<Fields>(EMPTY);
  const [stance, setStance] = useState<Stance>('supports');
  const [type, setType] = useState<SourceType>('other');
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  const [dropping, setDropping] = useState(false);
  const urlInput = useRef<HTMLInputElement>(null);
  const titleInput = useRef<HTMLInputElement>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setErrors({});
    try {
      const { source } = await addSource(claimId, { ...fields, url: fields.url.trim(), publishedDate: fields.publishedDate || null, type }, stance);
      // The copy runs on in the source's row (progress, Cancel, and its error if the page cannot be read).
      if (keepCopy && source.copies.length === 0) void startEvidenceJob('copy', source.id).catch(() => undefined);
      setFields(EMPTY);
      setType('other');
      urlInput.current?.focus();
    } catch (error) {
      // Reported by the store (toast + status bar); here it goes next to the field it is about.
      setErrors(fieldErrors(error));
    } finally {
      setBusy(false);
    }
  };

  /** A link dropped on the form fills the address; the title is next. */
  const onDrop = (event: DragEvent) => {
    const link = (event.dataTransfer.getData('text/uri-list') || event.dataTransfer.getData('text/plain')).split(/\r?\n/).find((l) => l && !l.startsWith('#'));
    setDropping(false);
    if (!link) return;
    event.preventDefault();
    setFields((f) => ({ ...f, url: link.trim() }));
    titleInput.current?.focus();
  };

  const input = (name: Exclude<keyof Fields, 'excerpt' | 'notes'>, label: string, props: { type?: string; placeholder?: string } = {}) => {
    const inputId = `${id}-${name}`;
    return (
      <div className={`field field-${name}`}>
        <label htmlFor={inputId}>{label}</label>
        <input
          id={inputId}
          ref={name === 'url' ? urlInput : name === 'title' ? titleInput : undefined}
          {...props}
          value={fields[name]}
          aria-invalid={errors[name] ? true : undefined}
          aria-describedby={errors[name] ? `${inputId}-error` : undefined}
          onChange={(e) => setFields((f) => ({ ...f, [name]: e.target.value }))}
        />
        <FieldError id={`${inputId}-error`} message={errors[name]} />
      </div>
    );
  };
  const textarea = (name: 'excerpt' | 'notes', label: string) => (
    <div className={`field field-${name}`}>
      <label htmlFor={`${id}-${name}`}>{label}</label>
      <textarea id={`${id}-${name}`} rows={2} value={fields[name]} onChange={(e) => setFields((f) => ({ ...f, [name]: e.target.value }))} />
      <FieldError id={`${id}-${name}-error`} message={errors[name]} />
    </div>
  );

  return (
    <form
      className={dropping ? 'add-source dropping' : 'add-source'}
      aria-label="Add a source"
      onSubmit={(e) => void submit(e)}
      onDragOver={(e) => {
        e.preventDefault();
        setDropping(true);
      }}
      onDragLeave={() => setDropping(false)}
      onDrop={onDrop}
      noValidate
    >
      {input('url', 'Source URL', { type: 'url', placeholder: 'https:// — paste or drop a link' })}
      {input('title', 'Source title')}
      <div className="field-row">
        {input('publisher', 'Publisher')}
        <OptionSelect id={`${id}-type`} label="Type" value={type} options={SOURCE_TYPE_OPTIONS} onChange={setType} />
      </div>
      {textarea('excerpt', 'Excerpt')}
      <details className="more-fields">
        <summary>More details (author, date, notes)</summary>
        <div className="field-row">
          {input('author', 'Author')}
          {input('publishedDate', 'Published', { type: 'date' })}
        </div>
        {textarea('notes', 'Notes')}
      </details>
      <label className="checkbox">
        <input type="checkbox" checked={keepCopy} onChange={(e) => setKeepCopy(e.target.checked)} /> Keep a local copy of the page
      </label>
      <div className="field-row align-end">
        <OptionSelect id={`${id}-stance`} label="Stance" value={stance} options={STANCE_OPTIONS} onChange={setStance} />
        <button type="submit" className="button" disabled={busy}>
          Add source
        </button>
      </div>
      <FieldError id={`${id}-form-error`} message={errors.form} />
    </form>
  );
}

/** Maps the API's issue paths ("source.url") to this form's fields. */
function fieldErrors(error: unknown): Errors {
  if (!(error instanceof ClientError)) return { form: String(error) };
  const errors: Errors = {};
  for (const name of Object.keys(EMPTY) as (keyof Fields)[]) errors[name] = error.issueAt(`source.${name}`);
  if (!Object.values(errors).some(Boolean)) errors.form = error.message;
  return errors;
}
