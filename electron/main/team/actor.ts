/**
 * Who is acting: the team server runs each request inside `runAs(person, …)`, and the store
 * shows that request (and every change it makes) a workspace whose `settings.currentEditor`
 * is that person. So the handlers, written for the desktop app's "Your name", act as the
 * logged-in person with no change: review sign-off rules, the audit's `by`. The name is never
 * stored: the workspace in memory and in the database keeps `currentEditor` empty.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Workspace } from '../../../shared/domain/schemas';

const acting = new AsyncLocalStorage<string>();

/** Runs `call` as `actor` (a person's display name): see the module comment. */
export function runAs<T>(actor: string, call: () => Promise<T>): Promise<T> {
  return acting.run(actor, call);
}

/** The person acting now; '' outside `runAs`. */
export function currentActor(): string {
  return acting.getStore() ?? '';
}

/** `ws` as `editor` sees it: the same workspace (collections shared) with settings.currentEditor = editor. */
export function withEditor(ws: Workspace, editor: string): Workspace {
  if (ws.settings.currentEditor === editor) return ws;
  return Object.freeze({ ...ws, settings: Object.freeze({ ...ws.settings, currentEditor: editor }) });
}
