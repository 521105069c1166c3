import { errorMessage } from '../api/client';
import { WebUrl, type Claim, type Claimant } from '../../../shared/domain/schemas';
import type { ClaimPatch, Draft, DraftField, DraftsSlice, Slice } from './types';

export const draftKey = (claimId: string, field: DraftField) => `${claimId}/${field}`;

const CLAIMANT_FIELDS: readonly DraftField[] = ['claimantName', 'claimantRole'];

/** The fields one save sends: a claimant's name and role are one value, so they go together. */
const savedTogether = (field: DraftField): readonly DraftField[] => (CLAIMANT_FIELDS.includes(field) ? CLAIMANT_FIELDS : [field]);

/** A name and a role as typed; both empty is "nobody named". */
function claimantOf(name: string, role: string): Claimant | null {
  if (!name.trim() && !role.trim()) return null;
  return { name: name.trim(), role: role.trim() || null };
}

/** What the API should receive for the typed values of `fields` (see savedTogether). */
function toPatch(fields: readonly DraftField[], values: readonly string[]): ClaimPatch {
  const [field] = fields;
  const value = values[0] ?? '';
  switch (field) {
    case 'text':
      return { text: value };
    case 'assignee':
      return { assignee: value.trim() || null };
    case 'publishedUrl':
      return { publishedUrl: value.trim() || null };
    default:
      return { claimant: claimantOf(value, values[1] ?? '') };
  }
}

/** The stored value as the field shows it. */
function savedValue(field: DraftField, claim: Claim): string {
  switch (field) {
    case 'text':
      return claim.text;
    case 'assignee':
      return claim.assignee ?? '';
    case 'claimantName':
      return claim.claimant?.name ?? '';
    case 'claimantRole':
      return claim.claimant?.role ?? '';
    case 'publishedUrl':
      return claim.publishedUrl ?? '';
  }
}

/** Whether the typed value and the saved one mean the same (the API trims; empty is null). */
function matchesSaved(field: DraftField, value: string, claim: Claim): boolean {
  return value.trim() === savedValue(field, claim);
}

/**
 * Why the typed values cannot be saved, found before asking the API: a half-typed or
 * mistyped address is the common case, and it belongs next to the field, not in a toast.
 */
function localProblem(fields: readonly DraftField[], values: readonly string[]): string | null {
  const value = values[0]?.trim() ?? '';
  if (fields[0] === 'publishedUrl' && value) {
    const parsed = WebUrl.safeParse(value);
    if (!parsed.success) return `The address ${parsed.error.issues[0]?.message ?? 'is not a web address'}.`;
  }
  if (fields[0] === 'claimantName' && !value && values[1]?.trim()) return 'Give the claimant’s name as well as the role.';
  return null;
}

/**
 * Free-typed claim fields (wording, assignee, claimant) save on a debounce and on blur; the
 * publication address only on blur (or Enter), as a half-typed address is no address. The timers
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

      editDraft(claimId, field, value, untilBlur = false) {
        const key = draftKey(claimId, field);
        set((s) => ({ drafts: { ...s.drafts, [key]: { value, dirty: true, saving: s.drafts[key]?.saving ?? false, error: null } } }));
        clearTimer(key);
        if (untilBlur || field === 'publishedUrl') return;
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
        const fields = savedTogether(field);
        const keys = fields.map((f) => draftKey(claimId, f));
        keys.forEach(clearTimer);
        const drafts = keys.map((key) => get().drafts[key]);
        if (!drafts.some((d) => d?.dirty)) return;
        const claim = get().workspace?.claims.find((c) => c.id === claimId);
        // A field without a draft of its own (the role when only the name was typed) sends its saved value.
        const sent = fields.map((f, i) => drafts[i]?.value ?? (claim ? savedValue(f, claim) : ''));
        // The error goes on the field it is about when it has a draft (the name when a role has
        // none), else on the field that was typed in.
        const about = fields.length > 1 && drafts[0] && !sent[0]?.trim() ? 0 : fields.indexOf(field);
        const errorKey = drafts[about] ? keys[about]! : keys[drafts.findIndex(Boolean)]!;
        const problem = localProblem(fields, sent);
        if (problem) {
          // Not "unsent" any more (the status bar would say "Saving…" for ever): refused, kept, shown.
          keys.forEach((key) => patchDraft(key, key === errorKey ? { dirty: false, error: problem } : { dirty: false }));
          return;
        }
        const saving = get().updateClaim(claimId, toPatch(fields, sent));
        // `updateClaim` has already counted the write as pending, so the status never shows "Saved" in between.
        keys.forEach((key) => patchDraft(key, { dirty: false, saving: true }));
        try {
          const saved = await saving;
          keys.forEach((key, i) => {
            const now = get().drafts[key];
            if (now && !now.dirty && now.value === sent[i]) {
              // Keep a whitespace-only difference (the API trims) while the field may still be
              // in use, so a trailing space does not vanish under the cursor; blur drops it.
              patchDraft(key, sent[i] === savedValue(fields[i]!, saved) ? null : { saving: false });
            }
          });
        } catch (error) {
          keys.forEach((key) => patchDraft(key, key === errorKey ? { saving: false, error: errorMessage(error) } : { saving: false }));
          throw error;
        }
      },

      async releaseDraft(claimId, field) {
        const key = draftKey(claimId, field);
        if (get().drafts[key]?.dirty) await get().flushDraft(claimId, field);
        const draft = get().drafts[key];
        const claim = get().workspace?.claims.find((c) => c.id === claimId);
        // Once saved, show the stored value again (e.g. without the trailing space typed last).
        // A claimant may be stored otherwise than typed (an alias becomes its claimant's name): the stored one shows.
        const resolved = CLAIMANT_FIELDS.includes(field);
        if (draft && claim && !draft.dirty && !draft.saving && !draft.error && (resolved || matchesSaved(field, draft.value, claim))) {
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
