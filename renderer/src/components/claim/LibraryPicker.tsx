import { useId, useMemo, useState } from 'react';
import type { Claim, Stance } from '../../../../shared/domain/schemas';
import { SOURCE_TYPE_LABELS, STANCE_OPTIONS } from '../../labels';
import { useActions, useAppStore } from '../../store/react';
import { OptionSelect } from '../OptionSelect';
import { reported } from '../reported';

/** Cite a source already in the workspace's library: one source can back many claims. */
export function LibraryPicker({ claim }: { claim: Claim }) {
  const id = useId();
  const sources = useAppStore((s) => s.workspace?.sources);
  const { linkSource } = useActions();
  const cited = useMemo(() => new Set(claim.sources.map((l) => l.sourceId)), [claim.sources]);
  const available = useMemo(() => (sources ?? []).filter((s) => !cited.has(s.id)).sort((a, b) => a.title.localeCompare(b.title)), [sources, cited]);
  const [sourceId, setSourceId] = useState('');
  const [stance, setStance] = useState<Stance>('supports');
  if (available.length === 0) return null;
  const chosen = available.some((s) => s.id === sourceId) ? sourceId : '';

  return (
    <div className="library-picker" role="group" aria-label="Cite from the library">
      <div className="field">
        <label htmlFor={`${id}-source`}>Source from the library</label>
        <select id={`${id}-source`} value={chosen} onChange={(e) => setSourceId(e.target.value)}>
          <option value="">Choose a source…</option>
          {available.map((s) => (
            <option key={s.id} value={s.id}>
              {s.title}
              {s.publisher ? ` — ${s.publisher}` : ''} ({SOURCE_TYPE_LABELS[s.type]})
            </option>
          ))}
        </select>
      </div>
      <div className="field-row align-end">
        <OptionSelect id={`${id}-stance`} label="Stance of the cited source" value={stance} options={STANCE_OPTIONS} onChange={setStance} />
        <button type="button" className="button" disabled={!chosen} onClick={() => reported(linkSource(claim.id, chosen, stance).then(() => setSourceId('')))}>
          Cite
        </button>
      </div>
    </div>
  );
}
