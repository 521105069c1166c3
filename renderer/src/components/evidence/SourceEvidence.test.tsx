/**
 * A source's evidence in the claim pane, over the real services: what it shows for each
 * archive state and for local copies. (The jobs that record them talk to the network: they
 * are tested against a local fake archive in electron/main/services/evidence and end to end
 * in e2e/evidence-archive.spec.ts.)
 */
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LocalCopy } from '../../../../shared/domain/evidence';
import type { Claim, Source } from '../../../../shared/domain/schemas';
import { createClient, type Client } from '../../api/client';
import { CommandsProvider } from '../../commands/react';
import { CommandRegistry } from '../../commands/registry';
import { createAppStore, type AppStore } from '../../store/app-store';
import { StoreProvider } from '../../store/react';
import { createTestBridge, type TestBridge } from '../../../test/bridge';
import { ClaimPane } from '../claim/ClaimPane';

const TEXT = 'Unemployment fell to 3.1% in May, the minister said.';
const SNAPSHOT = 'https://web.archive.org/web/20261125093000/https://stats.example/labour';

describe('a source’s evidence in the claim pane', () => {
  let t: TestBridge;
  let client: Client;
  let store: AppStore;
  let claim: Claim;
  let source: Source;

  beforeEach(async () => {
    t = await createTestBridge();
    client = createClient(t.bridge);
    store = createAppStore(client);
    await store.getState().load();
    const article = await store.getState().createArticle({ title: 'Jobs', text: TEXT, url: null, outlet: 'Wire', author: '', publishedDate: null });
    [claim] = (await store.getState().createClaims(article.id, [{ start: 0, end: TEXT.length }])) as [Claim];
    ({ source } = await store.getState().addSource(claim.id, { url: 'https://stats.example/labour', title: 'Labour market' }, 'supports'));
    store.getState().selectClaim(claim.id);
    render(
      <StoreProvider store={store}>
        <CommandsProvider registry={new CommandRegistry()}>
          <ClaimPane />
        </CommandsProvider>
      </StoreProvider>,
    );
  });
  afterEach(() => t.dispose());

  const row = () => within(screen.getByRole('list', { name: 'Sources of this claim' })).getByRole('listitem');
  /** Records `what` through the API, then shows the workspace as stored. */
  const recorded = async (what: () => Promise<unknown>) => {
    await what();
    await act(async () => store.getState().load());
  };

  it('says "Not archived" and offers Archive now, Find existing snapshot and Keep a local copy, with no snapshot link', () => {
    expect(within(row()).getByText('Not archived')).toBeTruthy();
    expect(within(row()).getByRole('button', { name: 'Archive Labour market now' })).toBeTruthy();
    expect(within(row()).getByRole('button', { name: 'Find an existing snapshot of Labour market' })).toBeTruthy();
    expect(within(row()).getByRole('button', { name: 'Keep a local copy of Labour market' })).toBeTruthy();
    expect(within(row()).queryByRole('button', { name: /archived snapshot/ })).toBeNull();
  });

  it('shows a recorded snapshot with the archive’s date and opens it in the browser', async () => {
    const user = userEvent.setup();
    await recorded(() =>
      client.recordArchive({ sourceId: source.id, archive: { state: 'archived', service: 'internet_archive', snapshotUrl: SNAPSHOT, snapshotAt: '2026-11-25T09:30:00Z', origin: 'saved', recordedAt: '2026-11-25T10:00:00.000Z' } }),
    );
    expect(within(row()).getByText('Internet Archive snapshot of 2026-11-25 09:30 UTC')).toBeTruthy();
    await user.click(within(row()).getByRole('button', { name: 'Open the archived snapshot of Labour market' }));
    await waitFor(() => expect(t.opened).toEqual([SNAPSHOT]));
  });

  it('shows a pending request with Check again, and a refusal with its reason', async () => {
    await recorded(() => client.recordArchive({ sourceId: source.id, archive: { state: 'requested', service: 'internet_archive', requestedAt: '2026-11-25T10:00:00.000Z', jobId: 'spn2-1' } }));
    expect(within(row()).getByText('Archive requested 2026-11-25 10:00 UTC — the Internet Archive has not answered yet')).toBeTruthy();
    expect(within(row()).getByRole('button', { name: 'Check again on Labour market now' })).toBeTruthy();
    await recorded(() => client.recordArchive({ sourceId: source.id, archive: { state: 'failed', service: 'internet_archive', failedAt: '2026-11-25T10:01:00.000Z', reason: 'This URL is in the block list.' } }));
    expect(within(row()).getByText('Not archived: This URL is in the block list.')).toBeTruthy();
    expect(within(row()).queryByRole('button', { name: /archived snapshot/ })).toBeNull();
  });

  it('lists a local copy with its digest and shows it whole in a dialog', async () => {
    const user = userEvent.setup();
    const copy: LocalCopy = {
      id: 'copy0000001',
      sourceId: source.id,
      requestedUrl: 'https://stats.example/labour',
      finalUrl: 'https://stats.example/labour/',
      fetchedAt: '2026-11-25T10:02:00.000Z',
      sha256: 'c'.repeat(64),
      bytes: 2048,
      title: 'Labour market, May',
      byline: 'Statistics Office',
      contentType: 'text/html',
      text: 'The unemployment rate was 4.3% in May.\n\nFigures are seasonally adjusted.',
    };
    await recorded(() => client.keepLocalCopy({ sourceId: source.id, copy }));
    expect(within(row()).getByText(/Local copy of 2026-11-25 10:02 UTC · 2 KB · SHA-256/)).toBeTruthy();
    expect(within(row()).getByRole('button', { name: 'Keep another local copy of Labour market' })).toBeTruthy();
    await user.click(within(row()).getByRole('button', { name: 'View the local copy of Labour market from 2026-11-25 10:02 UTC' }));
    const dialog = await screen.findByRole('dialog', { name: 'Local copy of Labour market' });
    expect(await within(dialog).findByText('Figures are seasonally adjusted.')).toBeTruthy();
    expect(within(dialog).getByText('c'.repeat(64))).toBeTruthy();
    expect(within(dialog).getByText('Statistics Office')).toBeTruthy();
    expect(within(dialog).getByText('https://stats.example/labour/')).toBeTruthy();
  });
});
