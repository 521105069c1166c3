import { describe, expect, it } from 'vitest';
import { COMMANDS, commandForKey, describeCombo, matchesCombo, toAccelerator } from './commands';

const key = (k: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }> = {}) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});

describe('commands', () => {
  it('have unique ids and no two share a shortcut', () => {
    expect(new Set(COMMANDS.map((c) => c.id)).size).toBe(COMMANDS.length);
    const combos = COMMANDS.flatMap((c) => c.keys.map((k) => JSON.stringify({ key: k.key.toLowerCase(), mod: !!k.mod, shift: !!k.shift })));
    expect(new Set(combos).size).toBe(combos.length);
  });

  it('match Ctrl on Windows/Linux and Cmd on macOS for mod shortcuts', () => {
    expect(commandForKey(key('z', { ctrlKey: true }), false)?.id).toBe('undo');
    expect(commandForKey(key('z', { metaKey: true }), true)?.id).toBe('undo');
    expect(commandForKey(key('z', { metaKey: true }), false)).toBeUndefined();
    expect(commandForKey(key('Z', { ctrlKey: true, shiftKey: true }), false)?.id).toBe('redo');
    expect(commandForKey(key('y', { ctrlKey: true }), false)?.id).toBe('redo');
  });

  it('tell plain keys from modified ones, and read "?" whatever Shift says', () => {
    expect(commandForKey(key('k'), false)?.id).toBe('previous-claim');
    expect(commandForKey(key('k', { ctrlKey: true }), false)?.id).toBe('palette');
    expect(commandForKey(key('?', { shiftKey: true }), false)?.id).toBe('shortcuts');
    expect(commandForKey(key('3'), false)?.id).toBe('status-in_review');
    expect(commandForKey(key('j', { altKey: true }), false)).toBeUndefined();
    expect(matchesCombo(key('e', { ctrlKey: true }), { key: 'e' }, false)).toBe(false);
  });

  it('describe shortcuts for each platform and for Electron menus', () => {
    expect(describeCombo({ key: 'z', mod: true, shift: true }, false)).toBe('Ctrl+Shift+Z');
    expect(describeCombo({ key: 'z', mod: true, shift: true }, true)).toBe('⌘⇧Z');
    expect(describeCombo({ key: '?', shift: true }, false)).toBe('?');
    expect(toAccelerator({ key: 'z', mod: true, shift: true })).toBe('CmdOrCtrl+Shift+Z');
    expect(toAccelerator({ key: 'k', mod: true })).toBe('CmdOrCtrl+K');
  });
});
