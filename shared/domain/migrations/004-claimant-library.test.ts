import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION, Workspace } from '../schemas';
import { claimantLibrary } from './004-claimant-library';
import { migrateWorkspaceJson } from './index';

/** A version 4 file as the release before the claimant library wrote it (see fixtures/README.md). */
const fixture = () => JSON.parse(readFileSync(new URL('./fixtures/workspace-v4.json', import.meta.url), 'utf8')) as Record<string, unknown>;

describe('migration 004: version 4 → 5 (the stored claimant library)', () => {
  it('the fixture is a version 4 file: claimants on claims, no stored list, and the version 5 schema refuses it as it is', () => {
    const v4 = fixture();
    expect(v4.schemaVersion).toBe(4);
    expect(Object.keys(v4.settings as object)).not.toContain('claimants');
    expect((v4.claims as { claimant: unknown }[]).map((c) => c.claimant)).toContainEqual({ name: 'Lavrov', role: null });
    expect(Workspace.safeParse(v4).success).toBe(false);
  });

  it('gives the settings an empty claimant list and changes nothing else (no entry is guessed from the claims)', () => {
    const before = fixture();
    const { json, from, applied } = migrateWorkspaceJson(fixture());
    expect(from).toBe(4);
    expect(applied).toEqual(['004-claimant-library', '005-truthful-archive']);
    const after = json as Record<string, unknown>;
    expect(after.schemaVersion).toBe(SCHEMA_VERSION);
    expect(after.settings).toEqual({ ...(before.settings as object), claimants: [] });
    for (const key of ['articles', 'claims', 'audit'] as const) expect(after[key]).toEqual(before[key]);
    // Migration 005 drops the made-up archive links (its own test).
    expect(after.sources).toEqual((before.sources as Record<string, unknown>[]).map(({ archiveUrl: _dropped, ...source }) => ({ ...source, archive: { state: 'none' }, copies: [] })));
    // Written out, not left to a zod default.
    expect(Workspace.parse(after)).toEqual(after);
  });

  it('keeps a list a file already has, and leaves what it cannot read to the schema', () => {
    const ws = fixture();
    const list = [{ name: 'Sergey Lavrov', role: 'foreign minister', aliases: ['Lavrov'] }];
    (ws.settings as Record<string, unknown>).claimants = list;
    const migrated = claimantLibrary.migrate(ws) as { settings: { claimants: unknown } };
    expect(migrated.settings.claimants).toBe(list);
    const odd = { schemaVersion: 4, settings: 'none' };
    expect(claimantLibrary.migrate(odd)).toEqual({ schemaVersion: 4, settings: 'none' });
  });
});
