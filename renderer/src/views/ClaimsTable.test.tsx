import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CommandRegistry } from '../commands/registry';
import type { AppStore } from '../store/app-store';
import type { TestBridge } from '../../test/bridge';
import { renderViews, saveClaims, setUpViews } from '../../test/views';
import { makeClaim, makeClaims } from './fixtures';

describe('claims table', () => {
  let t: TestBridge;
  let store: AppStore;
  let registry: CommandRegistry;
  const state = () => store.getState();

  beforeEach(async () => {
    ({ t, store, registry } = await setUpViews('table'));
  });
  afterEach(() => t.dispose());

  /** Generated claims, shown but not saved (rendering only). */
  const showGenerated = (count: number) => {
    const articleId = state().workspace!.articles[0]!.id;
    const claims = makeClaims(count, [articleId]);
    act(() => store.setState((s) => ({ workspace: { ...s.workspace!, claims } })));
    return claims;
  };

  const grid = () => screen.getByRole('grid', { name: 'Claims table' });
  const bodyRows = () => within(grid()).getAllByRole('row').filter((r) => r.hasAttribute('data-index'));

  it('renders only a window of rows for 5,000 claims', () => {
    showGenerated(5000);
    renderViews({ store, registry });
    expect(grid().getAttribute('aria-rowcount')).toBe('5001');
    const rows = bodyRows();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThan(100);
    expect(screen.getByText('5000 of 5000 claims')).toBeTruthy();
    // Every rendered row is a proper grid row.
    for (const row of rows.slice(0, 3)) {
      expect(within(row).getAllByRole('gridcell')).toHaveLength(10);
      expect(within(row).getByRole('checkbox', { name: /^Select: Claim \d+/ })).toBeTruthy();
    }
  });

  it('has sortable column headers that flip between descending and ascending', async () => {
    const user = userEvent.setup();
    const claims = showGenerated(40);
    renderViews({ store, registry });
    const header = (name: string) => within(grid()).getByRole('columnheader', { name });
    expect(header('Updated').getAttribute('aria-sort')).toBe('descending');
    expect(header('Score').getAttribute('aria-sort')).toBe('none');
    expect(header('Claim').hasAttribute('aria-sort')).toBe(false);

    await user.click(within(header('Score')).getByRole('button', { name: 'Score' }));
    expect(header('Score').getAttribute('aria-sort')).toBe('descending');
    expect(header('Updated').getAttribute('aria-sort')).toBe('none');
    const top = [...claims].sort((a, b) => (b.score ?? -1) - (a.score ?? -1))[0]!;
    await waitFor(() => expect(bodyRows()[0]!.textContent).toContain(top.text));

    await user.click(within(header('Score')).getByRole('button', { name: 'Score' }));
    expect(header('Score').getAttribute('aria-sort')).toBe('ascending');
    const lowest = [...claims].filter((c) => c.score !== null).sort((a, b) => a.score! - b.score!)[0]!;
    await waitFor(() => expect(bodyRows()[0]!.textContent).toContain(lowest.text));
    await waitFor(() => expect(t.store.data.settings.view.sort).toEqual({ key: 'score', direction: 'asc' }));
  });

  it('shows who made each claim, sorts by it for the session, and filters on the name', async () => {
    const user = userEvent.setup();
    const articleId = state().workspace!.articles[0]!.id;
    const people = [
      { name: 'Zoe Quinn', role: 'mayor' },
      null,
      { name: 'aleksei Voronin', role: 'deputy foreign minister' },
      { name: 'Boris Adler', role: null },
    ];
    const claims = people.map((claimant, i) => makeClaim(i, articleId, { claimant, updatedAt: new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString() }));
    act(() => store.setState((s) => ({ workspace: { ...s.workspace!, claims } })));
    renderViews({ store, registry });
    const header = within(grid()).getByRole('columnheader', { name: 'Claim by' });
    const cell = (row: HTMLElement) => within(row).getAllByRole('gridcell')[3]!;
    // Latest update first (the saved sort): the name, and the role in muted text.
    const first = cell(bodyRows()[0]!);
    expect(first.textContent).toBe('Boris Adler');
    expect(cell(bodyRows()[1]!).textContent).toBe('aleksei Voronin, deputy foreign minister');
    expect(within(cell(bodyRows()[1]!)).getByText(', deputy foreign minister').className).toBe('claimant-role');
    expect(cell(bodyRows()[2]!).textContent).toBe('—');

    await user.click(within(header).getByRole('button', { name: 'Claim by' }));
    expect(header.getAttribute('aria-sort')).toBe('ascending');
    // Names in the collator's order (case aside); a claim without a claimant comes last either way.
    expect(bodyRows().map((r) => cell(r).textContent)).toEqual(['aleksei Voronin, deputy foreign minister', 'Boris Adler', 'Zoe Quinn, mayor', '—']);
    await user.click(within(header).getByRole('button', { name: 'Claim by' }));
    expect(header.getAttribute('aria-sort')).toBe('descending');
    expect(bodyRows().map((r) => cell(r).textContent)).toEqual(['Zoe Quinn, mayor', 'Boris Adler', 'aleksei Voronin, deputy foreign minister', '—']);
    // Saved with the view, like every sort.
    await waitFor(() => expect(t.store.data.settings.view.sort).toEqual({ key: 'claimant', direction: 'desc' }));
    expect((screen.getByRole('combobox', { name: 'Sort by' }) as HTMLSelectElement).value).toBe('claimant');

    const filters = screen.getByRole('region', { name: 'Filters' });
    await user.type(within(filters).getByRole('searchbox', { name: 'Filter claims' }), 'voronin');
    await waitFor(() => expect(bodyRows()).toHaveLength(1));
    expect(bodyRows()[0]!.getAttribute('data-id')).toBe(claims[2]!.id);

    // Another column's sort replaces it.
    await user.click(within(grid()).getByRole('button', { name: 'Score' }));
    expect(header.getAttribute('aria-sort')).toBe('none');
    await waitFor(() => expect(t.store.data.settings.view.sort.key).toBe('score'));
  });

  it('ticks a row with its checkbox and changes the status of the ticked claims in one bulk action', async () => {
    const user = userEvent.setup();
    const claims = await saveClaims(store, 3);
    renderViews({ store, registry });
    expect(screen.queryByRole('region', { name: 'Bulk actions' })).toBeNull();

    const [first, second] = claims;
    await user.click(screen.getByRole('checkbox', { name: new RegExp(`^Select: ${first!.text.slice(0, 20)}`) }));
    await user.click(screen.getByRole('checkbox', { name: new RegExp(`^Select: ${second!.text.slice(0, 20)}`) }));
    const bulk = screen.getByRole('region', { name: 'Bulk actions' });
    expect(within(bulk).getByText('2 selected')).toBeTruthy();
    // Ticking is not opening.
    expect(state().selectedClaimId).toBeNull();

    await user.selectOptions(within(bulk).getByRole('combobox', { name: 'Set status' }), 'Dropped');
    await waitFor(() => expect(t.store.data.claims.filter((c) => c.status === 'dropped').map((c) => c.id).sort()).toEqual([first!.id, second!.id].sort()));
    // The ticked claims stay ticked, and the row shows the new status.
    expect(within(bulk).getByText('2 selected')).toBeTruthy();
    const row = screen.getByRole('checkbox', { name: new RegExp(`^Select: ${first!.text.slice(0, 20)}`) }).closest('[role="row"]')!;
    await waitFor(() => expect(within(row as HTMLElement).getByText('Dropped')).toBeTruthy());

    await user.type(within(bulk).getByRole('textbox', { name: 'Add tag' }), 'transport{Enter}');
    await waitFor(() => expect(t.store.data.claims.filter((c) => c.tags.includes('transport'))).toHaveLength(2));
    await user.type(within(bulk).getByRole('combobox', { name: 'Assign to' }), 'Ana Ruiz');
    await user.click(within(bulk).getByRole('button', { name: 'Assign' }));
    await waitFor(() => expect(t.store.data.claims.filter((c) => c.assignee === 'Ana Ruiz')).toHaveLength(2));

    await user.click(within(bulk).getByRole('button', { name: 'Delete selected' }));
    await waitFor(() => expect(t.store.data.claims).toHaveLength(1));
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Bulk actions' })).toBeNull());
    expect(state().toasts.at(-1)?.message).toBe('Deleted 2 claims.');
    expect(bodyRows()).toHaveLength(1);
  });

  it('opens a claim on click, ticks a range with shift-click, and works from the keyboard', async () => {
    const user = userEvent.setup();
    const claims = await saveClaims(store, 5);
    act(() => state().setViewSort({ key: 'status', direction: 'asc' })); // ties: text order
    renderViews({ store, registry });
    const rows = bodyRows();
    expect(rows).toHaveLength(5);

    await user.click(within(rows[1]!).getByText(claims[1]!.text));
    expect(state().selectedClaimId).toBe(claims[1]!.id);
    expect(state().selectedIds.size).toBe(0);

    await user.keyboard('{Shift>}');
    await user.click(within(rows[3]!).getByText(claims[3]!.text));
    await user.keyboard('{/Shift}');
    expect([...state().selectedIds].sort()).toEqual(claims.slice(1, 4).map((c) => c.id).sort());

    // Keyboard: the clicked row has the focus; arrows move it, Space ticks, Enter opens.
    act(() => state().clearSelection());
    rows[0]!.focus();
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(document.activeElement?.getAttribute('data-id')).toBe(claims[2]!.id);
    expect(bodyRows()[2]!.tabIndex).toBe(0);
    expect(bodyRows()[0]!.tabIndex).toBe(-1);
    await user.keyboard(' ');
    expect([...state().selectedIds]).toEqual([claims[2]!.id]);
    await user.keyboard('{Enter}');
    expect(state().selectedClaimId).toBe(claims[2]!.id);
    await user.keyboard('{Shift>}{ArrowDown}{/Shift}');
    expect([...state().selectedIds].sort()).toEqual([claims[2]!.id, claims[3]!.id].sort());
    await user.keyboard('{End}');
    expect(document.activeElement?.getAttribute('data-id')).toBe(claims[4]!.id);

    await user.keyboard('{Control>}a{/Control}');
    expect(state().selectedIds.size).toBe(5);
    expect(screen.getByRole('checkbox', { name: 'Select all claims' })).toHaveProperty('checked', true);
    await user.keyboard('{Escape}');
    expect(state().selectedIds.size).toBe(0);
  });

  it('steps through the claims in the order shown with the next/previous claim commands (j/k)', async () => {
    const claims = await saveClaims(store, 4);
    act(() => state().setViewSort({ key: 'status', direction: 'asc' }));
    act(() => state().setViewFilters({ text: claims[1]!.text.split(' ').slice(0, 3).join(' ') }));
    renderViews({ store, registry });
    await waitFor(() => expect(bodyRows().length).toBeLessThan(4));
    const shownIds = bodyRows().map((r) => r.getAttribute('data-id'));
    act(() => void registry.run('next-claim'));
    expect(state().selectedClaimId).toBe(shownIds[0]);
    act(() => void registry.run('previous-claim'));
    expect(state().selectedClaimId).toBe(shownIds[0]);
    act(() => state().clearViewFilters());
    await waitFor(() => expect(bodyRows()).toHaveLength(4));
    const all = bodyRows().map((r) => r.getAttribute('data-id'));
    act(() => void registry.run('next-claim'));
    expect(state().selectedClaimId).toBe(all[all.indexOf(shownIds[0]!) + 1]);
  });

  it('filters by text and by status, counts, and teaches when nothing matches', async () => {
    const user = userEvent.setup();
    const claims = await saveClaims(store, 3);
    await act(() => state().updateClaim(claims[0]!.id, { status: 'dropped' }).then(() => undefined));
    renderViews({ store, registry });
    const filters = screen.getByRole('region', { name: 'Filters' });
    expect(within(filters).getByText('3 of 3 claims')).toBeTruthy();

    await user.click(within(filters).getByRole('button', { name: 'Status' }));
    await user.click(within(filters).getByRole('checkbox', { name: 'Dropped' }));
    await waitFor(() => expect(within(filters).getByText('1 of 3 claims')).toBeTruthy());
    expect(bodyRows()).toHaveLength(1);
    await user.keyboard('{Escape}');
    expect(document.activeElement).toBe(within(filters).getByRole('button', { name: 'Status' }));

    await user.type(within(filters).getByRole('searchbox', { name: 'Filter claims' }), 'no such words anywhere');
    await waitFor(() => expect(screen.getByText('No claims match these filters')).toBeTruthy());
    expect(screen.queryByRole('grid')).toBeNull();
    const clearButtons = screen.getAllByRole('button', { name: 'Clear filters' });
    await user.click(clearButtons[clearButtons.length - 1]!);
    await waitFor(() => expect(within(filters).getByText('3 of 3 claims')).toBeTruthy());
    await waitFor(() => expect(t.store.data.settings.view.filters.statuses).toEqual([]));
  });
});
