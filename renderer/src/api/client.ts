/**
 * The renderer's typed client: one async function per contract method, derived from the
 * contract's METHOD_NAMES so a new method appears here without editing this file. Results
 * travel as data over IPC/HTTP; here an `ok:false` result becomes a thrown ClientError so
 * callers can use ordinary try/await and never forget to look at `ok`.
 */
import { METHOD_NAMES, type FactcheckBridge, type Input, type MethodName, type Output } from '../../../shared/api/contract';
import type { ApiErrorCode, ApiIssue, ApiResult } from '../../../shared/api/result';

export type Client = { [M in MethodName]: (input: Input<M>) => Promise<Output<M>> } & Pick<FactcheckBridge, 'onWorkspaceChanges'>;

export class ClientError extends Error {
  readonly method: MethodName;
  readonly code: ApiErrorCode;
  readonly issues: readonly ApiIssue[];

  constructor(method: MethodName, code: ApiErrorCode, message: string, issues: readonly ApiIssue[] = []) {
    super(message);
    this.name = 'ClientError';
    this.method = method;
    this.code = code;
    this.issues = issues;
  }

  /** The message of the first issue at `path` (e.g. "source.url"), for showing next to a field. */
  issueAt(path: string): string | undefined {
    return this.issues.find((issue) => issue.path === path)?.message;
  }
}

type UntypedCall = (input: unknown) => Promise<ApiResult<unknown>>;

export function createClient(bridge: FactcheckBridge): Client {
  const client: Partial<Record<MethodName, (input: unknown) => Promise<unknown>>> = {};
  for (const method of METHOD_NAMES) {
    // Each bridge function is typed for its own method; inside this generic loop they share one shape.
    const call = bridge[method] as UntypedCall;
    client[method] = async (input: unknown) => {
      let result: ApiResult<unknown>;
      try {
        result = await call(input);
      } catch (error) {
        // The bridge itself failed (IPC channel closed, page reloaded): still an error the editor must see.
        const reason = errorMessage(error);
        throw new ClientError(method, 'internal', `The app did not answer (${method}): ${reason}`);
      }
      if (!result.ok) throw new ClientError(method, result.error.code, result.error.message, result.error.issues);
      return result.value;
    };
  }
  return Object.assign(client, { onWorkspaceChanges: bridge.onWorkspaceChanges }) as Client;
}

/** Turns anything thrown into a message an editor can read. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
