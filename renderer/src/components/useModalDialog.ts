import { useEffect, useRef } from 'react';

/**
 * Drives a native <dialog> from React state: `showModal()` when `open` turns true (focus
 * moves inside, Esc closes, the page behind is inert), `close()` when it turns false.
 * `onOpen` runs right after it opens, e.g. to reset a form or move focus.
 */
export function useModalDialog(open: boolean, onOpen?: (dialog: HTMLDialogElement) => void) {
  const ref = useRef<HTMLDialogElement>(null);
  const opened = useRef(onOpen);
  useEffect(() => {
    opened.current = onOpen;
  });
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    if (open && !element.open) {
      element.showModal();
      opened.current?.(element);
    }
    if (!open && element.open) element.close();
  }, [open]);
  return ref;
}
