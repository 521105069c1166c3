import { useId, useMemo, useRef, useState } from 'react';
import { useCommand } from '../commands/react';
import type { SearchHit } from '../search/search-index';
import { ArticleItems, countClaims } from './ArticleItems';
import { SearchResults } from './SearchResults';
import { useSearch } from './useSearch';
import { selectArticles } from '../store/selectors';
import { useActions, useAppStore } from '../store/react';

/** The left pane: every article, newest first, search across articles and claims, and "New article". */
export function ArticleList() {
  const articles = useAppStore(selectArticles);
  const claims = useAppStore((s) => s.workspace?.claims);
  const selectedId = useAppStore((s) => s.selectedArticleId);
  const loading = useAppStore((s) => s.loading !== null);
  const { selectArticle, selectClaim, setNewArticleOpen, setViewMode } = useActions();
  const [query, setQuery] = useState('');
  const searchId = useId();
  const input = useRef<HTMLInputElement>(null);
  // State, not a ref: the list below needs the pane once it exists (a child's effects run before its parent's ref is set).
  const [pane, setPane] = useState<HTMLElement | null>(null);
  const results = useSearch(query);
  useCommand('search', () => input.current?.focus());

  const counts = useMemo(() => countClaims(claims ?? []), [claims]);
  const shown = useMemo(() => [...articles].reverse(), [articles]);

  const open = (hit: SearchHit) => {
    if (hit.kind === 'article') {
      selectArticle(hit.id);
      setViewMode('article');
    } else selectClaim(hit.id);
  };

  return (
    <nav ref={setPane} className="pane articles-pane" aria-label="Articles">
      <div className="pane-header">
        <h2 className="pane-title">Articles</h2>
        <button type="button" className="button primary small" onClick={() => setNewArticleOpen(true)} aria-keyshortcuts="n">
          New article
        </button>
      </div>
      {articles.length > 0 && (
        <div className="search">
          <label htmlFor={searchId} className="visually-hidden">
            Search articles and claims
          </label>
          <input
            ref={input}
            id={searchId}
            type="search"
            placeholder="Search…  ( / )"
            aria-keyshortcuts="/"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            onKeyDown={(e) => {
              const first = results?.articles[0] ?? results?.claims[0];
              if (e.key === 'Enter' && first) open(first);
              if (e.key === 'Escape') setQuery('');
            }}
          />
        </div>
      )}
      {results && query.trim() ? (
        <SearchResults results={results} query={query.trim()} onOpen={open} />
      ) : articles.length === 0 ? (
        <div className="empty-state">
          <p className="empty-title">No articles yet</p>
          <p>Paste an article’s title and text with “New article” to start checking its claims.</p>
        </div>
      ) : (
        <ArticleItems
          scroller={pane}
          articles={shown}
          counts={loading ? undefined : counts}
          selectedId={selectedId}
          onSelect={(id) => {
            selectArticle(id);
            setViewMode('article');
          }}
        />
      )}
    </nav>
  );
}
