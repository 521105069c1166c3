/**
 * A real `window.factcheck` for renderer tests: the contract's own dispatcher over the
 * real service handlers and a real lowdb file in a temp folder. Host methods record what
 * they were asked to do instead of opening dialogs or browsers.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createBridge } from '../../shared/api/bridge';
import type { FactcheckBridge, Handlers, HostMethod, ParsedInput } from '../../shared/api/contract';
import { dispatch } from '../../shared/api/dispatch';
import { createServiceHandlers } from '../../electron/main/services/handlers/index';
import { LowdbWorkspaceStore } from '../../electron/main/services/store';

export interface TestBridge {
  bridge: FactcheckBridge;
  store: LowdbWorkspaceStore;
  saved: ParsedInput<'saveFile'>[];
  opened: string[];
  dispose(): Promise<void>;
}

/** `prepare` runs on the empty data folder before the store opens it (e.g. to leave a damaged file there). */
export async function createTestBridge(prepare?: (dataDir: string) => Promise<void>): Promise<TestBridge> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'factcheck-renderer-'));
  await prepare?.(dir);
  const store = await LowdbWorkspaceStore.open(dir);
  const saved: ParsedInput<'saveFile'>[] = [];
  const opened: string[] = [];
  const host: Handlers<HostMethod> = {
    async saveFile(input) {
      saved.push(input);
      return { saved: true, location: `/downloads/${input.fileName}` };
    },
    async openExternal({ url }) {
      opened.push(url);
      return { opened: true };
    },
  };
  const handlers = { ...createServiceHandlers(store, { name: 'Fact-check Desk', version: 'test', mode: 'browser' }), ...host };
  // structuredClone mimics IPC: the renderer never shares objects with the store.
  const bridge = createBridge((method, input) => dispatch(handlers, method, structuredClone(input)).then((result) => structuredClone(result)));
  return {
    bridge,
    store,
    saved,
    opened,
    async dispose() {
      await store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
