import { useState } from 'react';
import { useModalDialog } from '../components/useModalDialog';
import { COMMANDS, describeCombo, type CommandGroup } from '../../../shared/commands/commands';
import { useCommand } from './react';
import { isMac } from './shortcuts';

const GROUPS: CommandGroup[] = ['Navigate', 'Claims', 'Article', 'Views', 'Edit', 'Help'];

/** "?": the shortcuts sheet, every shortcut of shared/commands by group. */
export function ShortcutsHelp() {
  const [open, setOpen] = useState(false);
  useCommand('shortcuts', () => setOpen(true));

  const dialog = useModalDialog(open);

  return (
    <dialog ref={dialog} className="dialog shortcuts" aria-labelledby="shortcuts-title" onClose={() => setOpen(false)}>
      <h2 id="shortcuts-title">Keyboard shortcuts</h2>
      <div className="shortcut-groups">
        {GROUPS.map((group) => (
          <section key={group} aria-label={group}>
            <h3>{group}</h3>
            <dl>
              {COMMANDS.filter((c) => c.group === group && c.keys.length > 0).map((command) => (
                <div key={command.id} className="shortcut-row">
                  <dt>{command.title}</dt>
                  <dd>
                    {command.keys.map((combo) => (
                      <kbd key={describeCombo(combo, false)}>{describeCombo(combo, isMac())}</kbd>
                    ))}
                  </dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </div>
      <p className="dialog-intro">Single-key shortcuts work when you are not typing in a field. Menus show the same shortcuts.</p>
      <div className="dialog-actions">
        <button type="button" className="button primary" onClick={() => setOpen(false)} autoFocus>
          Close
        </button>
      </div>
    </dialog>
  );
}
