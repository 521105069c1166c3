import type { Claim } from '../../../../shared/domain/schemas';
import { useState } from 'react';
import { useActions, useAppStore } from '../../store/react';
import { useClaimCommands } from '../../commands/useClaimCommands';
import { SplitClaimDialog } from './SplitClaimDialog';
import { DuplicatesSection } from './DuplicatesSection';
import { HistoryPanel } from './HistoryPanel';
import { reported } from '../reported';
import { ReviewSection } from './ReviewSection';
import { ClaimantSection } from './ClaimantSection';
import { SourcesSection } from './SourcesSection';
import { TagEditor } from './TagEditor';
import { TriageFields } from './TriageFields';
import { VerdictSection } from './VerdictSection';
import { WordingField } from './WordingField';

/**
 * The claim pane's contents. A published claim is locked: its fields are disabled (the
 * API refuses changes too) until it is reopened for correction in the Review section.
 */
export function ClaimEditor({ claim }: { claim: Claim }) {
  const { deleteClaim, selectClaim, linkDuplicate } = useActions();
  const [splitting, setSplitting] = useState(false);
  const original = useAppStore((s) => (claim.duplicateOf ? s.workspace?.claims.find((c) => c.id === claim.duplicateOf) : undefined));
  const { mergeNext } = useClaimCommands();
  const locked = claim.status === 'published';
  return (
    <div className="claim-editor">
      <div className="pane-header">
        <h2 className="pane-title">Claim</h2>
        {!locked && (
          <button type="button" className="button danger small" onClick={() => reported(deleteClaim(claim.id))}>
            Delete claim
          </button>
        )}
      </div>
      {locked && (
        <p className="locked-note" role="note">
          Published and locked. Reopen it for correction (under Review) to change it.
        </p>
      )}
      <fieldset className="lock-fieldset" disabled={locked}>
        <legend className="visually-hidden">Claim details</legend>
        <WordingField claim={claim} />
        <figure className="quote">
          <blockquote>{claim.quote.exact}</blockquote>
          <figcaption>From the article (characters {claim.quote.start}–{claim.quote.end})</figcaption>
        </figure>
        {claim.anchor === 'orphaned' && (
          <p className="orphaned-note">
            <strong>Orphaned:</strong> this quote is no longer in the article text. The claim is kept; restore the text or delete the claim.
          </p>
        )}
        {original && (
          <p className="duplicate-note">
            Duplicate of{' '}
            <button type="button" className="link" onClick={() => selectClaim(original.id)}>
              “{original.text}”
            </button>{' '}
            <button type="button" className="button small" onClick={() => reported(linkDuplicate(claim.id, null, false))}>
              Unlink
            </button>
          </p>
        )}
        {!locked && <DuplicatesSection claim={claim} />}
        <div className="quote-actions">
          <button type="button" className="button small" disabled={!mergeNext} onClick={() => mergeNext?.()}>
            Merge with next claim
          </button>
          <button type="button" className="button small" onClick={() => setSplitting(true)}>
            Split claim…
          </button>
        </div>
        {splitting && <SplitClaimDialog claim={claim} open={splitting} onClose={() => setSplitting(false)} />}
        <TriageFields claim={claim} />
        <TagEditor claim={claim} />
      </fieldset>
      {/* Locks itself but for the publication address, which a published claim still takes. */}
      <ClaimantSection claim={claim} locked={locked} />
      {/* Outside the fieldset: a locked claim's sources can still be opened. */}
      <SourcesSection claim={claim} locked={locked} />
      <fieldset className="lock-fieldset" disabled={locked}>
        <legend className="visually-hidden">Verdict</legend>
        {/* Keyed by the saved verdict: when it changes elsewhere (reused, undone), the form starts from it. */}
        <VerdictSection key={claim.verdict?.decidedAt ?? 'none'} claim={claim} />
      </fieldset>
      <ReviewSection claim={claim} />
      <HistoryPanel claim={claim} />
    </div>
  );
}
