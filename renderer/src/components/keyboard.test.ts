import { afterEach, describe, expect, it } from 'vitest';
import { isTypingTarget } from './keyboard';

afterEach(() => {
  document.body.replaceChildren();
});

function inDialog(open: boolean): HTMLInputElement {
  const dialog = document.createElement('dialog');
  const input = document.createElement('input');
  dialog.append(input);
  document.body.append(dialog);
  if (open) dialog.setAttribute('open', '');
  return input;
}

describe('isTypingTarget', () => {
  it('is true for fields and editable text, false for buttons and the page', () => {
    const input = document.createElement('input');
    const textarea = document.createElement('textarea');
    const button = document.createElement('button');
    document.body.append(input, textarea, button);
    expect(isTypingTarget(input)).toBe(true);
    expect(isTypingTarget(textarea)).toBe(true);
    expect(isTypingTarget(button)).toBe(false);
    expect(isTypingTarget(document.body)).toBe(false);
    expect(isTypingTarget(null)).toBe(false);
  });

  it('is true for a field in an open dialog', () => {
    expect(isTypingTarget(inDialog(true))).toBe(true);
  });

  // Focus left behind by a dialog that has just closed (the palette's input after Esc).
  it('is false for a field inside a closed dialog', () => {
    expect(isTypingTarget(inDialog(false))).toBe(false);
  });
});
