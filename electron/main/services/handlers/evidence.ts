/**
 * What the evidence jobs record in the workspace: a source's archive state, and the local
 * copies of its page (the copy itself goes to the store's copy store, written once; the
 * source lists it). The jobs themselves (network work) are in ../evidence/evidence-jobs.ts.
 */
import type { Handlers } from '../../../../shared/api/contract';
import { ApiError } from '../../../../shared/api/result';
import type { ArchiveState } from '../../../../shared/domain/evidence';
import { quoted } from '../../../../shared/domain/rules';
import type { WorkspaceStore } from '../store-interface';
import { findSource } from './sources';

type EvidenceRecordMethod = 'recordArchive' | 'keepLocalCopy' | 'getLocalCopy';

const LABELS: Record<ArchiveState['state'], string> = {
  none: 'Clear archive state',
  requested: 'Request archive snapshot',
  archived: 'Record archive snapshot',
  failed: 'Record failed archive attempt',
};

export function evidenceRecordHandlers(store: WorkspaceStore): Handlers<EvidenceRecordMethod> {
  return {
    recordArchive: ({ sourceId, archive }) =>
      store.update(LABELS[archive.state], (ws) => {
        const source = findSource(ws, sourceId);
        // A recorded snapshot is evidence that exists: a later request, failure or "none" never hides it.
        if (source.archive.state === 'archived' && archive.state !== 'archived') {
          throw new ApiError('conflict', `${quoted(source.title)} already has an archived snapshot (${source.archive.snapshotUrl}); it is kept.`);
        }
        source.archive = archive;
        return source;
      }),
    keepLocalCopy: async ({ sourceId, copy }) => {
      if (store.readOnly) throw new ApiError('conflict', 'This workspace is open read-only: no local copy can be kept.');
      const source = store.data.sources.find((s) => s.id === sourceId);
      if (!source) throw new ApiError('not_found', `There is no source with id ${sourceId} in the library.`);
      if (copy.sourceId !== sourceId) throw new ApiError('invalid_input', `This copy is of source ${copy.sourceId}, not ${sourceId}.`);
      // The copy first: a source never lists a copy that is not kept (a copy no source lists is harmless).
      await store.copies.put(copy);
      return store.update('Keep local copy', (ws) => {
        const draft = findSource(ws, sourceId);
        if (draft.copies.some((c) => c.id === copy.id)) return draft; // a replay
        draft.copies.push({ id: copy.id, fetchedAt: copy.fetchedAt, finalUrl: copy.finalUrl, sha256: copy.sha256, bytes: copy.bytes, title: copy.title });
        return draft;
      });
    },
    getLocalCopy: async ({ copyId }) => {
      const copy = await store.copies.get(copyId);
      if (!copy) throw new ApiError('not_found', `There is no local copy with id ${copyId} here.`);
      return copy;
    },
  };
}
