import { useId } from 'react';
import { useCommand } from '../commands/react';
import { ArticlePane } from '../components/ArticlePane';
import { useActions, useAppStore } from '../store/react';
import { selectView } from '../store/views-slice';
import { ClaimsViews } from './ClaimsViews';
import { tabId, ViewTabs } from './ViewTabs';
import './views.css';

/**
 * The center pane: the view tabs over the open article (Article) or every claim across
 * the articles (Table, Board). The chosen view is kept in the workspace settings.
 */
export function CenterPane() {
  const mode = useAppStore((s) => selectView(s).mode);
  const { setViewMode } = useActions();
  const idBase = useId();
  useCommand('view-article', () => setViewMode('article'));
  useCommand('view-table', () => setViewMode('table'));
  useCommand('view-board', () => setViewMode('board'));
  const panelId = `${idBase}-panel`;

  return (
    <div className="center-pane">
      <nav className="view-switcher" aria-label="Views">
        <ViewTabs idBase={idBase} panelId={panelId} />
      </nav>
      <div className="view-panel" role="tabpanel" id={panelId} aria-labelledby={tabId(idBase, mode)}>
        {mode === 'article' ? <ArticlePane /> : <ClaimsViews mode={mode} />}
      </div>
    </div>
  );
}
