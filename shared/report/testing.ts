/**
 * Report fixtures for tests (pure data): an article with rated, unrated and corrected
 * claims, sources with excerpts and archive links, and hostile text where it can hide.
 */
import type { Article, Claim, Source } from '../domain/schemas';
import { DEFAULT_RATING_SCALE } from '../domain/rating';
import { buildReportModel, type ReportModel, type ReportModelOptions } from './model';

export const NOW = '2026-11-25T10:00:00.000Z';

export const PAYLOADS = {
  script: '<script>alert(1)</script>',
  img: '<img src=x onerror=alert(1)>',
  js: 'javascript:alert(1)',
} as const;

export function fixtureArticle(over: Partial<Article> = {}): Article {
  return {
    id: 'article001',
    title: 'Budget speech',
    text: 'Unemployment fell to 4.1% in May. Nothing else happened.',
    url: 'https://news.example/budget',
    outlet: 'Example News',
    author: 'A. Writer',
    publishedDate: '2026-11-20',
    importedAt: NOW,
    updatedAt: NOW,
    dismissed: [],
    ...over,
  };
}

export function fixtureSource(over: Partial<Source> = {}): Source {
  return {
    id: 'source0001',
    url: 'https://stats.example/labour?month=may',
    title: 'Labour market, May',
    publisher: 'Statistics Office',
    author: '',
    publishedDate: '2026-06-01',
    excerpt: 'The unemployment rate was 4.3%.',
    type: 'official_data',
    notes: '',
    accessedAt: NOW,
    archive: {
      state: 'archived',
      service: 'internet_archive',
      snapshotUrl: 'https://web.archive.org/web/20261124183005/https://stats.example/labour?month=may',
      snapshotAt: '2026-11-24T18:30:05Z',
      origin: 'saved',
      recordedAt: NOW,
    },
    copies: [],
    ...over,
  };
}

export function fixtureClaim(over: Partial<Claim> = {}): Claim {
  return {
    id: 'claim00001',
    articleId: 'article001',
    text: 'Unemployment fell to 4.1% in May',
    quote: { exact: 'Unemployment fell to 4.1% in May.', start: 0, end: 33, prefix: '', suffix: ' Nothing else happened.' },
    status: 'ready',
    priority: 'high',
    assignee: 'Sam',
    tags: ['economy'],
    dueDate: null,
    claimant: null,
    claimDate: null,
    publishedUrl: null,
    suggestedClaimant: null,
    anchor: 'attached',
    duplicateOf: null,
    review: null,
    corrections: [],
    score: 0.9,
    verdict: { ratingId: 'mostly-false', conclusion: 'The official rate was 4.3%.', rationale: 'See **table 2**.', decidedAt: NOW },
    sources: [{ sourceId: 'source0001', stance: 'refutes' }],
    createdAt: NOW,
    updatedAt: NOW,
    ...over,
  };
}

export function fixtureModel(
  claims: Claim[] = [fixtureClaim()],
  options: Partial<ReportModelOptions> = {},
  article: Article = fixtureArticle(),
  sources: Source[] = [fixtureSource()],
): ReportModel {
  return buildReportModel({
    settings: { organizationName: 'Riverton Fact Desk', ratingScale: DEFAULT_RATING_SCALE, conclusionOnly: false },
    article,
    claims,
    sources,
    options: { includeSources: true, includeUnverified: true, ...options },
    generatedAt: NOW,
  });
}

/** A strict RFC 4180 reader: CRLF records, quoted fields with doubled quotes; throws on anything else. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  const field = (): string => {
    if (text[i] === '"') {
      let value = '';
      i++;
      for (;;) {
        if (i >= text.length) throw new Error('unterminated quoted field');
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            value += '"';
            i += 2;
            continue;
          }
          i++;
          return value;
        }
        value += text[i++];
      }
    }
    let value = '';
    while (i < text.length && text[i] !== ',' && text[i] !== '\r') {
      if (text[i] === '"' || text[i] === '\n') throw new Error(`bare ${JSON.stringify(text[i])} in an unquoted field at ${i}`);
      value += text[i++];
    }
    return value;
  };
  while (i < text.length) {
    row.push(field());
    if (text[i] === ',') {
      i++;
      continue;
    }
    if (text.slice(i, i + 2) !== '\r\n') throw new Error(`expected CRLF at ${i}`);
    i += 2;
    rows.push(row);
    row = [];
  }
  return rows;
}
