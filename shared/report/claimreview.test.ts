import { describe, expect, it } from 'vitest';
import jsonld from 'jsonld';
import { buildClaimReviews, ClaimReviewError, NO_ORGANIZATION_MESSAGE, shorten } from './claimreview';
import { fixtureArticle, fixtureClaim, fixtureModel, NOW } from './testing';
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
        url: 'https://news.example/budget',
        author: { '@type': 'Organization', name: 'Riverton Fact Desk' },
        datePublished: '2026-11-25',
        reviewBody: 'The official rate was 4.3%.',
        itemReviewed: {
          '@type': 'Claim',
          author: { '@type': 'Person', name: 'A. Writer' },
          datePublished: '2026-11-20',
          appearance: { '@type': 'CreativeWork', url: 'https://news.example/budget', headline: 'Budget speech' },
        },
      },
    ]);
  });

  it('expands as JSON-LD to schema.org types and properties (offline, bundled context)', async () => {
    const json = JSON.parse(JSON.stringify(buildClaimReviews(fixtureModel([fixtureClaim()])))) as unknown[];
    const expanded = (await expand(json)) as Node[];
    expect(expanded).toHaveLength(1);
    const review = expanded[0]!;
    expect(review['@type']).toEqual([`${S}ClaimReview`]);
    expect(value(review, 'claimReviewed')).toBe('Unemployment fell to 4.1% in May');
    expect(one(review, 'url')).toEqual({ '@id': 'https://news.example/budget' });
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
    expect(one(claim, 'datePublished')).toEqual({ '@value': '2026-11-20', '@type': `${S}Date` });
    const appearance = one(claim, 'appearance');
    expect(appearance['@type']).toEqual([`${S}CreativeWork`]);
    expect(one(appearance, 'url')).toEqual({ '@id': 'https://news.example/budget' });
  });

  it('safe-mode expansion would catch a property the context does not define', async () => {
    await expect(expand({ '@context': 'https://schema.org', '@type': 'ClaimReview', claimReviewd: 'typo' })).rejects.toThrow();
  });

  it('keeps only alternateName for a level without a value, leaves out what the article lacks, and names the outlet when there is no author', async () => {
    const claim = fixtureClaim({ verdict: { ratingId: 'unverifiable', conclusion: '', rationale: '', decidedAt: '2026-11-25T23:30:00-02:00' } });
    const article = fixtureArticle({ url: null, author: '', publishedDate: null });
    const [review] = buildClaimReviews(fixtureModel([claim], {}, article));
    expect(review!.reviewRating).toEqual({ '@type': 'Rating', alternateName: 'Unverifiable' });
    expect(review).not.toHaveProperty('url');
    expect(review).not.toHaveProperty('reviewBody');
    expect(review!.datePublished).toBe('2026-11-26');
    expect(review!.itemReviewed).toEqual({ '@type': 'Claim', author: { '@type': 'Organization', name: 'Example News' } });
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
