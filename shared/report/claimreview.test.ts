import { describe, expect, it } from 'vitest';
import jsonld from 'jsonld';
import type { Claim } from '../domain/schemas';
import { buildClaimReviews, ClaimReviewError, NO_ORGANIZATION_MESSAGE, shorten, type ClaimReviewObject } from './claimreview';
import { fixtureArticle, fixtureClaim as plainClaim, fixtureModel, NOW } from './testing';
import { readFileSync } from 'node:fs';

const S = 'http://schema.org/';
const schemaOrgContext: unknown = JSON.parse(readFileSync(new URL('./testdata/schema-org-context.json', import.meta.url), 'utf8'));

/**
 * Serves a trimmed schema.org context bundled with the tests (no network). It defines each
 * term the export uses and no @vocab, and expansion runs in safe mode: a property the
 * context does not know fails the test instead of silently disappearing.
 */
const documentLoader = async (url: string) => {
  if (/^https?:\/\/schema\.org\/?$/.test(url)) return { contextUrl: undefined, documentUrl: url, document: schemaOrgContext };
  throw new Error(`no network in tests: ${url}`);
};

const expand = (doc: unknown) => jsonld.expand(doc as jsonld.JsonLdDocument, { documentLoader: documentLoader as never, safe: true } as jsonld.Options.Expand);

type Node = Record<string, unknown>;

const FACT_CHECK_URL = 'https://desk.example/fact-checks/unemployment-may';
/** A rated claim as it is published: who made it, when, and where the fact-check is. */
const fixtureClaim = (over: Partial<Claim> = {}) =>
  plainClaim({ claimant: { name: 'Jo Marsh', role: 'finance minister' }, claimDate: '2026-11-18', publishedUrl: FACT_CHECK_URL, ...over });

/**
 * Google's documented properties for fact-check markup, from "Fact check (ClaimReview)
 * structured data", https://developers.google.com/search/docs/appearance/structured-data/factcheck
 * (section "Structured data type definitions"):
 *   ClaimReview  required: claimReviewed, reviewRating, url
 *                recommended: author, datePublished, itemReviewed
 *   Claim        recommended: appearance or firstAppearance, author, datePublished
 *   Rating       required: alternateName; recommended: bestRating, name, ratingValue, worstRating
 *   author       (Organization or Person) required within it: name
 * Google Search is phasing out the rich result, but the same markup feeds Fact Check Explorer.
 * `name` of a Rating is left out on purpose: alternateName already carries the label.
 */
const GOOGLE = {
  claimReview: { required: ['claimReviewed', 'reviewRating', 'url'], recommended: ['author', 'datePublished', 'itemReviewed'] },
  claim: { recommended: ['author', 'datePublished'], oneOf: ['appearance', 'firstAppearance'] },
  rating: { required: ['alternateName'], recommended: ['ratingValue', 'bestRating', 'worstRating'] },
} as const;

/** Every documented required and recommended property is present and well formed. */
function expectGoogleFields(review: ClaimReviewObject): void {
  const node = review as unknown as Record<string, unknown>;
  for (const key of [...GOOGLE.claimReview.required, ...GOOGLE.claimReview.recommended]) expect(node, key).toHaveProperty(key);
  const item = review.itemReviewed as unknown as Record<string, unknown>;
  for (const key of GOOGLE.claim.recommended) expect(item, `itemReviewed.${key}`).toHaveProperty(key);
  expect(GOOGLE.claim.oneOf.some((key) => key in item), 'itemReviewed.appearance or firstAppearance').toBe(true);
  const rating = review.reviewRating as unknown as Record<string, unknown>;
  for (const key of [...GOOGLE.rating.required, ...GOOGLE.rating.recommended]) expect(rating, `reviewRating.${key}`).toHaveProperty(key);
  // The values, not only the keys: what Google reads from each.
  expect(review.claimReviewed.length).toBeGreaterThan(0);
  expect(review.claimReviewed.length).toBeLessThanOrEqual(75);
  expect(review.reviewRating.alternateName.length).toBeGreaterThan(0);
  expect(review.url).toMatch(/^https?:\/\//);
  expect(review.author.name.length).toBeGreaterThan(0);
  expect(review.datePublished).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  expect(review.itemReviewed['@type']).toBe('Claim');
  expect(review.itemReviewed.author?.name.length).toBeGreaterThan(0);
  expect(review.itemReviewed.datePublished).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  expect(review.itemReviewed.appearance?.url ?? review.itemReviewed.firstAppearance?.url).toMatch(/^https?:\/\//);
}
const one = (node: Node, property: string) => (node[S + property] as Node[])[0]!;
const value = (node: Node, property: string) => one(node, property)['@value'];

describe('ClaimReview', () => {
  it('has one ClaimReview per claim with a verdict, with what Google requires and recommends', () => {
    const unrated = fixtureClaim({ id: 'claim00002', verdict: null, quote: { exact: 'Nothing else happened.', start: 34, end: 56, prefix: '', suffix: '' } });
    const reviews = buildClaimReviews(fixtureModel([fixtureClaim(), unrated]));
    expect(reviews).toEqual([
      {
        '@context': 'https://schema.org',
        '@type': 'ClaimReview',
        claimReviewed: 'Unemployment fell to 4.1% in May',
        reviewRating: { '@type': 'Rating', ratingValue: 2, bestRating: 5, worstRating: 1, alternateName: 'Mostly false' },
        url: FACT_CHECK_URL,
        author: { '@type': 'Organization', name: 'Riverton Fact Desk' },
        datePublished: '2026-11-25',
        reviewBody: 'The official rate was 4.3%.',
        itemReviewed: {
          '@type': 'Claim',
          author: { '@type': 'Person', name: 'Jo Marsh' },
          datePublished: '2026-11-18',
          appearance: { '@type': 'CreativeWork', url: 'https://news.example/budget', headline: 'Budget speech' },
        },
      },
    ]);
    expectGoogleFields(reviews[0]!);
  });

  it('names who made the claim, not who reported it: a person or an organisation; no claimant, no author', () => {
    const [person] = buildClaimReviews(fixtureModel([fixtureClaim()]));
    expect(person!.itemReviewed.author).toEqual({ '@type': 'Person', name: 'Jo Marsh' });
    for (const name of ['the Kremlin', 'CNN', 'Ministry of Finance', 'Nordwire News']) {
      const [review] = buildClaimReviews(fixtureModel([fixtureClaim({ claimant: { name, role: null } })]));
      expect(review!.itemReviewed.author).toEqual({ '@type': 'Organization', name });
    }
    const [nobody] = buildClaimReviews(fixtureModel([fixtureClaim({ claimant: null })]));
    expect(nobody!.itemReviewed).not.toHaveProperty('author');
  });

  it('is dated the day the review approved it, and the claim the article’s date when it has none of its own', () => {
    const approved = fixtureClaim({
      claimDate: null,
      status: 'published',
      // Late evening west of Greenwich: the next day in UTC, as every report date is.
      review: { state: 'approved', requestedBy: 'Al', requestedAt: NOW, reviewer: 'Bo', decidedAt: '2026-11-26T23:30:00-02:00', comment: '' },
    });
    const [review] = buildClaimReviews(fixtureModel([approved]));
    expect(review!.datePublished).toBe('2026-11-27');
    expect(review!.itemReviewed.datePublished).toBe('2026-11-20');
    // A review only requested is no publication: the verdict's date stands in.
    const pending = fixtureClaim({ review: { state: 'requested', requestedBy: 'Al', requestedAt: NOW, reviewer: 'Bo', decidedAt: null, comment: '' } });
    expect(buildClaimReviews(fixtureModel([pending]))[0]!.datePublished).toBe('2026-11-25');
  });

  it('refuses rated claims without a publication address, naming them and where to set it', () => {
    const unpublished = [1, 2, 3, 4].map((n) => fixtureClaim({ id: `claim0000${n}`, text: `Claim number ${n}`, publishedUrl: null, quote: { exact: 'x', start: n, end: n + 1, prefix: '', suffix: '' } }));
    expect(() => buildClaimReviews(fixtureModel([fixtureClaim(), unpublished[0]!]))).toThrow(
      /“Claim number 1” has none\. Set its publication address in the claim pane \(Publication address\), or with updateClaim's publishedUrl/,
    );
    expect(() => buildClaimReviews(fixtureModel(unpublished))).toThrow('“Claim number 1”, “Claim number 2”, “Claim number 3” and 1 more have none');
    // An unrated claim is not exported, so it needs no address.
    expect(buildClaimReviews(fixtureModel([fixtureClaim(), plainClaim({ id: 'claim00009', verdict: null })]))).toHaveLength(1);
  });

  it('expands as JSON-LD to schema.org types and properties (offline, bundled context)', async () => {
    const json = JSON.parse(JSON.stringify(buildClaimReviews(fixtureModel([fixtureClaim()])))) as unknown[];
    const expanded = (await expand(json)) as Node[];
    expect(expanded).toHaveLength(1);
    const review = expanded[0]!;
    expect(review['@type']).toEqual([`${S}ClaimReview`]);
    expect(value(review, 'claimReviewed')).toBe('Unemployment fell to 4.1% in May');
    expect(one(review, 'url')).toEqual({ '@id': FACT_CHECK_URL });
    expect(one(review, 'datePublished')).toEqual({ '@value': '2026-11-25', '@type': `${S}Date` });
    const rating = one(review, 'reviewRating');
    expect(rating['@type']).toEqual([`${S}Rating`]);
    expect([value(rating, 'ratingValue'), value(rating, 'bestRating'), value(rating, 'worstRating'), value(rating, 'alternateName')]).toEqual([2, 5, 1, 'Mostly false']);
    const author = one(review, 'author');
    expect(author['@type']).toEqual([`${S}Organization`]);
    expect(value(author, 'name')).toBe('Riverton Fact Desk');
    const claim = one(review, 'itemReviewed');
    expect(claim['@type']).toEqual([`${S}Claim`]);
    expect(one(claim, 'author')['@type']).toEqual([`${S}Person`]);
    expect(one(claim, 'datePublished')).toEqual({ '@value': '2026-11-18', '@type': `${S}Date` });
    const appearance = one(claim, 'appearance');
    expect(appearance['@type']).toEqual([`${S}CreativeWork`]);
    expect(one(appearance, 'url')).toEqual({ '@id': 'https://news.example/budget' });
  });

  it('safe-mode expansion would catch a property the context does not define', async () => {
    await expect(expand({ '@context': 'https://schema.org', '@type': 'ClaimReview', claimReviewd: 'typo' })).rejects.toThrow();
  });

  it('keeps only alternateName for a level without a value, and leaves out what the article and claim lack', async () => {
    const claim = fixtureClaim({ claimant: null, claimDate: null, verdict: { ratingId: 'unverifiable', conclusion: '', rationale: '', decidedAt: '2026-11-25T23:30:00-02:00' } });
    const article = fixtureArticle({ url: null, author: '', publishedDate: null });
    const [review] = buildClaimReviews(fixtureModel([claim], {}, article));
    expect(review!.reviewRating).toEqual({ '@type': 'Rating', alternateName: 'Unverifiable' });
    expect(review!.url).toBe(FACT_CHECK_URL);
    expect(review).not.toHaveProperty('reviewBody');
    expect(review!.datePublished).toBe('2026-11-26');
    expect(review!.itemReviewed).toEqual({ '@type': 'Claim' });
    const expanded = (await expand([review])) as Node[];
    expect(expanded[0]!['@type']).toEqual([`${S}ClaimReview`]);
  });

  it('needs an organization: from the settings or the export options', () => {
    expect(() => buildClaimReviews(fixtureModel([fixtureClaim()], { organizationName: '' }))).toThrow(ClaimReviewError);
    expect(() => buildClaimReviews(fixtureModel([fixtureClaim()], { organizationName: '  ' }))).toThrow(NO_ORGANIZATION_MESSAGE);
    expect(buildClaimReviews(fixtureModel([fixtureClaim()], { organizationName: 'Other Desk' }))[0]!.author.name).toBe('Other Desk');
  });

  it('shortens claimReviewed at a word boundary with an ellipsis', () => {
    const long = 'The council said the new bus lanes would cut average commute times by fifteen minutes for every resident';
    const short = shorten(long, 75);
    expect([...short].length).toBeLessThanOrEqual(75);
    expect(short).toBe('The council said the new bus lanes would cut average commute times by…');
    expect(long.startsWith(short.slice(0, -1))).toBe(true);
    expect(shorten('  Short   claim ', 75)).toBe('Short claim');
    expect(shorten('x'.repeat(100), 75)).toBe(`${'x'.repeat(74)}…`);
    const review = buildClaimReviews(fixtureModel([fixtureClaim({ text: long })]))[0]!;
    expect(review.claimReviewed).toBe(short);
    expect(shorten('Ελλάδα '.repeat(20), 20)).toBe('Ελλάδα Ελλάδα…');
  });

  it('dates every verdict in UTC and keeps claim order', () => {
    const second = fixtureClaim({
      id: 'claim00002',
      text: 'Nothing else happened',
      quote: { exact: 'Nothing else happened.', start: 34, end: 56, prefix: '', suffix: '' },
      verdict: { ratingId: 'true', conclusion: '', rationale: '', decidedAt: NOW },
    });
    const reviews = buildClaimReviews(fixtureModel([second, fixtureClaim()]));
    expect(reviews.map((r) => r.reviewRating.alternateName)).toEqual(['Mostly false', 'True']);
  });
});
