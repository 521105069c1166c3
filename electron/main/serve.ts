/**
 * Browser mode (`npm run serve [-- --port N --data-dir DIR]`): the app's services and
 * built renderer on http://127.0.0.1, for machines without the Electron binary or for
 * working in a browser. Opens the same data folder as the desktop app by default.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { APP_NAME, defaultUserDataDir, readOption, resolveDataDir } from './services/paths';
import { openFailure, LowdbWorkspaceStore } from './services/store';
import type { WorkspaceStore } from './services/store-interface';
import { createServiceHandlers } from './services/handlers/index';
import { prepareOpening } from './services/handlers/opening';
import { startBrowserServer } from './services/browser-server';
import { WorkspaceSwitcher } from './team/replica/switcher';
import { evidenceHost, openArchiveSettings } from './services/evidence/evidence-host';
import { evidenceJobHandlers } from './services/handlers/evidence-jobs';
import { version } from '../../package.json';

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const portText = readOption(argv, 'port') ?? process.env.FACTCHECK_PORT ?? '0';
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port must be a number from 0 to 65535 (got "${portText}").`);

  const rendererDir = fileURLToPath(new URL('../renderer/', import.meta.url));
  const bridgeFile = fileURLToPath(new URL('../preload/browser.cjs', import.meta.url));
  if (!existsSync(rendererDir) || !existsSync(bridgeFile)) fail('The app is not built. Run `npm run build` first (or use `npm run serve`, which builds).');

  const dataDir = resolveDataDir(argv, process.env, () => defaultUserDataDir());
  let store: WorkspaceStore;
  try {
    store = await LowdbWorkspaceStore.open(dataDir, { kind: 'browser' });
  } catch (error) {
    fail(openFailure(error).message);
  }

  const personal = createServiceHandlers(store, { name: APP_NAME, version, mode: 'browser' });
  // The personal workspace, or the copy of a team workspace joined from here (opened again if it was open last time).
  const switcher = await WorkspaceSwitcher.open(dataDir, personal, { name: APP_NAME, version });
  // Archive, copy and link-check jobs run here, over whichever workspace is open, with this machine's archive settings.
  const evidence = evidenceHost(() => switcher.handlers, await openArchiveSettings(dataDir));
  const handlers = { ...switcher.handlers, ...evidenceJobHandlers(evidence) };
  let server;
  try {
    server = await startBrowserServer({
      handlers,
      rendererDir,
      bridgeFile,
      token: randomBytes(24).toString('base64url'),
      port,
      live: switcher,
      onInternalError: (method, error) => console.error(`[${method}]`, error),
    });
  } catch (error) {
    await switcher.close();
    await store.close();
    const code = (error as NodeJS.ErrnoException).code;
    fail(code === 'EADDRINUSE' ? `Port ${port} is already in use; choose another with --port N.` : (error as Error).message);
  }

  console.log(`${APP_NAME} is running in browser mode.`);
  console.log(`Data file: ${store.file}`);
  // Also shown in the app until dismissed; said here too for whoever reads the terminal.
  if (store.startupNotice) console.warn(`Notice: ${store.startupNotice.message}`);
  console.log(`Open: ${server.url}`);
  console.log('Press Ctrl+C to stop.');
  prepareOpening(handlers);

  const stop = async () => {
    await server.close();
    evidence.jobs.dispose();
    await switcher.close();
    await store.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

function fail(message: string): never {
  console.error(`${APP_NAME}: ${message}`);
  process.exit(1);
}

void main();
