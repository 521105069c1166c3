import os from 'node:os';
import path from 'node:path';

export const APP_NAME = 'Fact-check Desk';
export const DATA_FILE_NAME = 'workspace.json';

/**
 * Where Electron keeps `userData` for this app, computed without Electron so that browser
 * mode and the app open the same workspace by default.
 */
export function defaultUserDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = os.homedir(),
): string {
  const join = platform === 'win32' ? path.win32.join : path.posix.join;
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), APP_NAME);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', APP_NAME);
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), APP_NAME);
}

/** Reads `--name value` or `--name=value` from a command line. */
export function readOption(argv: readonly string[], name: string): string | undefined {
  const flag = `--${name}`;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === flag) return argv[i + 1];
    if (arg.startsWith(`${flag}=`)) return arg.slice(flag.length + 1);
  }
  return undefined;
}

/** `--data-dir`, then `FACTCHECK_DATA_DIR`, then the platform default; always absolute. */
export function resolveDataDir(argv: readonly string[], env: NodeJS.ProcessEnv, fallback: () => string): string {
  const chosen = readOption(argv, 'data-dir') || env.FACTCHECK_DATA_DIR || fallback();
  return path.resolve(chosen);
}
