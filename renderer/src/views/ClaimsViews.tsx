import { lazy, Suspense, useMemo, useRef } from 'react';
import { useCommand } from '../commands/react';
import { useActions, useAppStore, useStoreApi } from '../store/react';
import { hasActiveFilters } from './claim-query';
import { BulkBar } from './BulkBar';
import { ClaimsTable } from './ClaimsTable';
import { FilterBar } from './FilterBar';
import { useShownClaims } from './useShownClaims';
import { selectView } from '../store/views-slice';

// Loaded when first shown: drag and drop is most of its weight, and a start in the table needs none of it.
const ClaimsBoard = lazy(() => import('./ClaimsBoard').then((m) => ({ default: m.ClaimsBoard })));

/** The table or the board over every claim, with the filters and the bulk actions. */
export function ClaimsViews({ mode }: { mode: 'table' | 'board' }) {
  const { shown, total, articlesById } = useShownClaims();
  const selectedIds = useAppStore((s) => s.selectedIds);
  const filtering = useAppStore((s) => hasActiveFilters(selectView(s).filters));
  const loading = useAppStore((s) => s.loading !== null);
  const { clearViewFilters, setViewMode, selectClaim } = useActions();
  const store = useStoreApi();
  const main = useRef<HTMLElement>(null);

  // j / k walk the claims in the order shown here (across articles), not the open article's.
  const step = (delta: 1 | -1) => {
    const index = shown.findIndex((c) => c.id === store.getState().selectedClaimId);
    const next = index === -1 ? 0 : Math.min(Math.max(index + delta, 0), shown.length - 1);
    selectClaim(shown[next]?.id ?? null);
  };
  useCommand('next-claim', () => step(1), () => shown.length > 0);
  useCommand('previous-claim', () => step(-1), () => shown.length > 0);

  const tickedClaims = useMemo(() => (selectedIds.size ? shown.filter((c) => selectedIds.has(c.id)) : []), [shown, selectedIds]);
  const ticked = useMemo(() => tickedClaims.map((c) => c.id), [tickedClaims]);

  let body;
  if (loading && shown.length === 0) {
    // The claims that match may still be on their way: "no claims" would be a wrong final answer.
    body = (
      <div className="empty-state centered" aria-busy="true">
        <p className="loading">Loading claims…</p>
      </div>
    );
  } else if (total === 0) {
    body = (
      <div className="empty-state centered">
        <p className="empty-title">No claims yet</p>
        <p>
          Claims from every article gather here. Open an article, choose “Find claims” and accept the sentences worth checking,
          or select a passage and press <kbd>C</kbd>.
        </p>
        <p>
          <button type="button" className="button" onClick={() => setViewMode('article')}>
            Go to the article
          </button>
        </p>
      </div>
    );
  } else if (shown.length === 0) {
    body = (
      <div className="empty-state centered">
        <p className="empty-title">No claims match these filters</p>
        <p>{filtering ? 'Loosen a filter above, or start again from every claim.' : 'Nothing to show.'}</p>
        <p>
          <button type="button" className="button" onClick={clearViewFilters}>
            Clear filters
          </button>
        </p>
      </div>
    );
  } else if (mode === 'table') {
    body = <ClaimsTable claims={shown} articlesById={articlesById} selectedIds={selectedIds} />;
  } else {
    body = (
      <Suspense fallback={<p className="empty-note">Opening the board…</p>}>
        <ClaimsBoard claims={shown} articlesById={articlesById} selectedIds={selectedIds} tickedIds={ticked} />
      </Suspense>
    );
  }

  return (
    <main className="pane claims-views" aria-label="All claims" ref={main} tabIndex={-1}>
      <FilterBar shownCount={shown.length} total={total} />
      {ticked.length > 0 && <BulkBar ids={ticked} claims={tickedClaims} onDone={() => main.current?.focus()} />}
      <div className="claims-views-body">{body}</div>
    </main>
  );
}
