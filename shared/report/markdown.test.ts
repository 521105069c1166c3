import { describe, expect, it } from 'vitest';
import { inline, renderMarkdown, reportFileName, withoutHtml, withoutUnsafeLinks } from './markdown';
import { buildReportModel } from './model';
import { DEFAULT_RATING_SCALE } from '../domain/rating';
import type { Claim } from '../domain/schemas';
import { fixtureArticle, fixtureClaim, fixtureSource, NOW } from './testing';

const article = fixtureArticle({ title: 'Budget *speech* [draft]' });
const source = fixtureSource({ archive: { state: 'none' } });
const claim = fixtureClaim;

const render = (claims: Claim[]) =>
  renderMarkdown(
    buildReportModel({
      settings: { organizationName: 'Desk', ratingScale: DEFAULT_RATING_SCALE, conclusionOnly: false },
      article,
      claims,
      sources: [source],
      options: { includeSources: true, includeUnverified: true },
      generatedAt: NOW,
    }),
  );

describe('renderMarkdown', () => {
  it('lists each claim with its quote, verdict, rationale and sources with stance', () => {
    const md = render([claim({})]);
    expect(md).toContain('# Fact-check: Budget \\*speech\\* \\[draft\\]');
    expect(md).toContain('> Unemployment fell to 4.1% in May.');
    expect(md).toContain('**Verdict: Mostly false**');
    expect(md).toContain('Conclusion: The official rate was 4.3%.');
    expect(md).toContain('See **table 2**.');
    expect(md).toContain('[Labour market, May](<https://stats.example/labour?month=may>) — Statistics Office, 2026-06-01 (Refutes)');
    expect(md).toContain('- Checked by: Desk');
    // No snapshot was recorded for this source: the report says so and links none.
    expect(md).toContain('  Not archived');
    expect(md).not.toContain('Archived copy');
  });

  it('links the snapshot an archive recorded, with its date, and names the local copy', () => {
    const archived = fixtureSource({
      copies: [{ id: 'copy000001', fetchedAt: '2026-11-25T10:01:00.000Z', finalUrl: 'https://stats.example/labour?month=may', sha256: 'a'.repeat(64), bytes: 2048, title: 'Labour' }],
    });
    const md = renderMarkdown(
      buildReportModel({
        settings: { organizationName: 'Desk', ratingScale: DEFAULT_RATING_SCALE, conclusionOnly: false },
        article,
        claims: [claim({})],
        sources: [archived],
        options: { includeSources: true, includeUnverified: true },
        generatedAt: NOW,
      }),
    );
    expect(md).toContain('  Archived copy (Internet Archive snapshot of 2026-11-24 18:30 UTC): <https://web.archive.org/web/20261124183005/https://stats.example/labour?month=may>');
    expect(md).toContain(`  Local copy kept 2026-11-25 (SHA-256 ${'a'.repeat(64)})`);
  });

  it('orders claims as they appear in the article and marks unrated ones', () => {
    const later = claim({ id: 'claim00002', text: 'Nothing else happened', quote: { exact: 'Nothing else happened.', start: 34, end: 56, prefix: '', suffix: '' }, verdict: null, sources: [] });
    const md = render([later, claim({})]);
    expect(md.indexOf('Claim 1: Unemployment')).toBeGreaterThan(0);
    expect(md.indexOf('Claim 2: Nothing')).toBeGreaterThan(md.indexOf('Claim 1'));
    expect(md).toContain('Verdict: not yet rated');
  });

  it('lists the corrections of a claim reopened after publication, with date, note and who', () => {
    const md = render([
      claim({
        corrections: [
          { note: 'The rate was 4.3%, not 4.1% as first stated.', by: 'Ira', at: '2026-11-26T09:15:00.000Z' },
          { note: 'Link to the *revised* table.', by: '', at: '2026-11-28T16:00:00.000Z' },
        ],
      }),
    ]);
    expect(md).toContain(
      ['### Corrections', '', '- 2026-11-26: The rate was 4.3%, not 4.1% as first stated. (Ira)', '- 2026-11-28: Link to the \\*revised\\* table.'].join('\n'),
    );
    expect(md.indexOf('### Corrections')).toBeGreaterThan(md.indexOf('### Sources'));
    expect(render([claim({})])).not.toContain('Corrections');
  });

  it('shows who made the claim and when under the quote; nothing when nobody is named', () => {
    const md = render([claim({ claimant: { name: 'Sergey Lavrov', role: 'foreign minister' }, claimDate: '2025-03-14' })]);
    expect(md).toContain('> Unemployment fell to 4.1% in May.\n\n_Claim by Sergey Lavrov, foreign minister, 2025-03-14_\n');
    // Without a date of its own the claim takes the article's; Markdown in a name stays text.
    expect(render([claim({ claimant: { name: 'the *Kremlin*', role: null } })])).toContain('_Claim by the \\*Kremlin\\*, 2026-11-20_');
    expect(render([claim({ claimant: null, claimDate: '2025-03-14' })])).not.toContain('Claim by');
  });

  it('says so when there are no claims', () => {
    expect(render([])).toContain('No claims have been recorded');
  });

  it('escapes user text so it cannot add headings, links or HTML', () => {
    expect(inline('# [x](javascript:alert(1)) <img onerror=1>')).toBe('\\# \\[x\\]\\(javascript:alert\\(1\\)\\) \\<img onerror=1\\>');
  });
});

describe('withoutHtml', () => {
  it('keeps the rationale as written but escapes what would open raw HTML; autolinks stay', () => {
    expect(withoutHtml('**Bold** <script>alert(1)</script> <img src=x onerror=alert(1)> <!-- c --> a < b <https://s.example/x>')).toBe(
      '**Bold** &lt;script>alert(1)&lt;/script> &lt;img src=x onerror=alert(1)> &lt;!-- c --> a < b <https://s.example/x>',
    );
    const md = render([claim({ verdict: { ratingId: 'false', conclusion: '', rationale: 'See <iframe src=javascript:alert(1)>.', decidedAt: NOW } })]);
    expect(md).toContain('See &lt;iframe src=javascript:alert(1)>.');
    expect(md).not.toMatch(/<iframe/);
  });
});

describe('withoutUnsafeLinks', () => {
  it('keeps links to http(s) addresses and anchors; any other destination is shown as text', () => {
    const kept = '[the table](https://stats.example/t1) [b]( <HTTP://b.example>) ![chart](https://c.example/c.png) [top](#claims)\n[ref]: https://stats.example/t2';
    expect(withoutUnsafeLinks(kept)).toBe(kept);
    expect(withoutUnsafeLinks('[x](javascript:alert(1)) ![y](data:text/html,<b>) [z](  file:///etc/passwd) [w](<java\tscript:alert(1)>) [e](javascript&#58;alert(1)) [r](page.html)')).toBe(
      '[x]\\(javascript:alert(1)) ![y]\\(data:text/html,<b>) [z]\\(  file:///etc/passwd) [w]\\(<java\tscript:alert(1)>) [e]\\(javascript&#58;alert(1)) [r]\\(page.html)',
    );
    expect(withoutUnsafeLinks('See [the papers][p].\n\n[p]: javascript:alert(1)\n   [q]: <vbscript:x>')).toBe('See [the papers][p].\n\n[p]\\: javascript:alert(1)\n   [q]\\: <vbscript:x>');
  });

  it('applies to the rationale in the Markdown report', () => {
    const md = render([claim({ verdict: { ratingId: 'false', conclusion: '', rationale: 'See [this](javascript:alert(1)) and [that](https://ok.example/).', decidedAt: NOW } })]);
    expect(md).toContain('See [this]\\(javascript:alert(1)) and [that](https://ok.example/).');
    expect(md).not.toMatch(/\]\(javascript:/);
  });
});

describe('reportFileName', () => {
  it('makes a safe file name from any title', () => {
    expect(reportFileName('Budget: "2027" speech / notes', 'md')).toBe('fact-check-budget-2027-speech-notes.md');
    expect(reportFileName('../../etc/passwd', 'md')).toBe('fact-check-etc-passwd.md');
    expect(reportFileName('???', 'md')).toBe('fact-check-article.md');
  });
});
