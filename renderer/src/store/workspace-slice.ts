import { errorMessage, type Client } from '../api/client';
import type { ExportedFile, Input } from '../../../shared/api/contract';
import { STANCE_LABELS } from '../../../shared/domain/labels';
import { quoted } from '../../../shared/domain/rules';
import { plural } from '../labels';
import {
  claimsInArticleOrder,
  mergeArticle,
  mergeClaim,
  mergeClaims,
  mergeSource,
  removeEntities,
  repointDuplicates,
  restoreEntities,
  type Removed,
} from './entities';
import { completeWorkspace, fetchRest, FIRST_CLAIMS, PART_SIZES, totalItems, type LoadOptions } from './loading';
import type { AppState, Slice, WorkspaceSlice } from './types';
import { applyLiveEvent } from './live-changes';
import { loadSyncState } from './sync-slice';

/**
 * The workspace data and every change to it. Each change calls the API and merges the
 * entity the API answered with, so what is shown is always what was saved.
 */
export function createWorkspaceSlice(client: Client, { firstClaims = FIRST_CLAIMS, partSizes = PART_SIZES }: LoadOptions = {}): Slice<WorkspaceSlice> {
  return (set, get) => {
    /**
     * Applies `change` to the loaded workspace (a no-op before the first load), together
     * with any other state (e.g. the selection) in the same update, so no render sees one
     * without the other.
     */
    const patchWorkspace = (
      change: (ws: NonNullable<AppState['workspace']>) => NonNullable<AppState['workspace']>,
      also: Partial<AppState> = {},
    ) => set((s) => (s.workspace ? { workspace: change(s.workspace), ...also } : also));


    /**
     * "Undo" on a toast undoes that change only if it is still the latest one; otherwise
     * it says so rather than undo something else.
     */
    const undoAction = (label: string) => ({
      label: 'Undo',
      run: async () => {
        await get().refreshHistory();
        if (get().history.undoLabel === label) return get().undo();
        get().pushToast({ kind: 'info', message: 'Other changes were made since. Use Undo (Ctrl/Cmd+Z) to step back through them.' });
      },
    });
    /** "Undo" on a delete's toast (see `undoDelete`); an undone delete selects what came back. */
    const undoOrRestore = (label: string, removed: Removed) => ({
      label: 'Undo',
      run: async () => {
        if ((await get().undoDelete(label, removed)) === 'undone') set(selectionOf(removed));
      },
    });

    const saveSettings = async (what: string, patch: Input<'updateSettings'>['patch']) => {
      const settings = await get().perform(what, () => client.updateSettings({ patch }));
      patchWorkspace((ws) => ({ ...ws, settings }));
      return settings;
    };

    /** Hands an exported file to the host (save dialog or download) and says where it went. */
    const saveExported = async (file: ExportedFile, what: string) => {
      const result = await get().perform(`Could not save the ${what.toLowerCase()}`, () => client.saveFile(file), { write: false });
      if (!result.saved) {
        get().pushToast({ kind: 'info', message: 'Export cancelled: no file was saved.' });
      } else {
        const where = result.location ? ` to ${result.location}` : ` as ${file.fileName}`;
        get().pushToast({ kind: 'success', message: `${what} saved${where}.` });
      }
    };

    /** Settles when the workspace being opened is whole (see `load`). */
    let loaded: Promise<void> = Promise.resolve();
    /** Following other people's changes (a team workspace), from the first load on. */
    let following = false;

    const articleTitle = (id: string) => get().workspace?.articles.find((a) => a.id === id)?.title ?? 'the article';

    return {
      workspace: null,
      appInfo: null,
      loadState: 'idle',
      live: null,
      loadError: null,
      loading: null,
      startupNotice: null,

      async load() {
        set({ loadState: 'loading', loadError: null });
        try {
          const [appInfo, opening, startupNotice, sync] = await get().perform(
            'Could not open the workspace',
            () => Promise.all([client.getAppInfo({}), client.openWorkspace({ firstClaims }), client.getStartupNotice({}), loadSyncState(client)]),
            { write: false },
          );
          const { workspace } = opening;
          const selected = get().selectedArticleId;
          const stillThere = workspace.articles.some((a) => a.id === selected);
          // First run: open the sample article straight away so the workflow is visible.
          set({
            appInfo,
            workspace,
            startupNotice,
            sync,
            loadState: 'ready',
            loading: opening.complete ? null : { loaded: 0, total: totalItems(opening.totals) },
            lastError: null,
            selectedArticleId: stillThere ? selected : (workspace.articles[0]?.id ?? null),
          });
          if (appInfo.mode === 'team' && !following) {
            following = true;
            client.onWorkspaceChanges((event) => applyLiveEvent(event, { get, set, reload: () => void get().load() }));
          }
          if (!opening.complete) {
            let finish = () => {};
            loaded = new Promise((resolve) => (finish = resolve));
            try {
              const rest = await fetchRest(client, opening.totals, (loading) => set({ loading }), partSizes);
              const withText = new Set(opening.withText);
              set((s) => ({ loading: null, workspace: s.workspace && completeWorkspace(s.workspace, rest, withText) }));
            } finally {
              finish();
            }
          }
        } catch (error) {
          set({ loadState: 'failed', loading: null, loadError: errorMessage(error) });
        }
      },

      whenLoaded: () => loaded,

      async dismissStartupNotice() {
        await get().perform('Could not dismiss the notice', () => client.dismissStartupNotice({}), { write: false });
        set({ startupNotice: null });
      },

      async createArticle(input) {
        const article = await get().perform('Could not add the article', () => client.createArticle(input));
        patchWorkspace((ws) => mergeArticle(ws, article), { selectedArticleId: article.id, selectedClaimId: null, suggestionsView: false });
        return article;
      },

      async deleteArticle(id) {
        const title = articleTitle(id);
        const removed = await get().perform('Could not delete the article', () => client.deleteArticle({ id }));
        get().discardDrafts(removed.claims.map((c) => c.id));
        const before = get().workspace?.articles ?? [];
        const index = before.findIndex((a) => a.id === id);
        const rest = before.filter((a) => a.id !== id);
        // Keep the editor in the list: open the neighbour of the deleted article.
        const next = rest[Math.min(Math.max(index, 0), rest.length - 1)];
        const selection = get().selectedArticleId === id ? { selectedArticleId: next?.id ?? null, selectedClaimId: null } : {};
        patchWorkspace((ws) => removeEntities(ws, removed), selection);
        const claims = removed.claims.length;
        get().pushToast({
          kind: 'info',
          message: `Deleted “${title}”${claims ? ` and its ${claims} claim${claims === 1 ? '' : 's'}` : ''}.`,
          action: undoOrRestore('Delete article', removed),
        });
        return removed;
      },

      async restoreDeleted(removed) {
        const restored = await get().perform('Could not undo the delete', () => client.restoreDeleted(removed));
        patchWorkspace((ws) => restoreEntities(ws, restored), selectionOf(restored));
        get().pushToast({ kind: 'success', message: 'Restored.' });
      },

      async undoDelete(label, removed) {
        await get().refreshHistory();
        if (get().history.undoLabel !== label) {
          await get().restoreDeleted(removed);
          return 'restored';
        }
        await get().undo();
        return 'undone';
      },

      async createClaim(articleId, start, end) {
        const claim = await get().perform('Could not create the claim', () => client.createClaim({ articleId, start, end }));
        patchWorkspace((ws) => mergeClaim(ws, claim), { selectedArticleId: claim.articleId, selectedClaimId: claim.id, focusWordingOf: claim.id });
        return claim;
      },

      async createClaims(articleId, spans) {
        const claims = await get().perform('Could not accept the suggestions', () => client.createClaims({ articleId, spans: [...spans] }));
        patchWorkspace((ws) => mergeClaims(ws, claims));
        get().pushToast({ kind: 'success', message: `Accepted ${plural(claims.length, 'suggestion')} as claims.` });
        return claims;
      },

      async setSuggestionDismissed(articleId, span, dismissed) {
        const what = dismissed ? 'Could not dismiss the suggestion' : 'Could not restore the suggestion';
        const article = await get().perform(what, () => client.setSuggestionDismissed({ articleId, span, dismissed }));
        patchWorkspace((ws) => mergeArticle(ws, article));
        return article;
      },

      setSuggestionThreshold(value) {
        patchWorkspace((ws) => ({ ...ws, settings: { ...ws.settings, suggestionThreshold: value } }));
        // A slider sends many values; only the one the editor settles on is saved.
        get().saveLater('threshold', THRESHOLD_SAVE_DELAY_MS, 'Could not save the threshold', () =>
          client.updateSettings({ patch: { suggestionThreshold: value } }),
        );
      },

      async editArticleText(articleId, text) {
        const result = await get().perform('Could not save the article text', () => client.editArticleText({ id: articleId, text }));
        patchWorkspace((ws) => mergeClaims(mergeArticle(ws, result.article), result.claims));
        const parts = [
          result.moved && `${result.moved} claim${result.moved === 1 ? '' : 's'} moved with ${result.moved === 1 ? 'its' : 'their'} quote`,
          result.orphaned && `${result.orphaned} claim${result.orphaned === 1 ? '' : 's'} lost ${result.orphaned === 1 ? 'its' : 'their'} quote and ${result.orphaned === 1 ? 'is' : 'are'} marked orphaned`,
        ].filter(Boolean);
        get().pushToast({ kind: result.orphaned ? 'info' : 'success', message: `Text saved.${parts.length ? ` ${parts.join('; ')}.` : ''}`, action: undoAction('Edit article text') });
      },

      async mergeClaims(keepId, mergeId) {
        const { claim, removedId } = await get().perform('Could not merge the claims', () => client.mergeClaims({ keepId, mergeId }));
        get().discardDrafts([keepId, removedId]);
        patchWorkspace(
          (ws) => {
            const merged = mergeClaim(ws, claim);
            const rest = merged.claims.filter((c) => c.id !== removedId);
            return { ...merged, claims: repointDuplicates(rest, new Set([removedId]), claim.id) };
          },
          { selectedClaimId: claim.id },
        );
        get().pushToast({ kind: 'success', message: 'Merged the two claims into one.', action: undoAction('Merge claims') });
        return claim;
      },

      async splitClaim(id, at) {
        const parts = await get().perform('Could not split the claim', () => client.splitClaim({ id, at }));
        get().discardDrafts([id]);
        patchWorkspace((ws) => mergeClaims(ws, [parts.first, parts.second]), { selectedClaimId: parts.first.id });
        get().pushToast({ kind: 'success', message: 'Split the claim in two.', action: undoAction('Split claim') });
        return parts;
      },

      async linkDuplicate(claimId, originalId, reuseVerdict) {
        const what = originalId ? 'Could not link the duplicate' : 'Could not unlink the duplicate';
        const claim = await get().perform(what, () => client.linkDuplicate({ claimId, originalId, reuseVerdict }));
        patchWorkspace((ws) => mergeClaim(ws, claim));
        return claim;
      },

      async linkSource(claimId, sourceId, stance) {
        const claim = await get().perform('Could not cite the source', () => client.linkSource({ claimId, sourceId, stance }));
        patchWorkspace((ws) => mergeClaim(ws, claim));
        return claim;
      },

      async updateSource(id, patch) {
        const source = await get().perform('Could not save the source', () => client.updateSource({ id, patch }));
        patchWorkspace((ws) => mergeSource(ws, source));
        return source;
      },

      async setRatingScale(input) {
        const settings = await get().perform('Could not change the rating scale', () => client.setRatingScale(input));
        // Verdicts may have been moved to new levels: reload the claims as stored.
        const workspace = await client.getWorkspace({});
        set({ workspace: { ...workspace, settings } });
        return settings;
      },

      setReadyRules: (readyRules) => saveSettings('Could not save the rules', { readyRules }),
      setPublishedUrlTemplate: (publishedUrlTemplate) => saveSettings('Could not save the publication address', { publishedUrlTemplate }),
      setCurrentEditor: (currentEditor) => saveSettings('Could not change who you are', { currentEditor }),

      async requestReview(claimId, reviewer) {
        const claim = await get().perform('Could not request the review', () => client.requestReview({ claimId, reviewer }));
        patchWorkspace((ws) => mergeClaim(ws, claim));
        get().pushToast({ kind: 'success', message: `Review requested from ${reviewer}.` });
        return claim;
      },

      async decideReview(claimId, approve, comment) {
        const what = approve ? 'Could not approve the review' : 'Could not send the claim back';
        const claim = await get().perform(what, () => client.decideReview({ claimId, approve, comment }));
        patchWorkspace((ws) => mergeClaim(ws, claim));
        get().pushToast({ kind: 'success', message: approve ? 'Approved: the claim is published.' : 'Sent back to the researcher with your comment.' });
        return claim;
      },

      async reopenClaim(claimId, note) {
        const claim = await get().perform('Could not reopen the claim', () => client.reopenClaim({ claimId, note }));
        patchWorkspace((ws) => mergeClaim(ws, claim));
        get().pushToast({ kind: 'info', message: 'Reopened for correction. Your note will appear in the report.' });
        return claim;
      },

      claimHistory: (claimId) => get().perform('Could not load the history', () => client.getClaimHistory({ claimId }), { write: false }),

      async updateClaim(id, patch) {
        const claim = await get().perform('Could not save the claim', () => client.updateClaim({ id, patch }));
        patchWorkspace((ws) => mergeClaim(ws, claim));
        return claim;
      },

      async deleteClaim(id) {
        const ws = get().workspace;
        const claim = ws?.claims.find((c) => c.id === id);
        // After the delete, select the next claim in the article so j/k flow keeps going.
        const siblings = claim && ws ? claimsInArticleOrder(ws.claims, claim.articleId) : [];
        const index = siblings.findIndex((c) => c.id === id);
        get().discardDrafts([id]);
        const removed = await get().perform('Could not delete the claim', () => client.deleteClaim({ id }));
        const next = siblings[index + 1] ?? siblings[index - 1];
        const selection = get().selectedClaimId === id ? { selectedClaimId: next && next.id !== id ? next.id : null } : {};
        patchWorkspace((w) => removeEntities(w, removed), selection);
        get().pushToast({
          kind: 'info',
          message: `Deleted the claim ${quoted(claim?.text ?? '')}.`,
          action: undoOrRestore('Delete claim', removed),
        });
        return removed;
      },

      async addSource(claimId, source, stance) {
        const result = await get().perform('Could not add the source', () => client.addSource({ claimId, source, stance }));
        patchWorkspace((ws) => mergeClaim(mergeSource(ws, result.source), result.claim));
        return result;
      },

      async setSourceStance(claimId, sourceId, stance) {
        const claim = await get().perform('Could not change the stance', () => client.setSourceStance({ claimId, sourceId, stance }));
        patchWorkspace((ws) => mergeClaim(ws, claim));
        return claim;
      },

      async unlinkSource(claimId, sourceId) {
        const before = get().workspace;
        const link = before?.claims.find((c) => c.id === claimId)?.sources.find((l) => l.sourceId === sourceId);
        const source = before?.sources.find((s) => s.id === sourceId);
        const claim = await get().perform('Could not remove the source', () => client.unlinkSource({ claimId, sourceId }));
        patchWorkspace((ws) => mergeClaim(ws, claim));
        if (link && source) {
          // The source stays in the workspace, so adding it again by address links the same record.
          const { id: _id, accessedAt: _at, ...fields } = source;
          get().pushToast({
            kind: 'info',
            message: `Removed ${quoted(source.title)} (${STANCE_LABELS[link.stance]}) from the claim.`,
            action: { label: 'Undo', run: () => get().addSource(claimId, fields, link.stance) },
          });
        }
        return claim;
      },

      async setVerdict(claimId, verdict) {
        const claim = await get().perform('Could not save the verdict', () => client.setVerdict({ claimId, verdict }));
        patchWorkspace((ws) => mergeClaim(ws, claim));
        return claim;
      },

      async exportReport(request) {
        const file = await get().perform('Could not export the report', () => client.exportReport(request), { write: false });
        await saveExported(file, 'Report');
      },

      async backupWorkspace() {
        const file = await get().perform('Could not back up the workspace', () => client.exportWorkspace({}), { write: false });
        await saveExported(file, 'Backup');
      },

      async restoreWorkspace(content, mode) {
        const counts = await get().perform('Could not restore the backup', () => client.restoreWorkspace({ content, mode }));
        const workspace = await client.getWorkspace({});
        set({ workspace, selectedClaimId: null, selectedArticleId: workspace.articles.some((a) => a.id === get().selectedArticleId) ? get().selectedArticleId : (workspace.articles[0]?.id ?? null) });
        get().pushToast({
          kind: 'success',
          message: mode === 'replace' ? `Restored the backup: ${counts.articles} articles, ${counts.claims} claims.` : `Merged the backup: added ${counts.articles} articles, ${counts.claims} claims, ${counts.sources} sources.`,
          action: undoAction(mode === 'replace' ? 'Restore backup' : 'Merge backup'),
        });
      },

      async importBundle(content) {
        const added = await get().perform('Could not import the JSON export', () => client.importBundle({ content }));
        patchWorkspace((ws) => restoreEntities(ws, added), selectionOf(added));
        const workspace = await client.getWorkspace({}); // sources may have been added too
        set({ workspace });
        get().pushToast({ kind: 'success', message: `Imported “${added.articles[0]?.title ?? 'the article'}” with ${added.claims.length} claims.` });
      },

      async openExternal(url) {
        await get().perform('Could not open the link', () => client.openExternal({ url }), { write: false });
      },
    };
  };
}

const THRESHOLD_SAVE_DELAY_MS = 300;

/** Show what came back after a delete is undone: the article, or the claim in its article. */
function selectionOf(restored: Removed): Partial<AppState> {
  const article = restored.articles[0];
  const claim = restored.articles.length === 0 ? restored.claims[0] : undefined;
  if (article) return { selectedArticleId: article.id, selectedClaimId: null };
  if (claim) return { selectedArticleId: claim.articleId, selectedClaimId: claim.id };
  return {};
}

export type { Removed };
