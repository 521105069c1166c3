import { useId, useRef, useState, type FormEvent } from 'react';
import { ClientError } from '../../api/client';
import type { Stance } from '../../../../shared/domain/schemas';
import { STANCE_OPTIONS } from '../../labels';
import { useActions } from '../../store/react';
import { FieldError } from '../FieldError';
import { OptionSelect } from '../OptionSelect';

const EMPTY = { url: '', title: '', publisher: '', excerpt: '' };
type Fields = typeof EMPTY;
type Errors = Partial<Record<keyof Fields | 'form', string>>;

/**
 * Adds a source to the claim. The API validates (e.g. only http/https addresses) and its
 * messages are shown next to the fields; the form keeps what was typed until it is saved.
 */
export function AddSourceForm({ claimId }: { claimId: string }) {
  const id = useId();
  const { addSource } = useActions();
  const [fields, setFields] = useState<Fields>(EMPTY);
  const [stance, setStance] = useState<Stance>('supports');
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  const urlInput = useRef<HTMLInputElement>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setErrors({});
    try {
      await addSource(claimId, { url: fields.url.trim(), title: fields.title, publisher: fields.publisher, excerpt: fields.excerpt }, stance);
      setFields(EMPTY);
      urlInput.current?.focus();
    } catch (error) {
      // Reported by the store (toast + status bar); here it goes next to the field it is about.
      setErrors(fieldErrors(error));
    } finally {
      setBusy(false);
    }
  };

  const input = (name: keyof Fields, label: string, props: { type?: string; placeholder?: string } = {}) => {
    const inputId = `${id}-${name}`;
    return (
      <div className={`field field-${name}`}>
        <label htmlFor={inputId}>{label}</label>
        {name === 'excerpt' ? (
          <textarea id={inputId} rows={2} value={fields.excerpt} onChange={(e) => setFields((f) => ({ ...f, excerpt: e.target.value }))} />
        ) : (
          <input
            id={inputId}
            ref={name === 'url' ? urlInput : undefined}
            {...props}
            value={fields[name]}
            aria-invalid={errors[name] ? true : undefined}
            aria-describedby={errors[name] ? `${inputId}-error` : undefined}
            onChange={(e) => setFields((f) => ({ ...f, [name]: e.target.value }))}
          />
        )}
        <FieldError id={`${inputId}-error`} message={errors[name]} />
      </div>
    );
  };

  return (
    <form className="add-source" aria-label="Add a source" onSubmit={(e) => void submit(e)} noValidate>
      {input('url', 'Source URL', { type: 'url', placeholder: 'https://' })}
      {input('title', 'Source title')}
      {input('publisher', 'Publisher')}
      {input('excerpt', 'Excerpt')}
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
