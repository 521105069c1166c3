import { Command } from 'cmdk';
import { useState, useSyncExternalStore } from 'react';
import { useModalDialog } from '../components/useModalDialog';
import { describeCombo, type CommandGroup } from '../../../shared/commands/commands';
import { APP_COMMANDS, type AppCommandId } from './app-commands';
import { useCommand, useCommandRegistry } from './react';
import { isMac } from './shortcuts';

const GROUPS: CommandGroup[] = ['Claims', 'Article', 'Navigate', 'Views', 'Edit', 'Help'];

/**
 * Ctrl/Cmd+K: every action with its shortcut, filtered as the editor types (cmdk inside a
 * native modal <dialog>, which keeps focus inside and closes on Esc).
 */
export function CommandPalette() {
  const registry = useCommandRegistry();
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  // Re-render when commands come and go (panes mount, selection changes what is enabled).
  useSyncExternalStore(
    (listener) => registry.subscribe(listener),
    () => registry.version,
  );
  useCommand('palette', () => setOpen(true));

  // showModal focuses the first focusable element (cmdk's root); typing belongs in the input.
  const dialog = useModalDialog(open, (element) => element.querySelector<HTMLInputElement>('[cmdk-input]')?.focus());

  const close = () => {
    setOpen(false);
    setQuery('');
  };
  const run = (id: AppCommandId) => {
    close();
    // After the dialog is gone, so focus returns to the page before the command acts.
    requestAnimationFrame(() => registry.run(id));
  };

  return (
    <dialog ref={dialog} className="dialog palette" aria-label="Command palette" onClose={close}>
      {open && (
        <Command label="Commands" loop>
          <Command.Input value={query} onValueChange={setQuery} placeholder="Type a command…" aria-label="Type a command" />
          <Command.List>
            <Command.Empty>No command matches “{query}”.</Command.Empty>
            {GROUPS.map((group) => {
              // Only commands something on screen implements right now.
              const commands = APP_COMMANDS.filter((c) => c.group === group && c.id !== 'palette' && registry.handler(c.id));
              if (commands.length === 0) return null;
              return (
                <Command.Group key={group} heading={group}>
                  {commands.map((command) => (
                    <Command.Item key={command.id} value={command.title} disabled={!registry.isAvailable(command.id)} onSelect={() => run(command.id)}>
                      <span>{command.title}</span>
                      {command.keys[0] && <kbd>{describeCombo(command.keys[0], isMac())}</kbd>}
                    </Command.Item>
                  ))}
                </Command.Group>
              );
            })}
          </Command.List>
        </Command>
      )}
    </dialog>
  );
}
