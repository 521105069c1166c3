/** The source addresses a link check looks at: every source of the workspace, or those an article's claims cite. */
import type { Workspace } from '../../../../shared/domain/schemas';
import type { LinkTarget } from './link-check';

export function linkTargets(ws: Workspace, articleId: string | null): LinkTarget[] {
  const citing = new Map<string, string[]>();
  for (const claim of ws.claims) {
    if (articleId && claim.articleId !== articleId) continue;
    for (const link of claim.sources) citing.set(link.sourceId, [...(citing.get(link.sourceId) ?? []), claim.id]);
  }
  return ws.sources
    .filter((s) => !articleId || citing.has(s.id))
    .map((s) => ({ sourceId: s.id, title: s.title, url: s.url, archive: s.archive, claimIds: citing.get(s.id) ?? [] }));
}
