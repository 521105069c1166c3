import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Claim } from '../../../../shared/domain/schemas';
import { createClient } from '../../api/client';
import { CommandsProvider } from '../../commands/react';
import { CommandRegistry } from '../../commands/registry';
import { createAppStore, type AppStore } from '../../store/app-store';
import { StoreProvider } from '../../store/react';
import { createTestBridge, type TestBridge } from '../../../test/bridge';
import { ClaimantsDialog } from './ClaimantsDialog';

const TEXT = 'Prices rose 4 percent in March, Lavrov told reporters. Exports fell by half, Sergey Lavrov said. The ceasefire will hold, the Kremlin said.';
const span = (s: string) => ({ start: TEXT.indexOf(s), end: TEXT.indexOf(s) + s.length });

describe('the claimant library dialog', () => {
  let t: TestBridge;
  let store: AppStore;
  let claims: Claim[];
  const state = () => store.getState();
  const saved = (id: string) => t.store.data.claims.find((c) => c.id === id)!.claimant;

  beforeEach(async () => {
    t = await createTestBridge();
    store = createAppStore(createClient(t.bridge));
    await state().load();
    const article = await state().createArticle({ title: 'Talks', text: TEXT, url: null, outlet: '', author: '', publishedDate: null });
    claims = await state().createClaims(article.id, [span('Prices rose 4 percent in March, Lavrov told reporters.'), span('Exports fell by half, Sergey Lavrov said.'), span('The ceasefire will hold, the Kremlin said.')]);
    await state().updateClaim(claims[0]!.id, { claimant: { name: 'Lavrov', role: null } });
    await state().updateClaim(claims[1]!.id, { claimant: { name: 'Sergey Lavrov', role: 'foreign minister' } });
    await state().updateClaim(claims[2]!.id, { claimant: { name: 'the Kremlin', role: null } });
  });
  afterEach(() => t.dispose());

  const open = async (user: ReturnType<typeof userEvent.setup>) => {
    const registry = new CommandRegistry();
    render(
      <StoreProvider store={store}>
        <CommandsProvider registry={registry}>
          <ClaimantsDialog />
        </CommandsProvider>
      </StoreProvider>,
    );
    await user.click(screen.getByRole('button', { name: 'Claimants' }));
    return { dialog: screen.getByRole('dialog', { name: 'Claimants' }), registry };
  };
  const row = (dialog: HTMLElement, name: string) => within(dialog).getByRole('rowheader', { name: new RegExp(`^${name}`) }).closest('tr')!;

  it('lists the names on claims with their claim counts, and the search narrows the list', async () => {
    const user = userEvent.setup();
    const { dialog } = await open(user);
    const names = within(dialog).getAllByRole('rowheader').map((h) => h.textContent);
    expect(names).toEqual(['Lavrov (on claims only)', 'Sergey Lavrov (on claims only)', 'the Kremlin (on claims only)']);
    expect(within(row(dialog, 'Sergey Lavrov')).getAllByRole('cell').map((c) => c.textContent)).toEqual(['foreign minister', '', '1', expect.any(String)]);
    await user.type(within(dialog).getByRole('searchbox', { name: 'Search claimants' }), 'kreml');
    expect(within(dialog).getAllByRole('rowheader').map((h) => h.textContent)).toEqual(['the Kremlin (on claims only)']);
  });

  it('edits a name into a stored claimant with aliases: the claims naming an alias take its name, and Undo takes it back', async () => {
    const user = userEvent.setup();
    const { dialog } = await open(user);
    await user.click(within(dialog).getByRole('button', { name: 'Edit Sergey Lavrov' }));
    const form = within(dialog).getByRole('form', { name: 'Edit “Sergey Lavrov”' });
    expect(document.activeElement).toBe(within(form).getByRole('textbox', { name: 'Name' }));
    await user.type(within(form).getByRole('textbox', { name: 'Aliases (one per line)' }), 'Lavrov{enter}Russia’s top diplomat');
    await user.click(within(form).getByRole('button', { name: 'Save claimant' }));

    await waitFor(() => expect(saved(claims[0]!.id)).toEqual({ name: 'Sergey Lavrov', role: 'foreign minister' }));
    expect(t.store.data.settings.claimants).toEqual([{ name: 'Sergey Lavrov', role: 'foreign minister', aliases: ['Lavrov', 'Russia’s top diplomat'] }]);
    // One row now, counting both claims; the focus is back in the search box.
    // The service has it before the renderer has its answer: wait for what the dialog shows.
    await waitFor(() =>
      expect(within(row(dialog, 'Sergey Lavrov')).getAllByRole('cell').map((c) => c.textContent).slice(0, 3)).toEqual(['foreign minister', 'Lavrov, Russia’s top diplomat', '2']),
    );
    expect(within(dialog).queryByRole('rowheader', { name: /^Lavrov/ })).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(within(dialog).getByRole('searchbox', { name: 'Search claimants' })));
    const toast = state().toasts.at(-1)!;
    expect(toast.message).toBe('Saved “Sergey Lavrov”. Renamed on 1 claim.');

    await toast.action!.run();
    await waitFor(() => expect(saved(claims[0]!.id)).toEqual({ name: 'Lavrov', role: null }));
    expect(t.store.data.settings.claimants).toEqual([]);
    await waitFor(() => expect(within(dialog).getByRole('rowheader', { name: /^Lavrov/ })).toBeTruthy());
  });

  it('shows the service’s refusal by the form, and keeps what was typed', async () => {
    const user = userEvent.setup();
    await state().saveClaimant({ name: 'Sergey Lavrov', aliases: ['Lavrov'] });
    const { dialog } = await open(user);
    await user.click(within(dialog).getByRole('button', { name: 'Add claimant' }));
    const form = within(dialog).getByRole('form', { name: 'Add a claimant' });
    await user.type(within(form).getByRole('textbox', { name: 'Name' }), 'lavrov');
    await user.click(within(form).getByRole('button', { name: 'Add claimant' }));
    expect((await within(form).findByRole('alert')).textContent).toBe('“lavrov” is already an alias of “Sergey Lavrov”; merge them instead.');
    expect((within(form).getByRole('textbox', { name: 'Name' }) as HTMLInputElement).value).toBe('lavrov');
  });

  it('merges one claimant into another chosen from the list, and removes a stored one (its claims keep their claimant)', async () => {
    const user = userEvent.setup();
    await state().saveClaimant({ name: 'Russian government', role: 'government' });
    const { dialog } = await open(user);
    await user.click(within(dialog).getByRole('button', { name: 'Merge the Kremlin into another claimant' }));
    const merge = within(dialog).getByRole('group', { name: 'Merge “the Kremlin”' });
    await user.selectOptions(within(merge).getByRole('combobox', { name: 'Merge into' }), 'Russian government, government');
    await user.click(within(merge).getByRole('button', { name: 'Merge' }));
    await waitFor(() => expect(saved(claims[2]!.id)).toEqual({ name: 'Russian government', role: 'government' }));
    expect(t.store.data.settings.claimants).toEqual([{ name: 'Russian government', role: 'government', aliases: ['the Kremlin'] }]);

    await user.click(within(dialog).getByRole('button', { name: 'Remove Russian government from the library' }));
    await waitFor(() => expect(t.store.data.settings.claimants).toEqual([]));
    expect(saved(claims[2]!.id)?.name).toBe('Russian government');
    await waitFor(() => expect(row(dialog, 'Russian government').textContent).toContain('(on claims only)'));
  });

  it('opens from the command palette’s “claimants” command', async () => {
    const user = userEvent.setup();
    const { dialog, registry } = await open(user);
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog', { name: 'Claimants' })).toBeNull();
    registry.run('claimants');
    expect(await screen.findByRole('dialog', { name: 'Claimants' })).toBeTruthy();
  });
});
