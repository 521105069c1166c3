/** Articles: adding, editing (claims and dismissed passages follow the text), deleting and restoring them. */
import type { Handlers } from '../../../../shared/api/contract';
import { ApiError } from '../../../../shared/api/result';
import type { Article, Claim, Span, Workspace } from '../../../../shared/domain/schemas';
import { suggestedSpans } from '../../../../shared/extract/suggestions';
import { quoted } from '../../../../shared/domain/rules';
import { quoteAt } from '../../../../shared/domain/quote';
import { createAnchorer } from '../../../../shared/anchoring/reanchor';
import type { WorkspaceStore } from '../store-interface';
import { findArticle } from '../lookup';
import { addClaims, removeClaims } from './claim-edits';
import { excerpt, plural, snapshot } from './common';

type ArticleMethod = 'createArticle' | 'editArticleText' | 'updateArticle' | 'deleteArticle' | 'restoreDeleted' | 'setSuggestionDismissed';

export function articleHandlers(store: WorkspaceStore): Handlers<ArticleMethod> {
  return {
    createArticle: (fields) => store.update('Add article', (ws) => addArticle(ws, store, fields)),
    editArticleText: ({ id, text }) =>
      store.update('Edit article text', (ws) => {
        const article = findArticle(ws, id);
        const oldText = article.text;
        const indices = indicesWhere(ws.claims, (c) => c.articleId === id);
        let moved = 0;
        if (text !== oldText) {
          const anchorer = createAnchorer(text);
          for (const i of indices) {
            const claim = ws.claims[i]!;
            const found = anchorer.find(claim.quote);
            if (!found) {
              if (claim.anchor !== 'orphaned') claim.anchor = 'orphaned';
              continue;
            }
            const quote = quoteAt(text, found.start, found.end);
            const { quote: old } = claim;
            if (claim.anchor === 'orphaned' || quote.start !== old.start || quote.end !== old.end) moved++;
            if (quote.exact !== old.exact || quote.start !== old.start || quote.end !== old.end || quote.prefix !== old.prefix || quote.suffix !== old.suffix) {
              claim.quote = quote;
            }
            if (claim.anchor !== 'attached') claim.anchor = 'attached';
          }
          article.dismissed = remapSpans(article.dismissed, oldText, text, anchorer);
          article.text = text;
          article.updatedAt = store.timestamp();
        }
        const claims = indices.map((i) => ws.claims[i]!);
        const orphaned = claims.filter((c) => c.anchor === 'orphaned').length;
        return { article, claims, moved, orphaned };
      }),
    updateArticle: ({ id, patch }) =>
      store.update('Edit article details', (ws) => {
        const article = findArticle(ws, id);
        Object.assign(article, patch, { updatedAt: store.timestamp() });
        return article;
      }),
    deleteArticle: ({ id }) =>
      store.update('Delete article', (ws) => {
        const article = findArticle(ws, id);
        const published = snapshot(ws.claims).filter((c) => c.articleId === id && c.status === 'published').length;
        if (published > 0) {
          throw new ApiError(
            'forbidden',
            `${quoted(article.title)} has ${plural(published, 'published claim')}. Reopen ${published === 1 ? 'it' : 'them'} for correction first; nothing was deleted.`,
          );
        }
        const claims = removeClaims(ws, new Set(snapshot(ws.claims).filter((c) => c.articleId === id).map((c) => c.id)));
        ws.articles = snapshot(ws.articles).filter((a) => a.id !== id);
        return { articles: [article], claims };
      }),
    restoreDeleted: ({ articles, claims }) =>
      store.update(restoreLabel(articles.length, claims.length), (ws) => {
        const taken = new Set([...snapshot(ws.articles), ...snapshot(ws.claims)].map((x) => x.id));
        const clash = [...articles, ...claims].find((x) => taken.has(x.id));
        if (clash) throw new ApiError('conflict', `Cannot restore: ${clash.id} already exists in the workspace.`);
        const articleIds = new Set([...snapshot(ws.articles), ...articles].map((a) => a.id));
        const homeless = claims.find((c) => !articleIds.has(c.articleId));
        if (homeless) {
          throw new ApiError('conflict', `Cannot restore the claim "${excerpt(homeless.text)}": its article has been deleted since; restore the article first.`);
        }
        // A claim marked as the duplicate of one deleted since cannot point at it any more.
        const present = new Set([...taken, ...claims.map((c) => c.id)]);
        const restored = claims.map((c) => (c.duplicateOf !== null && !present.has(c.duplicateOf) ? { ...c, duplicateOf: null } : c));
        ws.articles.push(...articles);
        ws.claims.push(...restored);
        return { articles, claims: restored };
      }),
    setSuggestionDismissed: ({ articleId, span, dismissed }) =>
      store.update(dismissed ? 'Dismiss suggestion' : 'Restore suggestion', (ws) => {
        const article = findArticle(ws, articleId);
        if (span.end > article.text.length) throw new ApiError('invalid_input', 'The passage is not inside the article text.');
        const others = article.dismissed.filter((d) => d.start !== span.start || d.end !== span.end);
        article.dismissed = dismissed ? [...others, span] : others;
        return article;
      }),
  };
}

type NewArticleFields = Parameters<Handlers<'createArticle'>['createArticle']>[0];

function addArticle(ws: Workspace, store: WorkspaceStore, fields: NewArticleFields): Article {
  const now = store.timestamp();
  const article: Article = { ...fields, id: store.newId(), importedAt: now, updatedAt: now, dismissed: [] };
  ws.articles.push(article);
  return article;
}

/**
 * Adds an article with a claim for every suggestion at or above `threshold` (the workspace's
 * suggestion threshold when not given), in one change: one undo entry, all or nothing. The
 * suggestions are the ones the app's "Accept all above threshold" would accept for the new
 * article (shared/extract/suggestions). `fields` must be valid (as createArticle's input).
 * Not an API method: the CLI's `import --accept-suggestions` calls it on its store.
 */
export async function addArticleWithSuggestions(
  store: WorkspaceStore,
  fields: NewArticleFields,
  threshold: number = store.data.settings.suggestionThreshold,
): Promise<{ article: Article; claims: Claim[]; threshold: number }> {
  const spans = suggestedSpans(fields.text, threshold);
  const label = spans.length === 0 ? 'Add article' : `Add article and accept ${plural(spans.length, 'suggestion')}`;
  return store.update(label, (ws) => {
    const article = addArticle(ws, store, fields);
    return { article, claims: addClaims(ws, article, spans, store), threshold };
  });
}

function restoreLabel(articles: number, claims: number): string {
  if (articles === 1) return 'Restore article';
  if (articles > 1) return `Restore ${articles} articles`;
  return claims === 1 ? 'Restore claim' : `Restore ${claims} claims`;
}

function indicesWhere<T>(items: T[], test: (item: T) => boolean): number[] {
  const out: number[] = [];
  snapshot(items).forEach((item, i) => {
    if (test(item)) out.push(i);
  });
  return out;
}

/** Dismissed spans found again in the new text by their old text and context; lost ones are dropped. */
function remapSpans(spans: readonly Span[], oldText: string, newText: string, anchorer: ReturnType<typeof createAnchorer>): Span[] {
  const out: Span[] = [];
  const seen = new Set<string>();
  for (const span of spans) {
    let quote;
    try {
      quote = quoteAt(oldText, span.start, span.end);
    } catch {
      continue;
    }
    const found = anchorer.find(quote);
    if (!found || found.end > newText.length || seen.has(`${found.start}:${found.end}`)) continue;
    seen.add(`${found.start}:${found.end}`);
    out.push({ start: found.start, end: found.end });
  }
  return out;
}
