/**
 * Opening the workspace in parts. A 100,000-claim workspace is ~113 MB of JSON: sent as one
 * answer (getWorkspace), the window stayed blank for seconds while it was written, sent and
 * parsed. openWorkspace answers with what the first view shows; the renderer fetches the
 * rest with getWorkspacePart in the background.
 */
import type { Handlers, WorkspaceOpening } from '../../../../shared/api/contract';
import { firstShownClaims, indexById } from '../../../../shared/domain/claim-query';
import { DEFAULT_VIEW, type Claim, type Workspace } from '../../../../shared/domain/schemas';
import { FIRST_CLAIMS } from '../../../../shared/api/startup-reads';
import type { WorkspaceStore } from '../store-interface';

type OpeningMethod = 'openWorkspace' | 'getWorkspacePart';

export function openingHandlers(store: WorkspaceStore): Handlers<OpeningMethod> {
  // Made once per state of the workspace (~0.2 s at 100,000 claims: the saved view's filter
  // and sort): the host asks for it as soon as it serves (prepareOpening), so the window's
  // first request finds it ready. The store's data is immutable: the same object, the same opening.
  let last: { data: Workspace; firstClaims: number; opening: WorkspaceOpening } | null = null;
  return {
    async openWorkspace({ firstClaims }) {
      const data = store.data;
      if (last?.data !== data || last.firstClaims !== firstClaims) last = { data, firstClaims, opening: openingOf(data, firstClaims) };
      return last.opening;
    },
    async getWorkspacePart({ part, offset, limit }) {
      const { articles, claims, sources } = store.data;
      const slice = <T>(items: readonly T[], kind: typeof part) => (kind === part ? items.slice(offset, offset + limit) : []);
      return { articles: slice(articles, 'articles'), claims: slice(claims, 'claims'), sources: slice(sources, 'sources') };
    },
  };
}

/**
 * The whole workspace when it has at most `firstClaims` claims; otherwise its settings, every
 * article (only the first one, the one the renderer opens, with its text), the first
 * `firstClaims` claims of the saved view in its order, and the first article's claims.
 */
export function openingOf(data: Workspace, firstClaims: number): WorkspaceOpening {
  const totals = { articles: data.articles.length, claims: data.claims.length, sources: data.sources.length };
  if (data.claims.length <= firstClaims) {
    return { workspace: data, complete: true, totals, withText: data.articles.map((a) => a.id) };
  }
  const first = data.articles[0];
  const articlesById = indexById(data.articles);
  const view = data.settings.view ?? DEFAULT_VIEW;
  const shown = firstShownClaims(data.claims, articlesById, view, firstClaims);
  const picked = new Set<Claim>(shown);
  if (first) for (const claim of data.claims) if (claim.articleId === first.id) picked.add(claim);
  return {
    workspace: {
      ...data,
      articles: data.articles.map((a) => (a === first ? a : { ...a, text: '' })),
      claims: [...picked],
      sources: [],
    },
    complete: false,
    totals,
    withText: first ? [first.id] : [],
  };
}

/**
 * Prepares the first view's opening while the window loads, once the current task is done
 * (so the host says it is ready first): the window's first request then finds it made.
 */
export function prepareOpening(handlers: Pick<Handlers<OpeningMethod>, 'openWorkspace'>): void {
  setImmediate(() => void handlers.openWorkspace({ firstClaims: FIRST_CLAIMS }).catch(() => undefined));
}
