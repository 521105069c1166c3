/**
 * Settings › Internet Archive over the real settings service (kept in memory here): the
 * default address shown, a refused address explained next to its field, keys saved and
 * never shown again (only that they are set and the access key's first characters), and
 * removed.
 */
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createClient } from '../../api/client';
import { createAppStore, type AppStore } from '../../store/app-store';
import { StoreProvider } from '../../store/react';
import { createTestBridge, type TestBridge } from '../../../test/bridge';
import { ArchiveSettingsSection } from './ArchiveSettingsSection';

describe('Settings › Internet Archive', () => {
  let t: TestBridge;
  let store: AppStore;

  beforeEach(async () => {
    t = await createTestBridge();
    store = createAppStore(createClient(t.bridge));
    await store.getState().load();
    render(
      <StoreProvider store={store}>
        <ArchiveSettingsSection />
      </StoreProvider>,
    );
  });
  afterEach(() => t.dispose());

  const section = () => screen.getByRole('form', { name: 'Internet Archive settings' });

  it('shows the default address and refuses a bad one next to the field', async () => {
    const user = userEvent.setup();
    expect(await within(section()).findByText(/In use: https:\/\/web\.archive\.org\./)).toBeTruthy();
    const address = within(section()).getByLabelText('Archive address');
    await user.type(address, 'ftp://archive.example');
    await user.click(within(section()).getByRole('button', { name: 'Save archive settings' }));
    await waitFor(() => expect(address.getAttribute('aria-invalid')).toBe('true'));
    const describedBy = address.getAttribute('aria-describedby')!.split(' ');
    expect(document.getElementById(describedBy[0]!)!.textContent).toMatch(/http:\/\/ or https:\/\//);

    await user.clear(address);
    await user.type(address, 'https://archive.example{Enter}');
    expect(await within(section()).findByText('Archive settings saved.')).toBeTruthy();
    expect(within(section()).getByText(/In use: https:\/\/archive\.example/)).toBeTruthy();
    expect(address.getAttribute('aria-invalid')).toBeNull();
  });

  it('keeps the keys without ever showing the secret, and removes them', async () => {
    const user = userEvent.setup();
    await within(section()).findByText(/No keys are set/);
    await user.type(within(section()).getByLabelText('Access key'), 'AbCd1234access');
    const secret = within(section()).getByLabelText('Secret key');
    expect(secret.getAttribute('type')).toBe('password');
    await user.type(secret, 'very-secret-key');
    await user.click(within(section()).getByRole('button', { name: 'Save archive settings' }));
    expect(await within(section()).findByText(/Keys are set \(access key AbCd…\)/)).toBeTruthy();
    expect(secret).toHaveProperty('value', '');
    expect(document.body.innerHTML).not.toContain('very-secret-key');

    await user.click(within(section()).getByRole('button', { name: 'Remove keys' }));
    expect(await within(section()).findByText('Access keys removed.')).toBeTruthy();
    expect(within(section()).getByText(/No keys are set/)).toBeTruthy();
  });

  it('says why when only one key is given', async () => {
    const user = userEvent.setup();
    await within(section()).findByText(/No keys are set/);
    await user.type(within(section()).getByLabelText('Access key'), 'AbCd1234access');
    await user.click(within(section()).getByRole('button', { name: 'Save archive settings' }));
    expect((await within(section()).findByRole('alert')).textContent).toMatch(/both the access key and the secret key/);
  });

  it('opens the archive’s keys page in the browser', async () => {
    const user = userEvent.setup();
    await user.click(within(section()).getByRole('button', { name: /Get your keys at archive\.org\/account\/s3\.php/ }));
    await waitFor(() => expect(t.opened).toEqual(['https://archive.org/account/s3.php']));
  });
});
