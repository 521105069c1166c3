import type { Handlers, ServiceMethod } from '../../../shared/api/contract';
import { ApiError } from '../../../shared/api/result';
import type { Article, Claim, Span, Workspace } from '../../../shared/domain/schemas';
import { scoreSentence } from '../../../shared/checkworthiness/score';
import { quoteAt, QuoteRangeError } from '../../../shared/domain/quote';
import { exportReport } from './export';
import type { WorkspaceStore } from './store';

export interface AppInfo {
  name: string;
  version: string;
  mode: 'electron' | 'browser';
}

export type ServiceHandlers = Handlers<ServiceMethod>;

/**
 * Every service method of the contract, implemented once over the store. The Electron
 * IPC layer and the browser-mode server both call these through `dispatch`.
 */
export function createServiceHandlers(store: WorkspaceStore, info: AppInfo): ServiceHandlers {
  return {
    async getAppInfo() {
      return { ...info, dataFile: store.file };
    },
    async getWorkspace() {
      return store.data;
    },
    updateSettings: ({ patch }) =>
      store.update((ws) => {
        Object.assign(ws.settings, patch);
        return ws.settings;
      }),

    createArticle: (fields) =>
      store.update((ws) => {
        const now = store.timestamp();
        const article: Article = { ...fields, id: store.newId(), importedAt: now, updatedAt: now, dismissed: [] };
        ws.articles.push(article);
        return article;
      }),
    updateArticle: ({ id, patch }) =>
      store.update((ws) => {
        const article = findArticle(ws, id);
        Object.assign(article, patch, { updatedAt: store.timestamp() });
        return article;
      }),
    deleteArticle: ({ id }) =>
      store.update((ws) => {
        const article = findArticle(ws, id);
        const claims = ws.claims.filter((c) => c.articleId === id);
        ws.articles = ws.articles.filter((a) => a.id !== id);
        ws.claims = ws.claims.filter((c) => c.articleId !== id);
        return { articles: [article], claims };
      }),
    restoreDeleted: ({ articles, claims }) =>
      store.update((ws) => {
        const taken = new Set([...ws.articles, ...ws.claims].map((x) => x.id));
        const clash = [...articles, ...claims].find((x) => taken.has(x.id));
        if (clash) throw new ApiError('conflict', `Cannot restore: ${clash.id} already exists in the workspace.`);
        ws.articles.push(...articles);
        ws.claims.push(...claims);
        return { articles, claims };
      }),

    createClaim: ({ articleId, start, end, text }) =>
      store.update((ws) => {
        const claim = newClaim(ws, findArticle(ws, articleId), { start, end }, store, text);
        ws.claims.push(claim);
        return claim;
      }),
    createClaims: ({ articleId, spans }) =>
      store.update((ws) => {
        const article = findArticle(ws, articleId);
        const claims: Claim[] = [];
        for (const span of spans) {
          // Pushed one by one, so a span given twice is refused like an existing claim.
          const claim = newClaim(ws, article, span, store);
          ws.claims.push(claim);
          claims.push(claim);
        }
        return claims;
      }),
    setSuggestionDismissed: ({ articleId, span, dismissed }) =>
      store.update((ws) => {
        const article = findArticle(ws, articleId);
        if (span.end > article.text.length) throw new ApiError('invalid_input', 'The passage is not inside the article text.');
        const others = article.dismissed.filter((d) => d.start !== span.start || d.end !== span.end);
        article.dismissed = dismissed ? [...others, span] : others;
        return article;
      }),
    updateClaim: ({ id, patch }) =>
      editClaim(store, id, (claim) => {
        if (patch.tags) patch.tags = [...new Set(patch.tags)];
        Object.assign(claim, patch);
      }),
    deleteClaim: ({ id }) =>
      store.update((ws) => {
        const claim = findClaim(ws, id);
        ws.claims = ws.claims.filter((c) => c.id !== id);
        return { articles: [], claims: [claim] };
      }),

    addSource: ({ claimId, source: fields, stance }) =>
      store.update((ws) => {
        const claim = findClaim(ws, claimId);
        let source = ws.sources.find((s) => s.url === fields.url);
        if (!source) {
          source = { ...fields, id: store.newId(), accessedAt: store.timestamp() };
          ws.sources.push(source);
        }
        const sourceId = source.id;
        if (claim.sources.some((link) => link.sourceId === sourceId)) {
          throw new ApiError('conflict', `This claim already cites ${fields.url}.`);
        }
        claim.sources.push({ sourceId, stance });
        claim.updatedAt = store.timestamp();
        return { claim, source };
      }),
    setSourceStance: ({ claimId, sourceId, stance }) =>
      editClaim(store, claimId, (claim) => {
        findLink(claim, sourceId).stance = stance;
      }),
    unlinkSource: ({ claimId, sourceId }) =>
      editClaim(store, claimId, (claim) => {
        findLink(claim, sourceId);
        claim.sources = claim.sources.filter((link) => link.sourceId !== sourceId);
      }),
    setVerdict: ({ claimId, verdict }) =>
      editClaim(store, claimId, (claim, ws) => {
        if (verdict && !ws.settings.ratingScale.some((r) => r.id === verdict.ratingId)) {
          throw new ApiError('invalid_input', `"${verdict.ratingId}" is not a rating on this workspace's scale.`);
        }
        claim.verdict = verdict ? { ...verdict, decidedAt: store.timestamp() } : null;
      }),

    // Declared in the contract for the workspace issue; implemented in the next commits.
    editArticleText: notYet,
    updateClaims: notYet,
    deleteClaims: notYet,
    mergeClaims: notYet,
    splitClaim: notYet,
    linkDuplicate: notYet,
    undo: notYet,
    redo: notYet,
    getHistory: notYet,

    async exportReport({ articleId, format }) {
      const ws = store.data;
      return exportReport(ws, findArticle(ws, articleId), format, store.timestamp());
    },
  };
}

/** A new claim quoting `span` of the article, scored; refuses bad ranges and passages that already are claims. */
function newClaim(ws: Workspace, article: Article, span: Span, store: WorkspaceStore, text?: string): Claim {
  let quote;
  try {
    quote = quoteAt(article.text, span.start, span.end);
  } catch (error) {
    if (error instanceof QuoteRangeError) throw new ApiError('invalid_input', `Cannot create the claim: ${error.message}.`);
    throw error;
  }
  const twin = ws.claims.find((c) => c.articleId === article.id && c.quote.start === span.start && c.quote.end === span.end);
  if (twin) throw new ApiError('conflict', `This passage is already a claim: "${twin.text.slice(0, 80)}".`);
  const now = store.timestamp();
  return {
    id: store.newId(),
    articleId: article.id,
    text: text ?? quote.exact.replace(/\s+/g, ' ').trim().slice(0, 2_000),
    quote,
    status: 'new',
    priority: 'normal',
    assignee: null,
    tags: [],
    dueDate: null,
    anchor: 'attached',
    duplicateOf: null,
    score: scoreSentence(quote.exact).score,
    verdict: null,
    sources: [],
    createdAt: now,
    updatedAt: now,
  };
}

async function notYet(): Promise<never> {
  throw new ApiError('internal', 'This action is not available yet.');
}

function editClaim(store: WorkspaceStore, id: string, edit: (claim: Claim, ws: Workspace) => void): Promise<Claim> {
  return store.update((ws) => {
    const claim = findClaim(ws, id);
    edit(claim, ws);
    claim.updatedAt = store.timestamp();
    return claim;
  });
}

function findArticle(ws: Workspace, id: string): Article {
  const article = ws.articles.find((a) => a.id === id);
  if (!article) throw new ApiError('not_found', `There is no article with id ${id}; it may have been deleted.`);
  return article;
}

function findClaim(ws: Workspace, id: string): Claim {
  const claim = ws.claims.find((c) => c.id === id);
  if (!claim) throw new ApiError('not_found', `There is no claim with id ${id}; it may have been deleted.`);
  return claim;
}

function findLink(claim: Claim, sourceId: string) {
  const link = claim.sources.find((l) => l.sourceId === sourceId);
  if (!link) throw new ApiError('not_found', `The claim does not cite source ${sourceId}.`);
  return link;
}
