/**
 * The sandboxed preload: exposes `window.factcheck`, one named function per contract
 * method, each invoking that method's own IPC channel. `ipcRenderer` itself never leaves
 * this file.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { createBridge } from '../../shared/api/bridge';
import { withStartupReads } from '../../shared/api/startup-reads';
import { ipcChannel } from '../../shared/api/contract';

contextBridge.exposeInMainWorld(
  'factcheck',
  createBridge(withStartupReads((method, input) => ipcRenderer.invoke(ipcChannel(method), input))),
);
