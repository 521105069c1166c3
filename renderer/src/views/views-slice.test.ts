import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_VIEW, type Claim } from '../../../shared/domain/schemas';
import { segmentText } from '../../../shared/text/segmenter';
import { createClient } from '../api/client';
import { createAppStore, type AppStore } from '../store/app-store';
import { selectView } from '../store/views-slice';
import { upsert, upsertAll } from '../store/entities';
import { createTestBridge, type TestBridge } from '../../test/bridge';

describe('views slice (over the real handlers)', () => {
  let t: TestBridge;
  let store: AppStore;
  let settingsSaves: number;
  const state = () => store.getState();

  beforeEach(async () => {
    t = await createTestBridge();
    settingsSaves = 0;
    const bridge = {
      ...t.bridge,
      updateSettings: (input: Parameters<typeof t.bridge.updateSettings>[0]) => {
        settingsSaves++;
        return t.bridge.updateSettings(input);
      },
    };
    store = createAppStore(createClient(bridge));
    await state().load();
  });
  afterEach(() => t.dispose());

  /** Claims from the first `n` sentences of the sample article, saved in the file. */
  const makeClaims = async (n: number): Promise<Claim[]> => {
    const article = state().workspace!.articles[0]!;
    const spans = segmentText(article.text)
      .sentences.slice(1, n + 1)
      .map(({ start, end }) => ({ start, end }));
    return state().createClaims(article.id, spans);
  };

  it('starts from the saved view (the default on a new workspace)', () => {
    expect(selectView(state())).toEqual(DEFAULT_VIEW);
    expect(state().selectedIds.size).toBe(0);
  });

  it('applies filters, sort and mode at once and saves them once, after the editor pauses', async () => {
    state().setViewMode('table');
    state().setViewFilters({ text: 'b' });
    state().setViewFilters({ text: 'bu' });
    state().setViewFilters({ text: 'bus', statuses: ['ready'] });
    state().setViewSort({ key: 'score', direction: 'asc' });
    // Shown at once…
    expect(selectView(state())).toMatchObject({ mode: 'table', filters: { text: 'bus', statuses: ['ready'] }, sort: { key: 'score', direction: 'asc' } });
    expect(t.store.data.settings.view.mode).toBe('article');
    // …and saved once, with the latest values.
    await vi.waitFor(() => expect(t.store.data.settings.view.filters.text).toBe('bus'));
    expect(t.store.data.settings.view).toEqual(selectView(state()));
    expect(settingsSaves).toBe(1);

    state().clearViewFilters();
    await vi.waitFor(() => expect(t.store.data.settings.view.filters).toEqual(DEFAULT_VIEW.filters));
    expect(t.store.data.settings.view.mode).toBe('table');

    // A reload comes back to the same view.
    const again = createAppStore(createClient(t.bridge));
    await again.getState().load();
    expect(selectView(again.getState())).toEqual(selectView(state()));
  });

  it('ticks, ranges and unticks; filters untick the claims they hide', async () => {
    const claims = await makeClaims(4);
    const ids = claims.map((c) => c.id);
    state().toggleSelected(ids[1]!);
    state().selectRange(ids, ids[3]!);
    expect([...state().selectedIds].sort()).toEqual([ids[1], ids[2], ids[3]].sort());
    state().toggleSelected(ids[2]!);
    expect(state().selectedIds.has(ids[2]!)).toBe(false);

    state().setSelection(ids);
    const hidden = claims[0]!.text.split(' ').slice(0, 4).join(' ');
    state().setViewFilters({ text: hidden });
    expect([...state().selectedIds]).toEqual([ids[0]]);
    state().clearSelection();
    expect(state().selectedIds.size).toBe(0);
  });

  it('changes the status of many claims in one call, keeps them ticked and says what changed', async () => {
    const claims = await makeClaims(3);
    const ids = claims.map((c) => c.id);
    state().setSelection(ids);
    const updated = await state().bulkUpdateClaims(ids, { status: 'researching', addTags: ['bus lanes'] });
    expect(updated.map((c) => c.status)).toEqual(['researching', 'researching', 'researching']);
    expect(t.store.data.claims.map((c) => [c.status, c.tags])).toEqual(ids.map(() => ['researching', ['bus lanes']]));
    expect(state().workspace!.claims.every((c) => c.status === 'researching')).toBe(true);
    expect(state().selectedIds.size).toBe(3);
    expect(state().toasts.at(-1)?.message).toBe('Updated 3 claims: status Researching, tagged “bus lanes”.');
  });

  it('reports a refused bulk change and changes nothing', async () => {
    const claims = await makeClaims(2);
    const ids = claims.map((c) => c.id);
    await expect(state().bulkUpdateClaims([...ids, 'missing-claim-id'], { priority: 'urgent' })).rejects.toThrow();
    expect(state().lastError).toMatch(/^Could not change 3 claims: /);
    expect(state().toasts.at(-1)?.kind).toBe('error');
    expect(t.store.data.claims.map((c) => c.priority)).toEqual(['normal', 'normal']);
  });

  it('deletes the ticked claims in one call and brings them back with Undo', async () => {
    const claims = await makeClaims(3);
    const ids = claims.map((c) => c.id);
    state().selectClaim(ids[0]!);
    state().setSelection(ids.slice(0, 2));
    await state().bulkDeleteClaims(ids.slice(0, 2));
    expect(t.store.data.claims.map((c) => c.id)).toEqual([ids[2]]);
    expect(state().workspace!.claims.map((c) => c.id)).toEqual([ids[2]]);
    expect(state().selectedIds.size).toBe(0);
    expect(state().selectedClaimId).toBeNull();

    const toast = state().toasts.at(-1)!;
    expect(toast.message).toBe('Deleted 2 claims.');
    expect(toast.action?.label).toBe('Undo');
    await toast.action!.run();
    expect(t.store.data.claims.map((c) => c.id).sort()).toEqual([...ids].sort());
    expect(state().workspace!.claims).toHaveLength(3);
    expect([...state().selectedIds].sort()).toEqual(ids.slice(0, 2).sort());
  });
});

describe('upsertAll (bulk answers merged in one pass)', () => {
  it('gives what upserting the items one by one gives (property)', () => {
    const item = fc.record({ id: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'), v: fc.nat(5) });
    fc.assert(
      fc.property(fc.uniqueArray(item, { selector: (x) => x.id }), fc.array(item), (items, updates) => {
        expect(upsertAll(items, updates)).toEqual(updates.reduce((list, u) => upsert(list, u), items));
      }),
    );
  });
});
