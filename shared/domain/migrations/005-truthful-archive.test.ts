import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION, Workspace } from '../schemas';
import { archiveLinksIn, truthfulArchive } from './005-truthful-archive';
import { migrateWorkspaceJson, migrationNotes } from './index';

/** A version 5 file as the release before truthful archive states wrote it (see fixtures/README.md). */
const fixture = () => JSON.parse(readFileSync(new URL('./fixtures/workspace-v5.json', import.meta.url), 'utf8')) as Record<string, unknown>;

describe('migration 005: version 5 → 6 (no archive link that was never made)', () => {
  it('the fixture is a version 5 file with a made-up archive link, which the version 6 schema refuses as it is', () => {
    const v5 = fixture();
    expect(v5.schemaVersion).toBe(5);
    expect((v5.sources as { archiveUrl: unknown }[]).map((s) => s.archiveUrl)).toEqual([
      'https://web.archive.org/web/20261125100000/https://stats.example/labour?month=may',
      null,
    ]);
    expect(Workspace.safeParse(v5).success).toBe(false);
  });

  it('drops every archive link, marks the sources not archived with no copies, and changes nothing else', () => {
    const before = fixture();
    const { json, from, applied } = migrateWorkspaceJson(fixture());
    expect(from).toBe(5);
    expect(applied).toEqual(['005-truthful-archive']);
    const after = json as Record<string, unknown>;
    expect(after.schemaVersion).toBe(SCHEMA_VERSION);
    for (const key of ['settings', 'articles', 'claims', 'audit'] as const) expect(after[key]).toEqual(before[key]);
    expect(after.sources).toEqual(
      (before.sources as Record<string, unknown>[]).map(({ archiveUrl: _dropped, ...source }) => ({ ...source, archive: { state: 'none' }, copies: [] })),
    );
    expect(JSON.stringify(after)).not.toContain('web.archive.org');
    // Written out, not left to a zod default.
    expect(Workspace.parse(after)).toEqual(after);
  });

  it('leaves a note of the links it drops, read before it runs (none when there were none)', () => {
    const notes = migrationNotes(fixture());
    expect(notes).toHaveLength(1);
    expect(notes[0]!.name).toBe('archive-links-dropped');
    const note = JSON.parse(notes[0]!.text) as { migration: string; dropped: unknown[] };
    expect(note.migration).toBe('005-truthful-archive');
    expect(note.dropped).toEqual([
      {
        sourceId: 'src_v5_0001',
        title: 'Labour market, May',
        url: 'https://stats.example/labour?month=may',
        link: 'https://web.archive.org/web/20261125100000/https://stats.example/labour?month=may',
      },
    ]);
    const none = fixture();
    (none.sources as Record<string, unknown>[]).forEach((s) => (s.archiveUrl = null));
    expect(migrationNotes(none)).toEqual([]);
    // A current file has nothing to note.
    expect(migrationNotes(migrateWorkspaceJson(fixture()).json)).toEqual([]);
  });

  it('keeps what a file already has in the new fields, and leaves what it cannot read to the schema', () => {
    const ws = fixture();
    const archive = { state: 'failed', service: 'internet_archive', failedAt: '2026-11-25T10:00:00.000Z', reason: 'blocked' };
    (ws.sources as Record<string, unknown>[])[0]!.archive = archive;
    const migrated = truthfulArchive.migrate(ws) as { sources: Record<string, unknown>[] };
    expect(migrated.sources[0]!.archive).toBe(archive);
    expect(truthfulArchive.migrate({ schemaVersion: 5, sources: 'x' })).toEqual({ schemaVersion: 5, sources: 'x' });
    expect(archiveLinksIn({ sources: [null, 3, { archiveUrl: '' }] })).toEqual([]);
  });
});
