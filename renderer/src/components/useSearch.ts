import { useMemo, useState } from 'react';
import type { Workspace } from '../../../shared/domain/schemas';
import { buildSearchIndex, groupHits, type SearchIndex } from '../search/search-index';
import { useAppStore } from '../store/react';

/** The search index, built on first use and kept in step with the workspace it is given. */
class LiveSearch {
  private index: SearchIndex | null = null;

  results(workspace: Workspace, query: string) {
    if (!this.index) this.index = buildSearchIndex(workspace);
    else this.index.sync(workspace);
    return groupHits(this.index.search(query, { limit: 40 }));
  }
}

/**
 * Full-text search over the workspace. The index is built the first time the editor
 * searches (not at start-up, where it would delay the first view), then synced with each
 * store change, which costs next to nothing when little changed.
 */
export function useSearch(query: string) {
  // Only while there is a query: each filter keystroke makes a new workspace object, and
  // re-rendering the article list (thousands of articles) for it cost ~10 ms a keystroke.
  const searching = query.trim() !== '';
  const workspace = useAppStore((s) => (searching ? s.workspace : null));
  const [live] = useState(() => new LiveSearch());
  return useMemo(() => {
    const q = query.trim();
    return q && workspace ? live.results(workspace, q) : null;
  }, [live, workspace, query]);
}
