import { useEffect } from 'react';
import { commandForKey } from '../../../shared/commands/commands';
import { isTypingTarget } from '../components/keyboard';
import { useCommandRegistry } from './react';

export const isMac = (): boolean => /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

/**
 * The one keydown listener for every shortcut in shared/commands. Plain-key shortcuts and
 * undo/redo leave text fields alone (there they type, or undo typing); a modal dialog
 * keeps its keys to itself.
 */
export function useCommandShortcuts(): void {
  const registry = useCommandRegistry();
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      const command = commandForKey(event, isMac());
      if (!command) return;
      const modified = command.keys.some((k) => k.mod);
      if (isTypingTarget(event.target) && (!modified || command.id === 'undo' || command.id === 'redo')) return;
      if (document.querySelector('dialog[open]')) return;
      if (registry.run(command.id)) event.preventDefault();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [registry]);
}
