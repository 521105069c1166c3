import { describe, expect, it } from 'vitest';
import { applyChanges } from './entities';
import { sampleWorkspace } from '../../../shared/domain/sample';
import type { Claim } from '../../../shared/domain/schemas';
import { newClaim } from '../../../shared/domain/new-claim';

const NOW = '2026-11-25T10:00:00.000Z';
let n = 0;
const ws = sampleWorkspace(NOW, () => `id${String(++n).padStart(6, '0')}`);
const articleId = ws.articles[0]!.id;
const claim = (id: string, text: string): Claim =>
  newClaim({ id, articleId, text, quote: { exact: 'Riverton', start: 0, end: 8, prefix: '', suffix: '' }, score: null, createdAt: NOW });

describe('applyChanges', () => {
  it('replaces touched entities in place, appends new ones and drops removed ones', () => {
    const before = { ...ws, claims: [claim('claimA0', 'A'), claim('claimB0', 'B'), claim('claimC0', 'C')] };
    const after = applyChanges(before, {
      articles: [],
      claims: [{ ...claim('claimB0', 'B'), status: 'ready' }, claim('claimD0', 'D')],
      sources: [],
      removed: { articles: [], claims: ['claimA0'], sources: [] },
      settings: null,
    });
    expect(after.claims.map((c) => `${c.id}:${c.status}`)).toEqual(['claimB0:ready', 'claimC0:new', 'claimD0:new']);
    expect(after.articles).toEqual(before.articles);
    expect(after.settings).toBe(before.settings);
  });

  it('takes new settings when the step changed them', () => {
    const settings = { ...ws.settings, organizationName: 'Desk' };
    expect(applyChanges(ws, { articles: [], claims: [], sources: [], removed: { articles: [], claims: [], sources: [] }, settings }).settings).toBe(settings);
  });
});
