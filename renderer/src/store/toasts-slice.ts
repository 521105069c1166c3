import type { Slice, ToastsSlice } from './types';

/** Older toasts give way to new ones, so a burst of failures cannot cover the window. */
const MAX_TOASTS = 5;

export const createToastsSlice: Slice<ToastsSlice> = (set) => {
  let nextId = 1;
  return {
    toasts: [],
    pushToast(toast) {
      const id = nextId++;
      set((s) => ({ toasts: [...s.toasts, { ...toast, id }].slice(-MAX_TOASTS) }));
      return id;
    },
    dismissToast(id) {
      set((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) }));
    },
  };
};
