/**
 * Opening a large workspace in parts (see openWorkspace in the contract): the first view
 * arrives at once, the rest is fetched here in the background, then merged in one update.
 * One update, not one per part: each new claims array makes the table filter and sort
 * every claim again (~100 ms at 100,000 claims), and the editor would see counts creep up.
 */
import type { Client } from '../api/client';
import type { WorkspaceOpening, WorkspacePage, WorkspacePart } from '../../../shared/api/contract';
import type { Workspace } from '../../../shared/domain/schemas';

/** The claims the first view is sent with: many screens of the table (a screen shows ~25); the preload asks for them before the app runs. */
import { FIRST_CLAIMS } from '../../../shared/api/startup-reads';
export { FIRST_CLAIMS };

/**
 * Items per request: each answer is 2-5 MB (an article's text is up to 20 kB, a claim ~1 kB),
 * so parsing one blocks the page for tens of ms, not hundreds (a keystroke waits for it).
 */
export const PART_SIZES: Readonly<Record<WorkspacePart, number>> = { sources: 10_000, claims: 5_000, articles: 150 };

/** Requests in flight at once: the server writes the next answer while the page parses this one. */
const IN_FLIGHT = 2;

/** Sources first (the claim pane names a claim's sources), then claims (counts, filters), then article texts. */
const PART_ORDER: readonly WorkspacePart[] = ['sources', 'claims', 'articles'];

export interface LoadOptions {
  firstClaims?: number;
  partSizes?: Readonly<Record<WorkspacePart, number>>;
}

export interface LoadProgress {
  /** Items (articles, claims, sources) fetched so far, of `total`. */
  loaded: number;
  total: number;
}

export interface PartRequest {
  part: WorkspacePart;
  offset: number;
  limit: number;
}

/** Every request needed for the whole workspace, in the order they are made. */
export function partRequests(totals: WorkspaceOpening['totals'], sizes = PART_SIZES): PartRequest[] {
  const requests: PartRequest[] = [];
  for (const part of PART_ORDER) {
    for (let offset = 0; offset < totals[part]; offset += sizes[part]) requests.push({ part, offset, limit: sizes[part] });
  }
  return requests;
}

export const totalItems = (totals: WorkspaceOpening['totals']) => totals.articles + totals.claims + totals.sources;

/**
 * Fetches the parts, two at a time (more would only compete for the same server and main
 * thread), and adds them up in request order, telling `onProgress` after each.
 */
export async function fetchRest(
  client: Pick<Client, 'getWorkspacePart'>,
  totals: WorkspaceOpening['totals'],
  onProgress: (progress: LoadProgress) => void,
  sizes = PART_SIZES,
): Promise<WorkspacePage> {
  const rest: WorkspacePage = { articles: [], claims: [], sources: [] };
  const total = totalItems(totals);
  let loaded = 0;
  const requests = partRequests(totals, sizes);
  const pages: Promise<WorkspacePage>[] = [];
  const ask = (i: number) => {
    const request = requests[i];
    if (!request) return;
    pages[i] = client.getWorkspacePart(request);
    // Awaited in turn below; a failure of one asked ahead is reported when its turn comes (or not at all, after an earlier failure).
    pages[i].catch(() => undefined);
  };
  for (let i = 0; i < IN_FLIGHT; i++) ask(i);
  for (const [i, request] of requests.entries()) {
    const page = await pages[i]!;
    ask(i + IN_FLIGHT);
    const items = page[request.part];
    // push(...items) overflows the stack with tens of thousands of arguments.
    for (const item of items as never[]) (rest[request.part] as never[]).push(item);
    loaded += items.length;
    onProgress({ loaded, total });
  }
  return rest;
}

/**
 * The whole workspace: the fetched lists in stored order, settings as the renderer has them
 * now (a filter typed while loading stays). Objects the first view already had are kept, so
 * what was derived from them (rows, search haystacks) stays valid; articles sent without
 * their text are replaced by the fetched ones. Edits wait until loading ends (perform), so
 * nothing else can have changed in between.
 */
export function completeWorkspace(ws: Workspace, rest: WorkspacePage, withText: ReadonlySet<string>): Workspace {
  const claimsById = new Map(ws.claims.map((c) => [c.id, c]));
  const articlesById = new Map(ws.articles.map((a) => [a.id, a]));
  return {
    ...ws,
    articles: rest.articles.map((a) => (withText.has(a.id) ? (articlesById.get(a.id) ?? a) : a)),
    claims: rest.claims.map((c) => claimsById.get(c.id) ?? c),
    sources: rest.sources,
  };
}
