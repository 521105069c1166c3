import type { Claim } from './schemas';

/** What only the caller knows about a new claim; everything else starts the same for every claim. */
export type NewClaimFields = Pick<Claim, 'id' | 'articleId' | 'text' | 'quote' | 'score' | 'createdAt'> & Partial<Pick<Claim, 'suggestedClaimant'>>;

/**
 * A claim as it starts: status New, normal priority, nobody assigned, no tags, due date,
 * claimant (only a suggested one), claim date, publication address, duplicate link, review,
 * corrections, verdict or sources, attached to its quote, updated
 * when created. `overrides` set any field (tests and imports start claims further along).
 */
export function newClaim(fields: NewClaimFields, overrides: Partial<Claim> = {}): Claim {
  return {
    id: fields.id,
    articleId: fields.articleId,
    text: fields.text,
    quote: fields.quote,
    status: 'new',
    priority: 'normal',
    assignee: null,
    tags: [],
    dueDate: null,
    claimant: null,
    claimDate: null,
    publishedUrl: null,
    suggestedClaimant: fields.suggestedClaimant ?? null,
    anchor: 'attached',
    duplicateOf: null,
    review: null,
    corrections: [],
    score: fields.score,
    verdict: null,
    sources: [],
    createdAt: fields.createdAt,
    updatedAt: fields.createdAt,
    ...overrides,
  };
}
