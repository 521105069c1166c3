import { useEffect, useState } from 'react';
import { CommandPalette } from '../commands/CommandPalette';
import { CommandsProvider } from '../commands/react';
import { CommandRegistry } from '../commands/registry';
import { useCommandShortcuts } from '../commands/shortcuts';
import { ShortcutsHelp } from '../commands/ShortcutsHelp';
import { useFileDrop } from './useFileDrop';
import type { AppStore } from '../store/app-store';
import { StoreProvider, useActions, useAppStore, useStoreApi } from '../store/react';
import type { DraftField } from '../store/types';
import { StartupNoticeBanner } from './StartupNoticeBanner';
import { StatusBar } from './StatusBar';
import { Toasts } from './Toasts';
import { Workspace } from './Workspace';

/** The whole renderer over one store; loads the workspace once when first shown. */
export function App({ store }: { store: AppStore }) {
  const [registry] = useState(() => new CommandRegistry());
  useEffect(() => {
    // StrictMode runs effects twice in development: only the first call starts the load.
    if (store.getState().loadState === 'idle') void store.getState().load();
  }, [store]);

  return (
    <StoreProvider store={store}>
      <CommandsProvider registry={registry}>
        <Shell />
      </CommandsProvider>
    </StoreProvider>
  );
}

function Shell() {
  const loadState = useAppStore((s) => s.loadState);
  const loadError = useAppStore((s) => s.loadError);
  const { load } = useActions();
  useCommandShortcuts();
  useFlushOnLeave();
  useFileDrop();

  // Toasts sit in their own row above the status bar, so they never cover a control.
  return (
    <div className="app">
      <h1 className="visually-hidden">Fact-check Desk</h1>
      <StartupNoticeBanner />
      {loadState === 'failed' ? (
        <div className="load-problem" role="alert">
          <h2>The workspace could not be opened</h2>
          <p>{loadError}</p>
          <p>Check that the data file is readable, then try again. Nothing has been changed.</p>
          <button type="button" className="button primary" onClick={() => void load()}>
            Try again
          </button>
        </div>
      ) : loadState === 'ready' ? (
        <Workspace />
      ) : (
        <p className="loading">Opening the workspace…</p>
      )}
      <Toasts />
      <StatusBar />
      <CommandPalette />
      <ShortcutsHelp />
    </div>
  );
}

/** Leaving the page (closing the window, reloading) sends what is still waiting to be saved. */
function useFlushOnLeave() {
  const store = useStoreApi();
  useEffect(() => {
    const flush = () => {
      const state = store.getState();
      state.flushSaves();
      for (const [key, draft] of Object.entries(state.drafts)) {
        const [claimId, field] = key.split('/') as [string, DraftField];
        if (draft.dirty) void state.flushDraft(claimId, field);
      }
    };
    window.addEventListener('pagehide', flush);
    return () => window.removeEventListener('pagehide', flush);
  }, [store]);
}
