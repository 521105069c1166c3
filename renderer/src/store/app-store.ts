/**
 * The one app store, built from slices (zustand's slices pattern) over a vanilla store so it
 * runs without React in tests. It is created by a factory that takes the API client, so a
 * test can build it over a test bridge.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Client } from '../api/client';
import { createClaimantsSlice } from './claimants-slice';
import { createDraftsSlice } from './drafts-slice';
import { createHistorySlice } from './history-slice';
import { createEvidenceSlice } from './evidence-slice';
import { createImportSlice } from './import-slice';
import { createStatusSlice } from './status-slice';
import { createSyncSlice } from './sync-slice';
import { reportPresence, PRESENCE_DELAY_MS } from './presence';
import { createToastsSlice } from './toasts-slice';
import type { LoadOptions } from './loading';
import type { AppState } from './types';
import { createUiSlice } from './ui-slice';
import { createViewsSlice } from './views-slice';
import { createWorkspaceSlice } from './workspace-slice';

export interface StoreOptions {
  /** How long typing pauses before the wording is saved. */
  autosaveDelayMs?: number;
  /** How a large workspace is opened in parts (tests use small numbers). */
  loading?: LoadOptions;
  /** How long the selection must stay on a claim before the team hears it is open. */
  presenceDelayMs?: number;
}

export const AUTOSAVE_DELAY_MS = 400;

export type AppStore = StoreApi<AppState>;

export function createAppStore(client: Client, options: StoreOptions = {}): AppStore {
  const store = createStore<AppState>()((...a) => ({
    ...createWorkspaceSlice(client, options.loading)(...a),
    ...createDraftsSlice(options.autosaveDelayMs ?? AUTOSAVE_DELAY_MS)(...a),
    ...createUiSlice(...a),
    ...createStatusSlice(...a),
    ...createToastsSlice(...a),
    ...createHistorySlice(client)(...a),
    ...createImportSlice(client)(...a),
    ...createViewsSlice(client)(...a),
    ...createClaimantsSlice(client)(...a),
    ...createSyncSlice(client)(...a),
    ...createEvidenceSlice(client)(...a),
  }));
  reportPresence(store, client, options.presenceDelayMs ?? PRESENCE_DELAY_MS);
  return store;
}

export type { AppState } from './types';
