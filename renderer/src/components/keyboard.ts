/**
 * Single-letter shortcuts must not fire while the editor is typing into a field.
 *
 * A field inside a closed <dialog> is not one: when a modal dialog closes (Esc, a button),
 * Chromium leaves focus on the field that had it until its next rendering update, unless it
 * has an element of the page to give focus back to. A key pressed in that gap (Esc then `?`
 * typed quickly) would otherwise be taken for typing into an invisible field and lost.
 */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (isInClosedDialog(target)) return false;
  if (target.isContentEditable) return true;
  return ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

function isInClosedDialog(element: HTMLElement): boolean {
  const dialog = element.closest('dialog');
  return dialog !== null && !dialog.open;
}
