import { errorMessage } from '../api/client';
import type { Slice, StatusSlice } from './types';

/** Tracks writes in flight and the last failure, which the status bar shows. */
export const createStatusSlice: Slice<StatusSlice> = (set, get) => ({
  pendingWrites: 0,
  lastError: null,

  async perform(what, call, { write = true } = {}) {
    if (write) set((s) => ({ pendingWrites: s.pendingWrites + 1 }));
    const done = write ? 1 : 0;
    try {
      const value = await call();
      set((s) => ({ pendingWrites: s.pendingWrites - done, lastError: write ? null : s.lastError }));
      // Every write may change what undo and redo would do.
      if (write) void get().refreshHistory();
      return value;
    } catch (error) {
      const message = `${what}: ${errorMessage(error)}`;
      // One update, so the status bar goes straight from "Saving…" to the error.
      set((s) => ({ pendingWrites: s.pendingWrites - done, lastError: message }));
      get().pushToast({ kind: 'error', message });
      throw error;
    }
  },
});
