import { describe, expect, it } from 'vitest';
import { newClaim } from '../new-claim';
import { quoteAt } from '../quote';
import { sampleWorkspace } from '../sample';
import { SCHEMA_VERSION, Workspace } from '../schemas';
import { migrateWorkspaceJson } from './index';

/** A version 3 file: today's sample with the claims as version 3 wrote them. */
function version3(): Record<string, unknown> {
  const sample = sampleWorkspace('2026-11-25T10:00:00.000Z', () => 'abcdef123456');
  const article = sample.articles[0]!;
  sample.claims = [0, 40].map((start, i) =>
    newClaim({ id: `claim0000${i}`, articleId: article.id, text: `Claim ${i}`, quote: quoteAt(article.text, start, start + 30), score: 0.5, createdAt: '2026-11-25T10:00:00.000Z' }),
  );
  const ws = JSON.parse(JSON.stringify(sample)) as Record<string, unknown>;
  ws.schemaVersion = 3;
  delete (ws.settings as Record<string, unknown>).publishedUrlTemplate;
  delete (ws.settings as Record<string, unknown>).claimants;
  for (const claim of ws.claims as Record<string, unknown>[]) {
    delete claim.claimant;
    delete claim.claimDate;
    delete claim.publishedUrl;
    delete claim.suggestedClaimant;
  }
  return ws;
}

describe('migration 003: version 3 → 4 (claimants and publication address)', () => {
  it('gives every claim a null claimant, claim date, publication address and suggestion, the settings no address template, and changes nothing else', () => {
    const before = version3();
    expect((before.claims as unknown[]).length).toBeGreaterThan(0);
    const { json, from, applied } = migrateWorkspaceJson(version3());
    expect(from).toBe(3);
    expect(applied).toEqual(['003-claimants-and-publication', '004-claimant-library', '005-truthful-archive']);
    const after = json as Record<string, unknown>;
    expect(after.schemaVersion).toBe(SCHEMA_VERSION);
    (before.claims as object[]).forEach((claim, i) =>
      expect((after.claims as object[])[i]).toEqual({ ...claim, claimant: null, claimDate: null, publishedUrl: null, suggestedClaimant: null }),
    );
    expect(after.settings).toEqual({ ...(before.settings as object), publishedUrlTemplate: null, claimants: [] });
    expect(after.articles).toEqual(before.articles);
    // Migration 005 drops the made-up archive links (its own test).
    expect(after.sources).toEqual((before.sources as Record<string, unknown>[]).map(({ archiveUrl: _dropped, ...source }) => ({ ...source, archive: { state: 'none' }, copies: [] })));
    // Nothing is left to a zod default.
    expect(Workspace.parse(after)).toEqual(after);
  });

  it('keeps a value a claim already has', () => {
    const ws = version3();
    const claim = (ws.claims as Record<string, unknown>[])[0]!;
    claim.claimant = { name: 'Sergey Lavrov', role: 'foreign minister' };
    const { json } = migrateWorkspaceJson(ws);
    const migrated = (json as { claims: Record<string, unknown>[] }).claims[0]!;
    expect(migrated.claimant).toEqual({ name: 'Sergey Lavrov', role: 'foreign minister' });
    expect(migrated.publishedUrl).toBeNull();
  });
});
