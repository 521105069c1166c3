/**
 * Browser mode's way to the services (and a team server's, which serves the same page): one
 * POST per call, authorised by the session cookie the server set. No runtime import but result.ts, so the preload can start the startup reads
 * before anything heavier is evaluated (see browser.ts).
 */
import type { Invoke } from '../../shared/api/bridge';
import { failure, type ApiResult } from '../../shared/api/result';
import { withStartupReads } from '../../shared/api/startup-reads';

const post: Invoke = async (method, input) => {
  let response: Response;
  try {
    response = await fetch(`/api/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      credentials: 'same-origin',
      body: JSON.stringify(input === undefined ? null : input),
    });
  } catch {
    return failure('internal', 'Cannot reach the Fact-check Desk server. Is `npm run serve` still running?');
  }
  let result: ApiResult<unknown> | null;
  try {
    result = (await response.json()) as ApiResult<unknown>;
  } catch {
    result = null;
  }
  if (result && !result.ok && result.error.code === 'unauthorized') {
    // A team server: the session ended (expired, logged out, disabled). Its login page brings the person back.
    window.location.assign('/login');
    return failure('unauthorized', 'Your session has ended: log in again.');
  }
  // A team server's refusals (403: only admins may…) come as results with their reason.
  if (result) return result;
  if (response.status === 401 || response.status === 403) {
    return failure('forbidden', 'This browser session is not authorised. Open the address printed by `npm run serve` again.');
  }
  return failure('internal', `The server answered ${response.status} ${response.statusText} without a result.`);
};

/** Calls the server; the first view's reads are already on their way when this module has run. */
export const callServer: Invoke = withStartupReads(post);
