import { useId, useState, type KeyboardEvent } from 'react';
import { ClientError } from '../../api/client';
import type { Claim } from '../../../../shared/domain/schemas';
import { useActions } from '../../store/react';
import { FieldError } from '../FieldError';

/** Tags: Enter adds the typed tag; each tag has its own remove button. */
export function TagEditor({ claim }: { claim: Claim }) {
  const id = useId();
  const { updateClaim } = useActions();
  const [text, setText] = useState('');
  const [error, setError] = useState<string>();

  const saveTags = async (tags: string[]) => {
    setError(undefined);
    try {
      await updateClaim(claim.id, { tags });
      return true;
    } catch (e) {
      // Reported by the store; also shown here, next to the field.
      setError(e instanceof ClientError ? (e.issues[0]?.message ?? e.message) : String(e));
      return false;
    }
  };

  const onKeyDown = async (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    const tag = text.trim();
    if (!tag) return;
    if (claim.tags.includes(tag)) {
      setText('');
      return;
    }
    if (await saveTags([...claim.tags, tag])) setText('');
  };

  return (
    <div className="field tags">
      {claim.tags.length > 0 && (
        <ul className="tag-list" aria-label="Tags">
          {claim.tags.map((tag) => (
            <li key={tag} className="tag">
              <span>{tag}</span>
              <button
                type="button"
                className="tag-remove"
                aria-label={`Remove tag ${tag}`}
                onClick={() => void saveTags(claim.tags.filter((t) => t !== tag))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <label htmlFor={id}>Add tag</label>
      <input
        id={id}
        value={text}
        placeholder="Type a tag and press Enter"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => void onKeyDown(e)}
      />
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}
