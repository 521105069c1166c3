import { errorMessage } from '../api/client';
import type { Slice, StatusSlice } from './types';

/** Tracks writes in flight (and waiting) and the last failure, which the status bar shows. */
export const createStatusSlice: Slice<StatusSlice> = (set, get) => {
  const waiting = new Map<string, { timer: ReturnType<typeof setTimeout>; fire(): void }>();
  return {
    pendingWrites: 0,
    lastError: null,

    async perform(what, call, { write = true } = {}) {
      if (write) set((s) => ({ pendingWrites: s.pendingWrites + 1 }));
      const done = write ? 1 : 0;
      try {
        // A write waits until the whole workspace has loaded: the parts still arriving
        // could otherwise bring back a claim as it was before the write.
        if (write) await get().whenLoaded();
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

    saveLater(key, delayMs, what, call) {
      const previous = waiting.get(key);
      if (previous) clearTimeout(previous.timer);
      // One pending write per key for as long as it waits; the call itself counts another.
      else set((s) => ({ pendingWrites: s.pendingWrites + 1 }));
      const fire = () => {
        waiting.delete(key);
        set((s) => ({ pendingWrites: s.pendingWrites - 1 }));
        void get()
          .perform(what, call)
          .catch(() => undefined); // reported by perform
      };
      waiting.set(key, { timer: setTimeout(fire, delayMs), fire });
    },

    flushSaves() {
      for (const { timer, fire } of [...waiting.values()]) {
        clearTimeout(timer);
        fire();
      }
    },
  };
};
