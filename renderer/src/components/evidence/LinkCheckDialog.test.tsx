/**
 * Check source links, from the command to the dialog: progress with Cancel while the job
 * runs, then the failing addresses with their archive state and the claims citing them
 * (opening one closes the dialog), or "All N addresses answer." The job itself (HEAD/GET,
 * redirects, timeouts) is tested in electron/main/services/evidence/link-check.test.ts.
 */
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EvidenceJob, LinkCheckReport } from '../../../../shared/api/evidence-methods';
import type { Claim, Source } from '../../../../shared/domain/schemas';
import { createClient, type Client } from '../../api/client';
import { CommandsProvider } from '../../commands/react';
import { CommandRegistry } from '../../commands/registry';
import { createAppStore, type AppStore } from '../../store/app-store';
import { StoreProvider } from '../../store/react';
import { createTestBridge, type TestBridge } from '../../../test/bridge';
import { LinkCheckDialog } from './LinkCheckDialog';

const TEXT = 'Unemployment fell to 3.1% in May, the minister said.';
const SNAPSHOT = 'https://web.archive.org/web/20240102030405/https://stats.example/labour';

describe('the link check dialog', () => {
  let t: TestBridge;
  let client: Client;
  let store: AppStore;
  let registry: CommandRegistry;
  let claim: Claim;
  let source: Source;
  let job: EvidenceJob;
  let asked: { articleId: string | null }[];
  let cancelled: string[];

  beforeEach(async () => {
    t = await createTestBridge();
    client = createClient(t.bridge);
    asked = [];
    cancelled = [];
    job = { jobId: 'links-1', kind: 'check-links', sourceId: null, state: 'running', step: 'Checking addresses…', done: 3, total: 12, outcome: null, error: null, source: null, report: null };
    Object.assign(client, {
      checkLinks: async (input: { articleId: string | null }) => {
        asked.push(input);
        return { jobId: job.jobId };
      },
      getEvidenceJob: async () => structuredClone(job),
      cancelEvidenceJob: async ({ jobId }: { jobId: string }) => {
        cancelled.push(jobId);
        job = { ...job, state: 'cancelled' };
        return { cancelled: true };
      },
    });
    store = createAppStore(client);
    await store.getState().load();
    const article = await store.getState().createArticle({ title: 'Jobs', text: TEXT, url: null, outlet: 'Wire', author: '', publishedDate: null });
    [claim] = (await store.getState().createClaims(article.id, [{ start: 0, end: TEXT.length }])) as [Claim];
    ({ source } = await store.getState().addSource(claim.id, { url: 'https://stats.example/labour', title: 'Labour market' }, 'supports'));
    store.getState().selectArticle(article.id);
    registry = new CommandRegistry();
    render(
      <StoreProvider store={store}>
        <CommandsProvider registry={registry}>
          <LinkCheckDialog />
        </CommandsProvider>
      </StoreProvider>,
    );
  });
  afterEach(() => t.dispose());

  const report = (failing: LinkCheckReport['failing']): LinkCheckReport => ({ checkedAt: '2026-12-05T10:00:00.000Z', articleId: null, checked: 12, ok: 12 - failing.length, failing });

  it('shows progress with Cancel, then the failing address with its snapshot and the claim citing it', async () => {
    const user = userEvent.setup();
    act(() => void registry.run('check-links'));
    const dialog = await screen.findByRole('dialog', { name: 'Source links' });
    expect(await within(dialog).findByText('Checked 3 of 12 addresses…')).toBeTruthy();
    expect(within(dialog).getByRole('progressbar', { name: 'Progress of the link check' })).toBeTruthy();
    expect(asked).toEqual([{ articleId: null }]);

    const archive = { state: 'archived', service: 'internet_archive', snapshotUrl: SNAPSHOT, snapshotAt: '2024-01-02T03:04:05Z', origin: 'found', recordedAt: '2026-12-05T09:00:00.000Z' } as const;
    job = {
      ...job,
      state: 'done',
      done: 12,
      report: report([{ sourceId: source.id, title: 'Labour market', url: source.url, problem: 'not_found', httpStatus: 404, movedTo: null, detail: '404 Not Found', archive, claimIds: [claim.id] }]),
    };
    const list = await within(dialog).findByRole('list', { name: 'Source addresses that fail' });
    expect(within(dialog).getByText('1 of 12 addresses fail.')).toBeTruthy();
    const item = within(list).getByRole('listitem');
    expect(item.textContent).toContain('https://stats.example/labour');
    expect(item.textContent).toContain('404 Not Found');
    expect(item.textContent).toContain('Internet Archive snapshot of 2024-01-02 03:04 UTC');
    await user.click(within(item).getByRole('button', { name: 'Open the archived snapshot of Labour market' }));
    await waitFor(() => expect(t.opened).toEqual([SNAPSHOT]));

    await user.click(within(item).getByRole('button', { name: /^Open the claim “Unemployment fell/ }));
    expect(store.getState().selectedClaimId).toBe(claim.id);
    expect(store.getState().linkCheckOpen).toBe(false);
    expect(screen.queryByRole('dialog', { name: 'Source links' })).toBeNull();
  });

  it('checks only the open article’s links on request, and says when all answer', async () => {
    act(() => void registry.run('check-article-links'));
    const dialog = await screen.findByRole('dialog', { name: 'Source links' });
    expect(asked).toEqual([{ articleId: store.getState().selectedArticleId }]);
    job = { ...job, state: 'done', done: 12, report: report([]) };
    expect(await within(dialog).findByText('All 12 addresses answer.')).toBeTruthy();
  });

  it('cancels a running check, and closing the dialog stops one', async () => {
    const user = userEvent.setup();
    act(() => void registry.run('check-links'));
    const dialog = await screen.findByRole('dialog', { name: 'Source links' });
    await user.click(await within(dialog).findByRole('button', { name: 'Cancel the link check' }));
    expect(await within(dialog).findByText('Cancelled: the check stopped before it finished.')).toBeTruthy();
    expect(cancelled).toEqual(['links-1']);

    job = { ...job, jobId: 'links-2', state: 'running' };
    act(() => void registry.run('check-links'));
    await within(dialog).findByText('Checked 3 of 12 addresses…');
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(cancelled).toEqual(['links-1', 'links-2']));
    expect(screen.queryByRole('dialog', { name: 'Source links' })).toBeNull();
  });
});
