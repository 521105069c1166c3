import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createClient } from '../api/client';
import { CommandsProvider } from '../commands/react';
import { CommandRegistry } from '../commands/registry';
import { createAppStore, type AppStore } from '../store/app-store';
import { StoreProvider } from '../store/react';
import { createTestBridge, type TestBridge } from '../../test/bridge';
import { SettingsDialog } from './SettingsDialog';

describe('settings dialog', () => {
  let t: TestBridge;
  let store: AppStore;

  beforeEach(async () => {
    t = await createTestBridge();
    store = createAppStore(createClient(t.bridge));
    await store.getState().load();
  });
  afterEach(() => t.dispose());

  const renderDialog = () =>
    render(
      <StoreProvider store={store}>
        <CommandsProvider registry={new CommandRegistry()}>
          <SettingsDialog />
        </CommandsProvider>
      </StoreProvider>,
    );

  it('moves verdicts on levels the new scale lacks, as the editor chooses', async () => {
    const user = userEvent.setup();
    const article = store.getState().workspace!.articles[0]!;
    const claim = await store.getState().createClaim(article.id, 0, 20);
    await store.getState().setVerdict(claim.id, { ratingId: 'unverifiable', conclusion: '', rationale: '' });
    renderDialog();

    await user.click(screen.getByRole('button', { name: 'Settings' }));
    const dialog = screen.getByRole('dialog', { name: 'Workspace settings' });
    await user.click(within(dialog).getByRole('radio', { name: /PolitiFact style/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Save settings' }));
    // "Unverifiable" is not on the new scale: the dialog asks what those verdicts become.
    const mapping = await within(dialog).findByRole('group', { name: 'Move existing verdicts' });
    await user.selectOptions(within(mapping).getByRole('combobox', { name: /Verdicts rated “Unverifiable” become/ }), 'Half true');
    await user.click(within(dialog).getByRole('button', { name: 'Move verdicts and save' }));

    // The store makes a change current before its write is acknowledged: wait for the answer the renderer merges.
    await waitFor(() => expect(store.getState().workspace!.claims[0]!.verdict?.ratingId).toBe('half-true'));
    expect(t.store.data.settings.ratingPreset).toBe('politifact');
    expect(t.store.data.claims[0]!.verdict?.ratingId).toBe('half-true');
  });

  it('edits the levels into a custom scale and changes the Ready rule', async () => {
    const user = userEvent.setup();
    renderDialog();
    await user.click(screen.getByRole('button', { name: 'Settings' }));
    const dialog = screen.getByRole('dialog', { name: 'Workspace settings' });
    await user.click(within(dialog).getByRole('button', { name: 'Add level' }));
    const labels = within(dialog).getAllByRole('textbox', { name: /^Label of level/ });
    await user.clear(labels.at(-1)!);
    await user.type(labels.at(-1)!, 'Needs context');
    await user.click(within(dialog).getByRole('button', { name: 'Remove level Unverifiable' }));
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Sources required' }), 'At least two');
    await user.click(within(dialog).getByRole('button', { name: 'Save settings' }));

    await waitFor(() => expect(t.store.data.settings.readyRules).toEqual({ requireVerdict: true, minSources: 2 }));
    expect(t.store.data.settings.ratingPreset).toBe('custom');
    expect(t.store.data.settings.ratingScale.map((l) => l.label)).toEqual(['True', 'Mostly true', 'Half true', 'Mostly false', 'False', 'Needs context']);
  });

  it('sets the fact-check address template, shows the reason a bad one is refused, and clears it', async () => {
    const user = userEvent.setup();
    renderDialog();
    await user.click(screen.getByRole('button', { name: 'Settings' }));
    let dialog = screen.getByRole('dialog', { name: 'Workspace settings' });
    const field = within(dialog).getByRole('textbox', { name: 'Fact-check address template' });
    await user.type(field, 'https://desk.example.org/fact-checks/');
    await user.click(within(dialog).getByRole('button', { name: 'Save settings' }));
    expect((await within(dialog).findByRole('alert')).textContent).toMatch(/\{slug\} or \{id\}/);
    expect(t.store.data.settings.publishedUrlTemplate).toBeNull();

    await user.type(field, '{{slug}');
    await user.click(within(dialog).getByRole('button', { name: 'Save settings' }));
    await waitFor(() => expect(t.store.data.settings.publishedUrlTemplate).toBe('https://desk.example.org/fact-checks/{slug}'));

    await user.click(screen.getByRole('button', { name: 'Settings' }));
    dialog = screen.getByRole('dialog', { name: 'Workspace settings' });
    const again = within(dialog).getByRole('textbox', { name: 'Fact-check address template' });
    expect((again as HTMLInputElement).value).toBe('https://desk.example.org/fact-checks/{slug}');
    await user.clear(again);
    await user.click(within(dialog).getByRole('button', { name: 'Save settings' }));
    await waitFor(() => expect(t.store.data.settings.publishedUrlTemplate).toBeNull());
  });
});
