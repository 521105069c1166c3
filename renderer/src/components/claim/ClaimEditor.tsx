import type { Claim } from '../../../../shared/domain/schemas';
import { useActions } from '../../store/react';
import { reported } from '../reported';
import { SourcesSection } from './SourcesSection';
import { TagEditor } from './TagEditor';
import { TriageFields } from './TriageFields';
import { VerdictSection } from './VerdictSection';
import { WordingField } from './WordingField';

export function ClaimEditor({ claim }: { claim: Claim }) {
  const { deleteClaim } = useActions();
  return (
    <div className="claim-editor">
      <div className="pane-header">
        <h2 className="pane-title">Claim</h2>
        <button
          type="button"
          className="button danger small"
          onClick={() => reported(deleteClaim(claim.id))}
        >
          Delete claim
        </button>
      </div>
      <WordingField claim={claim} />
      <figure className="quote">
        <blockquote>{claim.quote.exact}</blockquote>
        <figcaption>From the article (characters {claim.quote.start}–{claim.quote.end})</figcaption>
      </figure>
      <TriageFields claim={claim} />
      <TagEditor claim={claim} />
      <SourcesSection claim={claim} />
      <VerdictSection claim={claim} />
    </div>
  );
}
