/**
 * Pure helpers that merge what the API returned into the renderer's copy of the workspace.
 * The API always answers with the saved entity, so the renderer never guesses what was stored.
 */
import type { WorkspaceChanges } from '../../../shared/api/contract';
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

/**
 * `upsert` for many items in one pass: replaces by id, appends the new ones in order. Bulk
 * answers hold thousands of claims; upserting them one by one copies the array each time.
 */
export function upsertAll<T extends WithId>(items: readonly T[], updates: readonly T[]): T[] {
  if (updates.length === 0) return [...items];
  const pending = new Map(updates.map((u) => [u.id, u]));
  const next = items.map((item) => {
    const update = pending.get(item.id);
    if (update === undefined) return item;
    pending.delete(item.id);
    return update;
  });
  for (const update of pending.values()) next.push(update);
  return next;
}

export function withoutIds<T extends WithId>(items: readonly T[], ids: ReadonlySet<string>): T[] {
  return items.filter((x) => !ids.has(x.id));
}

export function mergeClaim(ws: Workspace, claim: Claim): Workspace {
  return { ...ws, claims: upsert(ws.claims, claim) };
}

/** Merges many claims (a bulk change's answer) in one pass. */
export function mergeClaims(ws: Workspace, claims: readonly Claim[]): Workspace {
  return claims.length === 0 ? ws : { ...ws, claims: upsertAll(ws.claims, claims) };
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
  const gone = new Set(removed.claims.map((c) => c.id));
  return {
    ...ws,
    articles: withoutIds(ws.articles, new Set(removed.articles.map((a) => a.id))),
    // The API unlinks claims marked as duplicates of deleted ones; do the same here.
    claims: repointDuplicates(withoutIds(ws.claims, gone), gone, null),
  };
}

/** Claims marked `duplicateOf` one of `from` now point to `to` (null: unlinked), as the API does. */
export function repointDuplicates(claims: Claim[], from: ReadonlySet<string>, to: string | null): Claim[] {
  if (!claims.some((c) => c.duplicateOf !== null && from.has(c.duplicateOf))) return claims;
  return claims.map((c) => (c.duplicateOf !== null && from.has(c.duplicateOf) ? { ...c, duplicateOf: to === c.id ? null : to } : c));
}

export function restoreEntities(ws: Workspace, restored: Removed): Workspace {
  // One pass each: undoing a bulk delete brings back thousands of claims at once.
  return { ...ws, articles: upsertAll(ws.articles, restored.articles), claims: upsertAll(ws.claims, restored.claims) };
}

/** Applies what an undo/redo step changed: upsert the touched entities, drop the removed ones. */
export function applyChanges(ws: Workspace, changes: WorkspaceChanges): Workspace {
  const removedArticles = new Set(changes.removed.articles);
  const removedClaims = new Set(changes.removed.claims);
  const removedSources = new Set(changes.removed.sources);
  const replace = <T extends WithId>(items: readonly T[], touched: readonly T[], removed: ReadonlySet<string>): T[] => {
    const byId = new Map(touched.map((item) => [item.id, item]));
    const kept = items.filter((item) => !removed.has(item.id)).map((item) => byId.get(item.id) ?? item);
    const known = new Set(items.map((item) => item.id));
    return kept.concat(touched.filter((item) => !known.has(item.id)));
  };
  return {
    ...ws,
    settings: changes.settings ?? ws.settings,
    articles: replace(ws.articles, changes.articles, removedArticles),
    claims: replace(ws.claims, changes.claims, removedClaims),
    sources: replace(ws.sources, changes.sources, removedSources),
  };
}

/** An article's claims in the order they appear in its text (ties: the shorter span first). */
export function claimsInArticleOrder(claims: readonly Claim[], articleId: string): Claim[] {
  return claims
    .filter((c) => c.articleId === articleId)
    .sort((a, b) => a.quote.start - b.quote.start || a.quote.end - b.quote.end || a.createdAt.localeCompare(b.createdAt));
}
