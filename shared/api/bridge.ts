import { METHOD_NAMES, type FactcheckBridge, type MethodName } from './contract';
import type { ApiResult } from './result';

export type Invoke = (method: MethodName, input: unknown) => Promise<ApiResult<unknown>>;

/**
 * Builds `window.factcheck`: one named function per contract method, each forwarding to
 * `invoke` (IPC in the preload, HTTP in browser mode). `overrides` lets browser mode
 * provide host methods in the page itself.
 */
export function createBridge(invoke: Invoke, overrides: Partial<Record<MethodName, Invoke>> = {}): FactcheckBridge {
  const bridge: Record<string, (input: unknown) => Promise<ApiResult<unknown>>> = {};
  for (const method of METHOD_NAMES) {
    const target = overrides[method] ?? invoke;
    bridge[method] = (input: unknown) => target(method, input);
  }
  return Object.freeze(bridge) as unknown as FactcheckBridge;
}
