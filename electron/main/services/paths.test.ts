import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultUserDataDir, readOption, resolveDataDir } from './paths';

describe('data folder resolution', () => {
  it('prefers --data-dir, then FACTCHECK_DATA_DIR, then the platform default', () => {
    const fallback = () => '/home/ed/.config/Fact-check Desk';
    expect(resolveDataDir(['node', 'serve', '--data-dir', '/tmp/a'], { FACTCHECK_DATA_DIR: '/tmp/b' }, fallback)).toBe('/tmp/a');
    expect(resolveDataDir(['--data-dir=/tmp/c'], {}, fallback)).toBe('/tmp/c');
    expect(resolveDataDir([], { FACTCHECK_DATA_DIR: '/tmp/b' }, fallback)).toBe('/tmp/b');
    expect(resolveDataDir([], {}, fallback)).toBe(fallback());
    expect(resolveDataDir(['--data-dir', 'rel'], {}, fallback)).toBe(path.resolve('rel'));
  });

  it('matches where Electron keeps userData on each platform', () => {
    expect(defaultUserDataDir('linux', {}, '/home/ed')).toBe('/home/ed/.config/Fact-check Desk');
    expect(defaultUserDataDir('linux', { XDG_CONFIG_HOME: '/xdg' }, '/home/ed')).toBe('/xdg/Fact-check Desk');
    expect(defaultUserDataDir('darwin', {}, '/Users/ed')).toBe('/Users/ed/Library/Application Support/Fact-check Desk');
    expect(defaultUserDataDir('win32', { APPDATA: 'C:\\Users\\ed\\AppData\\Roaming' }, 'C:\\Users\\ed')).toBe(
      'C:\\Users\\ed\\AppData\\Roaming\\Fact-check Desk',
    );
  });

  it('reads options in both spellings', () => {
    expect(readOption(['--port', '80'], 'port')).toBe('80');
    expect(readOption(['--port=81'], 'port')).toBe('81');
    expect(readOption(['--portable'], 'port')).toBeUndefined();
  });
});
