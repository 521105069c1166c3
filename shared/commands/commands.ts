/**
 * Every editor action that has a keyboard shortcut or appears in the command palette,
 * declared once: the renderer binds the keys and lists them (palette, shortcuts sheet), and
 * the Electron menu shows the same shortcuts.
 */

/** A key combination. `mod` is Ctrl on Windows/Linux and Cmd on macOS. */
export interface KeyCombo {
  key: string;
  mod?: boolean;
  shift?: boolean;
}

export type CommandGroup = 'Edit' | 'Claims' | 'Navigate' | 'Views' | 'Article' | 'Help';

export interface CommandSpec {
  id: string;
  title: string;
  group: CommandGroup;
  /** The shortcuts; the first is the one shown. Empty for palette-only commands. */
  keys: readonly KeyCombo[];
}

const spec = (id: string, title: string, group: CommandGroup, ...keys: KeyCombo[]): CommandSpec => ({ id, title, group, keys });

export const COMMANDS = [
  spec('undo', 'Undo', 'Edit', { key: 'z', mod: true }),
  spec('redo', 'Redo', 'Edit', { key: 'z', mod: true, shift: true }, { key: 'y', mod: true }),
  spec('palette', 'Command palette', 'Help', { key: 'k', mod: true }),
  spec('shortcuts', 'Keyboard shortcuts', 'Help', { key: '?', shift: true }),
  spec('settings', 'Workspace settings (rating scale, rules)', 'Help'),
  spec('claimants', 'Claimant library (names and aliases)', 'Help'),
  spec('check-links', 'Check source links (whole workspace)', 'Help'),
  spec('check-article-links', 'Check source links of this article', 'Article'),
  spec('search', 'Search articles and claims', 'Navigate', { key: '/' }),
  spec('next-claim', 'Next claim', 'Navigate', { key: 'j' }),
  spec('previous-claim', 'Previous claim', 'Navigate', { key: 'k' }),
  spec('new-article', 'New article', 'Article', { key: 'n' }),
  spec('claim-from-selection', 'Claim from selection', 'Article', { key: 'c' }),
  spec('find-claims', 'Find claims in the article', 'Article', { key: 'f' }),
  spec('accept-suggestions', 'Accept all suggested claims', 'Article'),
  spec('edit-text', 'Edit the article text', 'Article', { key: 'e' }),
  spec('export', 'Export the report…', 'Article', { key: 'e', mod: true }),
  spec('status-new', 'Set status: New', 'Claims', { key: '1' }),
  spec('status-researching', 'Set status: Researching', 'Claims', { key: '2' }),
  spec('status-in_review', 'Set status: In review', 'Claims', { key: '3' }),
  spec('status-ready', 'Set status: Ready', 'Claims', { key: '4' }),
  spec('status-published', 'Set status: Published', 'Claims', { key: '5' }),
  spec('status-dropped', 'Set status: Dropped', 'Claims', { key: '6' }),
  spec('merge-next', 'Merge the claim with the next one', 'Claims'),
  spec('delete-claim', 'Delete the claim', 'Claims'),
  spec('view-article', 'Show the article', 'Views', { key: 'a', mod: true, shift: true }),
  spec('view-table', 'Show the claims table', 'Views', { key: 't', mod: true, shift: true }),
  spec('view-board', 'Show the claims board', 'Views', { key: 'b', mod: true, shift: true }),
] as const satisfies readonly CommandSpec[];

export type CommandId = (typeof COMMANDS)[number]['id'];

export interface KeyEventLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

/** Whether a key event is this combination; `isMac` decides whether mod means Cmd or Ctrl. */
export function matchesCombo(event: KeyEventLike, combo: KeyCombo, isMac: boolean): boolean {
  if (event.altKey) return false;
  const mod = isMac ? event.metaKey : event.ctrlKey;
  const other = isMac ? event.ctrlKey : event.metaKey;
  if (mod !== !!combo.mod || other) return false;
  // "?" is Shift+/ on most layouts: compare the produced character, and Shift only for letters.
  const isLetter = /^[a-z]$/i.test(combo.key);
  if (isLetter && event.shiftKey !== !!combo.shift) return false;
  if (!isLetter && combo.key.length > 1 && event.shiftKey !== !!combo.shift) return false;
  return event.key.toLowerCase() === combo.key.toLowerCase();
}

export function commandForKey(event: KeyEventLike, isMac: boolean): CommandSpec | undefined {
  return COMMANDS.find((command) => command.keys.some((combo) => matchesCombo(event, combo, isMac)));
}

/** How a shortcut reads for the editor: "Ctrl+Shift+Z" or "⌘⇧Z". */
export function describeCombo(combo: KeyCombo, isMac: boolean): string {
  const key = combo.key === 'ArrowDown' ? '↓' : combo.key === 'ArrowUp' ? '↑' : combo.key.length === 1 ? combo.key.toUpperCase() : combo.key;
  const letterShift = combo.shift && /^[a-z]$/i.test(combo.key);
  if (isMac) return `${combo.mod ? '⌘' : ''}${letterShift ? '⇧' : ''}${key}`;
  return [combo.mod && 'Ctrl', letterShift && 'Shift', key].filter(Boolean).join('+');
}

/** Electron's accelerator syntax for a shortcut ("CmdOrCtrl+Shift+Z"), for the menus. */
export function toAccelerator(combo: KeyCombo): string {
  const key = combo.key === 'ArrowDown' ? 'Down' : combo.key === 'ArrowUp' ? 'Up' : combo.key.length === 1 ? combo.key.toUpperCase() : combo.key;
  return [combo.mod && 'CmdOrCtrl', combo.shift && /^[a-z]$/i.test(combo.key) && 'Shift', key].filter(Boolean).join('+');
}
