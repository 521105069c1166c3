import { describe, expect, it } from 'vitest';
import { newClaim } from './new-claim';
import { Claim } from './schemas';

const fields = {
  id: 'claim00001',
  articleId: 'article001',
  text: 'Unemployment fell to 4.1%',
  quote: { exact: 'Unemployment fell to 4.1%.', start: 0, end: 26, prefix: '', suffix: '' },
  score: 0.7,
  createdAt: '2026-11-25T10:00:00.000Z',
};

describe('newClaim', () => {
  it('starts every claim the same way: new, normal, unassigned, attached, nothing attached yet, updated when created', () => {
    const claim = newClaim(fields);
    expect(Claim.parse(claim)).toEqual(claim);
    expect(claim).toMatchObject({ status: 'new', priority: 'normal', assignee: null, tags: [], dueDate: null, anchor: 'attached' });
    expect(claim).toMatchObject({ duplicateOf: null, review: null, corrections: [], verdict: null, sources: [], updatedAt: fields.createdAt });
    expect(newClaim(fields).tags).not.toBe(claim.tags); // no shared arrays between claims
  });

  it('lets overrides set any field', () => {
    expect(newClaim(fields, { status: 'ready', tags: ['economy'] })).toMatchObject({ ...fields, status: 'ready', tags: ['economy'] });
  });
});
