import { useId } from 'react';
import type { Claim, SourceLink, Stance } from '../../../../shared/domain/schemas';
import { STANCE_OPTIONS } from '../../labels';
import { selectSource } from '../../store/selectors';
import { useActions, useAppStore } from '../../store/react';
import { reported } from '../reported';
import { AddSourceForm } from './AddSourceForm';
import { LibraryPicker } from './LibraryPicker';
import { SOURCE_TYPE_LABELS } from '../../labels';
import { SourceEvidence } from '../evidence/SourceEvidence';

/** The claim's sources with their stance, and the form to add one. */
export function SourcesSection({ claim, locked }: { claim: Claim; locked: boolean }) {
  const headingId = useId();
  return (
    <section className="claim-section" aria-labelledby={headingId}>
      <h3 id={headingId} className="section-title">
        Sources <span className="count" aria-hidden="true">{claim.sources.length}</span>
      </h3>
      {claim.sources.length === 0 ? (
        <p className="empty-note">No sources yet. Add the documents, data or interviews that support or refute the claim.</p>
      ) : (
        <ul className="source-list" aria-label="Sources of this claim">
          {claim.sources.map((link) => (
            <SourceItem key={link.sourceId} claimId={claim.id} link={link} locked={locked} />
          ))}
        </ul>
      )}
      {!locked && (
        <>
          <AddSourceForm claimId={claim.id} />
          <LibraryPicker claim={claim} />
        </>
      )}
    </section>
  );
}

function SourceItem({ claimId, link, locked }: { claimId: string; link: SourceLink; locked: boolean }) {
  const source = useAppStore(selectSource(link.sourceId));
  const { openExternal, setSourceStance, unlinkSource } = useActions();
  const stanceId = useId();
  if (!source) return null;
  const host = hostOf(source.url);

  return (
    <li className={`source stance-${link.stance}`}>
      <div className="source-head">
        {/* Opens in the system browser through the API; the app itself never navigates. */}
        <button type="button" className="link source-title" title={source.url} onClick={() => reported(openExternal(source.url))}>
          {source.title}
        </button>
        <span className="source-by">
          {[SOURCE_TYPE_LABELS[source.type], source.publisher, source.author, source.publishedDate, host].filter(Boolean).join(' · ')}
        </span>
      </div>
      {/* Not a <blockquote>: the claim's own quote is the pane's one blockquote. */}
      {source.excerpt && <p className="source-excerpt">“{source.excerpt}”</p>}
      {source.notes && <p className="source-notes">{source.notes}</p>}
      <p className="source-accessed">Added {new Date(source.accessedAt).toLocaleDateString()}</p>
      <SourceEvidence source={source} locked={locked} />
      <div className="source-actions">
        <label htmlFor={stanceId} className="visually-hidden">
          Stance for {source.title}
        </label>
        <select
          id={stanceId}
          className={`stance-select stance-${link.stance}`}
          disabled={locked}
          value={link.stance}
          onChange={(e) => reported(setSourceStance(claimId, source.id, e.target.value as Stance))}
        >
          {STANCE_OPTIONS.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
        {!locked && (
          <button type="button" className="button small subtle" aria-label={`Remove ${source.title}`} onClick={() => reported(unlinkSource(claimId, source.id))}>
            Remove
          </button>
        )}
      </div>
    </li>
  );
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return '';
  }
}
