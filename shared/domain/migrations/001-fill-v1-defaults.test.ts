import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION, Workspace } from '../schemas';
import { sampleWorkspace } from '../sample';
import { fillV1Defaults } from './001-fill-v1-defaults';
import { migrateWorkspaceJson } from './index';

/** A version 1 file as the first release wrote it (see fixtures/README.md). */
const fixture = () => JSON.parse(readFileSync(new URL('./fixtures/workspace-v1.json', import.meta.url), 'utf8')) as Record<string, unknown>;

describe('migration 001: version 1 → 2 (fill the fields the first release lacked)', () => {
  it('the fixture is a first-release file: version 1, none of the later fields, and the version 2 schema refuses it as it is', () => {
    const v1 = fixture();
    expect(v1.schemaVersion).toBe(1);
    expect(Object.keys(v1)).not.toContain('audit');
    expect(Object.keys(v1.settings as object).sort()).toEqual(['assignees', 'organizationName', 'ratingScale']);
    expect(Workspace.safeParse(v1).success).toBe(false);
  });

  it('writes every later field out explicitly, with the defaults of version 2, and keeps everything else as it was', () => {
    const v1 = fixture();
    const { json, from, applied } = migrateWorkspaceJson(fixture());
    expect(from).toBe(1);
    // 002 changes the folder's layout, not the JSON; 003 adds the claimant and publication fields; 004 the claimant library.
    expect(applied).toEqual(['001-fill-v1-defaults', '002-audit-beside-snapshot', '003-claimants-and-publication', '004-claimant-library', '005-truthful-archive']);
    const v2 = json as Record<string, unknown>;
    expect(v2.schemaVersion).toBe(SCHEMA_VERSION);
    expect(v2.audit).toEqual([]);
    expect(v2.settings).toEqual({
      ...(v1.settings as object),
      ratingPreset: 'default',
      conclusionOnly: false,
      readyRules: { requireVerdict: true, minSources: 1 },
      currentEditor: '',
      suggestionThreshold: 0.5,
      view: { mode: 'article', filters: { statuses: [], tags: [], assignees: [], articleIds: [], text: '' }, sort: { key: 'updated', direction: 'desc' } },
      publishedUrlTemplate: null,
      claimants: [],
    });
    (v1.articles as object[]).forEach((article, i) => expect((v2.articles as object[])[i]).toEqual({ ...article, dismissed: [] }));
    (v1.claims as object[]).forEach((claim, i) =>
      expect((v2.claims as object[])[i]).toEqual({
        ...claim,
        dueDate: null,
        anchor: 'attached',
        duplicateOf: null,
        review: null,
        corrections: [],
        claimant: null,
        claimDate: null,
        publishedUrl: null,
        suggestedClaimant: null,
      }),
    );
    (v1.sources as object[]).forEach((source, i) => expect((v2.sources as object[])[i]).toEqual({ ...source, author: '', type: 'other', notes: '', archive: { state: 'none' }, copies: [] }));

    // The result passes the schema as it is: no field is left to a zod default.
    const parsed = Workspace.parse(v2);
    expect(parsed).toEqual(v2);
    expect(parsed.claims[0]!.verdict?.ratingId).toBe('true');
    expect(parsed.claims[1]!.sources.map((s) => s.sourceId)).toEqual(['src_v1_0002', 'src_v1_0001']);
  });

  it('keeps the values of a version 1 file written by a later release (which already had some of the fields)', () => {
    const later = { ...sampleWorkspace('2026-11-25T10:00:00.000Z', () => 'abcdef123456'), schemaVersion: 1 } as Record<string, unknown>;
    const settings = later.settings as Record<string, unknown>;
    settings.suggestionThreshold = 0.8;
    settings.currentEditor = 'Ana';
    settings.ratingPreset = 'politifact';
    const article = (later.articles as Record<string, unknown>[])[0]!;
    article.dismissed = [{ start: 0, end: 5 }];
    const expected = structuredClone({ ...later, schemaVersion: SCHEMA_VERSION });
    const { json } = migrateWorkspaceJson(later);
    expect(json).toEqual(expected);
  });

  it('fills partly-upgraded entities field by field, and gives every entity its own copy of a default', () => {
    const v1 = fixture();
    const claims = v1.claims as Record<string, unknown>[];
    claims[0]!.corrections = [{ note: 'Fixed the date.', by: 'Ira Lind', at: '2026-03-03T08:00:00.000Z' }];
    const out = fillV1Defaults.migrate(v1) as { claims: { corrections: unknown[]; anchor: string }[] };
    expect(out.claims[0]!.corrections).toHaveLength(1);
    expect(out.claims[0]!.anchor).toBe('attached');
    expect(out.claims[1]!.corrections).not.toBe(out.claims[2]!.corrections);
  });

  it('leaves what it cannot make sense of for the schema to refuse', () => {
    const odd = { schemaVersion: 1, settings: 'nope', articles: {}, claims: [null, 3], sources: 'x' };
    const { json } = migrateWorkspaceJson(odd);
    expect(json).toEqual({ schemaVersion: SCHEMA_VERSION, settings: 'nope', articles: {}, claims: [null, 3], sources: 'x', audit: [] });
    expect(Workspace.safeParse(json).success).toBe(false);
  });
});
