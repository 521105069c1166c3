/**
 * The reads every start makes, begun by the preload before the app's scripts run. Kept apart
 * from bridge.ts and free of runtime imports: browser mode's preload imports this first, so
 * the requests leave before the contract's schemas are built (~0.2 s on a slow machine).
 */
import type { MethodName } from './contract';
import type { ApiResult } from './result';

type Invoke = (method: MethodName, input: unknown) => Promise<ApiResult<unknown>>;

/** The claims the first view of a workspace is opened with (openWorkspace's `firstClaims`): many screens of the table. */
export const FIRST_CLAIMS = 1_000;

/** The reads the renderer makes first, exactly as it makes them (see the workspace slice's `load`). */
export const STARTUP_READS: readonly (readonly [MethodName, unknown])[] = [
  ['getAppInfo', {}],
  ['openWorkspace', { firstClaims: FIRST_CLAIMS }],
  ['getStartupNotice', {}],
];

/**
 * Starts `reads` at once, while the renderer's scripts are still being parsed (~0.5-1 s on a
 * slow machine), and hands each answer to the first call of the same method with the same
 * input; every other call goes to `invoke`. At 100,000 claims the server needs ~0.3 s for
 * the opening: it is then ready when the app asks. Only reads are started early, and each
 * is used once, so nothing answered early can be mistaken for a later state.
 */
export function withStartupReads(invoke: Invoke, reads: readonly (readonly [MethodName, unknown])[] = STARTUP_READS): Invoke {
  const early = new Map<MethodName, { input: string; answer: Promise<ApiResult<unknown>> }>();
  for (const [method, input] of reads) early.set(method, { input: JSON.stringify(input), answer: invoke(method, input) });
  return (method, input) => {
    const started = early.get(method);
    if (!started) return invoke(method, input);
    early.delete(method);
    return started.input === JSON.stringify(input) ? started.answer : invoke(method, input);
  };
}
