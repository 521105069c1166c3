import { useCallback, useLayoutEffect, useRef, useState } from 'react';
import { defaultRangeExtractor, observeElementRect, useVirtualizer, type Range, type Virtualizer } from '@tanstack/react-virtual';
import type { Article, Claim } from '../../../shared/domain/schemas';
import { plural } from '../labels';

/** A one-line title with its meta line; longer titles wrap and are measured. */
const ESTIMATED_HEIGHT = 52;
/** Items rendered beyond the visible ones, either way, so fast scrolling shows no blanks. */
const OVERSCAN = 8;
/** Before layout (or in a DOM without layout) the pane measures 0 high: assume a screenful. */
const UNLAID_OUT = { width: 280, height: 800 };

function observePaneRect(instance: Virtualizer<HTMLElement, HTMLLIElement>, cb: (rect: { width: number; height: number }) => void) {
  return observeElementRect(instance, (rect) => cb(rect.height > 0 ? rect : UNLAID_OUT));
}

export interface Count {
  claims: number;
  rated: number;
}

export function countClaims(claims: readonly Claim[]): Map<string, Count> {
  const counts = new Map<string, Count>();
  for (const claim of claims) {
    const count = counts.get(claim.articleId) ?? { claims: 0, rated: 0 };
    count.claims++;
    if (claim.verdict) count.rated++;
    counts.set(claim.articleId, count);
  }
  return counts;
}

interface Props {
  /** The pane that scrolls (the list sits below its header and search box). */
  scroller: HTMLElement | null;
  articles: readonly Article[];
  /** Undefined while a large workspace's claims are still arriving: a partial count would mislead. */
  counts: ReadonlyMap<string, Count> | undefined;
  selectedId: string | null;
  onSelect(id: string): void;
}

/**
 * The article list, virtualized: a desk's list grows to thousands of articles, and putting
 * 2,000 items in the DOM cost ~400 ms of a large workspace's first view (creating them, then
 * the layout the claims table's first measurement forced). The selected article stays
 * rendered when scrolled away, so the focus on it is never lost.
 */
export function ArticleItems({ scroller, articles, counts, selectedId, onSelect }: Props) {
  const list = useRef<HTMLUListElement>(null);
  // Where the list starts in the scrolling pane: below its sticky header and search box.
  const [margin, setMargin] = useState(0);
  useLayoutEffect(() => {
    const pane = scroller;
    const element = list.current;
    if (!pane || !element) return;
    const top = element.getBoundingClientRect().top - pane.getBoundingClientRect().top + pane.scrollTop;
    if (top !== margin) setMargin(top);
  }, [scroller, margin]);
  const selectedIndex = selectedId === null ? -1 : articles.findIndex((a) => a.id === selectedId);
  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = defaultRangeExtractor(range);
      if (selectedIndex >= 0 && selectedIndex < range.count && !indexes.includes(selectedIndex)) {
        indexes.push(selectedIndex);
        indexes.sort((a, b) => a - b);
      }
      return indexes;
    },
    [selectedIndex],
  );
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read during render by design
  const virtualizer = useVirtualizer<HTMLElement, HTMLLIElement>({
    count: articles.length,
    getScrollElement: () => scroller,
    estimateSize: () => ESTIMATED_HEIGHT,
    getItemKey: (index) => articles[index]?.id ?? index,
    overscan: OVERSCAN,
    rangeExtractor,
    observeElementRect: observePaneRect,
    scrollMargin: margin,
  });

  return (
    <ul ref={list} className="article-list" style={{ height: virtualizer.getTotalSize() }}>
      {virtualizer.getVirtualItems().map((item) => {
        const article = articles[item.index]!;
        return (
          <ArticleItem
            key={item.key}
            index={item.index}
            setSize={articles.length}
            measure={virtualizer.measureElement}
            top={item.start - margin}
            article={article}
            count={counts ? counts.get(article.id) : 'loading'}
            selected={article.id === selectedId}
            onSelect={() => onSelect(article.id)}
          />
        );
      })}
    </ul>
  );
}

interface ItemProps {
  index: number;
  setSize: number;
  measure(element: HTMLLIElement | null): void;
  top: number;
  article: Article;
  count: Count | 'loading' | undefined;
  selected: boolean;
  onSelect(): void;
}

function ArticleItem({ index, setSize, measure, top, article, count, selected, onSelect }: ItemProps) {
  const claims = count === 'loading' ? null : (count?.claims ?? 0);
  const rated = count === 'loading' ? 0 : (count?.rated ?? 0);
  return (
    // Only some items exist at a time: the position in the whole list is told, not implied.
    <li ref={measure} data-index={index} aria-posinset={index + 1} aria-setsize={setSize} style={{ transform: `translateY(${top}px)` }}>
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
