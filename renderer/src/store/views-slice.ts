/**
 * The triage views (table and board): how they filter and sort (kept per workspace in
 * `settings.view`, applied at once and saved on a debounce), which claims are ticked for
 * bulk actions, and the bulk actions themselves (one API call each).
 */
import type { Client } from '../api/client';
import { DEFAULT_VIEW, type ViewSettings, type Workspace } from '../../../shared/domain/schemas';
import { STATUS_LABELS, PRIORITY_LABELS } from '../../../shared/domain/labels';
import { claimMatcher, EMPTY_FILTERS, idRange, indexById, toggledIn, type TableSort } from '../views/claim-query';
import { mergeClaims, removeEntities } from './entities';
import type { BulkPatch, Slice, ViewsSlice } from './types';
import { plural } from '../labels';

/** How long filters, sort and mode wait before they are saved (typing in the filter box). */
export const VIEW_SAVE_DELAY_MS = 300;

export const selectView = (s: { workspace: Workspace | null }): ViewSettings => s.workspace?.settings.view ?? DEFAULT_VIEW;

/** The sort the table and board show: the saved view's. */
export const selectSort = (s: { workspace: Workspace | null }): TableSort => selectView(s).sort;

export function createViewsSlice(client: Client): Slice<ViewsSlice> {
  return (set, get) => {

    /** Shows the new view at once; saves the latest one when changes stop coming. */
    const changeView = (change: (view: ViewSettings) => ViewSettings, also: (view: ViewSettings) => Partial<ViewsSlice> = () => ({})) => {
      const ws = get().workspace;
      if (!ws) return;
      const view = change(ws.settings.view ?? DEFAULT_VIEW);
      set({ workspace: { ...ws, settings: { ...ws.settings, view } }, ...also(view) });
      get().saveLater('view', VIEW_SAVE_DELAY_MS, 'Could not save the view settings', async () => {
        const latest = get().workspace?.settings.view;
        if (latest) await client.updateSettings({ patch: { view: latest } });
      });
    };

    /** Ticked claims the new filters hide are unticked: "N selected" is always what is shown. */
    const keepShown = (view: ViewSettings): Partial<ViewsSlice> => {
      const { selectedIds, workspace } = get();
      if (selectedIds.size === 0 || !workspace) return {};
      const matches = claimMatcher(view.filters, indexById(workspace.articles));
      const byId = indexById(workspace.claims);
      const kept = [...selectedIds].filter((id) => {
        const claim = byId.get(id);
        return claim !== undefined && matches(claim);
      });
      return kept.length === selectedIds.size ? {} : { selectedIds: new Set(kept) };
    };

    return {
      selectedIds: new Set<string>(),
      selectionAnchorId: null,

      setViewMode(mode) {
        if (selectView(get()).mode === mode) return;
        changeView((view) => ({ ...view, mode }));
      },
      setViewFilters(patch) {
        changeView((view) => ({ ...view, filters: { ...view.filters, ...patch } }), keepShown);
      },
      clearViewFilters() {
        changeView((view) => ({ ...view, filters: { ...EMPTY_FILTERS } }));
      },
      setViewSort(sort) {
        const { key, direction } = sort;
        changeView((view) => ({ ...view, sort: { key, direction } }));
      },

      setSelection(ids, anchorId) {
        set((s) => ({ selectedIds: new Set(ids), selectionAnchorId: anchorId === undefined ? s.selectionAnchorId : anchorId }));
      },
      toggleSelected(id) {
        set((s) => ({ selectedIds: toggledIn(s.selectedIds, id), selectionAnchorId: id }));
      },
      selectRange(orderedIds, toId) {
        set((s) => {
          const range = idRange(orderedIds, s.selectionAnchorId, toId);
          // The anchor stays put, so a second shift-click re-ranges from the same claim.
          return { selectedIds: new Set([...s.selectedIds, ...range]), selectionAnchorId: s.selectionAnchorId ?? toId };
        });
      },
      clearSelection() {
        if (get().selectedIds.size === 0) return;
        set({ selectedIds: new Set(), selectionAnchorId: null });
      },

      async bulkUpdateClaims(ids, patch) {
        const count = ids.length;
        const claims = await get().perform(`Could not change ${plural(count, 'claim')}`, () =>
          client.updateClaims({ ids: [...ids], patch }),
        );
        set((s) => (s.workspace ? { workspace: mergeClaims(s.workspace, claims) } : {}));
        get().pushToast({ kind: 'success', message: describeBulkChange(claims.length, patch) });
        return claims;
      },

      async bulkDeleteClaims(ids) {
        get().discardDrafts(ids);
        const removed = await get().perform(`Could not delete ${plural(ids.length, 'claim')}`, () => client.deleteClaims({ ids: [...ids] }));
        const gone = new Set(removed.claims.map((c) => c.id));
        set((s) => ({
          workspace: s.workspace ? removeEntities(s.workspace, removed) : s.workspace,
          selectedIds: new Set([...s.selectedIds].filter((id) => !gone.has(id))),
          selectedClaimId: s.selectedClaimId && gone.has(s.selectedClaimId) ? null : s.selectedClaimId,
        }));
        get().pushToast({
          kind: 'info',
          message: `Deleted ${plural(removed.claims.length, 'claim')}.`,
          action: {
            label: 'Undo',
            run: async () => {
              await get().undoDelete(`Delete ${plural(ids.length, 'claim')}`, removed);
              // What came back is ticked again, ready for the next bulk action.
              set({ selectedIds: new Set(removed.claims.map((c) => c.id)) });
            },
          },
        });
        return removed;
      },
    };
  };
}

/** The toast after a bulk change, in the editor's words. */
export function describeBulkChange(count: number, patch: BulkPatch): string {
  const parts: string[] = [];
  if (patch.status) parts.push(`status ${STATUS_LABELS[patch.status]}`);
  if (patch.priority) parts.push(`priority ${PRIORITY_LABELS[patch.priority]}`);
  if (patch.assignee !== undefined) parts.push(patch.assignee ? `assigned to ${patch.assignee}` : 'unassigned');
  if (patch.dueDate !== undefined) parts.push(patch.dueDate ? `due ${patch.dueDate}` : 'no due date');
  if (patch.addTags?.length) parts.push(`tagged ${patch.addTags.map((t) => `“${t}”`).join(', ')}`);
  if (patch.removeTags?.length) parts.push(`untagged ${patch.removeTags.map((t) => `“${t}”`).join(', ')}`);
  return `Updated ${plural(count, 'claim')}: ${parts.join(', ')}.`;
}
