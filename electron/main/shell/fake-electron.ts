/**
 * A stand-in for the `electron` module in unit tests (the real binary cannot run here).
 * It records what the shell asks of Electron so tests can check the security settings,
 * the IPC registrations and the event handlers, and fire events at them.
 */
import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

type Listener = (...args: unknown[]) => unknown;

export class FakeWebContents extends EventEmitter {
  /** What the main process sent to the page (channel, arguments). */
  readonly sent: [string, ...unknown[]][] = [];
  send(channel: string, ...args: unknown[]) {
    this.sent.push([channel, ...args]);
  }
  windowOpenHandler: ((details: { url: string }) => { action: string }) | undefined;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.windowOpenHandler = handler;
  }
  /** Fires a cancellable event and reports whether a listener cancelled it. */
  fireCancellable(name: string, ...args: unknown[]): boolean {
    let prevented = false;
    this.emit(name, { preventDefault: () => (prevented = true) }, ...args);
    return prevented;
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static instances: FakeBrowserWindow[] = [];
  static getAllWindows = () => FakeBrowserWindow.instances;
  readonly webContents = new FakeWebContents();
  loaded: { file?: string; url?: string } = {};
  constructor(readonly options: { webPreferences: Record<string, unknown> } & Record<string, unknown>) {
    super();
    FakeBrowserWindow.instances.push(this);
  }
  loadFile(file: string) {
    this.loaded = { file };
    return Promise.resolve();
  }
  loadURL(url: string) {
    this.loaded = { url };
    return Promise.resolve();
  }
  show = vi.fn();
  focus = vi.fn();
  restore = vi.fn();
  isMinimized = () => false;
}

function createFake() {
  const appListeners = new Map<string, Listener[]>();
  const ipcHandlers = new Map<string, Listener>();
  const state = {
    singleInstance: true,
    userData: '/tmp/factcheck-fake-userdata',
    permissionRequestHandler: undefined as Listener | undefined,
    permissionCheckHandler: undefined as Listener | undefined,
    headersHandler: undefined as Listener | undefined,
    menuTemplate: undefined as unknown,
  };
  const electron = {
    app: {
      on: (event: string, fn: Listener) => {
        appListeners.set(event, [...(appListeners.get(event) ?? []), fn]);
      },
      emit: (event: string, ...args: unknown[]) => (appListeners.get(event) ?? []).forEach((fn) => fn(...args)),
      whenReady: () => Promise.resolve(),
      requestSingleInstanceLock: () => state.singleInstance,
      quit: vi.fn(),
      exit: vi.fn(),
      setName: vi.fn(),
      getVersion: () => '0.0.0-test',
      getPath: (name: string) => (name === 'userData' ? state.userData : `/tmp/${name}`),
      isPackaged: false,
    },
    BrowserWindow: FakeBrowserWindow,
    ipcMain: {
      handle: (channel: string, fn: Listener) => {
        if (ipcHandlers.has(channel)) throw new Error(`second handler for ${channel}`);
        ipcHandlers.set(channel, fn);
      },
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (fn: Listener) => (state.permissionRequestHandler = fn),
        setPermissionCheckHandler: (fn: Listener) => (state.permissionCheckHandler = fn),
        webRequest: { onHeadersReceived: (fn: Listener) => (state.headersHandler = fn) },
      },
    },
    shell: { openExternal: vi.fn(() => Promise.resolve()) },
    dialog: { showSaveDialog: vi.fn(), showErrorBox: vi.fn() },
    Menu: {
      buildFromTemplate: (template: unknown) => ({ template }),
      setApplicationMenu: (menu: { template: unknown }) => (state.menuTemplate = menu.template),
    },
  };
  return { electron, appListeners, ipcHandlers, state };
}

export const fake = createFake();

/** Forgets everything recorded, between tests. */
export function resetFake(): void {
  const fresh = createFake();
  fake.appListeners.clear();
  fake.ipcHandlers.clear();
  Object.assign(fake.state, fresh.state);
  FakeBrowserWindow.instances = [];
  vi.clearAllMocks();
}
