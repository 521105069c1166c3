import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { useModalDialog } from './useModalDialog';
import { ClientError } from '../api/client';
import { useActions, useAppStore } from '../store/react';
import { FieldError } from './FieldError';
import { ImportBar } from './ImportBar';

const EMPTY = { title: '', text: '', url: '', outlet: '', author: '', publishedDate: '' };
type Fields = typeof EMPTY;

/**
 * "New article": a native modal <dialog> (focus stays inside, Esc closes). Empty optional
 * fields are sent as their "none" value; the API validates and its messages appear next
 * to the fields.
 */
export function NewArticleDialog() {
  const open = useAppStore((s) => s.newArticleOpen);
  const { setNewArticleOpen, createArticle, takeImportDraft, importFromHtml } = useActions();
  const [fields, setFields] = useState<Fields>(EMPTY);
  const [errors, setErrors] = useState<Partial<Record<keyof Fields, string>>>({});
  const [busy, setBusy] = useState(false);
  const [notes, setNotes] = useState<string[]>([]);
  const id = useId();

  // A finished import fills the fields (once per import), for the editor to check.
  const draft = useAppStore((s) => s.importDraft);
  const [seenDraft, setSeenDraft] = useState(0);
  if (draft && draft.ticket !== seenDraft) {
    setSeenDraft(draft.ticket);
    setFields({
      title: draft.title,
      text: draft.text,
      url: draft.url ?? '',
      outlet: draft.outlet,
      author: draft.author,
      publishedDate: draft.publishedDate ?? '',
    });
    setNotes(draft.notes);
    setErrors({});
  }

  const dialog = useModalDialog(open);

  const close = () => {
    takeImportDraft();
    setNotes([]);
    setNewArticleOpen(false);
  };
  const set = (name: keyof Fields) => (value: string) => setFields((f) => ({ ...f, [name]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      await createArticle({
        title: fields.title,
        text: fields.text,
        url: fields.url.trim() || null,
        outlet: fields.outlet,
        author: fields.author,
        publishedDate: fields.publishedDate || null,
      });
      setFields(EMPTY);
      setErrors({});
      close();
    } catch (error) {
      // The toast and status bar already report it; here the message goes next to its field.
      if (error instanceof ClientError) {
        const next: Partial<Record<keyof Fields, string>> = {};
        for (const name of Object.keys(EMPTY) as (keyof Fields)[]) next[name] = error.issueAt(name);
        if (!Object.values(next).some(Boolean)) next.text = error.message;
        setErrors(next);
      }
    } finally {
      setBusy(false);
    }
  };

  const field = (name: keyof Fields, label: string, input: (props: FieldProps) => ReactNode, hint?: string) => {
    const inputId = `${id}-${name}`;
    const errorId = `${inputId}-error`;
    const hintId = `${inputId}-hint`;
    const describedBy = [hint && hintId, errors[name] && errorId].filter(Boolean).join(' ') || undefined;
    return (
      <div className={`field field-${name}`}>
        <label htmlFor={inputId}>{label}</label>
        {input({
          id: inputId,
          value: fields[name],
          onChange: set(name),
          'aria-invalid': errors[name] ? true : undefined,
          'aria-describedby': describedBy,
        })}
        {hint && (
          <p id={hintId} className="field-hint">
            {hint}
          </p>
        )}
        <FieldError id={errorId} message={errors[name]} />
      </div>
    );
  };

  return (
    <dialog ref={dialog} className="dialog new-article" aria-labelledby={`${id}-heading`} onClose={close}>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <h2 id={`${id}-heading`}>New article</h2>
        <p className="dialog-intro">Paste the article as published, open a file (.txt, .md, .html, .docx), drop one on the window, or import a web page.</p>
        <ImportBar />
        {notes.length > 0 && (
          <ul className="import-notes" aria-label="About the import">
            {notes.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
        )}
        {field('title', 'Title', (p) => <input {...p} onChange={(e) => p.onChange(e.target.value)} required />)}
        {field(
          'text',
          'Article text',
          (p) => (
            <textarea
              {...p}
              onChange={(e) => p.onChange(e.target.value)}
              // Rich text pasted into the empty field is read like an HTML page: paragraphs, title and byline.
              onPaste={(e) => {
                const html = e.clipboardData.getData('text/html');
                if (!html || fields.text.trim()) return;
                e.preventDefault();
                void importFromHtml(html);
              }}
              rows={12}
              required
            />
          ),
          'Separate paragraphs with a blank line.',
        )}
        <div className="field-row">
          {field('url', 'URL', (p) => <input {...p} onChange={(e) => p.onChange(e.target.value)} type="url" placeholder="https://" />)}
          {field('publishedDate', 'Published date', (p) => <input {...p} onChange={(e) => p.onChange(e.target.value)} type="date" />)}
        </div>
        <div className="field-row">
          {field('outlet', 'Outlet', (p) => <input {...p} onChange={(e) => p.onChange(e.target.value)} />)}
          {field('author', 'Author', (p) => <input {...p} onChange={(e) => p.onChange(e.target.value)} />)}
        </div>
        <div className="dialog-actions">
          <button type="button" className="button" onClick={close}>
            Cancel
          </button>
          <button type="submit" className="button primary" disabled={busy}>
            Add article
          </button>
        </div>
      </form>
    </dialog>
  );
}

interface FieldProps {
  id: string;
  value: string;
  onChange(value: string): void;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}
