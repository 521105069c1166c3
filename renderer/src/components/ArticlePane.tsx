import { lazy, Suspense, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useCommand } from '../commands/react';
import { EditTextDialog } from './EditTextDialog';
import type { Article } from '../../../shared/domain/schemas';
import { selectArticle, selectArticleClaims } from '../store/selectors';
import { useActions, useAppStore } from '../store/react';
import { ArticleText } from './ArticleText';
import { ClaimList } from './ClaimList';
import { reported } from './reported';
import { SuggestionList } from './SuggestionList';
import { useSuggestions } from './useSuggestions';

// Loaded when first opened: the report preview and the export formats are not needed to start.
const ExportDialog = lazy(() => import('./ExportDialog').then((m) => ({ default: m.ExportDialog })));

/** The center pane: the open article, its text (or sentences) and its claims. */
export function ArticlePane() {
  const article = useAppStore(selectArticle);
  const hasArticles = useAppStore((s) => (s.workspace?.articles.length ?? 0) > 0);
  // An article's text is never empty, except while a large workspace is still arriving
  // (only the first article comes with its text): then the text is on its way.
  const textPending = useAppStore((s) => s.loading !== null) && article?.text === '';

  if (article && textPending) {
    return (
      <main className="pane article-pane" aria-label="Article" aria-busy="true">
        <div className="empty-state centered">
          <p className="empty-title">{article.title}</p>
          <p className="loading">Loading the article…</p>
        </div>
      </main>
    );
  }

  return (
    <main className="pane article-pane" aria-label="Article">
      {article ? (
        <ArticleView key={article.id} article={article} />
      ) : (
        <div className="empty-state centered">
          <p className="empty-title">{hasArticles ? 'Choose an article' : 'Paste an article to begin'}</p>
          <p>
            {hasArticles
              ? 'Pick an article from the list on the left to read it and pull out the claims worth checking.'
              : 'Use “New article” to paste a title and text. “Find claims” then scores every sentence and suggests the ones worth checking.'}
          </p>
        </div>
      )}
    </main>
  );
}

function ArticleView({ article }: { article: Article }) {
  const suggestionsView = useAppStore((s) => s.suggestionsView);
  const claims = useAppStore(useShallow(selectArticleClaims));
  const { suggestions, threshold } = useSuggestions(article, claims);
  const { setSuggestionsView, deleteArticle, openExternal } = useActions();
  const [exporting, setExporting] = useState(false);
  const [editing, setEditing] = useState(false);
  useCommand('find-claims', () => setSuggestionsView(!suggestionsView));
  useCommand('export', () => setExporting(true));
  useCommand('edit-text', () => setEditing(true));

  return (
    <article className="article-view">
      <header className="article-header">
        <h2 className="article-title">{article.title}</h2>
        <ArticleMeta article={article} onOpen={(url) => reported(openExternal(url))} />
        <div className="toolbar" role="toolbar" aria-label="Article actions">
          <button type="button" className="button" aria-pressed={suggestionsView} onClick={() => setSuggestionsView(!suggestionsView)}>
            {suggestionsView ? 'Show article text' : 'Find claims'}
          </button>
          <button type="button" className="button" onClick={() => setEditing(true)}>
            Edit text
          </button>
          <button type="button" className="button" onClick={() => setExporting(true)}>
            Export…
          </button>
          <span className="toolbar-spacer" />
          <button type="button" className="button danger" onClick={() => reported(deleteArticle(article.id))}>
            Delete article
          </button>
        </div>
      </header>
      <div className="article-body">
        {suggestionsView ? (
          <SuggestionList article={article} suggestions={suggestions} threshold={threshold} />
        ) : (
          <ArticleText article={article} claims={claims} suggestions={suggestions} />
        )}
        <ClaimList claims={claims} />
      </div>
      <EditTextDialog article={article} open={editing} onClose={() => setEditing(false)} />
      {exporting && (
        <Suspense fallback={null}>
          <ExportDialog article={article} onClose={() => setExporting(false)} />
        </Suspense>
      )}
    </article>
  );
}

function ArticleMeta({ article, onOpen }: { article: Article; onOpen(url: string): void }) {
  const parts = [article.outlet, article.author, article.publishedDate].filter(Boolean);
  if (parts.length === 0 && !article.url) return null;
  return (
    <p className="article-meta">
      {parts.join(' · ')}
      {article.url && (
        <>
          {parts.length > 0 && ' · '}
          <button type="button" className="link" onClick={() => onOpen(article.url!)} title={article.url}>
            Original article
          </button>
        </>
      )}
    </p>
  );
}
