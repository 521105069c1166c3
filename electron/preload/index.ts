/**
 * The sandboxed preload: exposes `window.factcheck`, one named function per contract
 * method, each invoking that method's own IPC channel. `ipcRenderer` itself never leaves
 * this file.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { createBridge } from '../../shared/api/bridge';
import { withStartupReads } from '../../shared/api/startup-reads';
import { ipcChannel, LIVE_EVENTS_CHANNEL, type FactcheckBridge, type LiveEvent } from '../../shared/api/contract';

/** The open workspace's live events from the main process; kept until the app listens, so none is missed before its first load. */
function followLiveEvents(): FactcheckBridge['onWorkspaceChanges'] {
  const waiting: LiveEvent[] = [];
  const listeners = new Set<(event: LiveEvent) => void>();
  ipcRenderer.on(LIVE_EVENTS_CHANNEL, (_event, live: LiveEvent) => {
    if (listeners.size === 0) waiting.push(live);
    else listeners.forEach((listener) => listener(live));
  });
  return (listener) => {
    listeners.add(listener);
    waiting.splice(0).forEach(listener);
    return () => listeners.delete(listener);
  };
}

contextBridge.exposeInMainWorld(
  'factcheck',
  createBridge(
    withStartupReads((method, input) => ipcRenderer.invoke(ipcChannel(method), input)),
    {},
    followLiveEvents(),
  ),
);
