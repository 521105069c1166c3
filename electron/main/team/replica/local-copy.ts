/**
 * The local copy of a team workspace: a workspace store like the personal one (so the same
 * handlers read it, and edit it while offline), kept equal to the server's by applying the
 * server's changes, entity by entity, in the server's order. Its own audit log is not the
 * team's history (that lives on the server), so history is read from the server.
 */
import type { WorkspaceChanges } from '../../../../shared/api/contract';
import type { Workspace } from '../../../../shared/domain/schemas';
import type { WorkspaceStore } from '../../services/store-interface';

type Entity = { id: string };

function upsert<T extends Entity>(items: T[], touched: readonly T[], removed: readonly string[]): void {
  if (removed.length > 0) {
    const gone = new Set(removed);
    for (let i = items.length - 1; i >= 0; i--) if (gone.has(items[i]!.id)) items.splice(i, 1);
  }
  if (touched.length === 0) return;
  const index = new Map(items.map((item, i) => [item.id, i]));
  for (const item of touched) {
    const at = index.get(item.id);
    if (at === undefined) {
      index.set(item.id, items.length);
      items.push(item);
    } else items[at] = item;
  }
}

/** Applies a server change to the copy (not undoable here: undo goes to the server). */
export function applyServerChanges(store: WorkspaceStore, changes: WorkspaceChanges, person: string): Promise<void> {
  return store.update(
    'Sync with the team',
    (draft) => {
      upsert(draft.articles, changes.articles, changes.removed.articles);
      upsert(draft.claims, changes.claims, changes.removed.claims);
      upsert(draft.sources, changes.sources, changes.removed.sources);
      // How this person views the claims stays theirs: it is kept on this machine, never sent.
      if (changes.settings) draft.settings = { ...changes.settings, currentEditor: person, view: draft.settings.view };
    },
    { record: false },
  );
}

/** Makes the copy the server's workspace as a whole (joining, after the outbox was sent, after the server's log was restored). */
export function replaceWithServer(store: WorkspaceStore, workspace: Workspace, person: string, keepView: boolean): Promise<void> {
  return store.update(
    'Load the team workspace',
    (draft) => {
      draft.articles = workspace.articles;
      draft.claims = workspace.claims;
      draft.sources = workspace.sources;
      draft.settings = { ...workspace.settings, currentEditor: person, view: keepView ? draft.settings.view : workspace.settings.view };
    },
    { record: false },
  );
}
