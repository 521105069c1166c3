/**
 * A workspace for export tests, made through the service API so its history is the real
 * one: an article with a published-then-corrected claim (two sources, an approval, a
 * correction), a claim rated on a level without a value (both with a claimant and a
 * publication address), and an unrated claim.
 */
import { value, type Call } from '../test-helpers';

export const TEXT =
  'Unemployment fell to 4.1% in May. The council spent $48 million on roads. Ministers met 12 times last year. Nothing else happened.';

export const span = (text: string, passage: string) => {
  const start = text.indexOf(passage);
  if (start < 0) throw new Error(`"${passage}" is not in the text`);
  return { start, end: start + passage.length };
};

export interface Seeded {
  articleId: string;
  /** published-then-corrected, unverifiable, unrated */
  claimIds: [string, string, string];
  sourceIds: string[];
}

export async function seedExport(call: Call): Promise<Seeded> {
  value(await call('updateSettings', { patch: { organizationName: 'Riverton Fact Desk', currentEditor: 'Ana' } }));
  const article = value(
    await call('createArticle', {
      title: 'Budget speech',
      text: TEXT,
      url: 'https://news.example/budget',
      outlet: 'Example News',
      author: 'A. Writer',
      publishedDate: '2026-11-20',
    }),
  );
  const claims = [];
  for (const passage of ['Unemployment fell to 4.1% in May.', 'The council spent $48 million on roads.', 'Ministers met 12 times last year.']) {
    claims.push(value(await call('createClaim', { articleId: article.id, ...span(TEXT, passage) })));
  }
  const [a, b, c] = claims;
  const stats = value(
    await call('addSource', {
      claimId: a!.id,
      stance: 'refutes',
      source: {
        url: 'https://stats.example/labour?month=may',
        title: 'Labour market, May',
        publisher: 'Statistics Office',
        publishedDate: '2026-06-01',
        excerpt: 'The unemployment rate was 4.3%.',
        type: 'official_data',
      },
    }),
  ).source;
  const memo = value(
    await call('addSource', {
      claimId: a!.id,
      stance: 'context',
      source: { url: 'https://council.example/memo', title: 'Council memo', author: 'J. Clerk', type: 'primary' },
    }),
  ).source;
  value(await call('linkSource', { claimId: b!.id, sourceId: stats.id, stance: 'unclear' }));
  value(await call('updateClaim', { id: a!.id, patch: { assignee: 'Sam', tags: ['economy', 'jobs'], priority: 'high' } }));
  // Who made the rated claims and where their fact-checks are published (ClaimReview needs the address).
  value(await call('updateClaim', { id: a!.id, patch: { claimant: { name: 'Jo Marsh', role: 'finance minister' }, publishedUrl: 'https://riverton.example/fact-checks/unemployment' } }));
  value(await call('updateClaim', { id: b!.id, patch: { claimant: { name: 'the council', role: null }, claimDate: '2026-11-19', publishedUrl: 'https://riverton.example/fact-checks/roads' } }));
  value(
    await call('setVerdict', {
      claimId: a!.id,
      verdict: { ratingId: 'mostly-false', conclusion: 'The official rate was 4.3%.', rationale: 'The **May table** says 4.3%.\n\n- Table 2\n- [Release](https://stats.example/release)' },
    }),
  );
  value(await call('setVerdict', { claimId: b!.id, verdict: { ratingId: 'unverifiable', conclusion: 'No budget line says so.' } }));
  // Published, reopened with a correction, published again.
  const publish = async (requester: string, reviewer: string) => {
    value(await call('updateSettings', { patch: { currentEditor: requester } }));
    value(await call('requestReview', { claimId: a!.id, reviewer }));
    value(await call('updateSettings', { patch: { currentEditor: reviewer } }));
    value(await call('decideReview', { claimId: a!.id, approve: true }));
  };
  await publish('Ana', 'Ira');
  value(await call('reopenClaim', { claimId: a!.id, note: 'The rate was revised to 4.3%.' }));
  await publish('Ira', 'Ana');
  return { articleId: article.id, claimIds: [a!.id, b!.id, c!.id], sourceIds: [stats.id, memo.id] };
}
