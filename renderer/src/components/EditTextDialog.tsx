import { useId, useState } from 'react';
import { useModalDialog } from './useModalDialog';
import type { Article } from '../../../shared/domain/schemas';
import { ClientError } from '../api/client';
import { useActions } from '../store/react';
import { FieldError } from './FieldError';

/**
 * "Edit text": the article text in a textarea. Saving re-anchors the article's claims to
 * their quotes (they follow moved text; a claim whose quote is gone is kept as orphaned).
 */
export function EditTextDialog({ article, open, onClose }: { article: Article; open: boolean; onClose(): void }) {
  const { editArticleText } = useActions();
  const [text, setText] = useState(article.text);
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const id = useId();

  // Each opening starts from the saved text.
  const dialog = useModalDialog(open, () => {
    setText(article.text);
    setError(undefined);
  });

  const save = async () => {
    setBusy(true);
    try {
      await editArticleText(article.id, text);
      onClose();
    } catch (e) {
      // Already in a toast and the status bar; shown here too, next to the text.
      setError(e instanceof ClientError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <dialog ref={dialog} className="dialog wide" aria-labelledby={`${id}-title`} onClose={onClose}>
      <h2 id={`${id}-title`}>Edit article text</h2>
      <p className="dialog-intro">Claims follow their quotes when the text around them changes. A claim whose quote is removed is kept and marked orphaned.</p>
      <label className="field" htmlFor={`${id}-text`}>
        Article text
      </label>
      <textarea id={`${id}-text`} className="text-editor" rows={18} value={text} onChange={(e) => setText(e.target.value)} aria-describedby={error ? `${id}-error` : undefined} />
      <FieldError id={`${id}-error`} message={error} />
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
        <button type="button" className="button primary" disabled={busy || text === article.text} onClick={() => void save()}>
          Save text
        </button>
      </div>
    </dialog>
  );
}
