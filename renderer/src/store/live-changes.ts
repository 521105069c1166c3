/**
 * Other people's changes in a team workspace, applied as they come: the same entity
 * deltas undo and redo apply. The entities are replaced whole and in the server's order, so
 * the workspace converges on the server's even for changes it had already loaded. Text the
 * editor is typing stays (drafts are left alone): saving it is a later write that wins.
 * Someone else's wording or rationale replacing what the editor has open is said, not
 * silently swapped under their eyes.
 */
import type { ChangeRecord, LiveEvent } from '../../../shared/api/contract';
import type { Claim } from '../../../shared/domain/schemas';
import { applyChanges } from './entities';
import { draftKey } from './drafts-slice';
import type { AppState } from './types';

export interface LiveTarget {
  get(): AppState;
  set(update: (s: AppState) => Partial<AppState>): void;
  reload(): void;
}

export function applyLiveEvent(event: LiveEvent, { get, set, reload }: LiveTarget): void {
  if (event.kind === 'reset') return reload();
  if (event.kind === 'connection') return set(() => ({ live: event.connected ? 'connected' : 'reconnecting' }));
  // The local copy of a team workspace: its connection and outbox, and who has what open.
  if (event.kind === 'sync') return set(() => ({ sync: event.state }));
  if (event.kind === 'presence') return set(() => ({ presence: event.people }));
  const { changes } = event.record;
  const notices = replacedUnderEyes(get(), event.record);
  const removedClaims = new Set(changes.removed.claims);
  const removedArticles = new Set(changes.removed.articles);
  set((s) => ({
    workspace: s.workspace ? applyChanges(s.workspace, changes) : s.workspace,
    selectedClaimId: s.selectedClaimId && removedClaims.has(s.selectedClaimId) ? null : s.selectedClaimId,
    selectedArticleId: s.selectedArticleId && removedArticles.has(s.selectedArticleId) ? null : s.selectedArticleId,
  }));
  for (const message of notices) get().pushToast({ kind: 'info', message });
}

const short = (text: string) => (text.length > 60 ? `${text.slice(0, 57)}…` : text);

/** What to tell the editor about another person's change to the wording or rationale of a claim they have open or are typing in. */
function replacedUnderEyes(s: AppState, record: ChangeRecord): string[] {
  if (!s.workspace || record.actor === s.workspace.settings.currentEditor) return [];
  const local = new Map<string, Claim>(s.workspace.claims.map((c) => [c.id, c]));
  const notices: string[] = [];
  for (const claim of record.changes.claims) {
    const before = local.get(claim.id);
    if (!before) continue;
    const fields: string[] = [];
    if (before.text !== claim.text) fields.push('wording');
    if ((before.verdict?.rationale ?? '') !== (claim.verdict?.rationale ?? '')) fields.push('rationale');
    const typing = s.drafts[draftKey(claim.id, 'text')]?.dirty === true;
    if (fields.length === 0 || (s.selectedClaimId !== claim.id && !typing)) continue;
    const what = `${record.actor} changed the ${fields.join(' and ')} of “${short(claim.text)}” while you had it open.`;
    notices.push(
      typing && fields.includes('wording')
        ? `${what} Your unsaved wording is kept: saving it replaces theirs, and both stay in the claim's history.`
        : `${what} Their version is shown; the one before is in the claim's history.`,
    );
  }
  return notices;
}
