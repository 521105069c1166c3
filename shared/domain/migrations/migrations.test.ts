import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION, Workspace } from '../schemas';
import { sampleWorkspace } from '../sample';
import { MIGRATIONS, NewerFormatError, OLDEST_READABLE_VERSION, migrateWorkspaceJson, upgradeWorkspaceJson } from './index';

describe('the migration registry', () => {
  it('is a contiguous chain of numbered steps ending at SCHEMA_VERSION', () => {
    expect(MIGRATIONS.length).toBeGreaterThan(0);
    MIGRATIONS.forEach((m, i) => {
      expect(m.from).toBe(OLDEST_READABLE_VERSION + i);
      expect(m.to).toBe(m.from + 1);
      expect(m.name).toMatch(new RegExp(`^${String(i + 1).padStart(3, '0')}-[a-z0-9-]+$`));
    });
    expect(MIGRATIONS.at(-1)!.to).toBe(SCHEMA_VERSION);
    expect(OLDEST_READABLE_VERSION).toBe(1);
  });

  it('leaves a current file as it is (same object, nothing applied)', () => {
    const ws = sampleWorkspace('2026-11-25T10:00:00.000Z', () => 'abcdef123456');
    const result = migrateWorkspaceJson(ws);
    expect(result).toEqual({ json: ws, from: SCHEMA_VERSION, applied: [] });
    expect(result.json).toBe(ws);
  });

  it('refuses a file from a newer version, saying so', () => {
    const newer = { ...sampleWorkspace('2026-11-25T10:00:00.000Z', () => 'abcdef123456'), schemaVersion: SCHEMA_VERSION + 1 };
    expect(() => migrateWorkspaceJson(newer)).toThrow(NewerFormatError);
    expect(() => migrateWorkspaceJson(newer)).toThrow(`written by a newer version of Fact-check Desk (data format ${SCHEMA_VERSION + 1}; this version reads formats up to ${SCHEMA_VERSION})`);
    // The lenient form (for schemas embedding a workspace) hands it to the schema, which refuses it.
    expect(upgradeWorkspaceJson(newer)).toBe(newer);
    expect(Workspace.safeParse(upgradeWorkspaceJson(newer)).success).toBe(false);
  });

  it('hands what has no readable version to the schema untouched', () => {
    for (const odd of [null, 'text', [1], {}, { schemaVersion: '1' }, { schemaVersion: 1.5 }, { schemaVersion: 0 }, { schemaVersion: -3 }]) {
      const before = JSON.stringify(odd);
      expect(migrateWorkspaceJson(odd)).toEqual({ json: odd, from: null, applied: [] });
      expect(JSON.stringify(odd)).toBe(before);
    }
  });
});
