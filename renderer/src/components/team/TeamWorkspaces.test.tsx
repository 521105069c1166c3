import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createClient } from '../../api/client';
import { createAppStore, type AppStore } from '../../store/app-store';
import { createTestBridge, type TestBridge } from '../../../test/bridge';
import { createTeamFake, DESK, outboxItem, PERSONAL, teamSync, type TeamFake } from '../../../test/team-bridge';
import { App } from '../App';

describe('team workspaces kept on this machine, in the window', () => {
  let t: TestBridge;
  let fake: TeamFake;
  let store: AppStore;

  beforeEach(async () => {
    t = await createTestBridge();
  });
  afterEach(() => t.dispose());

  const start = async (initial: Partial<TeamFake['state']> = {}) => {
    fake = createTeamFake(t, initial);
    store = createAppStore(createClient(fake.bridge), { presenceDelayMs: 10 });
    render(<App store={store} />);
    await screen.findByRole('navigation', { name: 'Articles' });
  };
  const bar = () => within(screen.getByRole('contentinfo'));
  const sync = (patch: Parameters<typeof teamSync>[0]) => act(() => fake.emit({ kind: 'sync', state: teamSync(patch) }));
  const calls = (method: string) => fake.calls.filter((c) => c.method === method).map((c) => c.input);

  it('says in the status bar whether the team is live, and how many changes wait or were refused', async () => {
    await start();
    expect(bar().getByRole('button', { name: 'Team: live' })).toBeTruthy();
    expect(bar().getByText('Logged in as Ana')).toBeTruthy();
    expect(bar().queryByRole('link', { name: 'Log out' })).toBeNull();

    sync({ connection: 'connecting' });
    expect(bar().getByText('Team: connecting…')).toBeTruthy();
    sync({ connection: 'offline' });
    expect(bar().getByText('Offline')).toBeTruthy();
    expect(bar().queryByText(/waiting to sync/)).toBeNull();
    sync({ connection: 'offline', outbox: [outboxItem()] });
    expect(bar().getByText('Offline: 1 change waiting to sync')).toBeTruthy();
    sync({ connection: 'offline', outbox: ['a', 'b', 'c'].map((id) => outboxItem({ id })) });
    expect(bar().getByText('Offline: 3 changes waiting to sync')).toBeTruthy();
    expect(bar().queryByText(/refused/)).toBeNull();

    sync({ connection: 'live', outbox: [outboxItem({ state: 'refused', error: 'This claim is published.' })] });
    expect(bar().getByText('Team: live')).toBeTruthy();
    expect(bar().getByRole('button', { name: '1 change refused' })).toBeTruthy();
    sync({ connection: 'live', outbox: ['a', 'b'].map((id) => outboxItem({ id, state: 'refused', error: 'No.' })) });
    expect(bar().getByRole('button', { name: '2 changes refused' })).toBeTruthy();
  });

  it("keeps the team server's own page as it was: its live state and Log out, no switcher", async () => {
    await start({ sync: { kind: 'none' }, list: { active: 'personal', workspaces: [PERSONAL] } });
    act(() => fake.emit({ kind: 'connection', connected: true }));
    expect(bar().getByText('Team workspace: live')).toBeTruthy();
    expect(bar().getByRole('link', { name: 'Log out' })).toBeTruthy();
    expect(bar().queryByRole('button', { name: /^Workspace:/ })).toBeNull();
  });

  it('lists the outbox with the refusal in full, copies what was written, discards a refused change and tries again', async () => {
    const user = userEvent.setup();
    const writeText = vi.spyOn(navigator.clipboard, 'writeText').mockResolvedValue(undefined);
    const refused = outboxItem({
      id: 'r1',
      label: 'Edit wording of “Road spending”',
      state: 'refused',
      error: 'This claim is published. Reopen it for correction first.',
      written: [{ field: 'wording', text: 'Road spending fell by a third.' }],
    });
    const waiting = outboxItem({ id: 'w1', label: 'Change priority', state: 'waiting' });
    await start({ sync: teamSync({ outbox: [waiting, refused] }) });

    await user.click(bar().getByRole('button', { name: '1 change refused' }));
    const outbox = screen.getByRole('dialog', { name: 'Outbox' });
    const items = within(within(outbox).getByRole('list', { name: 'Changes in the outbox' })).getAllByRole('listitem');
    expect(items.map((i) => within(i).getByText(/Change priority|Edit wording/).textContent)).toEqual(['Change priority', 'Edit wording of “Road spending”']);
    expect(within(items[0]!).getByText('Waiting')).toBeTruthy();
    expect(within(items[0]!).queryByRole('button', { name: 'Discard' })).toBeNull();
    expect(within(items[1]!).getByText('Refused')).toBeTruthy();
    expect(items[1]!.textContent).toContain('This claim is published. Reopen it for correction first.');

    await user.click(within(items[1]!).getByRole('button', { name: 'Copy what I wrote' }));
    expect(writeText).toHaveBeenCalledWith('Wording:\nRoad spending fell by a third.');
    expect(await screen.findByText('Copied what you wrote in “Edit wording of “Road spending””.')).toBeTruthy();

    await user.click(within(items[1]!).getByRole('button', { name: 'Discard' }));
    expect(calls('discardOutboxItem')).toEqual([{ id: 'r1' }]);
    await waitFor(() => expect(outbox.textContent).not.toContain('This claim is published'));
    expect(within(outbox).getAllByRole('listitem')).toHaveLength(1);

    await user.click(within(outbox).getByRole('button', { name: 'Try again now' }));
    expect(calls('syncNow')).toEqual([{}]);
    await user.click(within(outbox).getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Outbox' })).toBeNull());
    writeText.mockRestore();
  });

  it('joins a team from the switcher, loads it anew and says so', async () => {
    const user = userEvent.setup();
    await start({ mode: 'browser', sync: { kind: 'none' }, list: { active: 'personal', workspaces: [PERSONAL] } });
    const loads = fake.appInfoCalls();
    await user.click(bar().getByRole('button', { name: 'Workspace: Personal workspace' }));
    await user.click(screen.getByRole('menuitem', { name: 'Join a team workspace…' }));
    const join = screen.getByRole('dialog', { name: 'Join a team workspace' });
    await user.type(within(join).getByLabelText('Team server address'), 'https://desk.example.org');
    await user.type(within(join).getByLabelText('Name'), 'Ana');
    await user.type(within(join).getByLabelText('Password'), 'secret words');
    // From now on the local app answers as the joined team's copy.
    fake.state.mode = 'team';
    fake.state.sync = teamSync();
    await user.click(within(join).getByRole('button', { name: 'Join' }));

    expect(calls('joinTeam')).toEqual([{ address: 'https://desk.example.org', name: 'Ana', password: 'secret words' }]);
    expect(await screen.findByText('Joined the team at https://desk.example.org as Ana.')).toBeTruthy();
    expect(fake.appInfoCalls()).toBe(loads + 1);
    expect(await bar().findByText('Team: live')).toBeTruthy();
    expect(bar().getByRole('button', { name: `Workspace: ${DESK.name}` })).toBeTruthy();
    expect(screen.queryByRole('dialog', { name: 'Join a team workspace' })).toBeNull();
  });

  it("shows the server's refusal in the join dialog and keeps it open", async () => {
    const user = userEvent.setup();
    await start({ mode: 'browser', sync: { kind: 'none' }, list: { active: 'personal', workspaces: [PERSONAL] }, joinError: 'Wrong name or password.' });
    act(() => store.getState().setTeamDialog('join'));
    const join = screen.getByRole('dialog', { name: 'Join a team workspace' });
    await user.type(within(join).getByLabelText('Team server address'), 'https://desk.example.org');
    await user.type(within(join).getByLabelText('Name'), 'Ana');
    await user.type(within(join).getByLabelText('Password'), 'wrong');
    await user.click(within(join).getByRole('button', { name: 'Join' }));
    expect((await within(join).findByRole('alert')).textContent).toBe('Wrong name or password.');
    expect(screen.getByRole('dialog', { name: 'Join a team workspace' })).toBe(join);
    expect(within(join).getByRole('button', { name: 'Join' })).toHaveProperty('disabled', false);
  });

  it('switches workspace from the status bar and loads the chosen one anew', async () => {
    const user = userEvent.setup();
    await start();
    const loads = fake.appInfoCalls();
    const button = await bar().findByRole('button', { name: `Workspace: ${DESK.name}` });
    await user.click(button);
    const menu = screen.getByRole('menu', { name: 'Workspaces' });
    expect(within(menu).getAllByRole('menuitem').map((m) => m.textContent)).toEqual(['Personal workspace', '✓Team at desk.example.org as Ana', 'Join a team workspace…']);
    fake.state.mode = 'browser';
    fake.state.sync = { kind: 'none' };
    await user.click(within(menu).getByRole('menuitem', { name: 'Personal workspace' }));

    expect(calls('switchWorkspace')).toEqual([{ id: 'personal' }]);
    await waitFor(() => expect(fake.appInfoCalls()).toBe(loads + 1));
    expect(await bar().findByRole('button', { name: 'Workspace: Personal workspace' })).toBeTruthy();
    expect(bar().queryByText('Team: live')).toBeNull();
  });

  it('closes the switcher with Escape and gives focus back to its button', async () => {
    const user = userEvent.setup();
    await start();
    const button = await bar().findByRole('button', { name: `Workspace: ${DESK.name}` });
    await user.click(button);
    expect(document.activeElement?.textContent).toContain(DESK.name);
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement?.textContent).toBe('Join a team workspace…');
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement?.textContent).toBe('Personal workspace');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('menu')).toBeNull();
    expect(document.activeElement).toBe(button);
  });

  it('names the others who have the open claim open, not this person', async () => {
    await start();
    const article = store.getState().workspace!.articles[0]!;
    const claim = await act(() => store.getState().createClaim(article.id, 0, 20));
    const pane = screen.getByRole('complementary', { name: 'Claim' });
    act(() =>
      fake.emit({
        kind: 'presence',
        people: [
          { person: 'Ana', claimId: claim.id },
          { person: 'Dana', claimId: claim.id },
          { person: 'Bo', claimId: null },
          { person: 'Cy', claimId: claim.id },
        ],
      }),
    );
    const line = within(pane).getByText('Also open: Dana, Cy');
    expect(line.getAttribute('aria-live')).toBe('polite');
    const list = screen.getByRole('list', { name: 'Claims in this article' });
    expect(within(list).getByTitle('Also open: Dana, Cy').textContent).toBe('Also open: 2 people');
    act(() => fake.emit({ kind: 'presence', people: [{ person: 'Ana', claimId: claim.id }] }));
    expect(within(pane).queryByText(/Also open/)).toBeNull();
    expect(within(list).queryByTitle(/Also open/)).toBeNull();
  });

  it('offers "Switch workspace…" and "Join a team workspace…" in the command palette, except on the team server\'s page', async () => {
    const user = userEvent.setup();
    await start({ mode: 'browser', sync: { kind: 'none' }, list: { active: 'personal', workspaces: [PERSONAL] } });
    await user.keyboard('{Control>}k{/Control}');
    const palette = screen.getByRole('dialog', { name: 'Command palette' });
    await user.click(await within(palette).findByRole('option', { name: 'Join a team workspace…' }));
    expect(await screen.findByRole('dialog', { name: 'Join a team workspace' })).toBeTruthy();
    act(() => store.getState().setTeamDialog(null));

    await user.keyboard('{Control>}k{/Control}');
    await user.click(await within(palette).findByRole('option', { name: 'Switch workspace…' }));
    expect(await screen.findByRole('menu', { name: 'Workspaces' })).toBeTruthy();
  });

  it('has no workspace commands on the team server\'s page', async () => {
    const user = userEvent.setup();
    await start({ sync: { kind: 'none' }, list: { active: 'personal', workspaces: [PERSONAL] } });
    await user.keyboard('{Control>}k{/Control}');
    const palette = screen.getByRole('dialog', { name: 'Command palette' });
    expect(await within(palette).findByRole('option', { name: /Undo/ })).toBeTruthy();
    expect(within(palette).queryByRole('option', { name: 'Switch workspace…' })).toBeNull();
    expect(within(palette).queryByRole('option', { name: 'Join a team workspace…' })).toBeNull();
  });
});
