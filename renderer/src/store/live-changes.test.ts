import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FactcheckBridge, LiveEvent, WorkspaceChanges } from '../../../shared/api/contract';
import { createClient } from '../api/client';
import { createAppStore, type AppStore } from './app-store';
import { createTestBridge, type TestBridge } from '../../test/bridge';

const none = (): WorkspaceChanges => ({ articles: [], claims: [], sources: [], removed: { articles: [], claims: [], sources: [] }, settings: null });

describe("other people's changes in a team workspace", () => {
  let t: TestBridge;
  let store: AppStore;
  let emit: (event: LiveEvent) => void;
  let loads = 0;

  /** The test bridge, as a team server's page: mode 'team', and a live stream the test drives. */
  async function open(mode: 'team' | 'browser') {
    const bridge: FactcheckBridge = {
      ...t.bridge,
      getAppInfo: async (input) => {
        loads++;
        const info = await t.bridge.getAppInfo(input);
        return info.ok ? { ok: true, value: { ...info.value, mode } } : info;
      },
      onWorkspaceChanges: (listener) => {
        emit = listener;
        return () => undefined;
      },
    };
    emit = () => {
      throw new Error('nobody listens');
    };
    store = createAppStore(createClient(bridge));
    await store.getState().load();
  }

  beforeEach(async () => {
    t = await createTestBridge();
    loads = 0;
  });
  afterEach(() => t.dispose());

  it('shows a claim someone else changed, and lets go of the selection of one they deleted', async () => {
    await open('team');
    const article = store.getState().workspace!.articles[0]!;
    const mine = await store.getState().createClaim(article.id, 0, 20);
    store.setState({ selectedClaimId: mine.id });
    emit({ kind: 'change', record: { seq: 7, actor: 'Bo', label: 'Change priority', at: '2026-12-04T10:00:00.000Z', changes: { ...none(), claims: [{ ...mine, priority: 'urgent' }] } } });
    expect(store.getState().workspace!.claims.find((c) => c.id === mine.id)!.priority).toBe('urgent');

    emit({ kind: 'change', record: { seq: 8, actor: 'Bo', label: 'Delete claim', at: '2026-12-04T10:00:01.000Z', changes: { ...none(), removed: { articles: [], claims: [mine.id], sources: [] } } } });
    expect(store.getState().workspace!.claims.some((c) => c.id === mine.id)).toBe(false);
    expect(store.getState().selectedClaimId).toBeNull();
  });

  it("tells the editor when someone else's wording replaces the wording of the claim they have open, and only then", async () => {
    await open('team');
    await store.getState().setCurrentEditor('Ana');
    const article = store.getState().workspace!.articles[0]!;
    const open1 = await store.getState().createClaim(article.id, 0, 20);
    const closed = await store.getState().createClaim(article.id, 30, 50);
    store.setState({ selectedClaimId: open1.id });
    const change = (actor: string, claim: typeof open1, seq: number) =>
      emit({ kind: 'change', record: { seq, actor, label: 'Edit wording', at: '2026-12-04T10:00:00.000Z', changes: { ...none(), claims: [claim] } } });
    const earlier = store.getState().toasts.length;
    const messages = () => store.getState().toasts.slice(earlier).map((t) => t.message);

    change('Bo', { ...closed, text: 'Reworded by Bo, not open here.' }, 1);
    change('Ana', { ...open1, text: 'Reworded by me in another window.' }, 2);
    expect(messages()).toEqual([]);

    change('Bo', { ...open1, text: 'Bo rewords the open claim.' }, 3);
    expect(store.getState().workspace!.claims.find((c) => c.id === open1.id)!.text).toBe('Bo rewords the open claim.');
    expect(messages()).toEqual([
      "Bo changed the wording of “Bo rewords the open claim.” while you had it open. Their version is shown; the one before is in the claim's history.",
    ]);
  });

  it('loads the workspace anew when the server says its log was reset', async () => {
    await open('team');
    expect(loads).toBe(1);
    emit({ kind: 'reset' });
    await expect.poll(() => loads).toBe(2);
    await expect.poll(() => store.getState().loadState).toBe('ready');
  });

  it('knows whether the team server is reachable', async () => {
    await open('team');
    expect(store.getState().live).toBeNull();
    emit({ kind: 'connection', connected: true });
    expect(store.getState().live).toBe('connected');
    emit({ kind: 'connection', connected: false });
    expect(store.getState().live).toBe('reconnecting');
  });

  it('does not listen in a personal workspace', async () => {
    await open('browser');
    expect(() => emit({ kind: 'reset' })).toThrow('nobody listens');
  });
});
