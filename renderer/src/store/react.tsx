/** React access to the app store: a provider for the instance and a selector hook. */
import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { AppState, AppStore } from './app-store';

const StoreContext = createContext<AppStore | null>(null);

export function StoreProvider({ store, children }: { store: AppStore; children: ReactNode }) {
  return <StoreContext.Provider value={store}>{children}</StoreContext.Provider>;
}

export function useStoreApi(): AppStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useAppStore must be used inside <StoreProvider>.');
  return store;
}

/** Reads from the app store. Selectors returning new arrays/objects need `useShallow`. */
export function useAppStore<T>(selector: (state: AppState) => T): T {
  return useStore(useStoreApi(), selector);
}

/** The store's functions only: they never change, so taking them needs no subscription. */
export type Actions = { [K in keyof AppState as AppState[K] extends (...args: never[]) => unknown ? K : never]: AppState[K] };

export function useActions(): Actions {
  return useStoreApi().getState();
}
