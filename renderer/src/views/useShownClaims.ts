import { useDeferredValue, useMemo } from 'react';
import type { Article, Claim } from '../../../shared/domain/schemas';
import { useAppStore } from '../store/react';
import { selectView } from '../store/views-slice';
import { filterAndSortClaims, indexById } from './claim-query';

const NONE: readonly never[] = Object.freeze([]);

export interface ShownClaims {
  /** The claims the filters let through, in the chosen order. */
  shown: readonly Claim[];
  /** Every claim in the workspace. */
  total: number;
  articlesById: ReadonlyMap<string, Article>;
}

/**
 * What the table and the board show. The filters are applied through a deferred value, so
 * typing in the filter box stays fluid with 10,000 claims: React renders the keystroke
 * first and the filtered list right after.
 */
export function useShownClaims(): ShownClaims {
  const claims = useAppStore((s) => s.workspace?.claims ?? NONE);
  const articles = useAppStore((s) => s.workspace?.articles ?? NONE);
  const filters = useAppStore((s) => selectView(s).filters);
  const sort = useAppStore((s) => selectView(s).sort);
  const deferredFilters = useDeferredValue(filters);
  const articlesById = useMemo(() => indexById(articles), [articles]);
  const shown = useMemo(
    () => filterAndSortClaims(claims, articlesById, { filters: deferredFilters, sort }),
    [claims, articlesById, deferredFilters, sort],
  );
  return { shown, total: claims.length, articlesById };
}
