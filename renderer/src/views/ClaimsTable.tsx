import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { defaultRangeExtractor, observeElementRect, useVirtualizer, type Range, type Virtualizer } from '@tanstack/react-virtual';
import type { Article, Claim } from '../../../shared/domain/schemas';
import { ScoreBadge } from '../components/ClaimList';
import { PRIORITY_LABELS, STATUS_LABELS } from '../labels';
import { useActions, useAppStore } from '../store/react';
import { selectSort } from '../store/views-slice';
import { shorten } from '../../../shared/domain/rules';
import { describeClaimant } from '../../../shared/domain/claimant';
import { lazyPositions, toggleSort, type TableSortKey } from './claim-query';
import { formatDue, formatUpdated, isOverdue, todayCalendarDate } from './format';

/** Fixed heights (also in views.css) so the virtualizer never has to measure a row. */
export const ROW_HEIGHT = 36;
export const HEADER_HEIGHT = 34;
/** Rows rendered beyond the visible ones, either way, so fast scrolling shows no blanks. */
const OVERSCAN = 10;

const SORTABLE: readonly { key: TableSortKey; label: string }[] = [
  { key: 'claimant', label: 'Claim by' },
  { key: 'score', label: 'Score' },
  { key: 'priority', label: 'Priority' },
  { key: 'status', label: 'Status' },
  { key: 'assignee', label: 'Assignee' },
  { key: 'due', label: 'Due' },
  { key: 'updated', label: 'Updated' },
];
const COLUMN_COUNT = 3 + SORTABLE.length;

/**
 * The grid's size as the virtualizer sees it. Before layout (or in a DOM without layout) the
 * grid measures 0 high and the virtualizer would render no row at all: assume a screenful.
 */
const UNLAID_OUT = { width: 960, height: 600 };
function observeGridRect(instance: Virtualizer<HTMLDivElement, Element>, cb: (rect: { width: number; height: number }) => void) {
  return observeElementRect(instance, (rect) => cb(rect.height > 0 ? rect : UNLAID_OUT));
}

interface ClaimsTableProps {
  claims: readonly Claim[];
  articlesById: ReadonlyMap<string, Article>;
  selectedIds: ReadonlySet<string>;
}

/**
 * Every claim shown as an ARIA grid, virtualized: only the rows in view (and a few around
 * them) are in the DOM, so 10,000 claims scroll as fluidly as 10.
 *
 * Keyboard: one tab stop for the rows (roving focus). ↑/↓, Page Up/Down, Home/End move;
 * Shift with them extends the ticked range; Space ticks; Enter opens the claim; Ctrl/Cmd+A
 * ticks every shown claim; Escape unticks all. Mouse: click opens, Ctrl/Cmd-click ticks,
 * Shift-click ticks a range.
 */
export function ClaimsTable({ claims, articlesById, selectedIds }: ClaimsTableProps) {
  const sort = useAppStore(selectSort);
  const openId = useAppStore((s) => s.selectedClaimId);
  const anchorId = useAppStore((s) => s.selectionAnchorId);
  const { setViewSort, selectClaim, toggleSelected, selectRange, setSelection, clearSelection } = useActions();
  const scroller = useRef<HTMLDivElement>(null);
  const focusRequest = useRef<number | null>(null);
  const [activeId, setActiveId] = useState<string | null>(null);

  const ids = useMemo(() => claims.map((c) => c.id), [claims]);
  const positions = useMemo(() => lazyPositions(ids), [ids]);
  const activeIndex = Math.min((activeId !== null ? positions.get(activeId) : undefined) ?? 0, Math.max(claims.length - 1, 0));

  // The focusable row is always rendered, even when scrolled away, so Tab can always reach it.
  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = defaultRangeExtractor(range);
      if (activeIndex < range.count && !indexes.includes(activeIndex)) {
        indexes.push(activeIndex);
        indexes.sort((a, b) => a - b);
      }
      return indexes;
    },
    [activeIndex],
  );

  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read during render by design
  const virtualizer = useVirtualizer({
    count: claims.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    getItemKey: (index) => ids[index] ?? index,
    overscan: OVERSCAN,
    scrollMargin: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
    rangeExtractor,
    observeElementRect: observeGridRect,
  });

  // A claim opened from elsewhere (j/k, search) is scrolled into view once, when it opens.
  const scrolledTo = useRef<string | null>(null);
  useEffect(() => {
    if (openId === scrolledTo.current) return;
    scrolledTo.current = openId;
    const index = openId === null ? undefined : positions.get(openId);
    if (index !== undefined) virtualizer.scrollToIndex(index, { align: 'auto' });
  }, [openId, positions, virtualizer]);

  // After a keyboard move the new row exists (see rangeExtractor): give it the focus.
  useLayoutEffect(() => {
    const index = focusRequest.current;
    if (index === null) return;
    const row = scroller.current?.querySelector<HTMLElement>(`[role="row"][data-index="${index}"]`);
    if (row) {
      focusRequest.current = null;
      row.focus({ preventScroll: true });
    }
  });

  const today = todayCalendarDate();
  // Not recomputed while scrolling (the virtualizer re-renders the table on every scroll step).
  const tickedShown = useMemo(() => (selectedIds.size ? claims.reduce((n, c) => n + (selectedIds.has(c.id) ? 1 : 0), 0) : 0), [claims, selectedIds]);
  const allTicked = claims.length > 0 && tickedShown === claims.length;
  const someTicked = tickedShown > 0 && !allTicked;

  const moveTo = (index: number, extend: boolean) => {
    const next = Math.min(Math.max(index, 0), claims.length - 1);
    const id = ids[next];
    if (id === undefined) return;
    if (extend) {
      const from = ids[activeIndex];
      if ((anchorId === null || !positions.has(anchorId)) && from !== undefined) setSelection([...selectedIds, from], from);
      selectRange(ids, id);
    }
    setActiveId(id);
    focusRequest.current = next;
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const target = event.target as HTMLElement;
    const mod = event.ctrlKey || event.metaKey;
    if (mod && !event.shiftKey && !event.altKey && event.key.toLowerCase() === 'a') {
      event.preventDefault();
      setSelection(ids);
      return;
    }
    if (event.key === 'Escape' && selectedIds.size > 0) {
      event.preventDefault();
      clearSelection();
      return;
    }
    const row = target.closest<HTMLElement>('[role="row"][data-index]');
    if (!row || mod || event.altKey) return;
    const index = Number(row.dataset.index);
    const page = Math.max(1, Math.floor((scroller.current?.clientHeight ?? 0) / ROW_HEIGHT) - 1);
    const to: Record<string, number> = {
      ArrowDown: index + 1,
      ArrowUp: index - 1,
      PageDown: index + page,
      PageUp: index - page,
      Home: 0,
      End: claims.length - 1,
    };
    if (event.key in to) {
      event.preventDefault();
      moveTo(to[event.key]!, event.shiftKey);
      return;
    }
    const id = ids[index];
    if (id === undefined || target.tagName === 'INPUT') return; // the checkbox handles its own Space
    if (event.key === ' ') {
      event.preventDefault();
      toggleSelected(id);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      selectClaim(id);
    }
  };

  const onClick = (event: MouseEvent<HTMLDivElement>) => {
    const target = event.target as HTMLElement;
    const row = target.closest<HTMLElement>('[role="row"][data-index]');
    const id = row?.dataset.id;
    if (!row || id === undefined) return;
    setActiveId(id);
    if (event.shiftKey) {
      // Shift-click ticks a range; the browser would also select the text in between.
      window.getSelection()?.removeAllRanges();
      selectRange(ids, id);
    } else if (target.matches('input[type="checkbox"]') || event.ctrlKey || event.metaKey) {
      toggleSelected(id);
    } else {
      setSelection(selectedIds, id);
      selectClaim(id);
    }
  };

  const items = virtualizer.getVirtualItems();
  return (
    <div
      ref={scroller}
      className="claims-grid"
      role="grid"
      aria-label="Claims table"
      aria-rowcount={claims.length + 1}
      aria-colcount={COLUMN_COUNT}
      aria-multiselectable="true"
      onKeyDown={onKeyDown}
      onClick={onClick}
    >
      <div className="grid-head" role="rowgroup">
        <div className="grid-row grid-head-row" role="row" aria-rowindex={1}>
          <div className="cell cell-select" role="columnheader">
            <SelectAll
              checked={allTicked}
              mixed={someTicked}
              onChange={() => (allTicked ? setSelection([...selectedIds].filter((id) => !positions.has(id))) : setSelection([...selectedIds, ...ids]))}
            />
          </div>
          <div className="cell" role="columnheader">
            Claim
          </div>
          <div className="cell" role="columnheader">
            Article
          </div>
          {SORTABLE.map((column) => {
            const active = sort.key === column.key;
            return (
              <div
                key={column.key}
                className={`cell cell-${column.key}`}
                role="columnheader"
                aria-sort={active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'}
              >
                <button type="button" className="sort-button" onClick={() => setViewSort(toggleSort(sort, column.key))}>
                  {column.label}
                  <span className="sort-arrow" aria-hidden="true">
                    {active ? (sort.direction === 'asc' ? '▲' : '▼') : ''}
                  </span>
                </button>
              </div>
            );
          })}
        </div>
      </div>
      <div className="grid-body" role="rowgroup" style={{ height: virtualizer.getTotalSize() }}>
        {items.map((item) => {
          const claim = claims[item.index]!;
          return (
            <ClaimRow
              key={claim.id}
              claim={claim}
              articleTitle={articlesById.get(claim.articleId)?.title ?? ''}
              index={item.index}
              top={item.start - HEADER_HEIGHT}
              selected={selectedIds.has(claim.id)}
              focusable={item.index === activeIndex}
              open={claim.id === openId}
              today={today}
            />
          );
        })}
      </div>
    </div>
  );
}

function SelectAll({ checked, mixed, onChange }: { checked: boolean; mixed: boolean; onChange(): void }) {
  const box = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (box.current) box.current.indeterminate = mixed;
  }, [mixed]);
  return <input ref={box} type="checkbox" aria-label="Select all claims" checked={checked} onChange={onChange} />;
}

interface ClaimRowProps {
  claim: Claim;
  articleTitle: string;
  index: number;
  top: number;
  selected: boolean;
  focusable: boolean;
  open: boolean;
  today: string;
}

const ignore = () => undefined;

/** One claim. Memoised: scrolling and ticking re-render only the rows that changed. */
const ClaimRow = memo(function ClaimRow({ claim, articleTitle, index, top, selected, focusable, open, today }: ClaimRowProps) {
  const overdue = isOverdue(claim, today);
  return (
    <div
      className={`grid-row grid-body-row${selected ? ' is-selected' : ''}${open ? ' is-open' : ''}`}
      role="row"
      aria-rowindex={index + 2}
      aria-selected={selected}
      data-index={index}
      data-id={claim.id}
      tabIndex={focusable ? 0 : -1}
      style={{ transform: `translateY(${top}px)` }}
    >
      <div className="cell cell-select" role="gridcell">
        {/* Clicks are handled by the grid (shift ranges); Space on the row ticks it. */}
        <input type="checkbox" tabIndex={-1} checked={selected} aria-label={`Select: ${shorten(claim.text)}`} onChange={ignore} />
      </div>
      <div className="cell cell-claim" role="gridcell" title={claim.text}>
        {claim.text}
      </div>
      <div className="cell cell-article" role="gridcell" title={articleTitle}>
        {articleTitle}
      </div>
      <div className="cell cell-claimant" role="gridcell" title={describeClaimant(claim.claimant) ?? undefined}>
        {claim.claimant ? (
          <>
            {claim.claimant.name}
            {claim.claimant.role && <span className="claimant-role">, {claim.claimant.role}</span>}
          </>
        ) : (
          <span className="muted-dash">—</span>
        )}
      </div>
      <div className="cell cell-score" role="gridcell">
        {claim.score === null ? <span className="muted-dash">—</span> : <ScoreBadge score={claim.score} />}
      </div>
      <div className={`cell cell-priority priority-${claim.priority}`} role="gridcell">
        {PRIORITY_LABELS[claim.priority]}
      </div>
      <div className="cell cell-status" role="gridcell">
        <span className={`badge status-${claim.status}`}>{STATUS_LABELS[claim.status]}</span>
      </div>
      <div className="cell cell-assignee" role="gridcell" title={claim.assignee ?? undefined}>
        {claim.assignee ?? <span className="muted-dash">Unassigned</span>}
      </div>
      <div className={`cell cell-due${overdue ? ' is-overdue' : ''}`} role="gridcell">
        {claim.dueDate ? (
          <time dateTime={claim.dueDate}>
            {formatDue(claim.dueDate)}
            {overdue && <span className="visually-hidden"> (overdue)</span>}
          </time>
        ) : (
          <span className="muted-dash">—</span>
        )}
      </div>
      <div className="cell cell-updated" role="gridcell">
        <time dateTime={claim.updatedAt}>{formatUpdated(claim.updatedAt)}</time>
      </div>
    </div>
  );
});
