/** What the team server and its clients agree on beyond the contract: a few paths and headers. */

/** The header that carries the number of the last change applied when an API call was answered. */
export const TEAM_SEQ_HEADER = 'x-team-seq';
/** POST `{ label }` with a login session: a personal access token for the app that joins the team. */
export const TOKENS_PATH = '/auth/tokens';
/** GET, Server-Sent Events: the live change stream (`?since=N`). */
export const EVENTS_PATH = '/events';
