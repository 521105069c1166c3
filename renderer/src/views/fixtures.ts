/**
 * Generated claims for tests of the views (and handy for trying the views at scale). Pure
 * and deterministic: claim i always gets the same status, priority, score, assignee and tags.
 */
import { CLAIM_STATUSES, PRIORITIES, type Claim } from '../../../shared/domain/schemas';

const PEOPLE = ['Ana Ruiz', 'Ben Okafor', null, 'Chloé Martin'] as const;
const TAGS = [['budget'], ['transport', 'budget'], [], ['health']] as const;

export function makeClaim(i: number, articleId: string, overrides: Partial<Claim> = {}): Claim {
  const exact = `Sentence number ${i} says ${i * 3}% of something.`;
  const day = String((i % 28) + 1).padStart(2, '0');
  const stamp = new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString();
  return {
    id: `claim-${String(i).padStart(6, '0')}`,
    articleId,
    text: `Claim ${i}: ${exact}`,
    quote: { exact, start: i * 100, end: i * 100 + exact.length, prefix: '', suffix: '' },
    status: CLAIM_STATUSES[i % CLAIM_STATUSES.length]!,
    priority: PRIORITIES[i % PRIORITIES.length]!,
    claimant: null,
    claimDate: null,
    publishedUrl: null,
    suggestedClaimant: null,
    assignee: PEOPLE[i % PEOPLE.length]!,
    tags: [...TAGS[i % TAGS.length]!],
    dueDate: i % 3 === 0 ? `2026-02-${day}` : null,
    anchor: 'attached',
    duplicateOf: null,
    review: null,
    corrections: [],
    score: i % 5 === 0 ? null : ((i * 37) % 100) / 100,
    verdict: null,
    sources: [],
    createdAt: stamp,
    updatedAt: stamp,
    ...overrides,
  };
}

export function makeClaims(count: number, articleIds: readonly string[]): Claim[] {
  return Array.from({ length: count }, (_, i) => makeClaim(i, articleIds[i % articleIds.length]!));
}
