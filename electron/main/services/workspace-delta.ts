/**
 * What a change did to the workspace, from its patches, and the validation of only that:
 * the entities it touched against their own schemas, and the cross-reference rules it can
 * have broken. A whole-workspace parse costs ~50 ms at 10,000 claims; this costs what the
 * change touched (plus a scan of the claims when something they may point to was removed).
 */
import { isDeepStrictEqual } from 'node:util';
import type { Patch } from 'immer';
import type { z } from 'zod';
import { Article, Claim, Settings, Source, Workspace } from '../../../shared/domain/schemas';
import type { WorkspaceChanges } from '../../../shared/api/contract';
import { describeIssues } from '../../../shared/api/dispatch';
import type { ApiIssue } from '../../../shared/api/result';

export const COLLECTIONS = ['articles', 'claims', 'sources'] as const;
export type CollectionName = (typeof COLLECTIONS)[number];

const SCHEMAS: { [C in CollectionName]: z.ZodType } = { articles: Article, claims: Claim, sources: Source };
const KNOWN_KEYS = new Set<PropertyKey>(['schemaVersion', 'settings', ...COLLECTIONS]);

export interface CollectionDelta {
  /** Indices, in the new workspace, of the entities that are new or changed. */
  readonly touched: number[];
  /** Ids that were in the old workspace and are not in the new one. */
  readonly removed: string[];
  /** Indices, in the new workspace, of entities whose id an earlier entity already has. */
  readonly duplicates: number[];
}

export interface WorkspaceDelta {
  readonly articles: CollectionDelta;
  readonly claims: CollectionDelta;
  readonly sources: CollectionDelta;
  readonly settings: boolean;
  /** Something outside the collections and settings changed: validate the whole workspace. */
  readonly other: boolean;
}

type Entity = { readonly id: string };

/** Id sets of (immutable) entity arrays, kept while the array is alive. */
const idSets = new WeakMap<readonly Entity[], Set<string>>();

function idsOf(items: readonly Entity[]): Set<string> {
  let ids = idSets.get(items);
  if (!ids) {
    ids = new Set(items.map((item) => item.id));
    idSets.set(items, ids);
  }
  return ids;
}

/** The cached id set of `items`, if there is one (kept up to date by whoever writes the array in place). */
export function idsKnown(items: readonly Entity[]): Set<string> | undefined {
  return idSets.get(items);
}

/** `to` is a copy of `from` that will be written in place from now on: it takes the cached id set. */
export function moveIds(from: readonly Entity[], to: readonly Entity[]): void {
  const ids = idSets.get(from);
  if (!ids) return;
  idSets.delete(from);
  idSets.set(to, ids);
}

export function forgetIds(items: readonly Entity[]): void {
  idSets.delete(items);
}

const unchanged = (): CollectionDelta => ({ touched: [], removed: [], duplicates: [] });

/** Which entities `patches` (turning `before` into `after`) touched or removed. */
export function diffWorkspace(before: Workspace, after: Workspace, patches: readonly Patch[]): WorkspaceDelta {
  const paths: Record<CollectionName, (string | number)[][]> = { articles: [], claims: [], sources: [] };
  let settings = false;
  let other = false;
  for (const { path } of patches) {
    const head = path[0];
    if (path.length === 0 || !KNOWN_KEYS.has(head as PropertyKey)) other = true;
    else if (head === 'settings') settings = true;
    else if (head === 'schemaVersion') other = true;
    else paths[head as CollectionName].push(path);
  }
  return {
    articles: diffCollection(before.articles, after.articles, paths.articles),
    claims: diffCollection(before.claims, after.claims, paths.claims),
    sources: diffCollection(before.sources, after.sources, paths.sources),
    settings: settings && before.settings !== after.settings,
    other,
  };
}

/**
 * In-place edits (every patch below `[collection, index]`, same length, same ids at those
 * indices) are read straight from the patch paths. Anything else (adds, removals, a new
 * array) is found by comparing the two arrays by identity, which immer's structural
 * sharing makes exact: an entity object that did not change is the same object.
 */
function diffCollection(before: readonly Entity[], after: readonly Entity[], paths: readonly (string | number)[][]): CollectionDelta {
  if (before === after || paths.length === 0) return unchanged();
  if (before.length === after.length) {
    const touched = new Set<number>();
    let inPlace = true;
    for (const path of paths) {
      const index = path[1];
      if (path.length < 2 || typeof index !== 'number' || index >= after.length || after[index]?.id !== before[index]?.id) {
        inPlace = false;
        break;
      }
      if (after[index] !== before[index]) touched.add(index);
    }
    if (inPlace) {
      const known = idSets.get(before);
      if (known) idSets.set(after, known);
      return { touched: [...touched].sort((a, b) => a - b), removed: [], duplicates: [] };
    }
  }
  const old = new Map<string, Entity>();
  for (const item of before) old.set(item.id, item);
  const seen = new Set<string>();
  const touched: number[] = [];
  const duplicates: number[] = [];
  after.forEach((item, index) => {
    if (seen.has(item.id)) duplicates.push(index);
    seen.add(item.id);
    if (old.get(item.id) !== item) touched.push(index);
  });
  idSets.set(after, seen);
  const removed = [...old.keys()].filter((id) => !seen.has(id));
  return { touched, removed, duplicates };
}

export interface Replacement {
  readonly path: (string | number)[];
  readonly value: unknown;
}

export interface CheckResult {
  readonly issues: ApiIssue[];
  /** Touched entities whose parsed form differs (trimmed text, filled defaults): store that form. */
  readonly replacements: Replacement[];
}

/**
 * Validates `after` knowing it differs from the valid `before` only as `delta` says: the
 * same rules as the `Workspace` schema and its refine, applied to what can have changed.
 */
export function checkChange(before: Workspace, after: Workspace, delta: WorkspaceDelta): CheckResult {
  if (delta.other) {
    const parsed = Workspace.safeParse(after);
    return { issues: parsed.success ? [] : describeIssues(parsed.error), replacements: [] };
  }
  const issues: ApiIssue[] = [];
  const replacements: Replacement[] = [];
  const issue = (path: (string | number)[], message: string) => issues.push({ path: path.join('.'), message });

  let settings = after.settings;
  if (delta.settings) {
    const parsed = Settings.safeParse(after.settings);
    if (!parsed.success) for (const i of describeIssues(parsed.error)) issues.push({ path: joinPath('settings', i.path), message: i.message });
    else if (!isDeepStrictEqual(parsed.data, after.settings)) {
      replacements.push({ path: ['settings'], value: parsed.data });
      settings = parsed.data;
    }
  }

  const current: { [C in CollectionName]: (index: number) => Entity } = {
    articles: (i) => after.articles[i]!,
    claims: (i) => after.claims[i]!,
    sources: (i) => after.sources[i]!,
  };
  const parsedClaims = new Map<number, Workspace['claims'][number]>();
  for (const name of COLLECTIONS) {
    for (const index of delta[name].touched) {
      const entity = current[name](index);
      const parsed = SCHEMAS[name].safeParse(entity);
      if (!parsed.success) {
        for (const i of describeIssues(parsed.error)) issues.push({ path: joinPath(`${name}.${index}`, i.path), message: i.message });
        continue;
      }
      if (!isDeepStrictEqual(parsed.data, entity)) replacements.push({ path: [name, index], value: parsed.data });
      if (name === 'claims') parsedClaims.set(index, parsed.data as Workspace['claims'][number]);
    }
    for (const index of delta[name].duplicates) issue([name, index, 'id'], `duplicate id ${current[name](index).id}`);
  }

  const ratingIds = new Set(settings.ratingScale.map((r) => r.id));
  const checkClaim = (claim: Workspace['claims'][number], i: number) => {
    if (!idsOf(after.articles).has(claim.articleId)) issue(['claims', i, 'articleId'], `claim ${claim.id} refers to a missing article`);
    claim.sources.forEach((link, j) => {
      if (!idsOf(after.sources).has(link.sourceId)) issue(['claims', i, 'sources', j], `claim ${claim.id} refers to a missing source`);
    });
    if (claim.duplicateOf !== null && (claim.duplicateOf === claim.id || !idsOf(after.claims).has(claim.duplicateOf))) {
      issue(['claims', i, 'duplicateOf'], `claim ${claim.id} is marked as a duplicate of a missing claim`);
    }
    if (claim.verdict && !ratingIds.has(claim.verdict.ratingId)) issue(['claims', i, 'verdict'], `claim ${claim.id} has a rating that is not on the scale`);
  };
  parsedClaims.forEach(checkClaim);

  // Untouched claims can only break through what they point to: a removed article, source
  // or claim, or a rating taken off the scale.
  const goneArticles = new Set(delta.articles.removed);
  const goneSources = new Set(delta.sources.removed);
  const goneClaims = new Set(delta.claims.removed);
  const scaleChanged = before.settings.ratingScale !== settings.ratingScale;
  if (goneArticles.size + goneSources.size + goneClaims.size > 0 || scaleChanged) {
    after.claims.forEach((claim, i) => {
      if (parsedClaims.has(i)) return;
      if (goneArticles.has(claim.articleId)) issue(['claims', i, 'articleId'], `claim ${claim.id} refers to a missing article`);
      claim.sources.forEach((link, j) => {
        if (goneSources.has(link.sourceId)) issue(['claims', i, 'sources', j], `claim ${claim.id} refers to a missing source`);
      });
      if (claim.duplicateOf !== null && goneClaims.has(claim.duplicateOf)) {
        issue(['claims', i, 'duplicateOf'], `claim ${claim.id} is marked as a duplicate of a missing claim`);
      }
      if (scaleChanged && claim.verdict && !ratingIds.has(claim.verdict.ratingId)) {
        issue(['claims', i, 'verdict'], `claim ${claim.id} has a rating that is not on the scale`);
      }
    });
  }
  return { issues: issues.slice(0, 20), replacements };
}

function joinPath(prefix: string, path: string): string {
  return path ? `${prefix}.${path}` : prefix;
}

/** The entities a step touched, as they are after it, the ids it removed and the settings if they changed. */
export function changesOf(after: Workspace, delta: WorkspaceDelta): WorkspaceChanges {
  return {
    articles: delta.articles.touched.map((i) => after.articles[i]!),
    claims: delta.claims.touched.map((i) => after.claims[i]!),
    sources: delta.sources.touched.map((i) => after.sources[i]!),
    removed: { articles: delta.articles.removed, claims: delta.claims.removed, sources: delta.sources.removed },
    settings: delta.settings ? after.settings : null,
  };
}

export const noChanges = (): WorkspaceChanges => ({
  articles: [],
  claims: [],
  sources: [],
  removed: { articles: [], claims: [], sources: [] },
  settings: null,
});
