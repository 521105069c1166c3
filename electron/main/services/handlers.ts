import { current, isDraft } from 'immer';
import type { Handlers, ServiceMethod } from '../../../shared/api/contract';
import { ApiError } from '../../../shared/api/result';
import { PRIORITIES, type Article, type Claim, type ClaimStatus, type Settings, type Source, type Span, type Workspace } from '../../../shared/domain/schemas';
import { STATUS_LABELS } from '../../../shared/domain/labels';
import { quoted, readyRefusal } from '../../../shared/domain/rules';
import { archiveUrl, normalizeUrl } from '../../../shared/sources/url';
import { scoreSentence } from '../../../shared/checkworthiness/score';
import { quoteAt, QuoteRangeError } from '../../../shared/domain/quote';
import { newClaim as newClaimOf } from '../../../shared/domain/new-claim';
import { createAnchorer } from '../../../shared/anchoring/reanchor';
import { exportReport } from './export/index';
import { exportWorkspace, importBundle, restoreWorkspace } from './export/restore';
import { importFile, webImports } from './import/index';
import type { WorkspaceStore } from './store-interface';
import { findArticle, listIds } from './lookup';

export interface AppInfo {
  name: string;
  version: string;
  mode: 'electron' | 'browser';
}

export type ServiceHandlers = Handlers<ServiceMethod>;

const MAX_WORDING = 2_000;
const MAX_TAGS = 50;

/**
 * Every service method of the contract, implemented once over the store. The Electron
 * IPC layer and the browser-mode server both call these through `dispatch`. Every change
 * goes through `store.update` with a short label: that is what undo and redo show.
 */
export function createServiceHandlers(store: WorkspaceStore, info: AppInfo): ServiceHandlers {
  return {
    async getAppInfo() {
      return { ...info, dataFile: store.file };
    },
    async getStartupNotice() {
      return store.startupNotice;
    },
    async dismissStartupNotice() {
      return { dismissed: await store.dismissStartupNotice() };
    },
    async getWorkspace() {
      // The audit log is kept beside the workspace (store.audit): this one's is always empty.
      return store.data;
    },
    updateSettings: ({ patch }) => {
      const keys = Object.keys(patch);
      // How the claims are viewed, and who is at the keyboard, are saved, but they are not edits: undo skips them.
      const viewOnly = keys.every((k) => k === 'view' || k === 'currentEditor');
      return store.update(
        settingsLabel(keys),
        (ws) => {
          Object.assign(ws.settings, patch);
          return ws.settings;
        },
        { record: !viewOnly },
      );
    },

    createArticle: (fields) =>
      store.update('Add article', (ws) => {
        const now = store.timestamp();
        const article: Article = { ...fields, id: store.newId(), importedAt: now, updatedAt: now, dismissed: [] };
        ws.articles.push(article);
        return article;
      }),
    editArticleText: ({ id, text }) =>
      store.update('Edit article text', (ws) => {
        const article = findArticle(ws, id);
        const oldText = article.text;
        const indices = indicesWhere(ws.claims, (c) => c.articleId === id);
        let moved = 0;
        if (text !== oldText) {
          const anchorer = createAnchorer(text);
          for (const i of indices) {
            const claim = ws.claims[i]!;
            const found = anchorer.find(claim.quote);
            if (!found) {
              if (claim.anchor !== 'orphaned') claim.anchor = 'orphaned';
              continue;
            }
            const quote = quoteAt(text, found.start, found.end);
            const { quote: old } = claim;
            if (claim.anchor === 'orphaned' || quote.start !== old.start || quote.end !== old.end) moved++;
            if (quote.exact !== old.exact || quote.start !== old.start || quote.end !== old.end || quote.prefix !== old.prefix || quote.suffix !== old.suffix) {
              claim.quote = quote;
            }
            if (claim.anchor !== 'attached') claim.anchor = 'attached';
          }
          article.dismissed = remapSpans(article.dismissed, oldText, text, anchorer);
          article.text = text;
          article.updatedAt = store.timestamp();
        }
        const claims = indices.map((i) => ws.claims[i]!);
        const orphaned = claims.filter((c) => c.anchor === 'orphaned').length;
        return { article, claims, moved, orphaned };
      }),
    updateArticle: ({ id, patch }) =>
      store.update('Edit article details', (ws) => {
        const article = findArticle(ws, id);
        Object.assign(article, patch, { updatedAt: store.timestamp() });
        return article;
      }),
    deleteArticle: ({ id }) =>
      store.update('Delete article', (ws) => {
        const article = findArticle(ws, id);
        const published = snapshot(ws.claims).filter((c) => c.articleId === id && c.status === 'published').length;
        if (published > 0) {
          throw new ApiError(
            'forbidden',
            `${quoted(article.title)} has ${plural(published, 'published claim')}. Reopen ${published === 1 ? 'it' : 'them'} for correction first; nothing was deleted.`,
          );
        }
        const claims = removeClaims(ws, new Set(snapshot(ws.claims).filter((c) => c.articleId === id).map((c) => c.id)));
        ws.articles = snapshot(ws.articles).filter((a) => a.id !== id);
        return { articles: [article], claims };
      }),
    restoreDeleted: ({ articles, claims }) =>
      store.update(restoreLabel(articles.length, claims.length), (ws) => {
        const taken = new Set([...snapshot(ws.articles), ...snapshot(ws.claims)].map((x) => x.id));
        const clash = [...articles, ...claims].find((x) => taken.has(x.id));
        if (clash) throw new ApiError('conflict', `Cannot restore: ${clash.id} already exists in the workspace.`);
        const articleIds = new Set([...snapshot(ws.articles), ...articles].map((a) => a.id));
        const homeless = claims.find((c) => !articleIds.has(c.articleId));
        if (homeless) {
          throw new ApiError('conflict', `Cannot restore the claim "${excerpt(homeless.text)}": its article has been deleted since; restore the article first.`);
        }
        // A claim marked as the duplicate of one deleted since cannot point at it any more.
        const present = new Set([...taken, ...claims.map((c) => c.id)]);
        const restored = claims.map((c) => (c.duplicateOf !== null && !present.has(c.duplicateOf) ? { ...c, duplicateOf: null } : c));
        ws.articles.push(...articles);
        ws.claims.push(...restored);
        return { articles, claims: restored };
      }),

    createClaim: ({ articleId, start, end, text }) =>
      store.update('Add claim', (ws) => {
        const claim = newClaim(ws, findArticle(ws, articleId), { start, end }, store, text);
        ws.claims.push(claim);
        return claim;
      }),
    createClaims: ({ articleId, spans }) =>
      store.update(spans.length === 1 ? 'Accept suggestion' : `Accept ${spans.length} suggestions`, (ws) => {
        const article = findArticle(ws, articleId);
        const claims: Claim[] = [];
        for (const span of spans) {
          // Pushed one by one, so a span given twice is refused like an existing claim.
          const claim = newClaim(ws, article, span, store);
          ws.claims.push(claim);
          claims.push(claim);
        }
        return claims;
      }),
    setSuggestionDismissed: ({ articleId, span, dismissed }) =>
      store.update(dismissed ? 'Dismiss suggestion' : 'Restore suggestion', (ws) => {
        const article = findArticle(ws, articleId);
        if (span.end > article.text.length) throw new ApiError('invalid_input', 'The passage is not inside the article text.');
        const others = article.dismissed.filter((d) => d.start !== span.start || d.end !== span.end);
        article.dismissed = dismissed ? [...others, span] : others;
        return article;
      }),
    updateClaim: ({ id, patch }) => {
      const keys = Object.keys(patch);
      const single = keys.length === 1 ? keys[0]! : null;
      // Typing autosaves: a burst of wording (or assignee) saves of one claim is one undo step.
      const coalesce = single === 'text' || single === 'assignee' ? `${id}:${single}` : undefined;
      return editClaim(
        store,
        id,
        (claim, ws) => {
          if (patch.tags) patch.tags = [...new Set(patch.tags)];
          if (patch.status !== undefined) {
            const refusal = statusRefusal(claim, patch.status, ws.settings);
            if (refusal) throw refusal;
          }
          const status = claim.status;
          Object.assign(claim, patch);
          leaveReview(claim, status);
        },
        (single && CLAIM_FIELD_LABELS[single]) || 'Edit claim',
        coalesce,
      );
    },
    updateClaims: ({ ids, patch }) => {
      const unique = [...new Set(ids)];
      return store.update(`Change ${plural(unique.length, 'claim')}`, (ws) => {
        const claims = findClaims(ws, unique);
        assertAllEditable(claims);
        if (patch.status !== undefined) {
          const status = patch.status;
          const refusals = claims.flatMap((claim) => statusRefusal(claim, status, ws.settings) ?? []);
          if (refusals.length > 0) {
            const first = refusals[0]!;
            const more = refusals.length - 1;
            const others = more > 0 && status === 'ready' ? ` ${plural(more, 'other selected claim')} cannot be marked Ready either.` : '';
            throw new ApiError(first.code, `${first.message}${others} Nothing was changed.`);
          }
        }
        const now = store.timestamp();
        const remove = new Set(patch.removeTags ?? []);
        for (const claim of claims) {
          if (patch.status !== undefined) {
            const status = claim.status;
            claim.status = patch.status;
            leaveReview(claim, status);
          }
          if (patch.priority !== undefined) claim.priority = patch.priority;
          if (patch.assignee !== undefined) claim.assignee = patch.assignee;
          if (patch.dueDate !== undefined) claim.dueDate = patch.dueDate;
          if (patch.addTags || patch.removeTags) {
            const tags = [...new Set([...claim.tags, ...(patch.addTags ?? [])])].filter((t) => !remove.has(t));
            if (tags.length > MAX_TAGS) {
              throw new ApiError('invalid_input', `Claim "${excerpt(claim.text)}" would have ${tags.length} tags (${MAX_TAGS} at most); nothing was changed.`);
            }
            if (tags.length !== claim.tags.length || tags.some((t, i) => t !== claim.tags[i])) claim.tags = tags;
          }
          claim.updatedAt = now;
        }
        return claims;
      });
    },
    deleteClaim: ({ id }) =>
      store.update('Delete claim', (ws) => {
        findEditableClaim(ws, id);
        return { articles: [], claims: removeClaims(ws, new Set([id])) };
      }),
    deleteClaims: ({ ids }) => {
      const unique = [...new Set(ids)];
      return store.update(`Delete ${plural(unique.length, 'claim')}`, (ws) => {
        assertAllEditable(findClaims(ws, unique));
        return { articles: [], claims: removeClaims(ws, new Set(unique)) };
      });
    },
    mergeClaims: ({ keepId, mergeId }) =>
      store.update('Merge claims', (ws) => {
        if (keepId === mergeId) throw new ApiError('invalid_input', 'A claim cannot be merged into itself: choose two different claims.');
        const keep = findEditableClaim(ws, keepId);
        const merge = findEditableClaim(ws, mergeId);
        if (keep.articleId !== merge.articleId) {
          throw new ApiError('invalid_input', 'Only claims of the same article can be merged; these two quote different articles.');
        }
        for (const claim of [keep, merge]) {
          if (claim.anchor === 'orphaned') throw new ApiError('invalid_input', `Cannot merge: ${orphanedMessage(claim)}`);
        }
        const article = findArticle(ws, keep.articleId);
        const tags = [...new Set([...keep.tags, ...merge.tags])];
        if (tags.length > MAX_TAGS) throw new ApiError('invalid_input', `The merged claim would have ${tags.length} tags (${MAX_TAGS} at most).`);
        const cited = new Set(keep.sources.map((l) => l.sourceId));

        keep.quote = quoteAt(article.text, Math.min(keep.quote.start, merge.quote.start), Math.max(keep.quote.end, merge.quote.end));
        keep.text = `${keep.text} ${merge.text}`.trim().slice(0, MAX_WORDING).trim();
        keep.tags = tags;
        keep.sources = [...keep.sources.map((l) => ({ ...l })), ...merge.sources.filter((l) => !cited.has(l.sourceId)).map((l) => ({ ...l }))];
        keep.verdict = keep.verdict ?? (merge.verdict && { ...merge.verdict });
        keep.priority = PRIORITIES[Math.max(PRIORITIES.indexOf(keep.priority), PRIORITIES.indexOf(merge.priority))]!;
        keep.dueDate = [keep.dueDate, merge.dueDate].filter((d): d is string => d !== null).sort()[0] ?? null;
        keep.score = keep.score === null ? merge.score : merge.score === null ? keep.score : Math.max(keep.score, merge.score);
        keep.assignee = keep.assignee ?? merge.assignee;
        keep.updatedAt = store.timestamp();

        // Claims that repeated the merged one now repeat the kept one.
        snapshot(ws.claims).forEach((c, i) => {
          if (c.duplicateOf === mergeId) ws.claims[i]!.duplicateOf = c.id === keepId ? null : keepId;
        });
        if (keep.duplicateOf !== null && leadsTo(snapshot(ws.claims), keep.duplicateOf, keepId)) keep.duplicateOf = null;
        const claim = current(keep);
        removeClaims(ws, new Set([mergeId]));
        return { claim, removedId: mergeId };
      }),
    splitClaim: ({ id, at }) =>
      store.update('Split claim', (ws) => {
        const claim = findEditableClaim(ws, id);
        if (claim.anchor === 'orphaned') throw new ApiError('invalid_input', `Cannot split: ${orphanedMessage(claim)}`);
        const { start, end } = claim.quote;
        if (at <= start || at >= end) {
          throw new ApiError('invalid_input', `The split point ${at} must be inside the claim's quote (between ${start} and ${end}, exclusive).`);
        }
        const text = findArticle(ws, claim.articleId).text;
        const firstRange = trimRange(text, start, at);
        const secondRange = trimRange(text, at, end);
        if (!firstRange || !secondRange) throw new ApiError('invalid_input', 'Both parts of a split claim must contain text; choose another split point.');
        const now = store.timestamp();
        const firstQuote = quoteAt(text, firstRange.start, firstRange.end);
        const secondQuote = quoteAt(text, secondRange.start, secondRange.end);
        claim.quote = firstQuote;
        claim.text = wordingOf(firstQuote.exact);
        claim.updatedAt = now;
        const second: Claim = {
          id: store.newId(),
          articleId: claim.articleId,
          text: wordingOf(secondQuote.exact),
          quote: secondQuote,
          status: claim.status,
          priority: claim.priority,
          assignee: claim.assignee,
          tags: [...claim.tags],
          dueDate: claim.dueDate,
          anchor: 'attached',
          duplicateOf: null,
          review: null,
          corrections: [],
          score: scoreSentence(secondQuote.exact).score,
          verdict: null,
          sources: claim.sources.map((l) => ({ ...l })),
          createdAt: now,
          updatedAt: now,
        };
        // The new part has no review of its own and no verdict yet: it cannot be In review, or Ready against the rules.
        if (second.status === 'in_review' || (second.status === 'ready' && readyRefusal(second, ws.settings))) second.status = 'researching';
        ws.claims.push(second);
        return { first: claim, second };
      }),
    linkDuplicate: ({ claimId, originalId, reuseVerdict }) =>
      store.update(originalId === null ? 'Unlink duplicate' : 'Mark as duplicate', (ws) => {
        const claim = findEditableClaim(ws, claimId);
        if (originalId === null) {
          if (claim.duplicateOf !== null) {
            claim.duplicateOf = null;
            claim.updatedAt = store.timestamp();
          }
          return claim;
        }
        if (originalId === claimId) throw new ApiError('invalid_input', 'A claim cannot be a duplicate of itself.');
        const original = findClaim(ws, originalId);
        if (leadsTo(snapshot(ws.claims), originalId, claimId)) {
          throw new ApiError(
            'invalid_input',
            `"${excerpt(original.text)}" is already marked (directly or through other claims) as a duplicate of this claim; linking them the other way too would make a cycle.`,
          );
        }
        const now = store.timestamp();
        claim.duplicateOf = originalId;
        if (reuseVerdict) {
          if (original.verdict) claim.verdict = { ...original.verdict, decidedAt: now };
          const cited = new Set(claim.sources.map((l) => l.sourceId));
          for (const link of original.sources) if (!cited.has(link.sourceId)) claim.sources.push({ ...link });
        }
        claim.updatedAt = now;
        return claim;
      }),

    addSource: ({ claimId, source: fields, stance }) =>
      store.update('Add source', (ws) => {
        const claim = findEditableClaim(ws, claimId);
        // One library entry per address: scheme and host case, a trailing slash or tracking parameters do not make another.
        const key = normalizeUrl(fields.url);
        let source: Source | undefined = ws.sources.find((s) => normalizeUrl(s.url) === key);
        if (!source) {
          const accessedAt = store.timestamp();
          source = { ...fields, id: store.newId(), accessedAt, archiveUrl: archiveUrl(fields.url, accessedAt) };
          ws.sources.push(source);
        }
        const { id: sourceId, url } = source;
        if (claim.sources.some((link) => link.sourceId === sourceId)) {
          throw new ApiError('conflict', `This claim already cites ${url}.`);
        }
        claim.sources.push({ sourceId, stance });
        claim.updatedAt = store.timestamp();
        return { claim, source };
      }),
    linkSource: ({ claimId, sourceId, stance }) =>
      editClaim(store, claimId, (claim, ws) => {
        const source = findSource(ws, sourceId);
        if (claim.sources.some((link) => link.sourceId === sourceId)) {
          throw new ApiError('conflict', `This claim already cites ${quoted(source.title)} (${source.url}).`);
        }
        claim.sources.push({ sourceId, stance });
      }, 'Cite source'),
    updateSource: ({ id, patch }) =>
      store.update('Edit source', (ws) => {
        const source = findSource(ws, id);
        Object.assign(source, patch);
        return source;
      }),
    setSourceStance: ({ claimId, sourceId, stance }) =>
      editClaim(store, claimId, (claim) => {
        findLink(claim, sourceId).stance = stance;
      }, 'Change stance'),
    unlinkSource: ({ claimId, sourceId }) =>
      editClaim(store, claimId, (claim) => {
        findLink(claim, sourceId);
        claim.sources = claim.sources.filter((link) => link.sourceId !== sourceId);
      }, 'Remove source'),
    setVerdict: ({ claimId, verdict }) =>
      editClaim(store, claimId, (claim, ws) => {
        if (verdict && !ws.settings.ratingScale.some((r) => r.id === verdict.ratingId)) {
          throw new ApiError('invalid_input', `"${verdict.ratingId}" is not a rating on this workspace's scale.`);
        }
        claim.verdict = verdict ? { ...verdict, decidedAt: store.timestamp() } : null;
      }, verdict ? 'Set verdict' : 'Clear verdict'),

    setRatingScale: ({ preset, levels, conclusionOnly, mapping }) =>
      store.update('Change rating scale', (ws) => {
        checkScale(levels, conclusionOnly);
        const onScale = new Set(levels.map((l) => l.id));
        const moves = new Map(Object.entries(mapping).filter(([from]) => !onScale.has(from)));
        for (const [from, to] of moves) {
          if (!onScale.has(to)) throw new ApiError('invalid_input', `"${from}" is mapped to "${to}", which is not a level of the new scale.`);
        }
        const unmapped = new Map<string, number>();
        const rewrite: number[] = [];
        snapshot(ws.claims).forEach((claim, i) => {
          const ratingId = claim.verdict?.ratingId;
          if (ratingId === undefined || onScale.has(ratingId)) return;
          if (moves.has(ratingId)) rewrite.push(i);
          else unmapped.set(ratingId, (unmapped.get(ratingId) ?? 0) + 1);
        });
        if (unmapped.size > 0) throw new ApiError('conflict', unmappedMessage(ws.settings, unmapped));
        const now = store.timestamp();
        for (const i of rewrite) {
          const claim = ws.claims[i]!;
          claim.verdict!.ratingId = moves.get(claim.verdict!.ratingId)!;
          claim.updatedAt = now;
        }
        ws.settings.ratingScale = levels;
        ws.settings.ratingPreset = preset;
        ws.settings.conclusionOnly = conclusionOnly;
        return ws.settings;
      }),

    requestReview: ({ claimId, reviewer }) =>
      store.update('Request review', (ws) => {
        const claim = findClaim(ws, claimId);
        const editor = currentEditor(ws);
        if (samePerson(reviewer, editor)) throw new ApiError('forbidden', 'Ask another editor to review: you cannot review your own claim.');
        assertEditable(claim);
        const refusal = readyRefusal(claim, ws.settings, 'review');
        if (refusal) throw new ApiError('conflict', refusal);
        const now = store.timestamp();
        claim.review = { state: 'requested', requestedBy: editor, requestedAt: now, reviewer: reviewer.trim(), decidedAt: null, comment: '' };
        claim.status = 'in_review';
        claim.updatedAt = now;
        return claim;
      }),
    decideReview: ({ claimId, approve, comment }) =>
      store.update(approve ? 'Approve review' : 'Send back', (ws) => {
        const claim = findClaim(ws, claimId);
        const review = claim.review;
        if (claim.status !== 'in_review' || review?.state !== 'requested') {
          throw new ApiError('conflict', `${quoted(claim.text)} is not waiting for a review (it is ${STATUS_LABELS[claim.status]}): request one first.`);
        }
        const editor = currentEditor(ws);
        if (!samePerson(editor, review.reviewer)) {
          throw new ApiError('forbidden', `Only ${review.reviewer} can ${approve ? 'approve this review' : 'send this claim back'}.`);
        }
        const note = comment.trim();
        const now = store.timestamp();
        if (approve) {
          const refusal = readyRefusal(claim, ws.settings, 'publish');
          if (refusal) throw new ApiError('conflict', refusal);
          claim.status = 'published';
          claim.review = { ...review, state: 'approved', decidedAt: now, comment: note };
        } else {
          if (!note) throw new ApiError('invalid_input', 'Write a comment saying what needs to change before sending the claim back.');
          claim.status = 'researching';
          claim.review = { ...review, state: 'sent_back', decidedAt: now, comment: note };
        }
        claim.updatedAt = now;
        return claim;
      }),
    reopenClaim: ({ claimId, note }) =>
      store.update('Reopen for correction', (ws) => {
        const claim = findClaim(ws, claimId);
        if (claim.status !== 'published') {
          throw new ApiError('conflict', `Only published claims are reopened for correction; ${quoted(claim.text)} is ${STATUS_LABELS[claim.status]}.`);
        }
        const editor = currentEditor(ws);
        const now = store.timestamp();
        claim.corrections.push({ note, by: editor, at: now });
        claim.status = 'researching';
        claim.review = null;
        claim.updatedAt = now;
        return claim;
      }),
    async getClaimHistory({ claimId }) {
      const entries = await store.claimHistory(claimId);
      if (entries.length === 0) findClaim(store.data, claimId);
      return entries;
    },

    undo: () => store.undo(),
    redo: () => store.redo(),
    getHistory: () => store.settledHistory(),

    async exportReport(request) {
      return exportReport({ workspace: store.data, audit: await store.readAudit() }, request, store.timestamp());
    },

    // Imports answer drafts and never write: the editor adds the article with createArticle.
    importFile: (input) => importFile(input),
    startUrlImport: async ({ url }) => webImports.start(url),
    getImportJob: async ({ jobId }) => webImports.get(jobId),
    cancelImport: async ({ jobId }) => webImports.cancel(jobId),
    importBundle: ({ content }) => importBundle(store, content),
    async exportWorkspace() {
      return exportWorkspace(store);
    },
    restoreWorkspace: ({ content, mode }) => restoreWorkspace(store, content, mode),
  };
}

const CLAIM_FIELD_LABELS: Record<string, string> = {
  text: 'Edit wording',
  status: 'Change status',
  priority: 'Change priority',
  assignee: 'Change assignee',
  tags: 'Change tags',
  dueDate: 'Change due date',
};

function settingsLabel(keys: readonly string[]): string {
  if (keys.length !== 1) return 'Change settings';
  switch (keys[0]) {
    case 'organizationName':
      return 'Rename organization';
    case 'assignees':
      return 'Change assignee list';
    case 'suggestionThreshold':
      return 'Change threshold';
    case 'view':
      return 'Change view';
    case 'readyRules':
      return 'Change ready rules';
    case 'currentEditor':
      return 'Change editor';
    default:
      return 'Change settings';
  }
}

function restoreLabel(articles: number, claims: number): string {
  if (articles === 1) return 'Restore article';
  if (articles > 1) return `Restore ${articles} articles`;
  return claims === 1 ? 'Restore claim' : `Restore ${claims} claims`;
}

const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;
const excerpt = (text: string) => (text.length > 60 ? `${text.slice(0, 59)}…` : text);
const orphanedMessage = (claim: Claim) =>
  `the quote of "${excerpt(claim.text)}" is no longer in the article text (it is orphaned); restore the text or delete the claim first.`;

/** A claim's wording from its quote: whitespace collapsed, at most 2,000 characters. */
function wordingOf(exact: string): string {
  return exact.replace(/\s+/g, ' ').trim().slice(0, MAX_WORDING).trim();
}

/** [start, end) of `text` without whitespace at either end; null when nothing is left. */
function trimRange(text: string, start: number, end: number): Span | null {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return end > start ? { start, end } : null;
}

/** The current value of a (possibly draft) array, without creating a proxy per element. */
function snapshot<T>(items: T[]): readonly T[] {
  return isDraft(items) ? (current(items as never) as readonly T[]) : items;
}

function indicesWhere<T>(items: T[], test: (item: T) => boolean): number[] {
  const out: number[] = [];
  snapshot(items).forEach((item, i) => {
    if (test(item)) out.push(i);
  });
  return out;
}

/** Whether following `duplicateOf` from claim `fromId` reaches `targetId`. */
function leadsTo(claims: readonly Claim[], fromId: string, targetId: string): boolean {
  const byId = new Map(claims.map((c) => [c.id, c]));
  const seen = new Set<string>();
  for (let id: string | null = fromId; id !== null && !seen.has(id); id = byId.get(id)?.duplicateOf ?? null) {
    if (id === targetId) return true;
    seen.add(id);
  }
  return false;
}

/**
 * Removes the claims with these ids and returns them; claims marked as their duplicates
 * are unlinked (the change, and so its undo, includes that). The claims array is replaced
 * by a new one, so this must be the last thing a change does to claims.
 */
function removeClaims(ws: Workspace, ids: ReadonlySet<string>): Claim[] {
  const removed: Claim[] = [];
  snapshot(ws.claims).forEach((c, i) => {
    if (ids.has(c.id)) removed.push(c);
    else if (c.duplicateOf !== null && ids.has(c.duplicateOf)) ws.claims[i]!.duplicateOf = null;
  });
  ws.claims = snapshot(ws.claims).filter((c) => !ids.has(c.id));
  return removed;
}

/** Dismissed spans found again in the new text by their old text and context; lost ones are dropped. */
function remapSpans(spans: readonly Span[], oldText: string, newText: string, anchorer: ReturnType<typeof createAnchorer>): Span[] {
  const out: Span[] = [];
  const seen = new Set<string>();
  for (const span of spans) {
    let quote;
    try {
      quote = quoteAt(oldText, span.start, span.end);
    } catch {
      continue;
    }
    const found = anchorer.find(quote);
    if (!found || found.end > newText.length || seen.has(`${found.start}:${found.end}`)) continue;
    seen.add(`${found.start}:${found.end}`);
    out.push({ start: found.start, end: found.end });
  }
  return out;
}

/** A new claim quoting `span` of the article, scored; refuses bad ranges and passages that already are claims. */
function newClaim(ws: Workspace, article: Article, span: Span, store: WorkspaceStore, text?: string): Claim {
  let quote;
  try {
    quote = quoteAt(article.text, span.start, span.end);
  } catch (error) {
    if (error instanceof QuoteRangeError) throw new ApiError('invalid_input', `Cannot create the claim: ${error.message}.`);
    throw error;
  }
  const twin = ws.claims.find(
    (c) => c.articleId === article.id && c.anchor !== 'orphaned' && c.quote.start === span.start && c.quote.end === span.end,
  );
  if (twin) throw new ApiError('conflict', `This passage is already a claim: "${twin.text.slice(0, 80)}".`);
  return newClaimOf({
    id: store.newId(),
    articleId: article.id,
    text: text ?? wordingOf(quote.exact),
    quote,
    score: scoreSentence(quote.exact).score,
    createdAt: store.timestamp(),
  });
}

function editClaim(
  store: WorkspaceStore,
  id: string,
  edit: (claim: Claim, ws: Workspace) => void,
  label: string,
  coalesce?: string,
): Promise<Claim> {
  return store.update(
    label,
    (ws) => {
      const claim = findEditableClaim(ws, id);
      edit(claim, ws);
      claim.updatedAt = store.timestamp();
      return claim;
    },
    { coalesce },
  );
}

function findClaim(ws: Workspace, id: string): Claim {
  const claim = ws.claims.find((c) => c.id === id);
  if (!claim) throw new ApiError('not_found', `There is no claim with id ${id}; it may have been deleted.`);
  return claim;
}

/** The (draft) claims with these ids, or not_found naming the missing ones: all or none. */
function findClaims(ws: Workspace, ids: readonly string[]): Claim[] {
  const index = new Map<string, number>();
  snapshot(ws.claims).forEach((c, i) => index.set(c.id, i));
  const missing = ids.filter((id) => !index.has(id));
  if (missing.length > 0) {
    throw new ApiError('not_found', `There is no claim with id ${listIds(missing)} (it may have been deleted); nothing was changed.`);
  }
  return ids.map((id) => ws.claims[index.get(id)!]!);
}

function findSource(ws: Workspace, id: string): Source {
  const source = ws.sources.find((s) => s.id === id);
  if (!source) throw new ApiError('not_found', `There is no source with id ${id} in the library.`);
  return source;
}

/** What every change of a published claim is refused with. */
export const LOCKED_MESSAGE = 'This claim is published. Reopen it for correction first.';

/** Published claims are locked: editing one starts with "Reopen for correction". */
function assertEditable(claim: Claim): void {
  if (claim.status === 'published') throw new ApiError('forbidden', LOCKED_MESSAGE);
}

function findEditableClaim(ws: Workspace, id: string): Claim {
  const claim = findClaim(ws, id);
  assertEditable(claim);
  return claim;
}

/** Bulk changes are all or none: one published claim among them refuses the lot. */
function assertAllEditable(claims: readonly Claim[]): void {
  const published = claims.filter((c) => c.status === 'published');
  if (published.length === 0) return;
  const first = quoted(published[0]!.text);
  const who = published.length === 1 ? `${first} is published` : `${first} and ${plural(published.length - 1, 'other selected claim')} are published`;
  throw new ApiError('forbidden', `${who}. Reopen ${published.length === 1 ? 'it' : 'them'} for correction first. Nothing was changed.`);
}

export const PUBLISH_DIRECTLY_MESSAGE = 'A claim is published when its reviewer approves it: use Request review.';
export const IN_REVIEW_DIRECTLY_MESSAGE = 'A claim goes to In review when you ask for a review: use Request review and choose a reviewer.';

/** Why `claim` cannot be given `status` directly (an error to throw), or null when it can. */
function statusRefusal(claim: Claim, status: ClaimStatus, settings: Settings): ApiError | null {
  if (status === claim.status) return null;
  if (status === 'published') return new ApiError('forbidden', PUBLISH_DIRECTLY_MESSAGE);
  if (status === 'in_review') return new ApiError('forbidden', IN_REVIEW_DIRECTLY_MESSAGE);
  if (status === 'ready') {
    const refusal = readyRefusal(claim, settings, 'ready');
    if (refusal) return new ApiError('conflict', refusal);
  }
  return null;
}

/** A claim moved out of In review by hand withdraws its pending review request. */
function leaveReview(claim: Claim, previous: ClaimStatus): void {
  if (previous === 'in_review' && claim.status !== 'in_review' && claim.review?.state === 'requested') claim.review = null;
}

/** The editor named in the status bar; refuses when nobody is. */
function currentEditor(ws: Workspace): string {
  const name = ws.settings.currentEditor.trim();
  if (!name) throw new ApiError('forbidden', 'Say who you are first (status bar).');
  return name;
}

const samePerson = (a: string, b: string) => a.trim().toLocaleLowerCase('en') === b.trim().toLocaleLowerCase('en');

/** Level ids and labels are unique; a written-conclusion scale has exactly one level. */
function checkScale(levels: readonly Settings['ratingScale'][number][], conclusionOnly: boolean): void {
  const ids = new Set<string>();
  const labels = new Set<string>();
  for (const level of levels) {
    if (ids.has(level.id)) throw new ApiError('invalid_input', `Two levels have the id "${level.id}": each level needs its own.`);
    const label = level.label.trim().toLocaleLowerCase('en');
    if (labels.has(label)) throw new ApiError('invalid_input', `Two levels are labelled "${level.label.trim()}": give each level its own label.`);
    ids.add(level.id);
    labels.add(label);
  }
  if (conclusionOnly && levels.length !== 1) {
    throw new ApiError('invalid_input', `A written-conclusion scale has exactly one level (such as "See conclusion"); this one has ${levels.length}.`);
  }
}

/** `3 verdicts use "Mostly true", 1 uses "Pants on fire": choose what they become.` */
function unmappedMessage(settings: Settings, counts: ReadonlyMap<string, number>): string {
  const order = new Map(settings.ratingScale.map((l, i) => [l.id, i]));
  const parts = [...counts]
    .sort(([a], [b]) => (order.get(a) ?? Infinity) - (order.get(b) ?? Infinity))
    .map(([id, n], i) => {
      const label = settings.ratingScale.find((l) => l.id === id)?.label ?? id;
      const noun = i === 0 ? (n === 1 ? ' verdict' : ' verdicts') : '';
      return `${n}${noun} ${n === 1 ? 'uses' : 'use'} "${label}"`;
    });
  return `${parts.join(', ')}: choose what they become.`;
}

function findLink(claim: Claim, sourceId: string) {
  const link = claim.sources.find((l) => l.sourceId === sourceId);
  if (!link) throw new ApiError('not_found', `The claim does not cite source ${sourceId}.`);
  return link;
}
