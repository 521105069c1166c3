import { BrowserWindow, type WebPreferences } from 'electron';

/**
 * The only web preferences a window of this app gets. Frozen so no code path can relax
 * them: the page is isolated from Node and from the preload, and runs sandboxed.
 */
export const SECURE_WEB_PREFERENCES: Readonly<WebPreferences> = Object.freeze({
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  webviewTag: false,
  navigateOnDragDrop: false,
  safeDialogs: true,
  spellcheck: true,
});

export interface WindowTarget {
  /** Absolute path of the built preload (index.cjs). */
  preload: string;
  /** The renderer: a dev-server URL, or the built index.html file. */
  renderer: { url: string } | { file: string };
}

/** The one window factory. */
export function createMainWindow(target: WindowTarget): BrowserWindow {
  const window = new BrowserWindow({
    width: 1400,
    height: 900,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Fact-check Desk',
    backgroundColor: '#f7f6f3',
    webPreferences: { ...SECURE_WEB_PREFERENCES, preload: target.preload },
  });
  window.once('ready-to-show', () => window.show());
  if ('url' in target.renderer) void window.loadURL(target.renderer.url);
  else void window.loadFile(target.renderer.file);
  return window;
}
