import { useDeferredValue, useMemo, useState } from 'react';
import type { Article, Claim } from '../../../shared/domain/schemas';
import { useAppStore } from '../store/react';
import { selectSort, selectView } from '../store/views-slice';
import { indexById, NarrowingFilter, sortClaims } from './claim-query';

const NONE: readonly never[] = Object.freeze([]);

export interface ShownClaims {
  /** The claims the filters let through, in the chosen order. */
  shown: readonly Claim[];
  /** Every claim in the workspace. */
  total: number;
  articlesById: ReadonlyMap<string, Article>;
}

/**
 * What the table and the board show. Every claim is sorted once per claims, articles and
 * sort; a filter change only filters that sorted list (the order survives filtering), and
 * a word typed on filters the previous matches rather than every claim. At 100,000 claims
 * sorting on each keystroke cost ~80 ms. The filters also go through a deferred value, so
 * React paints the keystroke before the new list.
 */
export function useShownClaims(): ShownClaims {
  const claims = useAppStore((s) => s.workspace?.claims ?? NONE);
  const articles = useAppStore((s) => s.workspace?.articles ?? NONE);
  const filters = useAppStore((s) => selectView(s).filters);
  const sort = useAppStore(selectSort);
  const deferredFilters = useDeferredValue(filters);
  const articlesById = useMemo(() => indexById(articles), [articles]);
  const sorted = useMemo(() => sortClaims(claims, sort, articlesById), [claims, sort, articlesById]);
  const [filter] = useState(() => new NarrowingFilter());
  const shown = useMemo(() => filter.apply(sorted, deferredFilters, articlesById), [filter, sorted, articlesById, deferredFilters]);
  return { shown, total: claims.length, articlesById };
}
