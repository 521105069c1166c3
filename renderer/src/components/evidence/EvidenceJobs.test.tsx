/**
 * Jobs on a source, in its row, over the real services but a scripted job runner: the
 * archive and copy jobs talk to the network (tested against a local fake archive in
 * electron/main/services/evidence and end to end in e2e/evidence-archive.spec.ts); here the
 * row's side of it: step, progress and Cancel while one runs, buttons disabled, the outcome
 * or the error afterwards, and a failed copy leaving the source as it was, with Try again.
 */
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EvidenceJob } from '../../../../shared/api/evidence-methods';
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

/** A job runner the test drives: each start makes a running job the test then finishes. */
function scriptedJobs(client: Client) {
  const started: { method: 'archiveSource' | 'copySource'; input: unknown }[] = [];
  const cancelled: string[] = [];
  const jobs = new Map<string, EvidenceJob>();
  const start = (method: 'archiveSource' | 'copySource', kind: EvidenceJob['kind'], sourceId: string, step: string) => {
    const jobId = `job-${jobs.size + 1}`;
    jobs.set(jobId, { jobId, kind, sourceId, state: 'running', step, done: null, total: null, outcome: null, error: null, source: null, report: null });
    return jobId;
  };
  Object.assign(client, {
    archiveSource: async (input: { sourceId: string; action: 'save' | 'find' }) => {
      started.push({ method: 'archiveSource', input });
      return { jobId: start('archiveSource', input.action === 'save' ? 'archive-save' : 'archive-find', input.sourceId, 'Waiting for the Internet Archive to save the page…') };
    },
    copySource: async (input: { sourceId: string }) => {
      started.push({ method: 'copySource', input });
      return { jobId: start('copySource', 'copy', input.sourceId, 'Reading the page…') };
    },
    getEvidenceJob: async ({ jobId }: { jobId: string }) => structuredClone(jobs.get(jobId)!),
    cancelEvidenceJob: async ({ jobId }: { jobId: string }) => {
      cancelled.push(jobId);
      update(jobId, { state: 'cancelled', step: '' });
      return { cancelled: true };
    },
  });
  const update = (jobId: string, patch: Partial<EvidenceJob>) => jobs.set(jobId, { ...jobs.get(jobId)!, ...patch });
  return { started, cancelled, update, last: () => [...jobs.keys()].at(-1)! };
}

describe('jobs on a source, in its row', () => {
  let t: TestBridge;
  let client: Client;
  let store: AppStore;
  let claim: Claim;
  let source: Source;
  let jobs: ReturnType<typeof scriptedJobs>;

  beforeEach(async () => {
    t = await createTestBridge();
    client = createClient(t.bridge);
    jobs = scriptedJobs(client);
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

  it('shows an archive job’s step with Cancel and disabled buttons, then the snapshot the archive gave', async () => {
    const user = userEvent.setup();
    await user.click(within(row()).getByRole('button', { name: 'Archive Labour market now' }));
    expect(await within(row()).findByText('Waiting for the Internet Archive to save the page…')).toBeTruthy();
    expect(within(row()).getByRole('progressbar', { name: 'Progress of the archive job for Labour market' })).toBeTruthy();
    expect(within(row()).getByRole('button', { name: 'Archive Labour market now' })).toHaveProperty('disabled', true);
    expect(within(row()).getByRole('button', { name: 'Find an existing snapshot of Labour market' })).toHaveProperty('disabled', true);
    expect(jobs.started).toEqual([{ method: 'archiveSource', input: { sourceId: source.id, action: 'save' } }]);

    const archived: Source = {
      ...source,
      archive: { state: 'archived', service: 'internet_archive', snapshotUrl: SNAPSHOT, snapshotAt: '2026-11-25T09:30:00Z', origin: 'saved', recordedAt: '2026-11-25T09:31:00.000Z' },
    };
    jobs.update(jobs.last(), { state: 'done', outcome: 'Saved: snapshot of 2026-11-25 09:30 UTC recorded.', source: archived });
    expect((await within(row()).findByText('Saved: snapshot of 2026-11-25 09:30 UTC recorded.')).getAttribute('role')).toBe('status');
    expect(within(row()).getByText('Internet Archive snapshot of 2026-11-25 09:30 UTC')).toBeTruthy();
    expect(within(row()).getByRole('button', { name: 'Archive Labour market now' })).toHaveProperty('disabled', false);
    await user.click(within(row()).getByRole('button', { name: 'Open the archived snapshot of Labour market' }));
    await waitFor(() => expect(t.opened).toEqual([SNAPSHOT]));
  });

  it('shows a failed archive job’s error and leaves the source as it was', async () => {
    const user = userEvent.setup();
    await user.click(within(row()).getByRole('button', { name: 'Find an existing snapshot of Labour market' }));
    await within(row()).findByRole('progressbar');
    jobs.update(jobs.last(), { state: 'failed', error: 'Could not reach the Internet Archive: connection refused. Check the connection, then try again.' });
    expect((await within(row()).findByRole('alert')).textContent).toContain('Could not reach the Internet Archive');
    expect(within(row()).getByText('Not archived')).toBeTruthy();
    expect(within(row()).queryByRole('button', { name: /archived snapshot/ })).toBeNull();
    expect(jobs.started[0]!.input).toEqual({ sourceId: source.id, action: 'find' });
    await user.click(within(row()).getByRole('button', { name: 'Dismiss the message about the archive job for Labour market' }));
    expect(within(row()).queryByRole('alert')).toBeNull();
  });

  it('counts a copy’s bytes, cancels it, and offers Try again after a failure without changing the source', async () => {
    const user = userEvent.setup();
    await user.click(within(row()).getByRole('button', { name: 'Keep a local copy of Labour market' }));
    await within(row()).findByRole('progressbar');
    jobs.update(jobs.last(), { done: 2048, total: 4096 });
    expect(await within(row()).findByText('Reading the page… 2 KB of 4 KB received')).toBeTruthy();
    expect(within(row()).getByRole('button', { name: 'Keep a local copy of Labour market' })).toHaveProperty('disabled', true);
    await user.click(within(row()).getByRole('button', { name: 'Cancel the copy of Labour market' }));
    expect(await within(row()).findByText('Cancelled: nothing was recorded.')).toBeTruthy();
    expect(jobs.cancelled).toEqual(['job-1']);

    await user.click(within(row()).getByRole('button', { name: 'Keep a local copy of Labour market' }));
    await within(row()).findByRole('progressbar');
    jobs.update(jobs.last(), { state: 'failed', error: 'Could not read https://stats.example/labour: 404 Not Found.' });
    expect((await within(row()).findByRole('alert')).textContent).toBe('Could not read https://stats.example/labour: 404 Not Found.');
    expect(store.getState().workspace!.sources[0]!.copies).toEqual([]);
    await user.click(within(row()).getByRole('button', { name: 'Try the copy of Labour market again' }));
    await waitFor(() => expect(jobs.started.filter((s) => s.method === 'copySource')).toHaveLength(3));
  });

  it('starts a copy of a source added with "Keep a local copy" (on by default) and shows it in the new row', async () => {
    const user = userEvent.setup();
    const form = screen.getByRole('form', { name: 'Add a source' });
    expect(within(form).getByRole('checkbox', { name: 'Keep a local copy of the page' })).toHaveProperty('checked', true);
    await user.type(within(form).getByLabelText('Source URL'), 'https://stats.example/wages');
    await user.type(within(form).getByLabelText('Source title'), 'Wages');
    await user.click(within(form).getByRole('button', { name: 'Add source' }));
    await waitFor(() => expect(jobs.started.map((s) => s.method)).toEqual(['copySource']));
    const added = store.getState().workspace!.sources.find((s) => s.title === 'Wages')!;
    expect(jobs.started[0]!.input).toEqual({ sourceId: added.id });
    const wages = within(screen.getByRole('list', { name: 'Sources of this claim' })).getAllByRole('listitem')[1]!;
    expect(await within(wages).findByText('Reading the page…')).toBeTruthy();
  });
});
