/**
 * The team server's workspace: the PostgreSQL store, the contract's service handlers over
 * it (the same modules the desktop app runs), every call as the logged-in person, and the
 * live change stream at GET /events.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { createServiceHandlers } from '../services/handlers/index';
import { failure } from '../../../shared/api/result';
import { sendJson } from '../services/http-common';
import { requestedSince, streamChanges, type StreamOptions } from './live/change-stream';
import { PostgresWorkspaceStore, type PgStoreOptions } from './pg-store';
import { loadWebApp, type WebAppFiles } from '../services/web-app';
import type { TeamWorkspace } from './cli';
import { EVENTS_PATH } from './protocol';

export { EVENTS_PATH } from './protocol';

/** The built app (`npm run build`): out/renderer and the browser bridge. */
export function builtWebApp(root: string): WebAppFiles {
  return { rendererDir: path.join(root, 'out/renderer'), bridgeFile: path.join(root, 'out/preload/browser.cjs') };
}

/** The workspace at `databaseUrl`; `web`: the built app to serve to browsers (null serves the API only, as when it is not built). */
export async function openTeamWorkspace(
  databaseUrl: string,
  info: { name: string; version: string },
  options: PgStoreOptions & { web?: WebAppFiles | null; stream?: StreamOptions } = {},
): Promise<TeamWorkspace & { store: PostgresWorkspaceStore }> {
  const { web: files = null, stream: streamOptions = {}, ...storeOptions } = options;
  const web = files && existsSync(files.rendererDir) && existsSync(files.bridgeFile) ? await loadWebApp(files, { liveChanges: `${EVENTS_PATH}?since=now` }) : null;
  const store = await PostgresWorkspaceStore.open(databaseUrl, storeOptions);
  return {
    store,
    web,
    handlers: createServiceHandlers(store, { ...info, mode: 'team' }),
    runAs: (person, call) => store.runAs(person.name, call),
    latestSeq: () => store.latestSeq,
    routes: {
      [EVENTS_PATH]: (req, res, _person, stillValid) => {
        if (req.method !== 'GET') return sendJson(res, 405, failure('invalid_input', `Use GET ${EVENTS_PATH} (Server-Sent Events).`));
        const url = new URL(req.url ?? '/', 'http://team');
        // The app asks from now: it loads the workspace after it starts listening.
        const fromNow = url.searchParams.get('since') === 'now' && req.headers['last-event-id'] === undefined;
        const since = fromNow ? store.latestSeq : requestedSince(req, url);
        if (since === null) return sendJson(res, 400, failure('invalid_input', 'Ask for the changes after a change number: ?since=N or Last-Event-ID: N.'));
        // A person disabled (or logged out) while listening stops getting changes within a heartbeat.
        streamChanges(req, res, store, since, { stillAllowed: stillValid, ...streamOptions });
      },
    },
    close: () => store.close(),
  };
}
