/**
 * Browser mode's preload: served by the local server as a classic script that runs
 * before the renderer, it provides the same `window.factcheck` as the Electron preload.
 * Service methods go to the server over HTTP (server-call.ts); host methods are done in
 * the page: a download instead of a save dialog, a new browser tab instead of the system
 * browser.
 */
// First: the startup reads leave before anything heavier is evaluated.
import { callServer } from './server-call';
// Then, before any schema is made (see there).
import '../../shared/zod-jitless';
import { createBridge, type Invoke } from '../../shared/api/bridge';
import type { Handlers, HostMethod } from '../../shared/api/contract';
import { dispatch } from '../../shared/api/dispatch';
import { safeFileName } from '../../shared/security/file-name';
import { followLiveChanges } from './live-changes';

const hostHandlers: Handlers<HostMethod> = {
  async saveFile({ fileName, mimeType, content, encoding }) {
    // Binary exports (PDF, DOCX) arrive as base64.
    const body = encoding === 'base64' ? Uint8Array.from(atob(content), (c) => c.charCodeAt(0)) : content;
    const url = URL.createObjectURL(new Blob([body], { type: mimeType }));
    const link = document.createElement('a');
    link.href = url;
    link.download = safeFileName(fileName);
    link.rel = 'noopener';
    document.body.append(link);
    link.click();
    link.remove();
    // Revoke later: the download starts asynchronously and needs the URL until then.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    return { saved: true, location: null };
  },
  async openExternal({ url }) {
    // With noopener the browser returns null even when the tab opened, so there is nothing to check.
    window.open(url, '_blank', 'noopener,noreferrer');
    return { opened: true };
  },
};

const callHost: Invoke = (method, input) => dispatch(hostHandlers, method, input);

Object.defineProperty(window, 'factcheck', {
  value: createBridge(callServer, { saveFile: callHost, openExternal: callHost }, followLiveChanges()),
  enumerable: true,
});
