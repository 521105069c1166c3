/**
 * The hostile input corpus (./hostile-corpus.ts) against the real services, called through
 * dispatch exactly as IPC and browser mode call them: each item is refused with a message
 * that says what is wrong (and then nothing is written), or neutralised (kept as text, never
 * as markup, a link or a formula). The desktop's save dialog is the faked electron module's.
 */
import { parseHTML } from 'linkedom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fake, resetFake } from '../shell/fake-electron';
import { EXPORT_FORMATS, IMPORT_FILE_LIMIT, type Handlers, type HostMethod, type ImportedDraft } from '../../../shared/api/contract';
import { dispatch } from '../../../shared/api/dispatch';
import type { Claim } from '../../../shared/domain/schemas';
import { BOM } from '../../../shared/report/csv';
import { REPORT_CSP } from '../../../shared/report/html';
import { parseCsv } from '../../../shared/report/testing';
import { expectRefused, value, withApi, type Call } from '../services/test-helpers';
import {
  BINARY_RENAMED,
  CSV_FORMULAS,
  HOSTILE_HTML,
  HOSTILE_HTML_SENTENCES,
  HOSTILE_TEXT,
  HOSTILE_URLS,
  INVALID_UTF8,
  invalidUtf8File,
  PWNED_FLAG,
  TRAVERSAL_FILE_NAMES,
  TRAVERSAL_TITLES,
  twentyMegabyteText,
} from './hostile-corpus';

vi.mock('electron', () => ({ ...fake.electron, default: fake.electron }));
const { createHostHandlers } = await import('../shell/host-handlers');

const b64 = (bytes: Buffer | string) => Buffer.from(bytes).toString('base64');
const WEB_ADDRESS_ONLY = /must be a web address starting with http:\/\/ or https:\/\//;

afterEach(() => {
  expect((globalThis as Record<string, unknown>)[PWNED_FLAG], 'no payload ran in the process').toBeUndefined();
});

/** A new article from `text` with one claim over its first sentence. */
async function articleWithClaim(call: Call, title: string, text: string): Promise<{ articleId: string; claim: Claim }> {
  const article = value(await call('createArticle', { title, text }));
  const claim = value(await call('createClaim', { articleId: article.id, start: 0, end: Math.min(text.length, 40) }));
  return { articleId: article.id, claim };
}

describe('hostile input: files that are not articles are refused, saying why, and nothing is written', () => {
  it('a 20 MB text file is refused as too long, one byte more as too big; 20 MB pasted is refused by createArticle', async () => {
    await withApi(async (call, store) => {
      const twenty = twentyMegabyteText(IMPORT_FILE_LIMIT);
      expect(twenty.length).toBe(20 * 1024 * 1024);
      await expectRefused(call, store, 'importFile', { fileName: 'huge.txt', contentBase64: b64(twenty) }, 'invalid_input', /^“huge\.txt” is too long: its text has 20,9\d\d,\d{3} characters \(5,000,000 at most\)\.$/);
      await expectRefused(call, store, 'importFile', { fileName: 'huge.txt', contentBase64: b64(twentyMegabyteText(IMPORT_FILE_LIMIT, 1)) }, 'invalid_input', '“huge.txt” is too big to import: 20.0 MB (20 MB at most).');
      await expectRefused(call, store, 'createArticle', { title: 'Pasted', text: twenty.toString('utf8') }, 'invalid_input', 'Invalid input for createArticle: text: the article text is too long (5 million characters at most)');
    });
  }, 60_000);

  it('binary files renamed .txt, .md or .html are refused as binary', async () => {
    await withApi(async (call, store) => {
      for (const { name, bytes, what } of BINARY_RENAMED) {
        const kind = name.endsWith('.html') ? 'a web page' : 'text';
        await expectRefused(call, store, 'importFile', { fileName: name, contentBase64: b64(bytes) }, 'invalid_input', `“${name}” looks like a binary file, not ${kind}.`).catch((error: unknown) => {
          throw new Error(`${what}: ${String(error)}`);
        });
      }
    });
  });

  it('text that is not valid UTF-8 is refused, asking for UTF-8', async () => {
    await withApi(async (call, store) => {
      for (const { what, bytes } of INVALID_UTF8) {
        const file = invalidUtf8File(bytes);
        for (const name of ['story.txt', 'story.md']) {
          await expectRefused(call, store, 'importFile', { fileName: name, contentBase64: b64(file) }, 'invalid_input', `“${name}” is not UTF-8 text: save it as UTF-8 and try again.`).catch((error: unknown) => {
            throw new Error(`${what} in ${name}: ${String(error)}`);
          });
        }
        await expectRefused(
          call,
          store,
          'importFile',
          { fileName: 'story.html', contentBase64: b64(Buffer.concat([Buffer.from('<p>'), file])) },
          'invalid_input',
          '“story.html” is not UTF-8 text and does not say which encoding it uses: save it as UTF-8 and try again.',
        );
      }
    });
  });
});

describe('hostile input: markup and scripts are kept as text or dropped, never run or exported as markup', () => {
  it('a page full of scripts, event handlers and javascript: links is read as its words only', async () => {
    await withApi(async (call, store) => {
      const before = await store.flushed().then(() => store.data);
      const draft = value(await call('importFile', { fileName: 'bridge.html', contentBase64: b64(HOSTILE_HTML) })) as ImportedDraft;
      expect(draft.title).toBe('Bridge costs double, council told');
      for (const sentence of HOSTILE_HTML_SENTENCES) expect(draft.text).toContain(sentence);
      // Script, style, frames, forms and handlers are gone; what the page showed as text stays text.
      expect(draft.text).toBe([HOSTILE_HTML_SENTENCES[0], HOSTILE_HTML_SENTENCES[1], `Critics wrote <script>window.${PWNED_FLAG}='escaped text'</script> on their placards, according to the Gazette.`, HOSTILE_HTML_SENTENCES[2]].join('\n\n'));
      expect(draft.text).not.toMatch(/head script|svg script|srcdoc|onload|mxss|template|@import|Vote/);
      // No address from the page is kept: each is javascript:.
      expect(draft.url).toBeNull();
      expect(JSON.stringify(draft)).not.toMatch(/javascript:(?!window\.__pwned='(escaped text|author)')/);
      expect(store.data).toBe(before);

      // Pasted rich text is read the same way.
      const pasted = value(await call('importFile', { fileName: 'pasted.html', contentBase64: b64(HOSTILE_HTML) })) as ImportedDraft;
      expect(pasted.text).toBe(draft.text);
    });
  });

  it('the HTML report of hostile text, a hostile rationale and hostile titles has no script, handler, frame or non-web link, under a CSP', async () => {
    await withApi(async (call) => {
      const title = `${HOSTILE_TEXT} ${TRAVERSAL_TITLES[0]}`;
      const { articleId, claim } = await articleWithClaim(call, title, `The bridge will cost $80 million. ${HOSTILE_TEXT} Nobody disputes that.`);
      value(await call('updateClaim', { id: claim.id, patch: { text: HOSTILE_TEXT, assignee: '<b onclick=x>Sam</b>', tags: ['<svg/onload=x>'] } }));
      value(await call('addSource', { claimId: claim.id, stance: 'refutes', source: { url: 'https://stats.example/t1?q="><script>x</script>', title: HOSTILE_TEXT, excerpt: HOSTILE_TEXT, notes: HOSTILE_TEXT } }));
      const ratingId = (await call('getWorkspace', {}).then(value)).settings.ratingScale[0]!.id;
      const rationale = `${HOSTILE_TEXT}\n\n[click](javascript:window.${PWNED_FLAG}=1) [data](data:text/html,<script>alert(1)</script>) <a href="javascript:alert(1)">raw</a> [ok](https://ok.example/)`;
      value(await call('setVerdict', { claimId: claim.id, verdict: { ratingId, conclusion: HOSTILE_TEXT, rationale } }));

      const html = value(await call('exportReport', { articleId, format: 'html' }));
      const { document } = parseHTML(html.content);
      expect(document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content')).toBe(REPORT_CSP);
      expect(REPORT_CSP).toMatch(/default-src 'none'/);
      expect(REPORT_CSP).not.toMatch(/script-src/);
      expect(document.querySelectorAll('script, iframe, frame, object, embed, svg, math, form, base, link, template, noscript').length).toBe(0);
      const elements = [...document.querySelectorAll('*')];
      for (const element of elements) {
        for (const { name, value: attribute } of [...element.attributes]) {
          expect(name, `<${element.tagName.toLowerCase()} ${name}>`).not.toMatch(/^on/i);
          if (['href', 'src', 'action', 'formaction', 'xlink:href'].includes(name)) expect(attribute, `${name} of <${element.tagName.toLowerCase()}>`).toMatch(/^(https?:\/\/|#)/);
        }
      }
      const links = [...document.querySelectorAll('a')].map((a) => a.getAttribute('href'));
      expect(links).toContain('https://ok.example/');
      expect(links.filter((href) => href?.startsWith('https://stats.example/'))).toHaveLength(1);
      // The payloads are all there, as text.
      expect(document.body.textContent).toContain(`<script>window.${PWNED_FLAG}='pasted script'</script>`);
      expect(document.body.textContent).toContain('[click](javascript:');

      // And in Markdown: escaped HTML, no javascript: or data: link.
      const markdown = value(await call('exportReport', { articleId, format: 'markdown' })).content;
      expect(markdown).not.toMatch(/(?<!\\)<(script|img|svg|a)\b/i);
      expect(markdown).not.toMatch(/\]\((javascript|data):/i);
    });
  });
});

describe('hostile input: addresses that are not web pages are refused wherever an address goes', () => {
  it('as a source, an article address, a page to import, or a link to open', async () => {
    await withApi(async (call, store) => {
      const { articleId, claim } = await articleWithClaim(call, 'Bridge', 'The bridge will cost $80 million, the mayor said on Tuesday.');
      for (const url of HOSTILE_URLS) {
        await expectRefused(call, store, 'addSource', { claimId: claim.id, stance: 'supports', source: { url, title: 'Evidence' } }, 'invalid_input', WEB_ADDRESS_ONLY);
        await expectRefused(call, store, 'createArticle', { title: 'X', text: 'Some text.', url }, 'invalid_input', WEB_ADDRESS_ONLY);
        await expectRefused(call, store, 'updateArticle', { id: articleId, patch: { url } }, 'invalid_input', WEB_ADDRESS_ONLY);
        await expectRefused(call, store, 'startUrlImport', { url }, 'invalid_input', WEB_ADDRESS_ONLY);
      }
      expect(store.data.sources).toEqual([]);
    });
  });

  it('the desktop never hands a non-web address to the system browser', async () => {
    resetFake();
    const host = createHostHandlers(() => null) as Handlers<HostMethod>;
    for (const url of HOSTILE_URLS) {
      const result = await dispatch(host, 'openExternal', { url });
      expect(result, url).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(WEB_ADDRESS_ONLY) } });
    }
    expect(fake.electron.shell.openExternal).not.toHaveBeenCalled();
    expect(await dispatch(host, 'openExternal', { url: 'https://stats.example/t1' })).toEqual({ ok: true, value: { opened: true } });
    expect(fake.electron.shell.openExternal).toHaveBeenCalledWith('https://stats.example/t1');
  });
});

describe('hostile input: exports', () => {
  it('CSV cells a spreadsheet would run as formulas are neutralised, in every column an editor types', async () => {
    await withApi(async (call, store) => {
      const text = 'The bridge will cost $80 million. The mayor said so on Tuesday. Critics disagree. It opens in 2028. Tolls will rise. Buses will not. Nobody asked. It is over.';
      const article = value(await call('createArticle', { title: CSV_FORMULAS[0], text }));
      const sentences = text.split(/(?<=\.) /);
      let at = 0;
      for (const [i, formula] of CSV_FORMULAS.entries()) {
        const start = text.indexOf(sentences[i]!, at);
        at = start + sentences[i]!.length;
        const claim = value(await call('createClaim', { articleId: article.id, start, end: at }));
        value(await call('updateClaim', { id: claim.id, patch: { text: formula, assignee: '=1+1', tags: ['@SUM(1)'] } }));
      }
      const csv = value(await call('exportReport', { articleId: article.id, format: 'csv' })).content;
      const rows = parseCsv(csv.slice(BOM.length));
      expect(rows).toHaveLength(CSV_FORMULAS.length + 1);
      for (const row of rows) for (const cell of row) expect(cell, JSON.stringify(row)).not.toMatch(/^[=+\-@\t\r]/);
      const cells = rows.slice(1).flat();
      // Stored as typed (a leading tab or CR is trimmed from a claim's wording), exported with a leading apostrophe.
      const stored = store.data.claims.map((c) => c.text);
      for (const formula of CSV_FORMULAS) expect(stored).toContain(formula.trim());
      for (const text of stored) expect(cells, text).toContain(`'${text}`);
      expect(cells).toContain("'=1+1");
    });
  });

  it('export file names never leave the chosen folder: from hostile titles, and whatever name the save dialog is asked to offer', async () => {
    await withApi(async (call) => {
      for (const title of TRAVERSAL_TITLES) {
        const article = value(await call('createArticle', { title, text: 'The bridge will cost $80 million, the mayor said.' }));
        for (const format of EXPORT_FORMATS) {
          if (format === 'claimreview') continue; // needs rated claims; its name is made the same way
          const { fileName } = value(await call('exportReport', { articleId: article.id, format }));
          expect(fileName, `${JSON.stringify(title)} as ${format}`).toMatch(/^fact-check-[\p{L}\p{N}-]*\.[a-z]+$/u);
        }
      }
    });
    resetFake();
    const offered: string[] = [];
    fake.electron.dialog.showSaveDialog.mockImplementation(async (options: { defaultPath: string }) => {
      offered.push(options.defaultPath);
      return { canceled: true, filePath: '' };
    });
    const host = createHostHandlers(() => null) as Handlers<HostMethod>;
    for (const fileName of TRAVERSAL_FILE_NAMES) {
      expect(await dispatch(host, 'saveFile', { fileName, mimeType: 'text/html', content: '<p>x</p>' })).toEqual({ ok: true, value: { saved: false, location: null } });
    }
    expect(offered).toEqual([
      '_.._.._.._.._.._etc_cron.d_evil',
      '_.._.._Windows_System32_evil.dll',
      '_etc_passwd',
      'C__Windows_win.ini',
      '__evil-server_share_report.html',
      'report.html_evil.exe',
      'export',
      'bashrc',
      '_CON.html',
      'report_lmth.exe',
      'a_.._.._b.md',
    ]);
  });
});
