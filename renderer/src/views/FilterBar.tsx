import { useMemo } from 'react';
import { SORT_KEYS, type Article } from '../../../shared/domain/schemas';
import { plural, STATUS_OPTIONS } from '../labels';
import { useActions, useAppStore } from '../store/react';
import { selectSort, selectView } from '../store/views-slice';
import { assigneesInUse, hasActiveFilters, tagsInUse, UNASSIGNED, type TableSortKey } from './claim-query';
import { FacetFilter, type FacetOption } from './FacetFilter';

const NONE: readonly never[] = Object.freeze([]);

/** Every key the table sorts by. */
const TABLE_SORT_KEYS: readonly TableSortKey[] = SORT_KEYS;

export const SORT_LABELS: Record<TableSortKey, string> = {
  score: 'Score',
  priority: 'Priority',
  status: 'Status',
  assignee: 'Assignee',
  due: 'Due date',
  updated: 'Last updated',
  claimant: 'Claim by',
};

/** Text, status, tag, assignee and article filters, the sort, and how many claims they let through. */
export function FilterBar({ shownCount, total }: { shownCount: number; total: number }) {
  const view = useAppStore(selectView);
  const claims = useAppStore((s) => s.workspace?.claims ?? NONE);
  const articles = useAppStore((s) => s.workspace?.articles ?? NONE);
  const knownPeople = useAppStore((s) => s.workspace?.settings.assignees ?? NONE);
  const loading = useAppStore((s) => s.loading);
  const { setViewFilters, clearViewFilters, setViewSort } = useActions();
  const sort = useAppStore(selectSort);
  const { filters } = view;

  const tagOptions = useMemo(() => withChosen(tagsInUse(claims).map(asOption), filters.tags), [claims, filters.tags]);
  const assigneeOptions = useMemo(
    () => [{ value: UNASSIGNED, label: 'Unassigned' }, ...withChosen(assigneesInUse(claims, knownPeople).map(asOption), filters.assignees)],
    [claims, knownPeople, filters.assignees],
  );
  const articleOptions = useMemo(() => articles.map((a: Article) => ({ value: a.id, label: a.title })), [articles]);

  return (
    <section className="filter-bar" aria-label="Filters">
      <input
        type="search"
        className="filter-text"
        aria-label="Filter claims"
        placeholder="Filter claims…"
        maxLength={200}
        value={filters.text}
        onChange={(e) => setViewFilters({ text: e.target.value })}
      />
      <FacetFilter
        label="Status"
        options={STATUS_OPTIONS}
        selected={filters.statuses}
        onChange={(values) => setViewFilters({ statuses: values as typeof filters.statuses })}
        emptyText=""
      />
      <FacetFilter label="Tag" options={tagOptions} selected={filters.tags} onChange={(tags) => setViewFilters({ tags })} emptyText="No claim has a tag yet." />
      <FacetFilter
        label="Assignee"
        options={assigneeOptions}
        selected={filters.assignees}
        onChange={(assignees) => setViewFilters({ assignees })}
        emptyText=""
      />
      <FacetFilter
        label="Article"
        options={articleOptions}
        selected={filters.articleIds}
        onChange={(articleIds) => setViewFilters({ articleIds })}
        emptyText="No articles yet."
      />
      <button type="button" className="button small subtle" disabled={!hasActiveFilters(filters)} onClick={clearViewFilters}>
        Clear filters
      </button>
      <span className="filter-spacer" />
      <label className="sort-field">
        <span>Sort by</span>
        <select value={sort.key} onChange={(e) => setViewSort({ ...sort, key: e.target.value as TableSortKey })}>
          {TABLE_SORT_KEYS.map((key) => (
            <option key={key} value={key}>
              {SORT_LABELS[key]}
            </option>
          ))}
        </select>
      </label>
      <select
        className="sort-direction"
        aria-label="Sort order"
        value={sort.direction}
        onChange={(e) => setViewSort({ ...sort, direction: e.target.value as typeof sort.direction })}
      >
        <option value="asc">Ascending</option>
        <option value="desc">Descending</option>
      </select>
      {loading ? (
        // Counts over the claims arrived so far would be wrong: say how far loading is instead.
        <p className="filter-count is-loading" aria-live="polite">
          <progress max={loading.total} value={loading.loaded} aria-label="Loading the workspace" />
          Loading claims… {Math.floor((100 * loading.loaded) / Math.max(loading.total, 1))}%
        </p>
      ) : (
        <p className="filter-count" aria-live="polite">
          {shownCount} of {plural(total, 'claim')}
        </p>
      )}
    </section>
  );
}

const asOption = (value: string): FacetOption => ({ value, label: value });

/** Keeps chosen values listed even when no claim has them any more, so they can be unticked. */
function withChosen(options: FacetOption[], chosen: readonly string[]): FacetOption[] {
  const listed = new Set(options.map((o) => o.value));
  const missing = chosen.filter((v) => v !== UNASSIGNED && !listed.has(v));
  return missing.length ? [...options, ...missing.map(asOption)] : options;
}
