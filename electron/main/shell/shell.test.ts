import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fake, FakeBrowserWindow, FakeWebContents, resetFake } from './fake-electron';
import { ipcChannel, METHOD_NAMES } from '../../../shared/api/contract';
import { CONTENT_SECURITY_POLICY } from '../../../shared/security/csp';
import { COMMANDS, toAccelerator } from '../../../shared/commands/commands';
import { DATA_FILE_NAME } from '../services/paths';
import { SCHEMA_VERSION } from '../../../shared/domain/schemas';

vi.mock('electron', () => ({ ...fake.electron, default: fake.electron }));

const { startApp } = await import('./app');
const { SECURE_WEB_PREFERENCES } = await import('./window');
const { buildMenuTemplate, pressShortcut } = await import('./menu');

let dataDir: string;
let store: Awaited<ReturnType<typeof startApp>>;
const bundleUrl = pathToFileURL('/opt/factcheck/out/main/index.js').href;
const rendererFile = '/opt/factcheck/out/renderer/index.html';

async function start(argv: string[] = ['--data-dir', dataDir]) {
  store = await startApp({ argv, env: {}, bundleUrl });
  return store;
}

function invoke(method: string, input: unknown, frame: { url: string; parent: unknown } | null = { url: pathToFileURL(rendererFile).href, parent: null }) {
  const handler = fake.ipcHandlers.get(ipcChannel(method as never));
  if (!handler) throw new Error(`no handler for ${method}`);
  return handler({ senderFrame: frame }, input) as Promise<{ ok: boolean; error?: { code: string; message: string }; value?: unknown }>;
}

beforeEach(async () => {
  resetFake();
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'factcheck-shell-'));
  store = undefined;
});

afterEach(async () => {
  await store?.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('Electron shell (with a faked electron module)', () => {
  it('opens one window with the frozen secure preferences, the preload and the built renderer', async () => {
    await start();
    expect(FakeBrowserWindow.instances).toHaveLength(1);
    const window = FakeBrowserWindow.instances[0]!;
    expect(window.options.webPreferences).toEqual({ ...SECURE_WEB_PREFERENCES, preload: '/opt/factcheck/out/preload/index.cjs' });
    expect(window.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false });
    expect(Object.isFrozen(SECURE_WEB_PREFERENCES)).toBe(true);
    expect(window.loaded).toEqual({ file: rendererFile });
  });

  it('registers exactly one IPC handler per contract method', async () => {
    await start();
    expect([...fake.ipcHandlers.keys()].sort()).toEqual(METHOD_NAMES.map(ipcChannel).sort());
  });

  it('answers the app window, validates input, and refuses other senders', async () => {
    await start();
    const ws = await invoke('getWorkspace', {});
    expect(ws.ok).toBe(true);
    expect(await invoke('createArticle', { title: '' , text: 'x' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    for (const frame of [
      { url: 'https://evil.example/', parent: null },
      { url: pathToFileURL('/tmp/other.html').href, parent: null },
      { url: pathToFileURL(rendererFile).href, parent: {} },
      null,
    ]) {
      const reply = await invoke('getWorkspace', {}, frame);
      expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(reply.value).toBeUndefined();
    }
  });

  it('denies navigation, redirects, webviews and new windows; hands only http(s) links to the system browser', async () => {
    await start();
    const contents = new FakeWebContents();
    fake.electron.app.emit('web-contents-created', {}, contents);
    expect(contents.fireCancellable('will-navigate', 'https://evil.example')).toBe(true);
    expect(contents.fireCancellable('will-redirect', 'https://evil.example')).toBe(true);
    expect(contents.fireCancellable('will-attach-webview')).toBe(true);
    for (const url of ['https://source.example/report', 'javascript:alert(1)', 'file:///etc/passwd', 'smb://host/share']) {
      expect(contents.windowOpenHandler?.({ url })).toEqual({ action: 'deny' });
    }
    await Promise.resolve();
    expect(fake.electron.shell.openExternal).toHaveBeenCalledTimes(1);
    expect(fake.electron.shell.openExternal).toHaveBeenCalledWith('https://source.example/report');
  });

  it('denies every permission request and check, and sends the CSP header', async () => {
    await start();
    const callback = vi.fn();
    fake.state.permissionRequestHandler?.({}, 'media', callback);
    expect(callback).toHaveBeenCalledWith(false);
    expect(fake.state.permissionCheckHandler?.({}, 'notifications')).toBe(false);
    const headers = vi.fn();
    fake.state.headersHandler?.({ responseHeaders: {} }, headers);
    expect(headers).toHaveBeenCalledWith({ responseHeaders: { 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });

  it('openExternal over IPC refuses non-web addresses before reaching the shell', async () => {
    await start();
    expect(await invoke('openExternal', { url: 'file:///etc/passwd' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await invoke('openExternal', { url: 'https://a.example/' })).toEqual({ ok: true, value: { opened: true } });
    expect(fake.electron.shell.openExternal).toHaveBeenCalledTimes(1);
  });

  it('saves exports through the native save dialog, and does nothing when cancelled', async () => {
    await start();
    const target = path.join(dataDir, 'report.md');
    fake.electron.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: target });
    expect(await invoke('saveFile', { fileName: 'report.md', mimeType: 'text/markdown', content: '# Report' })).toEqual({ ok: true, value: { saved: true, location: target } });
    expect(await readFile(target, 'utf8')).toBe('# Report');
    const pdf = path.join(dataDir, 'report.pdf');
    fake.electron.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: pdf });
    const bytes = Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0xff]);
    await invoke('saveFile', { fileName: 'report.pdf', mimeType: 'application/pdf', content: bytes.toString('base64'), encoding: 'base64' });
    expect(await readFile(pdf)).toEqual(bytes);
    fake.electron.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: true, filePath: '' });
    expect(await invoke('saveFile', { fileName: 'x.md', mimeType: 'text/markdown', content: 'x' })).toEqual({ ok: true, value: { saved: false, location: null } });
  });

  it('installs an application menu with the standard roles and every shortcut the renderer binds', async () => {
    await start();
    // JSON drops the click handlers, which are new closures on every build.
    expect(JSON.parse(JSON.stringify(fake.state.menuTemplate))).toEqual(JSON.parse(JSON.stringify(buildMenuTemplate(process.platform))));
    const template = buildMenuTemplate('darwin');
    expect(template.map((item) => item.role ?? item.label)).toEqual(['appMenu', 'fileMenu', 'Edit', 'Article', 'Claims', 'View', 'windowMenu', 'help']);
    const items = template.flatMap((menu) => (Array.isArray(menu.submenu) ? menu.submenu : []));
    expect(items.filter((i) => i.role).map((i) => i.role)).toEqual(expect.arrayContaining(['cut', 'copy', 'paste', 'selectAll', 'reload', 'zoomIn']));
    for (const command of COMMANDS.filter((c) => c.keys.length > 0)) {
      const item = items.find((i) => i.id === command.id);
      expect(item, command.id).toMatchObject({ label: command.title, accelerator: toAccelerator(command.keys[0]!), registerAccelerator: false });
    }
  });

  it('a menu command sends its shortcut to the page, with Cmd on macOS and Ctrl elsewhere', () => {
    const sent: unknown[] = [];
    const window = { webContents: { sendInputEvent: (e: unknown) => sent.push(e) } };
    const undo = COMMANDS.find((c) => c.id === 'undo')!;
    pressShortcut(window as never, undo, 'darwin');
    pressShortcut(window as never, undo, 'linux');
    expect(sent).toEqual([
      { type: 'keyDown', keyCode: 'Z', modifiers: ['meta'] },
      { type: 'keyUp', keyCode: 'Z', modifiers: ['meta'] },
      { type: 'keyDown', keyCode: 'Z', modifiers: ['control'] },
      { type: 'keyUp', keyCode: 'Z', modifiers: ['control'] },
    ]);
  });

  it('a second instance quits without opening the data file or a window', async () => {
    fake.state.singleInstance = false;
    expect(await start()).toBeUndefined();
    expect(fake.electron.app.quit).toHaveBeenCalled();
    expect(FakeBrowserWindow.instances).toHaveLength(0);
  });

  it('a damaged data file is set aside unchanged, the app opens, and the renderer is told through getStartupNotice', async () => {
    const file = path.join(dataDir, DATA_FILE_NAME);
    await writeFile(file, 'not json');
    await start();
    expect(fake.electron.app.exit).not.toHaveBeenCalled();
    expect(FakeBrowserWindow.instances).toHaveLength(1);
    const notice = await invoke('getStartupNotice', {});
    expect(notice.error).toBeUndefined();
    const value = notice.value as { damagedFile: string; message: string };
    expect(path.dirname(value.damagedFile)).toBe(dataDir);
    expect(await readFile(value.damagedFile, 'utf8')).toBe('not json');
    expect(value.message).toContain(value.damagedFile);
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ schemaVersion: SCHEMA_VERSION });
  });

  it('a data file from a newer version is reported in a dialog, left untouched, and the app exits', async () => {
    const file = path.join(dataDir, DATA_FILE_NAME);
    const newer = JSON.stringify({ schemaVersion: SCHEMA_VERSION + 1 });
    await writeFile(file, newer);
    expect(await start()).toBeUndefined();
    expect(fake.electron.dialog.showErrorBox).toHaveBeenCalledWith('Fact-check Desk cannot open its data', expect.stringContaining('newer version'));
    expect(fake.electron.app.exit).toHaveBeenCalledWith(1);
    expect(await readFile(file, 'utf8')).toBe(newer);
  });

  it('uses userData when no data folder is given', async () => {
    fake.state.userData = dataDir;
    await start([]);
    expect(store?.file).toBe(path.join(dataDir, DATA_FILE_NAME));
  });
});

describe('renderer CSP', () => {
  it('index.html carries the same policy the shell and server send', async () => {
    const html = await readFile(new URL('../../../renderer/index.html', import.meta.url), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBe(CONTENT_SECURITY_POLICY);
  });
});
