import { METHOD_NAMES, type FactcheckBridge, type MethodName } from './contract';
import type { ApiResult } from './result';

export type Invoke = (method: MethodName, input: unknown) => Promise<ApiResult<unknown>>;

/**
 * Builds `window.factcheck`: one named function per contract method, each forwarding to
 * `invoke` (IPC in the preload, HTTP in browser mode). `overrides` lets browser mode
 * provide host methods in the page itself.
 */
export function createBridge(invoke: Invoke, overrides: Partial<Record<MethodName, Invoke>> = {}, live: FactcheckBridge['onWorkspaceChanges'] = noLiveChanges): FactcheckBridge {
  const bridge: Record<string, unknown> = {};
  for (const method of METHOD_NAMES) {
    const target = overrides[method] ?? invoke;
    bridge[method] = (input: unknown) => target(method, input);
  }
  bridge.onWorkspaceChanges = live;
  return Object.freeze(bridge) as unknown as FactcheckBridge;
}

/** The page's meta tag naming the live change stream's address: a team server's page has it. */
export const LIVE_CHANGES_META = 'factcheck-live-changes';

/** A personal workspace: nobody else changes it. */
export const noLiveChanges: FactcheckBridge['onWorkspaceChanges'] = () => () => undefined;
