import { execFile, execFileSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { callerFor, TestClock, value, withApi, withTempDir, type Call } from '../test-helpers';
import { LowdbWorkspaceStore } from '../store';
import { seedExport, span } from './test-fixture';
import { BOM, claimRows } from '../../../../shared/report/csv';
import { buildReportModel } from '../../../../shared/report/model';
import { renderMarkdown } from '../../../../shared/report/markdown';
import { parseCsv } from '../../../../shared/report/testing';
import { ArticleBundle } from '../../../../shared/report/bundle';
import type { ExportedFile } from '../../../../shared/api/contract';
import { REPLACED_NOTE } from './pdf';

const run = promisify(execFile);

function hasPdftotext(): boolean {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
const PDFTOTEXT = hasPdftotext();
if (!PDFTOTEXT) console.warn('pdftotext (poppler-utils) is not installed: the PDF text checks are skipped. Install poppler-utils to run them.');

async function pdfText(file: ExportedFile, dir: string): Promise<string> {
  const pdf = path.join(dir, 'report.pdf');
  await writeFile(pdf, Buffer.from(file.content, 'base64'));
  const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', pdf, '-']);
  return stdout.replace(/\s+/g, ' ');
}

const exportAs = async (call: Call, articleId: string, format: string, more: Record<string, unknown> = {}) =>
  value(await call('exportReport', { articleId, format, ...more }));

describe('exportReport', () => {
  it('Markdown: the report model rendered, with the approval and the correction', async () => {
    const clock = new TestClock();
    await withApi(
      async (call, store) => {
        const { articleId } = await seedExport(call);
        const file = await exportAs(call, articleId, 'markdown');
        expect(file).toMatchObject({ fileName: 'fact-check-budget-speech.md', mimeType: 'text/markdown;charset=utf-8', encoding: 'utf8' });
        const ws = store.data;
        const model = buildReportModel({
          settings: ws.settings,
          article: ws.articles.find((a) => a.id === articleId)!,
          claims: ws.claims.filter((c) => c.articleId === articleId),
          sources: ws.sources,
          options: { includeSources: true, includeUnverified: true },
          generatedAt: clock.now().toISOString(),
        });
        expect(file.content).toBe(renderMarkdown(model));
        expect(file.content).toContain('## Claim 1: Unemployment fell to 4.1% in May.');
        expect(file.content).toContain('- Approved by: Ana, 2026-11-25');
        expect(file.content).toContain('### Corrections\n\n- 2026-11-25: The rate was revised to 4.3%. (Ira)');
        expect(file.content).toContain('- **Verdict: Unverifiable**');
        expect(file.content).toContain('- Verdict: not yet rated');
      },
      { now: clock.now },
    );
  });

  it('HTML: a standalone page with every claim, verdict, source and correction', async () => {
    await withApi(async (call) => {
      const { articleId } = await seedExport(call);
      const file = await exportAs(call, articleId, 'html');
      expect(file).toMatchObject({ fileName: 'fact-check-budget-speech.html', mimeType: 'text/html;charset=utf-8', encoding: 'utf8' });
      for (const text of [
        'Content-Security-Policy',
        'Unemployment fell to 4.1% in May.',
        '<strong>Mostly false</strong>',
        '<strong>Unverifiable</strong>',
        'Verdict: not yet rated',
        '>Labour market, May</a>',
        '>Council memo</a>',
        'The rate was revised to 4.3%.',
        '<p>The <strong>May table</strong> says 4.3%.</p>',
        '<a href="https://stats.example/release" rel="noopener noreferrer">Release</a>',
      ]) {
        expect(file.content).toContain(text);
      }
      expect(file.content).not.toMatch(/<script/i);
    });
  });

  it.skipIf(!PDFTOTEXT)('PDF: pdftotext reads the wording, the verdict labels, sources and the correction; the same time gives the same bytes', async () => {
    const clock = new TestClock();
    await withApi(
      async (call, _store, dir) => {
        const { articleId } = await seedExport(call);
        const file = await exportAs(call, articleId, 'pdf');
        expect(file).toMatchObject({ fileName: 'fact-check-budget-speech.pdf', mimeType: 'application/pdf', encoding: 'base64' });
        expect(Buffer.from(file.content, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
        const text = await pdfText(file, dir);
        for (const expected of [
          'Fact-check: Budget speech',
          'Riverton Fact Desk',
          'Unemployment fell to 4.1% in May.',
          'The council spent $48 million on roads.',
          'Ministers met 12 times last year.',
          'Verdict: Mostly false',
          'Verdict: Unverifiable',
          'Verdict: not yet rated',
          'Labour market, May',
          'The rate was revised to 4.3%. (Ira)',
          'The May table says 4.3%.',
          'Claim by Jo Marsh, finance minister, 2026-11-20',
          'Claim by the council, 2026-11-19',
        ]) {
          expect(text).toContain(expected);
        }
        // Two claims name who made them; the third names nobody and has no line.
        expect(text.match(/Claim by/g)).toHaveLength(2);
        expect(text).not.toContain(REPLACED_NOTE.slice(0, 30));
        expect((await exportAs(call, articleId, 'pdf')).content).toBe(file.content);
      },
      { now: clock.now },
    );
  });

  it.skipIf(!PDFTOTEXT)('PDF: Greek and Cyrillic print as typed; what the fonts lack becomes "?" and the PDF says so', async () => {
    await withApi(async (call, _store, dir) => {
      value(await call('updateSettings', { patch: { organizationName: 'Desk' } }));
      const text = 'Η ανεργία έπεσε στο 4%. Безработица упала до 4%. 失业率下降到4%。';
      const article = value(await call('createArticle', { title: 'Ελλάδα και Київ', text }));
      for (const passage of ['Η ανεργία έπεσε στο 4%.', 'Безработица упала до 4%.', '失业率下降到4%。']) {
        const claim = value(await call('createClaim', { articleId: article.id, ...span(text, passage) }));
        value(await call('setVerdict', { claimId: claim.id, verdict: { ratingId: 'false', conclusion: 'Ψευδές — неверно' } }));
      }
      const pdf = await pdfText(await exportAs(call, article.id, 'pdf'), dir);
      expect(pdf).toContain('Fact-check: Ελλάδα και Київ');
      expect(pdf).toContain('Η ανεργία έπεσε στο 4%.');
      expect(pdf).toContain('Безработица упала до 4%.');
      expect(pdf).toContain('Ψευδές — неверно');
      expect(pdf).toContain('?????4%?');
      expect(pdf).toContain(REPLACED_NOTE.replace(/\s+/g, ' '));
    });
  });

  it('DOCX: a Word file whose document.xml holds the claims, verdicts and sources; the same time gives the same bytes', async () => {
    const clock = new TestClock();
    await withApi(
      async (call) => {
        const { articleId } = await seedExport(call);
        const file = await exportAs(call, articleId, 'docx');
        expect(file).toMatchObject({
          fileName: 'fact-check-budget-speech.docx',
          mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
          encoding: 'base64',
        });
        const zip = await JSZip.loadAsync(Buffer.from(file.content, 'base64'));
        const xml = await zip.file('word/document.xml')!.async('string');
        const words = xml.replace(/<[^>]+>/g, '');
        for (const expected of [
          'Fact-check: Budget speech',
          'Claim 1: Unemployment fell to 4.1% in May.',
          'Mostly false',
          'Unverifiable',
          'Verdict: not yet rated',
          'Labour market, May',
          'Council memo',
          'The rate was revised to 4.3%.',
          'May table',
          'Claim by Jo Marsh, finance minister, 2026-11-20',
          'Claim by the council, 2026-11-19',
        ]) {
          expect(words).toContain(expected);
        }
        expect(words.match(/Claim by/g)).toHaveLength(2);
        expect(xml).toContain('w:val="Heading1"');
        expect(xml).toContain('<w:hyperlink');
        const rels = await zip.file('word/_rels/document.xml.rels')!.async('string');
        expect(rels).toContain('Target="https://stats.example/labour?month=may" TargetMode="External"');
        const core = await zip.file('docProps/core.xml')!.async('string');
        expect(core).toContain('2026-11-25T10:00:00Z</dcterms:created>');
        expect(core).toContain('<dc:title>Fact-check: Budget speech</dc:title>');
        expect((await exportAs(call, articleId, 'docx')).content).toBe(file.content);
      },
      { now: clock.now },
    );
  });

  it('CSV: one row per claim, parsed back equal to the table, formulas neutralised', async () => {
    await withApi(async (call, store) => {
      const { articleId } = await seedExport(call);
      const article = store.data.articles.find((a) => a.id === articleId)!;
      value(await call('createClaim', { articleId, ...span(article.text, 'Nothing else happened.'), text: '=HYPERLINK("https://evil.example","click")' }));
      const file = await exportAs(call, articleId, 'csv');
      expect(file).toMatchObject({ fileName: 'fact-check-budget-speech.csv', mimeType: 'text/csv;charset=utf-8;header=present', encoding: 'utf8' });
      expect(file.content.startsWith(BOM)).toBe(true);
      const rows = parseCsv(file.content.slice(BOM.length));
      expect(rows).toHaveLength(5);
      expect(rows[1]!.slice(2, 4)).toEqual(['Unemployment fell to 4.1% in May.', 'Unemployment fell to 4.1% in May.']);
      expect(rows[1]!.slice(4, 8)).toEqual(['Published', 'High', 'Sam', 'economy; jobs']);
      expect(rows[1]!.slice(10, 13)).toEqual(['Mostly false', 'The official rate was 4.3%.', '2']);
      expect(rows[4]![2]).toBe('\'=HYPERLINK("https://evil.example","click")');
      const ws = store.data;
      const model = buildReportModel({
        settings: ws.settings,
        article,
        claims: ws.claims.filter((c) => c.articleId === articleId),
        sources: ws.sources,
        options: { includeSources: true, includeUnverified: true },
        generatedAt: '',
      });
      expect(rows.slice(0, 4)).toEqual(claimRows(model).slice(0, 4));
    });
  });

  it('ClaimReview: one object per rated claim; refused without an organization or without rated claims', async () => {
    await withApi(async (call, store) => {
      const { articleId, claimIds } = await seedExport(call);
      const file = await exportAs(call, articleId, 'claimreview');
      expect(file).toMatchObject({ fileName: 'fact-check-budget-speech.jsonld', mimeType: 'application/ld+json', encoding: 'utf8' });
      const reviews = JSON.parse(file.content) as { claimReviewed: string; reviewRating: Record<string, unknown>; author: { name: string } }[];
      expect(reviews.map((r) => r.claimReviewed)).toEqual(['Unemployment fell to 4.1% in May.', 'The council spent $48 million on roads.']);
      expect(reviews[0]!.reviewRating).toEqual({ '@type': 'Rating', ratingValue: 2, bestRating: 5, worstRating: 1, alternateName: 'Mostly false' });
      expect(reviews[1]!.reviewRating).toEqual({ '@type': 'Rating', alternateName: 'Unverifiable' });
      // The fact-check's own address, and who made the claim (not who reported it), when and where.
      const first = JSON.parse(file.content)[0] as { url: string; itemReviewed: Record<string, unknown> };
      expect(first.url).toBe('https://riverton.example/fact-checks/unemployment');
      expect(first.itemReviewed).toMatchObject({ '@type': 'Claim', author: { '@type': 'Person', name: 'Jo Marsh' }, datePublished: '2026-11-20' });
      expect(JSON.parse(file.content)[1].itemReviewed.author).toEqual({ '@type': 'Organization', name: 'the council' });
      expect((await exportAs(call, articleId, 'claimreview', { options: { organizationName: 'Other Desk' } })).content).toContain('"name": "Other Desk"');

      const refused = await call('exportReport', { articleId, format: 'claimreview', options: { organizationName: '' } });
      expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/needs the name of the organization/) } });
      const [, , unrated] = store.data.claims.filter((c) => c.articleId === articleId).map((c) => c.id);
      const none = await call('exportReport', { articleId, format: 'claimreview', claimIds: [unrated] });
      expect(none).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/none of the exported claims .* has a verdict/) } });

      // A rated claim without a publication address is refused, by name, with where to set it.
      value(await call('updateClaim', { id: claimIds[1]!, patch: { publishedUrl: null } }));
      const unpublished = await call('exportReport', { articleId, format: 'claimreview' });
      expect(unpublished).toMatchObject({
        ok: false,
        error: { code: 'invalid_input', message: expect.stringMatching(/“The council spent \$48 million on roads\.” has none\. Set its publication address in the claim pane \(Publication address\)/) },
      });
    });
  });

  it('exports a selection of claims, refusing claims of other articles and missing ones', async () => {
    await withApi(async (call) => {
      const { articleId, claimIds } = await seedExport(call);
      const md = (await exportAs(call, articleId, 'markdown', { claimIds: [claimIds[2], claimIds[1]] })).content;
      expect(md).not.toContain('Unemployment fell');
      expect(md).toContain('## Claim 1: The council spent $48 million on roads.');
      expect(md).toContain('## Claim 2: Ministers met 12 times last year.');
      expect((await exportAs(call, articleId, 'markdown', { claimIds: [] })).content).toContain('_No claims are included in this report._');

      const other = value(await call('createArticle', { title: 'Other', text: 'Prices rose 3% in June.' }));
      const foreign = value(await call('createClaim', { articleId: other.id, start: 0, end: 22 }));
      const refused = await call('exportReport', { articleId, format: 'csv', claimIds: [claimIds[0], foreign.id] });
      expect(refused).toMatchObject({
        ok: false,
        error: { code: 'invalid_input', message: `Claim ${foreign.id} belongs to another article: choose claims of “Budget speech” only; nothing was exported.` },
      });
      const missing = await call('exportReport', { articleId, format: 'html', claimIds: ['nosuchclaim'] });
      expect(missing).toMatchObject({ ok: false, error: { code: 'not_found', message: expect.stringMatching(/no claim with id nosuchclaim/) } });
      const gone = await call('exportReport', { articleId: 'nosucharticle', format: 'pdf' });
      expect(gone).toMatchObject({ ok: false, error: { code: 'not_found' } });
    });
  });

  it('applies the options in every format: without sources, without unrated claims, another organization', async () => {
    await withApi(async (call) => {
      const { articleId } = await seedExport(call);
      const options = { includeSources: false, includeUnverified: false, organizationName: 'Night Desk' };
      const md = (await exportAs(call, articleId, 'markdown', { options })).content;
      expect(md).not.toContain('### Sources');
      expect(md).not.toContain('Ministers met');
      expect(md).toContain('_1 claim without a verdict is not included in this report._');
      expect(md).toContain('- Checked by: Night Desk');
      const html = (await exportAs(call, articleId, 'html', { options })).content;
      expect(html).not.toContain('Labour market, May');
      expect(html).toContain('<p class="organization">Night Desk</p>');
      const csv = parseCsv((await exportAs(call, articleId, 'csv', { options })).content.slice(1));
      expect(csv).toHaveLength(3);
      expect(csv[1]![12]).toBe('2');
      const zip = await JSZip.loadAsync(Buffer.from((await exportAs(call, articleId, 'docx', { options })).content, 'base64'));
      const words = (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
      expect(words).not.toContain('Labour market');
      expect(words).not.toContain('Ministers met');
      expect(words).toContain('Night Desk');
      const bundle = ArticleBundle.parse(JSON.parse((await exportAs(call, articleId, 'json', { options })).content));
      expect(bundle.claims).toHaveLength(2);
      const noOrg = (await exportAs(call, articleId, 'markdown', { options: { organizationName: '' } })).content;
      expect(noOrg).not.toContain('Checked by: Riverton');
    });
  });

  it('JSON: the article with its claims, cited sources, history and scale; re-imported into a fresh workspace without loss', async () => {
    await withTempDir(async (root) => {
      const clock = new TestClock();
      const source = await LowdbWorkspaceStore.open(path.join(root, 'a'), { now: clock.now });
      const target = await LowdbWorkspaceStore.open(path.join(root, 'b'), { now: clock.now });
      try {
        const call = callerFor(source);
        const { articleId, claimIds } = await seedExport(call);
        const file = await exportAs(call, articleId, 'json');
        expect(file).toMatchObject({ fileName: 'fact-check-budget-speech.json', mimeType: 'application/json', encoding: 'utf8' });
        const bundle = ArticleBundle.parse(JSON.parse(file.content));
        expect(bundle).toMatchObject({ format: 'factcheck-desk/article', version: 1, exportedAt: clock.now().toISOString() });
        expect(bundle.audit.length).toBeGreaterThan(10);
        // The JSON carries who made each claim, when, and where its fact-check is published.
        expect(bundle.claims.map((c) => [c.claimant, c.claimDate, c.publishedUrl])).toEqual([
          [{ name: 'Jo Marsh', role: 'finance minister' }, null, 'https://riverton.example/fact-checks/unemployment'],
          [{ name: 'the council', role: null }, '2026-11-19', 'https://riverton.example/fact-checks/roads'],
          [null, null, null],
        ]);
        expect(bundle.audit.every((e) => claimIds.includes(e.claimId))).toBe(true);

        const imported = value(await callerFor(target)('importBundle', { content: file.content }));
        expect(imported.articles).toHaveLength(1);
        expect(imported.claims).toHaveLength(3);
        const a = source.data;
        const b = target.data;
        expect(b.articles.find((x) => x.id === articleId)).toEqual(a.articles.find((x) => x.id === articleId));
        const claimsOf = (ws: typeof a) => ws.claims.filter((c) => c.articleId === articleId);
        expect(claimsOf(b)).toEqual(claimsOf(a));
        const cited = (ws: typeof a) => ws.sources.filter((s) => claimsOf(ws).some((c) => c.sources.some((l) => l.sourceId === s.id)));
        expect(cited(b)).toEqual(cited(a));
        // The history comes along, followed by one entry per claim for the import itself.
        for (const id of claimIds) {
          const before = source.audit.filter((e) => e.claimId === id);
          const after = target.audit.filter((e) => e.claimId === id);
          expect(after.slice(0, before.length)).toEqual(before);
          expect(after.slice(before.length)).toMatchObject([{ action: 'Import article', field: null, from: null }]);
        }
        expect(target.history().undoLabel).toBe('Import article');
      } finally {
        await source.close();
        await target.close();
      }
    });
  });
});
