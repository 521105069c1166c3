/**
 * The team server's workspace: the PostgreSQL store, the contract's service handlers over
 * it (the same modules the desktop app runs), every call as the logged-in person, and the
 * live change stream at GET /events.
 */
import { createServiceHandlers } from '../services/handlers/index';
import { failure } from '../../../shared/api/result';
import { sendJson } from '../services/http-common';
import { requestedSince, streamChanges } from './live/change-stream';
import { PostgresWorkspaceStore, type PgStoreOptions } from './pg-store';
import type { TeamWorkspace } from './cli';

export const EVENTS_PATH = '/events';

export async function openTeamWorkspace(databaseUrl: string, info: { name: string; version: string }, options?: PgStoreOptions): Promise<TeamWorkspace & { store: PostgresWorkspaceStore }> {
  const store = await PostgresWorkspaceStore.open(databaseUrl, options);
  return {
    store,
    handlers: createServiceHandlers(store, { ...info, mode: 'browser' }),
    runAs: (person, call) => store.runAs(person.name, call),
    routes: {
      [EVENTS_PATH]: (req, res) => {
        if (req.method !== 'GET') return sendJson(res, 405, failure('invalid_input', `Use GET ${EVENTS_PATH} (Server-Sent Events).`));
        const since = requestedSince(req, new URL(req.url ?? '/', 'http://team'));
        if (since === null) return sendJson(res, 400, failure('invalid_input', 'Ask for the changes after a change number: ?since=N or Last-Event-ID: N.'));
        streamChanges(req, res, store, since);
      },
    },
    close: () => store.close(),
  };
}
