/** The source library and the sources a claim cites. */
import type { Handlers } from '../../../../shared/api/contract';
import { ApiError } from '../../../../shared/api/result';
import type { Claim, Source, Workspace } from '../../../../shared/domain/schemas';
import { quoted } from '../../../../shared/domain/rules';
import { normalizeUrl } from '../../../../shared/sources/url';
import type { WorkspaceStore } from '../store-interface';
import { editClaim, findEditableClaim } from './claim-edits';

type SourceMethod = 'addSource' | 'linkSource' | 'updateSource' | 'setSourceStance' | 'unlinkSource';

export function sourceHandlers(store: WorkspaceStore): Handlers<SourceMethod> {
  return {
    addSource: ({ claimId, source: fields, stance }) =>
      store.update('Add source', (ws) => {
        const claim = findEditableClaim(ws, claimId);
        // One library entry per address: scheme and host case, a trailing slash or tracking parameters do not make another.
        const key = normalizeUrl(fields.url);
        let source: Source | undefined = ws.sources.find((s) => normalizeUrl(s.url) === key);
        if (!source) {
          const accessedAt = store.timestamp();
          // Not archived until an archive says so (archiveSource); no copy until one is kept (copySource).
          source = { ...fields, id: store.newId(), accessedAt, archive: { state: 'none' }, copies: [] };
          ws.sources.push(source);
        }
        const { id: sourceId, url } = source;
        if (claim.sources.some((link) => link.sourceId === sourceId)) {
          throw new ApiError('conflict', `This claim already cites ${url}.`);
        }
        claim.sources.push({ sourceId, stance });
        claim.updatedAt = store.timestamp();
        return { claim, source };
      }),
    linkSource: ({ claimId, sourceId, stance }) =>
      editClaim(store, claimId, (claim, ws) => {
        const source = findSource(ws, sourceId);
        if (claim.sources.some((link) => link.sourceId === sourceId)) {
          throw new ApiError('conflict', `This claim already cites ${quoted(source.title)} (${source.url}).`);
        }
        claim.sources.push({ sourceId, stance });
      }, 'Cite source'),
    updateSource: ({ id, patch }) =>
      store.update('Edit source', (ws) => {
        const source = findSource(ws, id);
        Object.assign(source, patch);
        return source;
      }),
    setSourceStance: ({ claimId, sourceId, stance }) =>
      editClaim(store, claimId, (claim) => {
        findLink(claim, sourceId).stance = stance;
      }, 'Change stance'),
    unlinkSource: ({ claimId, sourceId }) =>
      editClaim(store, claimId, (claim) => {
        findLink(claim, sourceId);
        claim.sources = claim.sources.filter((link) => link.sourceId !== sourceId);
      }, 'Remove source'),
  };
}

export function findSource(ws: Workspace, id: string): Source {
  const source = ws.sources.find((s) => s.id === id);
  if (!source) throw new ApiError('not_found', `There is no source with id ${id} in the library.`);
  return source;
}

function findLink(claim: Claim, sourceId: string) {
  const link = claim.sources.find((l) => l.sourceId === sourceId);
  if (!link) throw new ApiError('not_found', `The claim does not cite source ${sourceId}.`);
  return link;
}
