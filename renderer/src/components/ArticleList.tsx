import { useId, useMemo, useRef, useState } from 'react';
import { useCommand } from '../commands/react';
import type { SearchHit } from '../search/search-index';
import { SearchResults } from './SearchResults';
import { useSearch } from './useSearch';
import type { Article, Claim } from '../../../shared/domain/schemas';
import { plural } from '../labels';
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
    <nav className="pane articles-pane" aria-label="Articles">
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
        <ul className="article-list">
          {shown.map((article) => (
            <ArticleItem
              key={article.id}
              article={article}
              count={loading ? 'loading' : counts.get(article.id)}
              selected={article.id === selectedId}
              onSelect={() => {
                selectArticle(article.id);
                setViewMode('article');
              }}
            />
          ))}
        </ul>
      )}
    </nav>
  );
}

interface Count {
  claims: number;
  rated: number;
}

function countClaims(claims: readonly Claim[]): Map<string, Count> {
  const counts = new Map<string, Count>();
  for (const claim of claims) {
    const count = counts.get(claim.articleId) ?? { claims: 0, rated: 0 };
    count.claims++;
    if (claim.verdict) count.rated++;
    counts.set(claim.articleId, count);
  }
  return counts;
}

/** `count` is 'loading' while a large workspace's claims are still arriving: a partial count would mislead. */
function ArticleItem({ article, count, selected, onSelect }: { article: Article; count: Count | 'loading' | undefined; selected: boolean; onSelect(): void }) {
  const claims = count === 'loading' ? null : (count?.claims ?? 0);
  const rated = count === 'loading' ? 0 : (count?.rated ?? 0);
  return (
    <li>
      <button type="button" className="article-item" aria-current={selected ? 'true' : undefined} onClick={onSelect}>
        {/* The title comes first so the button's accessible name starts with it. */}
        <span className="article-item-title">{article.title}</span>
        <span className="article-item-meta">
          {claims === null ? 'Counting claims…' : plural(claims, 'claim')}
          {rated > 0 && ` · ${rated} rated`}
          {article.outlet && ` · ${article.outlet}`}
        </span>
      </button>
    </li>
  );
}
