/**
 * Pure helpers that merge what the API returned into the renderer's copy of the workspace.
 * The API always answers with the saved entity, so the renderer never guesses what was stored.
 */
import type { Article, Claim, Source, Workspace } from '../../../shared/domain/schemas';

interface WithId {
  id: string;
}

/** Replaces the item with the same id, or appends it. */
export function upsert<T extends WithId>(items: readonly T[], item: T): T[] {
  const index = items.findIndex((x) => x.id === item.id);
  if (index === -1) return [...items, item];
  const next = [...items];
  next[index] = item;
  return next;
}

export function withoutIds<T extends WithId>(items: readonly T[], ids: ReadonlySet<string>): T[] {
  return items.filter((x) => !ids.has(x.id));
}

export function mergeClaim(ws: Workspace, claim: Claim): Workspace {
  return { ...ws, claims: upsert(ws.claims, claim) };
}

export function mergeSource(ws: Workspace, source: Source): Workspace {
  return { ...ws, sources: upsert(ws.sources, source) };
}

export function mergeArticle(ws: Workspace, article: Article): Workspace {
  return { ...ws, articles: upsert(ws.articles, article) };
}

export interface Removed {
  articles: Article[];
  claims: Claim[];
}

export function removeEntities(ws: Workspace, removed: Removed): Workspace {
  return {
    ...ws,
    articles: withoutIds(ws.articles, new Set(removed.articles.map((a) => a.id))),
    claims: withoutIds(ws.claims, new Set(removed.claims.map((c) => c.id))),
  };
}

export function restoreEntities(ws: Workspace, restored: Removed): Workspace {
  let next = ws;
  for (const article of restored.articles) next = mergeArticle(next, article);
  for (const claim of restored.claims) next = mergeClaim(next, claim);
  return next;
}

/** An article's claims in the order they appear in its text (ties: the shorter span first). */
export function claimsInArticleOrder(claims: readonly Claim[], articleId: string): Claim[] {
  return claims
    .filter((c) => c.articleId === articleId)
    .sort((a, b) => a.quote.start - b.quote.start || a.quote.end - b.quote.end || a.createdAt.localeCompare(b.createdAt));
}
