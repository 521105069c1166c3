/** Finding what a request names, with the refusals every service gives when it is not there. */
import { ApiError } from '../../../shared/api/result';
import type { Article, Workspace } from '../../../shared/domain/schemas';

export function findArticle(ws: Workspace, id: string): Article {
  const article = ws.articles.find((a) => a.id === id);
  if (!article) throw new ApiError('not_found', `There is no article with id ${id}; it may have been deleted.`);
  return article;
}

/** Ids for a message: the first three, and how many more. */
export function listIds(ids: readonly string[]): string {
  return ids.slice(0, 3).join(', ') + (ids.length > 3 ? ` and ${ids.length - 3} more` : '');
}
