import { render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createClient } from '../api/client';
import { createAppStore, type AppStore } from '../store/app-store';
import { StoreProvider } from '../store/react';
import { createTestBridge, type TestBridge } from '../../test/bridge';
import { IdentityPicker } from './IdentityPicker';

describe('who is working', () => {
  let t: TestBridge;
  let store: AppStore;

  beforeEach(async () => {
    t = await createTestBridge();
    store = createAppStore(createClient(t.bridge));
    await store.getState().load();
    await store.getState().setCurrentEditor('Ana');
  });
  afterEach(() => t.dispose());

  const renderPicker = () =>
    render(
      <StoreProvider store={store}>
        <IdentityPicker />
      </StoreProvider>,
    );

  it('is typed on a personal workspace', () => {
    renderPicker();
    expect((screen.getByRole('combobox', { name: 'Your name' }) as HTMLInputElement).value).toBe('Ana');
    expect(screen.queryByRole('link', { name: 'Log out' })).toBeNull();
  });

  it('is the logged-in person in a team workspace: shown, not typed, with a way to log out', () => {
    store.setState({ appInfo: { ...store.getState().appInfo!, mode: 'team' } });
    renderPicker();
    expect(screen.queryByRole('combobox', { name: 'Your name' })).toBeNull();
    expect(screen.getByText('Ana').tagName).toBe('STRONG');
    expect(screen.getByText(/Logged in as/).textContent).toBe('Logged in as Ana Log out');
    expect(screen.getByRole('link', { name: 'Log out' }).getAttribute('href')).toBe('/logout');
  });
});
