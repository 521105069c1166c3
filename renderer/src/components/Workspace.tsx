import { useEffect, useState, type CSSProperties } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { selectArticleClaims } from '../store/selectors';
import { useActions, useAppStore, useStoreApi } from '../store/react';
import { ArticleList } from './ArticleList';
import { ClaimPane } from './claim/ClaimPane';
import { NewArticleDialog } from './NewArticleDialog';
import { Splitter } from './Splitter';
import { CenterPane } from '../views/CenterPane';
import { isTypingTarget } from './keyboard';

/** The three panes (Articles | Article | Claim), the new-article dialog and the global shortcuts. */
export function Workspace() {
  const [left, setLeft] = useState(260);
  const [right, setRight] = useState(400);
  useNavigationShortcuts();

  // Widths go in as custom properties (set through the CSSOM, which the CSP allows).
  const columns = { '--left-width': `${left}px`, '--right-width': `${right}px` } as CSSProperties;
  return (
    <>
      <div className="panes" style={columns}>
        <ArticleList />
        <Splitter label="Resize the articles pane" value={left} min={180} max={480} direction={1} onChange={setLeft} />
        <CenterPane />
        <Splitter label="Resize the claim pane" value={right} min={300} max={640} direction={-1} onChange={setRight} />
        <ClaimPane />
      </div>
      <NewArticleDialog />
    </>
  );
}

/** j / k: next / previous claim of the open article; n: new article. */
function useNavigationShortcuts() {
  const store = useStoreApi();
  const { selectClaim, setNewArticleOpen } = useActions();
  const claimIds = useAppStore(useShallow((s) => selectArticleClaims(s).map((c) => c.id)));

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || isTypingTarget(event.target)) return;
      if (store.getState().newArticleOpen) return;
      if (event.key === 'n') {
        event.preventDefault();
        setNewArticleOpen(true);
        return;
      }
      if (event.key !== 'j' && event.key !== 'k') return;
      if (claimIds.length === 0) return;
      event.preventDefault();
      const index = claimIds.indexOf(store.getState().selectedClaimId ?? '');
      const next = event.key === 'j' ? Math.min(index + 1, claimIds.length - 1) : Math.max(index - 1, 0);
      selectClaim(claimIds[index === -1 ? 0 : next] ?? null);
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [store, claimIds, selectClaim, setNewArticleOpen]);
}
