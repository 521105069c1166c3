import { current, isDraft } from 'immer';
import type { Handlers, ServiceMethod } from '../../../shared/api/contract';
import { ApiError } from '../../../shared/api/result';
import { PRIORITIES, type Article, type Claim, type Span, type Workspace } from '../../../shared/domain/schemas';
import { scoreSentence } from '../../../shared/checkworthiness/score';
import { quoteAt, QuoteRangeError } from '../../../shared/domain/quote';
import { createAnchorer } from '../../../shared/anchoring/reanchor';
import { exportReport } from './export';
import type { WorkspaceStore } from './store';

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
    async getWorkspace() {
      return store.data;
    },
    updateSettings: ({ patch }) => {
      const keys = Object.keys(patch);
      // How the claims are viewed is saved, but it is not an edit: undo skips it.
      const viewOnly = keys.every((k) => k === 'view');
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
        (claim) => {
          if (patch.tags) patch.tags = [...new Set(patch.tags)];
          Object.assign(claim, patch);
        },
        (single && CLAIM_FIELD_LABELS[single]) || 'Edit claim',
        coalesce,
      );
    },
    updateClaims: ({ ids, patch }) => {
      const unique = [...new Set(ids)];
      return store.update(`Change ${plural(unique.length, 'claim')}`, (ws) => {
        const claims = findClaims(ws, unique);
        const now = store.timestamp();
        const remove = new Set(patch.removeTags ?? []);
        for (const claim of claims) {
          if (patch.status !== undefined) claim.status = patch.status;
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
        findClaim(ws, id);
        return { articles: [], claims: removeClaims(ws, new Set([id])) };
      }),
    deleteClaims: ({ ids }) => {
      const unique = [...new Set(ids)];
      return store.update(`Delete ${plural(unique.length, 'claim')}`, (ws) => {
        findClaims(ws, unique);
        return { articles: [], claims: removeClaims(ws, new Set(unique)) };
      });
    },
    mergeClaims: ({ keepId, mergeId }) =>
      store.update('Merge claims', (ws) => {
        if (keepId === mergeId) throw new ApiError('invalid_input', 'A claim cannot be merged into itself: choose two different claims.');
        const keep = findClaim(ws, keepId);
        const merge = findClaim(ws, mergeId);
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
        const claim = findClaim(ws, id);
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
          score: scoreSentence(secondQuote.exact).score,
          verdict: null,
          sources: claim.sources.map((l) => ({ ...l })),
          createdAt: now,
          updatedAt: now,
        };
        ws.claims.push(second);
        return { first: claim, second };
      }),
    linkDuplicate: ({ claimId, originalId, reuseVerdict }) =>
      store.update(originalId === null ? 'Unlink duplicate' : 'Mark as duplicate', (ws) => {
        const claim = findClaim(ws, claimId);
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
        const claim = findClaim(ws, claimId);
        let source = ws.sources.find((s) => s.url === fields.url);
        if (!source) {
          source = { ...fields, id: store.newId(), accessedAt: store.timestamp() };
          ws.sources.push(source);
        }
        const sourceId = source.id;
        if (claim.sources.some((link) => link.sourceId === sourceId)) {
          throw new ApiError('conflict', `This claim already cites ${fields.url}.`);
        }
        claim.sources.push({ sourceId, stance });
        claim.updatedAt = store.timestamp();
        return { claim, source };
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

    undo: () => store.undo(),
    redo: () => store.redo(),
    getHistory: () => store.settledHistory(),

    async exportReport({ articleId, format }) {
      const ws = store.data;
      return exportReport(ws, findArticle(ws, articleId), format, store.timestamp());
    },
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
  const now = store.timestamp();
  return {
    id: store.newId(),
    articleId: article.id,
    text: text ?? wordingOf(quote.exact),
    quote,
    status: 'new',
    priority: 'normal',
    assignee: null,
    tags: [],
    dueDate: null,
    anchor: 'attached',
    duplicateOf: null,
    score: scoreSentence(quote.exact).score,
    verdict: null,
    sources: [],
    createdAt: now,
    updatedAt: now,
  };
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
      const claim = findClaim(ws, id);
      edit(claim, ws);
      claim.updatedAt = store.timestamp();
      return claim;
    },
    { coalesce },
  );
}

function findArticle(ws: Workspace, id: string): Article {
  const article = ws.articles.find((a) => a.id === id);
  if (!article) throw new ApiError('not_found', `There is no article with id ${id}; it may have been deleted.`);
  return article;
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
    const shown = missing.slice(0, 3).join(', ') + (missing.length > 3 ? ` and ${missing.length - 3} more` : '');
    throw new ApiError('not_found', `There is no claim with id ${shown} (it may have been deleted); nothing was changed.`);
  }
  return ids.map((id) => ws.claims[index.get(id)!]!);
}

function findLink(claim: Claim, sourceId: string) {
  const link = claim.sources.find((l) => l.sourceId === sourceId);
  if (!link) throw new ApiError('not_found', `The claim does not cite source ${sourceId}.`);
  return link;
}
