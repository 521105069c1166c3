import { useEffect, useId, useRef, type KeyboardEvent } from 'react';
import type { WorkspaceEntry } from '../../../../shared/api/team-methods';
import { useCommand } from '../../commands/react';
import { useActions, useAppStore } from '../../store/react';
import { reported } from '../reported';

/**
 * The status bar's workspace switcher: the personal workspace, the teams joined on this
 * machine, and "Join a team workspace…". A menu button: Enter/Space or a click opens it,
 * arrows move, Esc closes and gives focus back. Switching loads the chosen workspace anew.
 */
export function WorkspaceSwitcher() {
  const id = useId();
  const open = useAppStore((s) => s.switcherOpen);
  const list = useAppStore((s) => s.workspaces);
  const sync = useAppStore((s) => s.sync);
  const { setSwitcherOpen, setTeamDialog, switchWorkspace, refreshWorkspaces } = useActions();
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLUListElement>(null);

  useCommand('switch-workspace', () => setSwitcherOpen(true));
  useCommand('join-team', () => setTeamDialog('join'));

  // Asked once shown, and again on each opening (a team may have been joined elsewhere).
  useEffect(() => {
    if (list === null || open) reported(refreshWorkspaces());
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only on opening, not on every answer
  }, [open]);

  // Opening moves focus to the open workspace's entry, as menus do.
  useEffect(() => {
    if (!open) return;
    const items = menu.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]');
    const current = menu.current?.querySelector<HTMLButtonElement>('[aria-current="true"]');
    (current ?? items?.[0])?.focus();
  }, [open, list]);

  // A click anywhere else closes it.
  useEffect(() => {
    if (!open) return;
    const outside = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!menu.current?.contains(target) && !button.current?.contains(target)) setSwitcherOpen(false);
    };
    document.addEventListener('pointerdown', outside);
    return () => document.removeEventListener('pointerdown', outside);
  }, [open, setSwitcherOpen]);

  const fallback = sync.kind === 'team' ? `Team at ${hostOf(sync.address)}` : 'Personal workspace';
  const active = list?.workspaces.find((w) => w.id === list.active);
  const name = active?.name ?? fallback;

  const close = (refocus: boolean) => {
    setSwitcherOpen(false);
    if (refocus) button.current?.focus();
  };
  const choose = (entry: WorkspaceEntry) => {
    close(true);
    if (entry.id !== list?.active) reported(switchWorkspace(entry.id));
  };
  const onMenuKey = (event: KeyboardEvent<HTMLUListElement>) => {
    const items = [...(menu.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? [])];
    const index = items.indexOf(document.activeElement as HTMLButtonElement);
    const move = (to: number) => items[(to + items.length) % items.length]?.focus();
    if (event.key === 'ArrowDown') move(index + 1);
    else if (event.key === 'ArrowUp') move(index - 1);
    else if (event.key === 'Home') move(0);
    else if (event.key === 'End') move(items.length - 1);
    else if (event.key === 'Escape') close(true);
    else if (event.key === 'Tab') close(false);
    else return;
    if (event.key !== 'Tab') event.preventDefault();
  };

  return (
    <span className="workspace-switcher">
      <button
        ref={button}
        type="button"
        className="status-item status-button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? `${id}-menu` : undefined}
        onClick={() => setSwitcherOpen(!open)}
        title="Switch workspace"
      >
        Workspace: {name}
      </button>
      {open && (
        <ul ref={menu} id={`${id}-menu`} role="menu" aria-label="Workspaces" className="switcher-menu" onKeyDown={onMenuKey}>
          {(list?.workspaces ?? []).map((entry) => (
            <li key={entry.id} role="none">
              <button type="button" role="menuitem" tabIndex={-1} aria-current={entry.id === list?.active ? 'true' : undefined} onClick={() => choose(entry)}>
                <span className="switcher-check" aria-hidden="true">
                  {entry.id === list?.active ? '✓' : ''}
                </span>
                {entry.name}
                {entry.person && <span className="switcher-person"> as {entry.person}</span>}
              </button>
            </li>
          ))}
          <li role="separator" />
          <li role="none">
            <button
              type="button"
              role="menuitem"
              tabIndex={-1}
              onClick={() => {
                close(false);
                setTeamDialog('join');
              }}
            >
              <span className="switcher-check" aria-hidden="true" />
              Join a team workspace…
            </button>
          </li>
        </ul>
      )}
    </span>
  );
}

function hostOf(address: string): string {
  try {
    return new URL(address).host;
  } catch {
    return address;
  }
}
