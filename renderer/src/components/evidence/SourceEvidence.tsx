import type { Source } from '../../../../shared/domain/schemas';
import { SourceArchive } from './SourceArchive';
import { SourceCopies } from './SourceCopies';
import './evidence.css';

/**
 * A source's evidence in its row: what an archive said (a snapshot link only when one was
 * recorded) and the local copies kept, each with the jobs running on it. Nothing here
 * pretends: "Not archived" until an archive gave a snapshot address.
 */
export function SourceEvidence({ source, locked }: { source: Source; locked: boolean }) {
  return (
    <div className="source-evidence">
      <SourceArchive source={source} locked={locked} />
      <SourceCopies source={source} locked={locked} />
    </div>
  );
}
