/**
 * Electron's security checklist (https://www.electronjs.org/docs/latest/tutorial/security),
 * item by item, against the shell as it starts with the faked electron module: each test
 * names the item it proves. (shell.test.ts covers the shell's behaviour at large; this
 * file is the checklist, every item explicit.)
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fake, FakeBrowserWindow, FakeWebContents, resetFake } from './fake-electron';
import { ipcChannel, METHOD_NAMES } from '../../../shared/api/contract';
import { CONTENT_SECURITY_POLICY } from '../../../shared/security/csp';

vi.mock('electron', () => ({ ...fake.electron, default: fake.electron }));

const { startApp } = await import('./app');
const { SECURE_WEB_PREFERENCES } = await import('./window');
const { isWebUrl } = await import('./security');

const rendererFile = '/opt/factcheck/out/renderer/index.html';
const appFrame = { url: pathToFileURL(rendererFile).href, parent: null };
let dataDir: string;
let store: Awaited<ReturnType<typeof startApp>>;

type Reply = { ok: boolean; error?: { code: string; message: string }; value?: unknown };
/** Calls a registered IPC handler as Electron would, from `event` (the app's own page unless given). */
function invoke(method: string, input: unknown, event: { senderFrame?: unknown } = { senderFrame: appFrame }): Promise<Reply> {
  const handler = fake.ipcHandlers.get(ipcChannel(method as never));
  if (!handler) throw new Error(`no IPC handler for ${method}`);
  return handler(event, input) as Promise<Reply>;
}

beforeEach(async () => {
  resetFake();
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'factcheck-checklist-'));
  store = await startApp({ argv: ['--data-dir', dataDir], env: {}, bundleUrl: pathToFileURL('/opt/factcheck/out/main/index.js').href });
});

afterEach(async () => {
  await store?.close();
  await rm(dataDir, { recursive: true, force: true });
});

const windowPreferences = () => {
  expect(FakeBrowserWindow.instances.length).toBeGreaterThan(0);
  return FakeBrowserWindow.instances.map((w) => w.options.webPreferences);
};

describe('Electron security checklist', () => {
  it('context isolation is on for every window (and the preferences cannot be changed at run time)', () => {
    for (const preferences of windowPreferences()) expect(preferences.contextIsolation).toBe(true);
    expect(Object.isFrozen(SECURE_WEB_PREFERENCES)).toBe(true);
    expect(() => Object.assign(SECURE_WEB_PREFERENCES, { contextIsolation: false })).toThrow(TypeError);
  });

  it('the renderer is sandboxed', () => {
    for (const preferences of windowPreferences()) expect(preferences.sandbox).toBe(true);
  });

  it('Node integration is off: in the page, in workers and in subframes; no webview tag', () => {
    for (const preferences of windowPreferences()) {
      expect(preferences).toMatchObject({ nodeIntegration: false, nodeIntegrationInWorker: false, nodeIntegrationInSubFrames: false, webviewTag: false });
    }
  });

  it('web security is on: no insecure content, no experimental features', () => {
    for (const preferences of windowPreferences()) {
      expect(preferences).toMatchObject({ webSecurity: true, allowRunningInsecureContent: false, experimentalFeatures: false });
    }
  });

  it('a Content-Security-Policy is sent with every response and carried by index.html: no inline or remote script, no plugins, frames, forms or base', async () => {
    const send = vi.fn();
    fake.state.headersHandler?.({ url: 'file:///opt/factcheck/out/renderer/index.html', responseHeaders: { 'Content-Type': ['text/html'] } }, send);
    expect(send).toHaveBeenCalledWith({ responseHeaders: { 'Content-Type': ['text/html'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
    const directives = new Map(CONTENT_SECURITY_POLICY.split('; ').map((d) => [d.split(' ')[0]!, d.split(' ').slice(1).join(' ')]));
    expect(directives.get('default-src')).toBe("'none'");
    expect(directives.get('script-src')).toBe("'self'");
    for (const name of ['object-src', 'frame-src', 'base-uri', 'form-action']) expect(directives.get(name), name).toBe("'none'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|\*|https?:/);
    const html = await readFile(new URL('../../../renderer/index.html', import.meta.url), 'utf8');
    expect(/http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1]).toBe(CONTENT_SECURITY_POLICY);
  });

  it('every permission request and permission check is denied', () => {
    const permissions = ['media', 'geolocation', 'notifications', 'midi', 'midiSysex', 'pointerLock', 'fullscreen', 'openExternal', 'clipboard-read', 'clipboard-sanitized-write', 'display-capture', 'hid', 'serial', 'usb', 'idle-detection', 'unknown'];
    for (const permission of permissions) {
      const callback = vi.fn();
      fake.state.permissionRequestHandler?.({}, permission, callback, { requestingUrl: appFrame.url });
      expect(callback, permission).toHaveBeenCalledExactlyOnceWith(false);
      expect(fake.state.permissionCheckHandler?.({}, permission, appFrame.url, {}), permission).toBe(false);
    }
  });

  it('navigation (will-navigate, redirects, webviews) is denied in every web contents', () => {
    const contents = new FakeWebContents();
    fake.electron.app.emit('web-contents-created', {}, contents);
    for (const url of ['https://evil.example/', 'file:///etc/passwd', 'javascript:alert(1)', appFrame.url]) {
      expect(contents.fireCancellable('will-navigate', url), url).toBe(true);
      expect(contents.fireCancellable('will-redirect', url), url).toBe(true);
    }
    expect(contents.fireCancellable('will-attach-webview', {}, { src: 'https://evil.example/' })).toBe(true);
  });

  it('window.open (and target=_blank) never opens a window in the app', async () => {
    const contents = new FakeWebContents();
    fake.electron.app.emit('web-contents-created', {}, contents);
    expect(contents.windowOpenHandler).toBeTypeOf('function');
    for (const url of ['https://source.example/report', 'about:blank', 'javascript:alert(1)', 'file:///etc/passwd', '']) {
      expect(contents.windowOpenHandler?.({ url }), url).toEqual({ action: 'deny' });
    }
    expect(FakeBrowserWindow.instances).toHaveLength(1);
  });

  it('openExternal is used only for http(s) addresses: from window.open, from IPC, and in isWebUrl', async () => {
    const contents = new FakeWebContents();
    fake.electron.app.emit('web-contents-created', {}, contents);
    const refused = ['javascript:alert(1)', 'file:///etc/passwd', 'smb://host/share', 'data:text/html,x', 'vbscript:x', 'ms-msdt:/id', 'mailto:a@b.example', 'HTTPS:', 'not a url'];
    for (const url of refused) {
      contents.windowOpenHandler?.({ url });
      expect(await invoke('openExternal', { url }), url).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
      expect(isWebUrl(url), url).toBe(false);
    }
    await vi.waitFor(() => expect(fake.electron.shell.openExternal).not.toHaveBeenCalled());
    contents.windowOpenHandler?.({ url: 'https://source.example/a' });
    expect(await invoke('openExternal', { url: 'http://source.example/b' })).toEqual({ ok: true, value: { opened: true } });
    await vi.waitFor(() => expect(fake.electron.shell.openExternal.mock.calls).toEqual([['https://source.example/a'], ['http://source.example/b']]));
  });

  it('every IPC handler checks its sender: other pages, subframes and unknown frames are refused before anything runs', async () => {
    expect([...fake.ipcHandlers.keys()].sort()).toEqual(METHOD_NAMES.map(ipcChannel).sort());
    const file = await readFile(store!.file);
    const untrusted = [
      { senderFrame: { url: 'https://evil.example/', parent: null } },
      { senderFrame: { url: pathToFileURL('/tmp/other.html').href, parent: null } },
      { senderFrame: { url: `${pathToFileURL(rendererFile).href}/../../../tmp/evil.html`, parent: null } },
      { senderFrame: { ...appFrame, parent: {} } },
      { senderFrame: { url: 'not a url', parent: null } },
      // A frame that is gone (Electron gives null) or an event without one.
      { senderFrame: null },
      {},
    ];
    for (const method of METHOD_NAMES) {
      for (const event of untrusted) {
        const reply = await invoke(method, {}, event);
        expect(reply, `${method} from ${JSON.stringify(event)}`).toEqual({ ok: false, error: { code: 'forbidden', message: `Refused ${method}: the request did not come from the Fact-check Desk window.` } });
      }
    }
    // Nothing ran: no dialog, no browser, no write.
    expect(fake.electron.dialog.showSaveDialog).not.toHaveBeenCalled();
    expect(fake.electron.shell.openExternal).not.toHaveBeenCalled();
    expect(await readFile(store!.file)).toEqual(file);
    // The app's own page is answered.
    expect(await invoke('getAppInfo', {})).toMatchObject({ ok: true, value: { mode: 'electron' } });
  });
});
