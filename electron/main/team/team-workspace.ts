/**
 * The team server's workspace: the PostgreSQL store, the contract's service handlers over
 * it (the same modules the desktop app runs), every call as the logged-in person, and the
 * live change stream at GET /events, which also tells who has which claim open (presence:
 * what each person last said with setPresence, while their stream is open).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { createServiceHandlers } from '../services/handlers/index';
import { ApiError, failure } from '../../../shared/api/result';
import { sendJson } from '../services/http-common';
import { requestedSince, streamChanges, type StreamOptions } from './live/change-stream';
import { PostgresWorkspaceStore, type PgStoreOptions } from './pg-store';
import { currentActor } from './actor';
import { PresenceRegistry, type PresenceOptions } from './live/presence';
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
  options: PgStoreOptions & { web?: WebAppFiles | null; stream?: StreamOptions; presence?: PresenceOptions } = {},
): Promise<TeamWorkspace & { store: PostgresWorkspaceStore; presence: PresenceRegistry }> {
  const { web: files = null, stream: streamOptions = {}, presence: presenceOptions = {}, ...storeOptions } = options;
  const web = files && existsSync(files.rendererDir) && existsSync(files.bridgeFile) ? await loadWebApp(files, { liveChanges: `${EVENTS_PATH}?since=now` }) : null;
  const store = await PostgresWorkspaceStore.open(databaseUrl, storeOptions);
  const presence = new PresenceRegistry(presenceOptions);
  return {
    store,
    presence,
    web,
    handlers: {
      ...createServiceHandlers(store, { ...info, mode: 'team' }),
      // The caller is the person the request runs as (runAs). A call names no window: it is the person's claim.
      setPresence: async ({ claimId }) => {
        const person = currentActor();
        if (!person) throw new ApiError('unauthorized', 'Log in to tell the team which claim you have open.');
        return { people: presence.set(person, claimId) };
      },
    },
    runAs: (person, call) => store.runAs(person.name, call),
    latestSeq: () => store.latestSeq,
    routes: {
      [EVENTS_PATH]: (req, res, person, stillValid) => {
        if (req.method !== 'GET') return sendJson(res, 405, failure('invalid_input', `Use GET ${EVENTS_PATH} (Server-Sent Events).`));
        const url = new URL(req.url ?? '/', 'http://team');
        // The app asks from now: it loads the workspace after it starts listening.
        const fromNow = url.searchParams.get('since') === 'now' && req.headers['last-event-id'] === undefined;
        const since = fromNow ? store.latestSeq : requestedSince(req, url);
        if (since === null) return sendJson(res, 400, failure('invalid_input', 'Ask for the changes after a change number: ?since=N or Last-Event-ID: N.'));
        // A person disabled (or logged out) while listening stops getting changes within a heartbeat.
        // Present while the stream is open: it closes the channel when it ends.
        streamChanges(req, res, store, since, { stillAllowed: stillValid, ...streamOptions, presence: presence.connect(person.name) });
      },
    },
    close: () => {
      presence.close();
      return store.close();
    },
  };
}
