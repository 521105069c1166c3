/** Helpers of the team store's tests: a store on a test database, and the service API over it, as a person. */
import { dispatch } from '../../../shared/api/dispatch';
import type { MethodName, Output } from '../../../shared/api/contract';
import type { ApiResult } from '../../../shared/api/result';
import { createServiceHandlers } from '../services/handlers/index';
import type { Call } from '../services/test-helpers';
import { PostgresWorkspaceStore, type PgStoreOptions } from './pg-store';

/** The service API over the store, called as HTTP does (dispatch, untyped input), as `actor` (none: outside runAs). */
export function teamCaller(store: PostgresWorkspaceStore, actor?: string): Call {
  const handlers = createServiceHandlers(store, { name: 'Fact-check Desk', version: '0.0.0', mode: 'browser' });
  const call = <M extends MethodName>(m: M, input: unknown) => dispatch(handlers, m, input) as Promise<ApiResult<Output<M>>>;
  return <M extends MethodName>(m: M, input: unknown) => (actor === undefined ? call(m, input) : store.runAs(actor, () => call(m, input)));
}

/** Opens a store on `url` for `run`, closed afterwards. */
export async function withTeamStore(url: string, run: (store: PostgresWorkspaceStore) => Promise<void>, options: PgStoreOptions = {}): Promise<void> {
  const store = await PostgresWorkspaceStore.open(url, options);
  try {
    await run(store);
  } finally {
    await store.close();
  }
}
