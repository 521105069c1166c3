import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { createClient } from '../api/client';
import { createAppStore } from '../store/app-store';
import { createTestBridge, type TestBridge } from '../../test/bridge';
import { App } from './App';

describe('<StartupNoticeBanner> over a real store that started from a damaged file', () => {
  let t: TestBridge | undefined;
  afterEach(() => t?.dispose());

  it('says what happened and where the damaged file is, until dismissed; a normal start shows nothing', async () => {
    t = await createTestBridge((dir) => writeFile(path.join(dir, 'workspace.json'), '{"schemaVersion": 2, "arti'));
    const user = userEvent.setup();
    render(<App store={createAppStore(createClient(t.bridge))} />);

    const alert = await screen.findByRole('alert', { name: 'Your data was restored from a backup' });
    const damagedFile = t.store.startupNotice!.damagedFile;
    expect(within(alert).getByTestId('damaged-file').textContent).toBe(damagedFile);
    expect(alert.textContent).toContain('not valid JSON');
    expect(alert.textContent).toContain('No backup could be read');
    expect(await readFile(damagedFile, 'utf8')).toBe('{"schemaVersion": 2, "arti');
    // The workspace opened anyway (the sample article).
    expect(await screen.findByRole('navigation', { name: 'Articles' })).toBeTruthy();

    await user.click(within(alert).getByRole('button', { name: 'Dismiss' }));
    await waitFor(() => expect(screen.queryByRole('alert', { name: 'Your data was restored from a backup' })).toBeNull());
    expect(t.store.startupNotice).toBeNull();
  });

  it('shows no notice on a normal start', async () => {
    t = await createTestBridge();
    render(<App store={createAppStore(createClient(t.bridge))} />);
    expect(await screen.findByRole('navigation', { name: 'Articles' })).toBeTruthy();
    expect(screen.queryByRole('alert', { name: 'Your data was restored from a backup' })).toBeNull();
  });
});
