import { useId, useMemo, useState } from 'react';
import type { Article, Claim } from '../../../shared/domain/schemas';
import { plural } from '../labels';
import { selectArticles } from '../store/selectors';
import { useActions, useAppStore } from '../store/react';

/** The left pane: every article, newest first, with a filter and the "New article" button. */
export function ArticleList() {
  const articles = useAppStore(selectArticles);
  const claims = useAppStore((s) => s.workspace?.claims);
  const selectedId = useAppStore((s) => s.selectedArticleId);
  const { selectArticle, setNewArticleOpen } = useActions();
  const [query, setQuery] = useState('');
  const searchId = useId();

  const counts = useMemo(() => countClaims(claims ?? []), [claims]);
  const shown = useMemo(() => {
    const q = query.trim().toLowerCase();
    const matching = q ? articles.filter((a) => `${a.title} ${a.outlet} ${a.author}`.toLowerCase().includes(q)) : articles;
    return [...matching].reverse();
  }, [articles, query]);

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
            Search articles
          </label>
          <input id={searchId} type="search" placeholder="Search articles…" value={query} onChange={(e) => setQuery(e.target.value)} />
        </div>
      )}
      {articles.length === 0 ? (
        <div className="empty-state">
          <p className="empty-title">No articles yet</p>
          <p>Paste an article’s title and text with “New article” to start checking its claims.</p>
        </div>
      ) : shown.length === 0 ? (
        <p className="empty-note">No article matches “{query}”.</p>
      ) : (
        <ul className="article-list">
          {shown.map((article) => (
            <ArticleItem
              key={article.id}
              article={article}
              count={counts.get(article.id)}
              selected={article.id === selectedId}
              onSelect={() => selectArticle(article.id)}
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

function ArticleItem({ article, count, selected, onSelect }: { article: Article; count: Count | undefined; selected: boolean; onSelect(): void }) {
  const claims = count?.claims ?? 0;
  const rated = count?.rated ?? 0;
  return (
    <li>
      <button type="button" className="article-item" aria-current={selected ? 'true' : undefined} onClick={onSelect}>
        {/* The title comes first so the button's accessible name starts with it. */}
        <span className="article-item-title">{article.title}</span>
        <span className="article-item-meta">
          {plural(claims, 'claim')}
          {rated > 0 && ` · ${rated} rated`}
          {article.outlet && ` · ${article.outlet}`}
        </span>
      </button>
    </li>
  );
}
