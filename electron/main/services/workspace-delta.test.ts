import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { current, isDraft, enableArrayMethods, enablePatches, freeze, produceWithPatches, type Draft } from 'immer';
import { describe, expect, it } from 'vitest';
import { Workspace } from '../../../shared/domain/schemas';
import { changesOf, checkChange, diffWorkspace } from './workspace-delta';
import { largeWorkspace } from './test-helpers';

enablePatches();
enableArrayMethods();

/** One random edit of a small workspace, valid or not. */
const Edit = fc.oneof(
  fc.record({ kind: fc.constant('claimArticle' as const), i: fc.nat(), target: fc.nat(), missing: fc.boolean() }),
  fc.record({ kind: fc.constant('title' as const), i: fc.nat(), title: fc.constantFrom('', 'New title', '  padded  ', 'two\nlines') }),
  fc.record({ kind: fc.constant('removeArticle' as const), i: fc.nat(), splice: fc.boolean() }),
  fc.record({ kind: fc.constant('removeSource' as const), i: fc.nat() }),
  fc.record({ kind: fc.constant('removeClaim' as const), i: fc.nat(), splice: fc.boolean() }),
  fc.record({ kind: fc.constant('duplicateOf' as const), i: fc.nat(), target: fc.nat(), missing: fc.boolean() }),
  fc.record({ kind: fc.constant('verdict' as const), i: fc.nat(), ratingId: fc.constantFrom('true', 'false', 'pants-on-fire') }),
  fc.record({ kind: fc.constant('copyArticle' as const), i: fc.nat() }),
  fc.record({ kind: fc.constant('copyClaim' as const), i: fc.nat(), newId: fc.boolean() }),
  fc.record({ kind: fc.constant('dropRating' as const), ratingId: fc.constantFrom('true', 'unverifiable') }),
  fc.record({ kind: fc.constant('linkSource' as const), i: fc.nat(), target: fc.nat(), missing: fc.boolean() }),
  fc.record({ kind: fc.constant('status' as const), i: fc.nat(), status: fc.constantFrom('ready', 'done') }),
  fc.record({ kind: fc.constant('threshold' as const), value: fc.constantFrom(0.3, 2) }),
);
type Edit = typeof Edit extends fc.Arbitrary<infer T> ? T : never;

function apply(ws: Draft<Workspace>, edit: Edit, step: number): void {
  const pick = <T>(items: T[], i: number): T | undefined => (items.length ? items[i % items.length] : undefined);
  const claim = pick(ws.claims, 'i' in edit ? edit.i : 0);
  switch (edit.kind) {
    case 'claimArticle':
      if (claim) claim.articleId = edit.missing ? 'missing000' : (pick(ws.articles, edit.target)?.id ?? 'missing000');
      break;
    case 'title': {
      const article = pick(ws.articles, edit.i);
      if (article) article.title = edit.title;
      break;
    }
    case 'removeArticle':
      if (ws.articles.length) {
        if (edit.splice) ws.articles.splice(edit.i % ws.articles.length, 1);
        else ws.articles = ws.articles.filter((_, j) => j !== edit.i % ws.articles.length);
      }
      break;
    case 'removeSource':
      if (ws.sources.length) ws.sources.splice(edit.i % ws.sources.length, 1);
      break;
    case 'removeClaim':
      if (ws.claims.length) {
        if (edit.splice) ws.claims.splice(edit.i % ws.claims.length, 1);
        else ws.claims = ws.claims.filter((_, j) => j !== edit.i % ws.claims.length);
      }
      break;
    case 'duplicateOf':
      if (claim) claim.duplicateOf = edit.missing ? 'missing000' : (pick(ws.claims, edit.target)?.id ?? null);
      break;
    case 'verdict':
      if (claim) claim.verdict = { ratingId: edit.ratingId, conclusion: '', rationale: '', decidedAt: '2026-11-25T10:00:00.000Z' };
      break;
    case 'copyArticle': {
      const article = pick(ws.articles, edit.i);
      if (article) ws.articles.push({ ...article, dismissed: [...article.dismissed] });
      break;
    }
    case 'copyClaim':
      if (claim) ws.claims.push({ ...structuredClone(isDraft(claim) ? current(claim) : claim), id: edit.newId ? `new${String(step).padStart(6, '0')}` : claim.id });
      break;
    case 'dropRating':
      ws.settings.ratingScale = ws.settings.ratingScale.filter((r) => r.id !== edit.ratingId);
      break;
    case 'linkSource':
      if (claim) claim.sources.push({ sourceId: edit.missing ? 'missing000' : (pick(ws.sources, edit.target)?.id ?? 'missing000'), stance: 'context' });
      break;
    case 'status':
      if (claim) (claim as { status: string }).status = edit.status;
      break;
    case 'threshold':
      ws.settings.suggestionThreshold = edit.value;
      break;
  }
}

function small(): Workspace {
  const ws = largeWorkspace(3, 4);
  ws.sources.push({ ...ws.sources[0]!, id: 'source0002', url: 'https://stats.example/t2' });
  ws.claims[1]!.duplicateOf = ws.claims[0]!.id;
  ws.claims[5]!.sources.push({ sourceId: 'source0002', stance: 'refutes' });
  return freeze(Workspace.parse(ws), true);
}

describe('incremental validation', () => {
  it('property: refuses exactly what a full parse of the workspace refuses', () => {
    const base = small();
    fc.assert(
      fc.property(fc.array(Edit, { minLength: 1, maxLength: 4 }), (edits) => {
        const [after, patches] = produceWithPatches(base, (draft) => {
          edits.forEach((edit, step) => apply(draft, edit, step));
        });
        const delta = diffWorkspace(base, after, patches);
        const { issues } = checkChange(base, after, delta);
        const full = Workspace.safeParse(after);
        expect(issues.length === 0, JSON.stringify({ issues, full: full.error?.issues })).toBe(full.success);
      }),
      { numRuns: 500 },
    );
  });

  it('property: the changes name every entity that is new or different (and no untouched one), and every id that is gone', () => {
    const base = small();
    fc.assert(
      fc.property(fc.array(Edit, { minLength: 1, maxLength: 4 }), (edits) => {
        const [after, patches] = produceWithPatches(base, (draft) => {
          edits.forEach((edit, step) => apply(draft, edit, step));
        });
        const changes = changesOf(after, diffWorkspace(base, after, patches));
        for (const name of ['articles', 'claims', 'sources'] as const) {
          // Every entity whose content changed is named; none that is still the same object.
          const sameObject = new Set<unknown>(base[name]);
          const byId = new Map<string, unknown>(base[name].map((x) => [x.id, x]));
          const reported = new Set<unknown>(changes[name]);
          for (const entity of after[name]) {
            if (!isDeepStrictEqual(entity, byId.get(entity.id))) expect(reported.has(entity)).toBe(true);
            if (sameObject.has(entity)) expect(reported.has(entity)).toBe(false);
          }
          const ids = new Set(after[name].map((x) => x.id));
          expect(new Set(changes.removed[name])).toEqual(new Set(base[name].map((x) => x.id).filter((id) => !ids.has(id))));
        }
        expect(changes.settings).toBe(after.settings === base.settings ? null : after.settings);
      }),
      { numRuns: 500 },
    );
  });

  it('validates an in-place edit of one claim without parsing the workspace, and gives its parsed form', () => {
    const base = small();
    const [after, patches] = produceWithPatches(base, (draft) => {
      draft.articles[0]!.title = '  Padded title  ';
      draft.claims[3]!.text = 'New wording';
    });
    const delta = diffWorkspace(base, after, patches);
    expect(delta).toMatchObject({ articles: { touched: [0], removed: [] }, claims: { touched: [3], removed: [] }, settings: false, other: false });
    expect(checkChange(base, after, delta)).toEqual({ issues: [], replacements: [{ path: ['articles', 0], value: { ...after.articles[0], title: 'Padded title' } }] });
  });
});
