import { errorMessage } from '../api/client';
import type { Claim } from '../../../shared/domain/schemas';
import type { ClaimPatch, Draft, DraftField, DraftsSlice, Slice } from './types';

export const draftKey = (claimId: string, field: DraftField) => `${claimId}/${field}`;

/** What the API should receive for a typed value. */
function toPatch(field: DraftField, value: string): ClaimPatch {
  return field === 'text' ? { text: value } : { assignee: value.trim() || null };
}

/** The stored value as the field shows it. */
function savedValue(field: DraftField, claim: Claim): string {
  return field === 'text' ? claim.text : (claim.assignee ?? '');
}

/** Whether the typed value and the saved one mean the same (the API trims). */
function matchesSaved(field: DraftField, value: string, claim: Claim): boolean {
  return field === 'text' ? value.trim() === claim.text : (value.trim() || null) === claim.assignee;
}

/**
 * Free-typed claim fields (wording, assignee) save on a debounce and on blur. The timers
 * live here rather than in components so a save still happens when the editor switches to
 * another claim before the debounce fires.
 */
export function createDraftsSlice(autosaveDelayMs: number): Slice<DraftsSlice> {
  return (set, get) => {
    const timers = new Map<string, ReturnType<typeof setTimeout>>();

    const clearTimer = (key: string) => {
      const timer = timers.get(key);
      if (timer !== undefined) clearTimeout(timer);
      timers.delete(key);
    };
    const patchDraft = (key: string, patch: Partial<Draft> | null) =>
      set((s) => {
        const current = s.drafts[key];
        if (!current) return {};
        const drafts = { ...s.drafts };
        if (patch === null) delete drafts[key];
        else drafts[key] = { ...current, ...patch };
        return { drafts };
      });

    return {
      drafts: {},

      editDraft(claimId, field, value) {
        const key = draftKey(claimId, field);
        set((s) => ({ drafts: { ...s.drafts, [key]: { value, dirty: true, saving: s.drafts[key]?.saving ?? false, error: null } } }));
        clearTimer(key);
        timers.set(
          key,
          setTimeout(() => {
            timers.delete(key);
            // Failures are already reported by `perform` (toast + status bar) and kept on the draft.
            get().flushDraft(claimId, field).catch(() => undefined);
          }, autosaveDelayMs),
        );
      },

      async flushDraft(claimId, field) {
        const key = draftKey(claimId, field);
        clearTimer(key);
        const draft = get().drafts[key];
        if (!draft?.dirty) return;
        const sent = draft.value;
        const saving = get().updateClaim(claimId, toPatch(field, sent));
        // `updateClaim` has already counted the write as pending, so the status never shows "Saved" in between.
        patchDraft(key, { dirty: false, saving: true });
        try {
          const claim = await saving;
          const now = get().drafts[key];
          if (now && !now.dirty && now.value === sent) {
            // Keep a whitespace-only difference (the API trims) while the field may still be
            // in use, so a trailing space does not vanish under the cursor; blur drops it.
            patchDraft(key, sent === savedValue(field, claim) ? null : { saving: false });
          }
        } catch (error) {
          patchDraft(key, { saving: false, error: errorMessage(error) });
          throw error;
        }
      },

      async releaseDraft(claimId, field) {
        const key = draftKey(claimId, field);
        if (get().drafts[key]?.dirty) await get().flushDraft(claimId, field);
        const draft = get().drafts[key];
        const claim = get().workspace?.claims.find((c) => c.id === claimId);
        // Once saved, show the stored value again (e.g. without the trailing space typed last).
        if (draft && claim && !draft.dirty && !draft.saving && !draft.error && matchesSaved(field, draft.value, claim)) {
          patchDraft(key, null);
        }
      },

      discardDrafts(claimIds) {
        const ids = new Set(claimIds);
        const keys = Object.keys(get().drafts).filter((key) => ids.has(key.slice(0, key.lastIndexOf('/'))));
        for (const key of keys) clearTimer(key);
        if (keys.length) set((s) => ({ drafts: Object.fromEntries(Object.entries(s.drafts).filter(([key]) => !keys.includes(key))) }));
      },
    };
  };
}
