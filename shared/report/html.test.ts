import { describe, expect, it } from 'vitest';
import { escapeHtml, renderHtml, REPORT_CSP } from './html';
import { fixtureArticle, fixtureClaim, fixtureModel, fixtureSource, NOW, PAYLOADS } from './testing';

const ALLOWED_TAGS = new Set(
  'html head meta title style body main header p h1 h2 h3 dl div dt dd article span blockquote strong em code br section ol ul li a time footer'.split(' '),
);
const ALLOWED_ATTRIBUTES = new Set(['lang', 'charset', 'http-equiv', 'content', 'name', 'class', 'id', 'href', 'rel', 'datetime', 'start']);

/** Every tag and attribute of the document (the style element's text is CSS, skipped). */
function markup(html: string): { tag: string; attributes: [string, string][] }[] {
  const body = html.replace(/<style>[\s\S]*?<\/style>/, '<style></style>');
  return [...body.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9-]*)([^>]*)>/g)].map(([, tag, rest]) => ({
    tag: tag!.toLowerCase(),
    attributes: [...rest!.matchAll(/([^\s=/]+)(?:="([^"]*)")?/g)].map(([, name, value]) => [name!.toLowerCase(), value ?? ''] as [string, string]),
  }));
}

const hostile = `${PAYLOADS.script} ${PAYLOADS.img} ${PAYLOADS.js}`;

function hostileModel() {
  const claim = fixtureClaim({
    text: `Wording ${hostile}`,
    quote: { exact: `Quote ${hostile}`, start: 0, end: 6 + hostile.length, prefix: '', suffix: '' },
    assignee: `<b onmouseover=alert(1)>Sam</b>`,
    claimant: { name: `Name ${PAYLOADS.script}`, role: PAYLOADS.img },
    claimDate: '2026-11-18',
    tags: ['<svg onload=alert(1)>'],
    verdict: {
      ratingId: 'false',
      conclusion: `Conclusion ${hostile}`,
      rationale: `Rationale ${hostile}\n\n[click](javascript:alert(1)) [ok](https://ok.example/?a="b"&c=<d>) <javascript:alert(2)>\n\n- <iframe src=javascript:alert(3)>\n- **${PAYLOADS.img}**`,
      decidedAt: NOW,
    },
    corrections: [{ note: `Note ${hostile}`, by: '"><script>alert(4)</script>', at: NOW }],
    sources: [
      { sourceId: 'source0001', stance: 'refutes' },
      { sourceId: 'source0002', stance: 'supports' },
    ],
  });
  const sources = [
    fixtureSource({ title: `Title ${hostile}`, publisher: PAYLOADS.img, excerpt: `Excerpt ${hostile}` }),
    // Not possible through the API (addresses are validated as http(s)), but the renderer must not trust that.
    fixtureSource({
      id: 'source0002',
      url: 'javascript:alert(5)',
      title: 'Sneaky',
      archive: { state: 'archived', service: 'internet_archive', snapshotUrl: 'javascript:alert(6)', snapshotAt: NOW, origin: 'saved', recordedAt: NOW } as never,
    }),
  ];
  const article = fixtureArticle({ title: `Title ${hostile}`, url: 'javascript:alert(7)' as never, outlet: PAYLOADS.img, author: PAYLOADS.script });
  return fixtureModel([claim], { organizationName: `Org ${PAYLOADS.script}` }, article, sources);
}

describe('renderHtml', () => {
  it('is a standalone page with a strict CSP, print CSS and the whole report', () => {
    const html = renderHtml(
      fixtureModel([
        fixtureClaim({
          review: { state: 'approved', requestedBy: 'Sam', requestedAt: NOW, reviewer: 'Ira', decidedAt: NOW, comment: '' },
          corrections: [{ note: 'The rate was 4.3%.', by: 'Ira', at: '2026-11-26T09:00:00.000Z' }],
        }),
      ]),
    );
    expect(html.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP.replace(/'/g, '&#39;')}">`);
    expect(REPORT_CSP).toBe("default-src 'none'; style-src 'unsafe-inline'; img-src data:");
    expect(html).toContain('@media print');
    expect(html).toContain('<title>Fact-check: Budget speech</title>');
    expect(html).toContain('<p class="organization">Riverton Fact Desk</p>');
    expect(html).toContain('<h2><span class="number">Claim 1</span> Unemployment fell to 4.1% in May</h2>');
    expect(html).toContain('<blockquote class="quote">Unemployment fell to 4.1% in May.</blockquote>');
    expect(html).toContain('<strong>Mostly false</strong>');
    expect(html).toContain('<p class="conclusion">The official rate was 4.3%.</p>');
    expect(html).toContain('<p>See <strong>table 2</strong>.</p>');
    expect(html).toContain('<a href="https://stats.example/labour?month=may" rel="noopener noreferrer">Labour market, May</a>');
    expect(html).toContain('Statistics Office, 2026-06-01, Official data');
    expect(html).toContain(
      '<a href="https://web.archive.org/web/20261124183005/https://stats.example/labour?month=may" rel="noopener noreferrer">archived copy</a> <span class="archive">(Internet Archive snapshot of 2026-11-24 18:30 UTC)</span>',
    );
    expect(html).toContain('<dt>Approved by</dt><dd>Ira, 2026-11-25</dd>');
    expect(html).toContain('<time datetime="2026-11-26T09:00:00.000Z">2026-11-26</time>: The rate was 4.3%. <span class="by">(Ira)</span>');
    expect(html).toContain('<dt>Original</dt><dd><a href="https://news.example/budget" rel="noopener noreferrer">https://news.example/budget</a></dd>');
  });

  it('says "not archived" for a source without a recorded snapshot, and never links one', () => {
    const html = renderHtml(fixtureModel([fixtureClaim()], {}, undefined, [fixtureSource({ archive: { state: 'none' } })]));
    expect(html).toContain('<span class="not-archived">not archived</span>');
    expect(html).not.toContain('web.archive.org');
    expect(html).not.toContain('archived copy');
    const failed = renderHtml(
      fixtureModel([fixtureClaim()], {}, undefined, [fixtureSource({ archive: { state: 'failed', service: 'internet_archive', failedAt: NOW, reason: 'blocked' } })]),
    );
    expect(failed).toContain('<span class="not-archived">not archived</span>');
  });

  it('contains no executable markup, whatever the editor typed', () => {
    const html = renderHtml(hostileModel());
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<(img|svg|iframe|b)\b/i);
    expect(html).not.toMatch(/<[^>]*\bon[a-z]+=/i);
    expect(html).not.toMatch(/href="(?!https?:)/i);
    for (const { tag, attributes } of markup(html)) {
      expect(ALLOWED_TAGS.has(tag), tag).toBe(true);
      for (const [name, value] of attributes) {
        expect(ALLOWED_ATTRIBUTES.has(name), `${tag} ${name}`).toBe(true);
        if (name === 'href') expect(value).toMatch(/^https?:\/\//);
      }
      if (tag === 'a' && attributes.length) expect(attributes).toContainEqual(['rel', 'noopener noreferrer']);
    }
    // The payloads are there, as text.
    expect(html).toContain('Wording &lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=alert(1)&gt; javascript:alert(1)');
    expect(html).toContain('[click](javascript:alert(1))');
    expect(html).toContain('<a href="https://ok.example/?a=%22b%22&amp;c=%3Cd%3E" rel="noopener noreferrer">ok</a>');
    expect(html).toContain('&lt;iframe src=javascript:alert(3)&gt;');
    expect(html).toContain('Sneaky');
    expect(html).toContain('<dd>javascript:alert(7)</dd>');
    expect(html).toContain('&quot;&gt;&lt;script&gt;alert(4)&lt;/script&gt;');
    expect(html).toContain('<p class="claim-by">Claim by Name &lt;script&gt;alert(1)&lt;/script&gt;, &lt;img src=x onerror=alert(1)&gt;, 2026-11-18</p>');
  });

  it('escapeHtml escapes the five special characters and replaces control characters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&amp;</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;');
    expect(escapeHtml('a\u0000b\u0007c\td\ne')).toBe('a\uFFFDb\uFFFDc\td\ne');
  });

  it('shows who made the claim and when under the quote; nothing when nobody is named', () => {
    const said = fixtureClaim({ claimant: { name: 'Sergey Lavrov', role: 'foreign minister' }, claimDate: '2025-03-14' });
    const html = renderHtml(fixtureModel([said]));
    expect(html).toContain('<p class="claim-by">Claim by Sergey Lavrov, foreign minister, 2025-03-14</p>');
    expect(html.indexOf('class="claim-by"')).toBeGreaterThan(html.indexOf('<blockquote class="quote">'));
    // Without a date of its own the claim takes the article's.
    const undated = renderHtml(fixtureModel([fixtureClaim({ claimant: { name: 'the Kremlin', role: null } })]));
    expect(undated).toContain('<p class="claim-by">Claim by the Kremlin, 2026-11-20</p>');
    const anonymous = renderHtml(fixtureModel([fixtureClaim({ claimant: null, claimDate: '2025-03-14' })]));
    expect(anonymous).not.toContain('Claim by');
    expect(anonymous).not.toContain('class="claim-by"');
  });

  it('notes claims left out, orphaned quotes, and an empty report', () => {
    const unrated = fixtureClaim({ id: 'claim00002', verdict: null, quote: { exact: 'Nothing else happened.', start: 34, end: 56, prefix: '', suffix: '' } });
    const html = renderHtml(fixtureModel([fixtureClaim({ anchor: 'orphaned' }), unrated], { includeUnverified: false, includeSources: false }));
    expect(html).toContain('1 claim without a verdict is not included in this report.');
    expect(html).toContain('This quote is no longer in the article’s current text.');
    expect(html).not.toContain('<section class="sources">');
    expect(renderHtml(fixtureModel([]))).toContain('No claims have been recorded for this article.');
  });
});
