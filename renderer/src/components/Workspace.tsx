import { useState, type CSSProperties } from 'react';
import { useWorkspaceCommands } from '../commands/useWorkspaceCommands';
import { ArticleList } from './ArticleList';
import { ClaimPane } from './claim/ClaimPane';
import { NewArticleDialog } from './NewArticleDialog';
import { Splitter } from './Splitter';
import { CenterPane } from '../views/CenterPane';

/** The three panes (Articles | Article | Claim), the new-article dialog and the workspace's commands. */
export function Workspace() {
  const [left, setLeft] = useState(260);
  const [right, setRight] = useState(400);
  useWorkspaceCommands();

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
