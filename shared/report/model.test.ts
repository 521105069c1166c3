import { describe, expect, it } from 'vitest';
import { fixtureArticle, fixtureClaim, fixtureModel, NOW } from './testing';
import { articleFacts, claimFacts, emptyNote, leftOutNote, timestampText, utcDate } from './model';

const later = fixtureClaim({
  id: 'claim00002',
  text: 'Nothing else happened',
  quote: { exact: 'Nothing else happened.', start: 34, end: 56, prefix: '', suffix: '' },
  verdict: null,
  sources: [],
  status: 'new',
  assignee: null,
  tags: [],
});

describe('buildReportModel', () => {
  it('puts claims in article order and numbers them, with labels, verdict, sources and counts', () => {
    const model = fixtureModel([later, fixtureClaim()]);
    expect(model.claims.map((c) => [c.number, c.id])).toEqual([
      [1, 'claim00001'],
      [2, 'claim00002'],
    ]);
    const [first] = model.claims;
    expect(first).toMatchObject({
      wording: 'Unemployment fell to 4.1% in May',
      quote: 'Unemployment fell to 4.1% in May.',
      statusLabel: 'Ready',
      priorityLabel: 'High',
      assignee: 'Sam',
      tags: ['economy'],
      sourceCount: 1,
      verdict: { label: 'Mostly false', value: 2, conclusion: 'The official rate was 4.3%.', rationale: 'See **table 2**.', decidedOn: '2026-11-25' },
    });
    expect(first!.verdict!.rationaleBlocks).toEqual([
      { kind: 'paragraph', children: [{ kind: 'text', text: 'See ' }, { kind: 'strong', children: [{ kind: 'text', text: 'table 2' }] }, { kind: 'text', text: '.' }] },
    ]);
    expect(first!.sources).toEqual([
      {
        id: 'source0001',
        title: 'Labour market, May',
        url: 'https://stats.example/labour?month=may',
        publisher: 'Statistics Office',
        author: '',
        publishedDate: '2026-06-01',
        type: 'official_data',
        typeLabel: 'Official data',
        stance: 'refutes',
        stanceLabel: 'Refutes',
        excerpt: 'The unemployment rate was 4.3%.',
        archiveUrl: 'https://web.archive.org/web/20261124183005/https://stats.example/labour?month=may',
        archiveLabel: 'Internet Archive snapshot of 2026-11-24 18:30 UTC',
        localCopy: null,
        accessedOn: '2026-11-25',
      },
    ]);
    expect(model.ratingRange).toEqual({ best: 5, worst: 1 });
    expect(model.organization).toBe('Riverton Fact Desk');
    expect(model.generatedAtText).toBe('2026-11-25 10:00 UTC');
  });

  it('applies the options: no sources (the count stays), no unrated claims (counted), another organization', () => {
    const model = fixtureModel([later, fixtureClaim()], { includeSources: false, includeUnverified: false, organizationName: 'Other Desk' });
    expect(model.claims.map((c) => c.id)).toEqual(['claim00001']);
    expect(model.claims[0]!.sources).toEqual([]);
    expect(model.claims[0]!.sourceCount).toBe(1);
    expect(model.leftOutUnverified).toBe(1);
    expect(leftOutNote(model)).toBe('1 claim without a verdict is not included in this report.');
    expect(emptyNote(model)).toBeNull();
    expect(model.organization).toBe('Other Desk');
    expect(fixtureModel([], { organizationName: '' }).organization).toBe('');
  });

  it('shows the approval and corrections, and the facts in a fixed order', () => {
    const claim = fixtureClaim({
      review: { state: 'approved', requestedBy: 'Sam', requestedAt: NOW, reviewer: 'Ira', decidedAt: '2026-11-26T08:00:00.000Z', comment: '' },
      corrections: [{ note: 'Rate revised.', by: 'Ira', at: '2026-11-27T09:00:00+02:00' }],
    });
    const model = fixtureModel([claim]);
    expect(claimFacts(model.claims[0]!)).toEqual([
      ['Status', 'Ready'],
      ['Checked by', 'Sam'],
      ['Tags', 'economy'],
      ['Approved by', 'Ira, 2026-11-26'],
    ]);
    expect(model.claims[0]!.corrections).toEqual([{ date: '2026-11-27', at: '2026-11-27T09:00:00+02:00', by: 'Ira', note: 'Rate revised.' }]);
    expect(articleFacts(model)).toEqual([
      ['Outlet', 'Example News'],
      ['Author', 'A. Writer'],
      ['Published', '2026-11-20'],
      ['Checked by', 'Riverton Fact Desk'],
      ['Report generated', '2026-11-25 10:00 UTC'],
    ]);
  });

  it('says why a report is empty', () => {
    expect(emptyNote(fixtureModel([]))).toBe('No claims have been recorded for this article.');
    const selection = { ...fixtureModel([]), selection: true };
    expect(emptyNote(selection)).toBe('No claims are included in this report.');
  });

  it('formats times in UTC whatever the offset', () => {
    expect(utcDate('2026-11-25T23:30:00-02:00')).toBe('2026-11-26');
    expect(timestampText('2026-11-25T23:30:00-02:00')).toBe('2026-11-26 01:30 UTC');
    expect(fixtureModel([], {}, fixtureArticle({ url: null })).article.url).toBeNull();
  });
});
