import { Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import { COMMANDS, toAccelerator, type CommandGroup, type CommandSpec } from '../../../shared/commands/commands';

/**
 * The application menu: standard roles (copy/paste, zoom, window, quit) plus the app's own
 * commands with the same shortcuts the renderer binds (shared/commands). The app's
 * accelerators are shown but not registered, so key presses reach the page, which handles
 * them in one place; choosing the item sends the page that same key press.
 */
export function buildMenuTemplate(platform: NodeJS.Platform): MenuItemConstructorOptions[] {
  const isMac = platform === 'darwin';
  return [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    { role: 'fileMenu' },
    {
      label: 'Edit',
      submenu: [
        ...commandItems('Edit', platform),
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
    { label: 'Article', submenu: commandItems('Article', platform) },
    { label: 'Claims', submenu: [...commandItems('Claims', platform), { type: 'separator' }, ...commandItems('Navigate', platform)] },
    { label: 'View', submenu: [...commandItems('Views', platform), { type: 'separator' }, { role: 'reload' }, { role: 'toggleDevTools' }, { type: 'separator' }, { role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' }] },
    { role: 'windowMenu' },
    { role: 'help', submenu: commandItems('Help', platform) },
  ];
}

function commandItems(group: CommandGroup, platform: NodeJS.Platform): MenuItemConstructorOptions[] {
  return COMMANDS.filter((c) => c.group === group && c.keys.length > 0).map((command) => ({
    id: command.id,
    label: command.title,
    accelerator: toAccelerator(command.keys[0]!),
    registerAccelerator: false,
    click: (_item, window) => pressShortcut(window as BrowserWindow | undefined, command, platform),
  }));
}

/** Sends the command's shortcut to the page as if typed, so the renderer runs it. */
export function pressShortcut(window: BrowserWindow | undefined, command: CommandSpec, platform: NodeJS.Platform): void {
  const combo = command.keys[0];
  if (!window || !combo) return;
  const modifiers: ('control' | 'meta' | 'shift')[] = [];
  if (combo.mod) modifiers.push(platform === 'darwin' ? 'meta' : 'control');
  if (combo.shift) modifiers.push('shift');
  const keyCode = combo.key.length === 1 ? combo.key.toUpperCase() : combo.key;
  window.webContents.sendInputEvent({ type: 'keyDown', keyCode, modifiers });
  if (!combo.mod) window.webContents.sendInputEvent({ type: 'char', keyCode: combo.key, modifiers });
  window.webContents.sendInputEvent({ type: 'keyUp', keyCode, modifiers });
}

export function installMenu(platform: NodeJS.Platform = process.platform): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate(platform)));
}
