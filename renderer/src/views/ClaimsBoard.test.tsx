import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Claim } from '../../../shared/domain/schemas';
import type { CommandRegistry } from '../commands/registry';
import type { AppStore } from '../store/app-store';
import type { TestBridge } from '../../test/bridge';
import { renderViews, saveClaims, setUpViews } from '../../test/views';
import { BOARD_PAGE_SIZE } from './ClaimsBoard';
import { makeClaims } from './fixtures';

const COLUMNS = ['New', 'Researching', 'In review', 'Ready', 'Published', 'Dropped'];

describe('claims board', () => {
  let t: TestBridge;
  let store: AppStore;
  let registry: CommandRegistry;
  const state = () => store.getState();

  beforeEach(async () => {
    ({ t, store, registry } = await setUpViews('board'));
  });
  afterEach(() => t.dispose());

  /** The board is loaded when first shown (ClaimsViews.tsx): wait for it, as an editor would. */
  const renderBoard = async () => {
    renderViews({ store, registry });
    await screen.findByRole('region', { name: 'New column' });
  };
  const column = (label: string) => screen.getByRole('region', { name: `${label} column` });
  const cardButton = (claim: Claim) => screen.getByRole('button', { name: claim.text });

  it('shows one column per status with its count, and caps what a huge column renders', async () => {
    const user = userEvent.setup();
    const articleId = state().workspace!.articles[0]!.id;
    const claims = makeClaims(1200, [articleId]); // 200 per status
    act(() => store.setState((s) => ({ workspace: { ...s.workspace!, claims } })));
    await renderBoard();

    for (const label of COLUMNS) {
      const region = column(label);
      expect(within(region).getByRole('heading', { level: 3 }).textContent).toBe(`${label}, 200 claims`);
    }
    const ready = column('Ready');
    expect(within(ready).getAllByRole('listitem')).toHaveLength(BOARD_PAGE_SIZE);
    await user.click(within(ready).getByRole('button', { name: `Show ${BOARD_PAGE_SIZE} more (${200 - BOARD_PAGE_SIZE} not shown)` }));
    expect(within(ready).getAllByRole('listitem')).toHaveLength(2 * BOARD_PAGE_SIZE);
    // Whole board: nowhere near 1,200 cards in the DOM.
    expect(screen.getAllByRole('listitem').length).toBe(7 * BOARD_PAGE_SIZE);
  });

  it('opens a card on click and ticks cards with their checkbox or Ctrl-click', async () => {
    const user = userEvent.setup();
    const claims = await saveClaims(store, 3);
    await renderBoard();
    expect(within(column('New')).getAllByRole('listitem')).toHaveLength(3);

    await user.click(cardButton(claims[0]!));
    expect(state().selectedClaimId).toBe(claims[0]!.id);
    // A card names who made its claim.
    await act(() => state().updateClaim(claims[0]!.id, { claimant: { name: 'Aleksei Voronin', role: 'deputy foreign minister' } }).then(() => undefined));
    expect(within(column('New')).getByText('By Aleksei Voronin')).toBeTruthy();

    await user.click(within(column('New')).getByRole('checkbox', { name: new RegExp(`^Select: ${claims[1]!.text.slice(0, 20)}`) }));
    await user.keyboard('{Control>}');
    await user.click(cardButton(claims[2]!));
    await user.keyboard('{/Control}');
    expect([...state().selectedIds].sort()).toEqual([claims[1]!.id, claims[2]!.id].sort());
    expect(within(screen.getByRole('region', { name: 'Bulk actions' })).getByText('2 selected')).toBeTruthy();
    expect(state().selectedClaimId).toBe(claims[0]!.id);
  });

  it('moves a card to the next column with the keyboard (Space, ArrowRight, Space) and saves its status', async () => {
    const user = userEvent.setup();
    const claims = await saveClaims(store, 2);
    await renderBoard();
    const card = cardButton(claims[0]!);
    expect(card.getAttribute('aria-roledescription')).toBe('draggable claim');
    expect(card.getAttribute('aria-describedby')).toBeTruthy();

    card.focus();
    await user.keyboard(' ');
    await waitFor(() => expect(screen.getByText(/^Picked up “/)).toBeTruthy());
    await user.keyboard('{ArrowRight}');
    await waitFor(() => expect(screen.getByText(/is over the Researching column\.$/)).toBeTruthy());
    await user.keyboard(' ');

    await waitFor(() => expect(t.store.data.claims.find((c) => c.id === claims[0]!.id)?.status).toBe('researching'));
    await waitFor(() => expect(within(column('Researching')).getByRole('button', { name: claims[0]!.text })).toBeTruthy());
    expect(within(column('New')).getAllByRole('listitem')).toHaveLength(1);
    expect(within(column('Researching')).getByRole('heading', { level: 3 }).textContent).toBe('Researching, 1 claim');
    expect(screen.getByText(/^Moved “.*” to Researching\.$/)).toBeTruthy();
    // The drop did not also open the card.
    expect(state().selectedClaimId).toBeNull();
  });

  it('cancels a keyboard move with Escape, and moves every ticked card when one of them is dragged', async () => {
    const user = userEvent.setup();
    const claims = await saveClaims(store, 3);
    await renderBoard();

    cardButton(claims[0]!).focus();
    await user.keyboard(' ');
    await waitFor(() => expect(screen.getByText(/^Picked up “/)).toBeTruthy());
    await user.keyboard('{ArrowRight}{Escape}');
    await waitFor(() => expect(screen.getByText(/^Cancelled\./)).toBeTruthy());
    expect(t.store.data.claims.every((c) => c.status === 'new')).toBe(true);

    act(() => state().setSelection([claims[0]!.id, claims[1]!.id]));
    cardButton(claims[1]!).focus();
    await user.keyboard(' ');
    await waitFor(() => expect(screen.getByText(/^Picked up 2 ticked claims/)).toBeTruthy());
    // Five columns to the right: Dropped (Ready and later need a verdict, sources or a review).
    await user.keyboard('{ArrowRight}{ArrowRight}{ArrowRight}{ArrowRight}{ArrowRight} ');
    await waitFor(() =>
      expect(t.store.data.claims.map((c) => c.status)).toEqual(['dropped', 'dropped', 'new']),
    );
    expect(screen.getByText('Moved 2 claims to Dropped.')).toBeTruthy();
  });
});
