import { fileURLToPath, pathToFileURL } from 'node:url';
import { app, BrowserWindow, dialog } from 'electron';
import { APP_NAME, resolveDataDir } from '../services/paths';
import { openFailure, LowdbWorkspaceStore } from '../services/store';
import type { WorkspaceStore } from '../services/store-interface';
import { createServiceHandlers } from '../services/handlers/index';
import { WorkspaceSwitcher } from '../team/replica/switcher';
import { LIVE_EVENTS_CHANNEL } from '../../../shared/api/contract';
import { prepareOpening } from '../services/handlers/opening';
import { createHostHandlers } from './host-handlers';
import { evidenceHost, openArchiveSettings } from '../services/evidence/evidence-host';
import { evidenceJobHandlers } from '../services/handlers/evidence-jobs';
import { createSenderCheck, registerIpc } from './ipc';
import { hardenApp } from './security';
import { installMenu } from './menu';
import { createMainWindow, type WindowTarget } from './window';

export interface ShellOptions {
  argv: readonly string[];
  env: NodeJS.ProcessEnv;
  /** Folder of the built bundles (out/main); preload and renderer sit beside it. */
  bundleUrl: string;
}

/** Where the window loads from: electron-vite's dev server while developing, else the built files. */
export function windowTarget(options: ShellOptions): WindowTarget {
  const preload = fileURLToPath(new URL('../preload/index.cjs', options.bundleUrl));
  const devUrl = options.env.ELECTRON_RENDERER_URL;
  if (devUrl && !app.isPackaged) return { preload, renderer: { url: devUrl } };
  return { preload, renderer: { file: fileURLToPath(new URL('../renderer/index.html', options.bundleUrl)) } };
}

function rendererUrl(target: WindowTarget): string {
  return 'url' in target.renderer ? target.renderer.url : pathToFileURL(target.renderer.file).href;
}

/**
 * Starts the desktop app: one instance, hardened defaults, the store, IPC, the window.
 * Resolves with the store once the window exists (undefined when this instance quits).
 */
export async function startApp(options: ShellOptions): Promise<WorkspaceStore | undefined> {
  app.setName(APP_NAME);
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return undefined;
  }
  hardenApp();
  await app.whenReady();
  installMenu();

  const dataDir = resolveDataDir(options.argv, options.env, () => app.getPath('userData'));
  let store: WorkspaceStore;
  try {
    store = await LowdbWorkspaceStore.open(dataDir, { kind: 'desktop' });
  } catch (error) {
    const { title, message } = openFailure(error);
    dialog.showErrorBox(title, message);
    app.exit(1);
    return undefined;
  }

  const target = windowTarget(options);
  let mainWindow: BrowserWindow | null = null;
  const personal = createServiceHandlers(store, { name: APP_NAME, version: app.getVersion(), mode: 'electron' });
  // The personal workspace, or the copy of a team workspace joined on this machine (open last time).
  const switcher = await WorkspaceSwitcher.open(dataDir, personal, { name: APP_NAME, version: app.getVersion() });
  switcher.subscribe((event) => mainWindow?.webContents.send(LIVE_EVENTS_CHANNEL, event));
  // Archive, copy and link-check jobs run here, over whichever workspace is open, with this machine's archive settings.
  const evidence = evidenceHost(() => switcher.handlers, await openArchiveSettings(dataDir));
  const handlers = {
    ...switcher.handlers,
    ...evidenceJobHandlers(evidence),
    ...createHostHandlers(() => mainWindow),
  };
  registerIpc(handlers, createSenderCheck(rendererUrl(target)), (method, error) => console.error(`[${method}]`, error));
  prepareOpening(handlers);

  const openWindow = () => {
    mainWindow = createMainWindow(target);
    mainWindow.on('closed', () => {
      mainWindow = null;
    });
  };
  openWindow();

  app.on('second-instance', () => {
    if (!mainWindow) return openWindow();
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  let closing = false;
  app.on('before-quit', (event) => {
    if (closing) return;
    // Let the last write finish before the process goes away.
    event.preventDefault();
    closing = true;
    evidence.jobs.dispose();
    void switcher
      .close()
      .then(() => store.close())
      .finally(() => app.quit());
  });
  return store;
}
