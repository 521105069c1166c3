import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Claim } from '../../../../shared/domain/schemas';
import { createClient } from '../../api/client';
import { CommandsProvider } from '../../commands/react';
import { CommandRegistry } from '../../commands/registry';
import { createAppStore, type AppStore } from '../../store/app-store';
import { StoreProvider } from '../../store/react';
import { createTestBridge, type TestBridge } from '../../../test/bridge';
import { ClaimPane } from './ClaimPane';

const SENTENCE =
  'Kestonia will not agree to any ceasefire unless Dravian forces withdraw, Deputy Foreign Minister Aleksei Voronin told reporters on Friday.';

describe('the claim pane’s "Claim by" section', () => {
  let t: TestBridge;
  let store: AppStore;
  let claim: Claim;
  const state = () => store.getState();
  const saved = () => t.store.data.claims.find((c) => c.id === claim.id)!;

  beforeEach(async () => {
    t = await createTestBridge();
    store = createAppStore(createClient(t.bridge), { autosaveDelayMs: 50 });
    await state().load();
    const article = await state().createArticle({ title: 'Ceasefire talks', text: SENTENCE, url: null, outlet: 'Wire', author: '', publishedDate: '2026-03-13' });
    [claim] = await state().createClaims(article.id, [{ start: 0, end: SENTENCE.length }]) as [Claim];
    state().selectClaim(claim.id);
  });
  afterEach(() => t.dispose());

  const renderPane = () => {
    render(
      <StoreProvider store={store}>
        <CommandsProvider registry={new CommandRegistry()}>
          <ClaimPane />
        </CommandsProvider>
      </StoreProvider>,
    );
    return screen.getByRole('region', { name: 'Claim by' });
  };

  it('offers the engine’s claimant as a suggestion, and Accept sets it', async () => {
    const user = userEvent.setup();
    expect(claim.suggestedClaimant).toEqual({ name: 'Aleksei Voronin', role: 'deputy foreign minister' });
    const section = renderPane();
    expect(within(section).getByText('Aleksei Voronin, deputy foreign minister')).toBeTruthy();
    expect(within(section).queryByLabelText('Name')).toBeNull();

    await user.click(within(section).getByRole('button', { name: 'Accept' }));
    await waitFor(() => expect(saved().claimant).toEqual({ name: 'Aleksei Voronin', role: 'deputy foreign minister' }));
    const name = await within(section).findByLabelText('Name');
    expect((name as HTMLInputElement).value).toBe('Aleksei Voronin');
    expect((within(section).getByRole('textbox', { name: 'Role' }) as HTMLInputElement).value).toBe('deputy foreign minister');
    // The buttons it replaced had the focus: it moves to the name, not to the page.
    await waitFor(() => expect(document.activeElement).toBe(name));
    expect(within(section).queryByRole('button', { name: 'Accept' })).toBeNull();
  });

  it('Edit opens the fields prefilled; what the editor changes is saved on leaving the field', async () => {
    const user = userEvent.setup();
    const section = renderPane();
    await user.click(within(section).getByRole('button', { name: 'Edit' }));
    const name = within(section).getByLabelText('Name') as HTMLInputElement;
    const role = within(section).getByRole('textbox', { name: 'Role' }) as HTMLInputElement;
    expect(name.value).toBe('Aleksei Voronin');
    expect(role.value).toBe('deputy foreign minister');
    expect(document.activeElement).toBe(name);
    // Prefilled is not yet chosen: nothing is saved before the editor acts.
    expect(saved().claimant).toBeNull();

    await user.clear(role);
    await user.type(role, 'Kestonia’s deputy foreign minister');
    await user.tab();
    await waitFor(() => expect(saved().claimant).toEqual({ name: 'Aleksei Voronin', role: 'Kestonia’s deputy foreign minister' }));

    await user.type(within(section).getByLabelText('Claim date'), '2026-03-12');
    await waitFor(() => expect(saved().claimDate).toBe('2026-03-12'));
  });

  it('says a typed alias will be saved as its claimant’s name from the library, and saves it so', async () => {
    const user = userEvent.setup();
    await act(async () => {
      await state().saveClaimant({ name: 'Kestonian foreign ministry', role: null, aliases: ['Voronin', 'the ministry'] });
    });
    const section = renderPane();
    await user.click(within(section).getByRole('button', { name: 'Edit' }));
    const name = within(section).getByLabelText('Name') as HTMLInputElement;
    await user.clear(name);
    await user.type(name, 'the  Ministry');
    expect(within(section).getByText('Saved as “Kestonian foreign ministry”: an alias in the claimant library.').id).toBe(name.getAttribute('aria-describedby'));
    await user.tab();
    await waitFor(() => expect(saved().claimant).toEqual({ name: 'Kestonian foreign ministry', role: 'deputy foreign minister' }));
    // Once saved, the field shows the name as stored, and the note is gone.
    await waitFor(() => expect(name.value).toBe('Kestonian foreign ministry'));
    expect(within(section).queryByText(/Saved as/)).toBeNull();
  });

  it('says the article’s date stands in for an empty claim date', () => {
    const section = renderPane();
    expect(within(section).getByText('Empty: the article date (2026-03-13).')).toBeTruthy();
  });

  it('refuses a role without a name next to the field', async () => {
    const user = userEvent.setup();
    const section = renderPane();
    await user.click(within(section).getByRole('button', { name: 'Edit' }));
    await user.clear(within(section).getByLabelText('Name'));
    await user.tab();
    expect(await within(section).findByText('Give the claimant’s name as well as the role.')).toBeTruthy();
    expect(within(section).getByLabelText('Name').getAttribute('aria-invalid')).toBe('true');
    expect(saved().claimant).toBeNull();
  });

  it('locks a published claim’s claimant and date, but not its publication address', async () => {
    const user = userEvent.setup();
    // Published the way an editor does it: ready, reviewed by someone else, approved.
    await act(async () => {
      await state().updateClaim(claim.id, { claimant: { name: 'Aleksei Voronin', role: 'deputy foreign minister' } });
      await state().setVerdict(claim.id, { ratingId: 'false', conclusion: 'Talks continue.', rationale: '' });
      await state().addSource(claim.id, { url: 'https://wire.example/talks', title: 'Talks', publisher: '', author: '', publishedDate: null, excerpt: '', notes: '' }, 'refutes');
      await state().setCurrentEditor('Al');
      await state().requestReview(claim.id, 'Bo');
      await state().setCurrentEditor('Bo');
      await state().decideReview(claim.id, true, '');
    });
    expect(saved().status).toBe('published');
    const section = renderPane();
    // Disabled through the section's fieldset, as the rest of a published claim is (jsdom's
    // :disabled does not follow fieldsets, so the fieldset is looked for).
    const disabled = (el: HTMLElement) => (el as HTMLInputElement).disabled || el.closest('fieldset[disabled]') !== null;
    expect(disabled(within(section).getByLabelText('Name'))).toBe(true);
    expect(disabled(within(section).getByRole('textbox', { name: 'Role' }))).toBe(true);
    expect(disabled(within(section).getByLabelText('Claim date'))).toBe(true);
    const address = within(section).getByRole('textbox', { name: 'Publication address' }) as HTMLInputElement;
    expect(disabled(address)).toBe(false);

    // Not a web address: said next to the field, nothing sent.
    await user.type(address, 'javascript:alert(1){Enter}');
    expect(await within(section).findByText('The address must be a web address starting with http:// or https://.')).toBeTruthy();
    expect(address.getAttribute('aria-invalid')).toBe('true');
    expect(saved().publishedUrl).toBeNull();
    // Refused, not pending: the status bar does not go on saying "Saving…".
    expect(Object.values(state().drafts).some((d) => d.dirty)).toBe(false);

    await user.clear(address);
    await user.type(address, 'https://desk.example.org/fact-checks/kestonia-ceasefire');
    // Typing alone does not send a half-written address; leaving the field does.
    expect(saved().publishedUrl).toBeNull();
    await user.tab();
    await waitFor(() => expect(saved().publishedUrl).toBe('https://desk.example.org/fact-checks/kestonia-ceasefire'));
    expect(saved().status).toBe('published');
    expect(within(section).queryByText(/must be a web address/)).toBeNull();
  });
});
