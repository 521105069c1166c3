import { readFile } from 'node:fs/promises';
import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { IMPORT_FILE_LIMIT, type ImportedDraft } from '../../../../shared/api/contract';
import { ApiError } from '../../../../shared/api/result';
import { withApi } from '../test-helpers';
import { importFile } from './index';
import { storedBytes } from '../test-stored';

const fixture = (name: string) => readFile(new URL(`./fixtures/${name}`, import.meta.url));
const b64 = (content: string | Uint8Array) => Buffer.from(content).toString('base64');
const load = (fileName: string, content: string | Uint8Array) => importFile({ fileName, contentBase64: b64(content) });
const paragraphs = (draft: ImportedDraft) => draft.text.split('\n\n');

/** The message an import is refused with (and that it is refused as invalid input). */
async function refusal(fileName: string, content: string | Uint8Array): Promise<string> {
  const error = await load(fileName, content).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  expect((error as ApiError).code).toBe('invalid_input');
  return (error as ApiError).message;
}

const ARTICLE = [
  'Riverton city council voted 7–2 on Tuesday night to approve a new bridge over the Mill River, at a cost the mayor put at $40 million, twice the estimate presented to residents last year.',
  'Mayor Ana Ruiz told the council that the old Mill Street bridge, built in 1931, had failed two of its last three safety inspections and that "doing nothing is no longer an option".',
  "Council member Tom Bell, who voted against the plan, said the real cost was closer to $55 million once interest on the city's borrowing was included, citing a 2023 audit by the state comptroller.",
  'The state transportation department has promised to cover 30 per cent of the cost, according to a letter from the department seen by the Gazette. Construction is due to start in the spring of 2025 and to take two years.',
  'Residents who spoke at the meeting were divided. "We have been waiting for this bridge for a decade," said Maria Chen, who runs a bakery on Mill Street.',
];

describe('importFile: HTML', () => {
  it('keeps only the article of a cluttered news page, with its title, byline, site and date, and never runs its scripts', async () => {
    const draft = await importFile({ fileName: 'news-article.html', contentBase64: (await fixture('news-article.html')).toString('base64') });
    expect(draft).toEqual({
      title: 'Council approves $40m bridge as critics question the cost',
      text: ARTICLE.join('\n\n'),
      url: 'https://gazette.example/news/2024/03/council-approves-bridge',
      outlet: 'The Riverton Gazette',
      author: 'Jane Okafor',
      publishedDate: '2024-03-05',
      notes: ["The web address was taken from the page's own link to itself."],
    });
    for (const clutter of ['cookie', 'Share', 'Advertisement', 'mattress', 'Comments', 'waste of money', 'newsletter', 'Most read', 'Read more', '©', 'Skip', 'Search', 'Sport', 'Injected', 'Hijacked']) {
      expect(draft.text).not.toContain(clutter);
    }
    expect((globalThis as { __IMPORT_SCRIPT_RAN__?: boolean }).__IMPORT_SCRIPT_RAN__).toBeUndefined();
  });

  it('finds the byline, date and title in the page when there are no meta tags', async () => {
    const html = `<html><head><title>Water rates to rise 12% – Valley Courier</title></head><body>
      <nav>Home | News</nav>
      <article><h1>Water rates to rise 12%</h1>
        <div class="byline">By <span itemprop="author">Sam Patel</span> | <time itemprop="datePublished" datetime="2025-01-14">14 January</time></div>
        <p>The Valley water board voted on Monday to raise household rates by 12 per cent from April, the first increase since 2019, citing the cost of replacing lead pipes.</p>
        <p>The board said the average family would pay about $6 more a month. Consumer groups said the real figure was nearer $9 once a new standing charge was included.</p>
        <p>The increase still needs the approval of the state utilities commission, which is expected to rule before the end of March, a spokesperson for the board said.</p>
      </article></body></html>`;
    const draft = await load('rates.htm', html);
    expect(draft.title).toBe('Water rates to rise 12%');
    expect(draft.author).toBe('Sam Patel');
    expect(draft.publishedDate).toBe('2025-01-14');
    expect(draft.outlet).toBe('');
    expect(draft.url).toBeNull();
    expect(paragraphs(draft)).toHaveLength(3);
    expect(draft.text).not.toMatch(/Home|Sam Patel|January/);
  });

  it('reads a page in the encoding it declares, and refuses undeclared text that is not UTF-8', async () => {
    const latin1 = Buffer.concat([
      Buffer.from('<html><head><meta charset="windows-1252"><title>Caf'),
      Buffer.from([0xe9]),
      Buffer.from(' prices</title></head><body><p>The caf'),
      Buffer.from([0xe9]),
      Buffer.from(' on the square raised its prices by 20% in a year, its owner said on Friday, blaming the cost of energy.</p></body></html>'),
    ]);
    const draft = await load('cafe.html', latin1);
    expect(draft.text).toContain('The café on the square');
    const undeclared = Buffer.from(latin1.toString('latin1').replace('<meta charset="windows-1252">', ''), 'latin1');
    expect(await refusal('cafe.html', undeclared)).toBe('“cafe.html” is not UTF-8 text and does not say which encoding it uses: save it as UTF-8 and try again.');
  });

  it('keeps all of pasted rich text: its first heading is the title, lists one item per line, line breaks kept', async () => {
    const pasted = `<meta charset='utf-8'><html><body><!--StartFragment--><h1 style="color:red">Budget claims checked</h1>
      <p>The minister said <b>unemployment fell</b> to 4.1%&nbsp;in May.</p>
      <ul><li>Claim one: taxes fell</li><li>Claim two: <a href="https://x.example">debt</a> rose</li></ul>
      <p>Line one<br>Line two</p><table><tr><th>Year</th><th>Rate</th></tr><tr><td>2023</td><td>4.5%</td></tr></table>
      <script>globalThis.__PASTE_RAN__ = true</script><!--EndFragment--></body></html>`;
    const draft = await load('pasted.html', pasted);
    expect(draft.title).toBe('Budget claims checked');
    expect(draft.text).toBe(
      'The minister said unemployment fell to 4.1% in May.\n\nClaim one: taxes fell\nClaim two: debt rose\n\nLine one\nLine two\n\nYear | Rate\n2023 | 4.5%',
    );
    expect((globalThis as { __PASTE_RAN__?: boolean }).__PASTE_RAN__).toBeUndefined();

    const plain = await load('pasted.html', '<p>Just one sentence that someone copied from a report, with a figure of 12%.</p>');
    expect(plain.title).toBe('Pasted article');
    expect(plain.notes).toEqual(['No headline was found, so the title is “Pasted article”: change it.']);
  });

  it('refuses pages nested too deeply or with too many elements, quickly', async () => {
    const started = performance.now();
    expect(await refusal('deep.html', `<html><body>${'<div>'.repeat(100_000)}x${'</div>'.repeat(100_000)}</body></html>`)).toBe(
      '“deep.html” is nested too deeply to read (more than 150 levels of elements).',
    );
    expect(await refusal('deep2.html', `<html><body>${'<span>'.repeat(200)}x</body></html>`)).toMatch(/nested too deeply/);
    expect(await refusal('wide.html', `<html><body>${'<i>x</i>'.repeat(160_000)}</body></html>`)).toBe('“wide.html” has too many elements to read (150,001; 150,000 at most).');
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  it('refuses a page without article text', async () => {
    expect(await refusal('empty.html', '<html><head><title>Nothing</title></head><body><nav><a href="/">Home</a></nav><script>x()</script></body></html>')).toBe(
      'No article text was found in “empty.html”.',
    );
  });
});

describe('importFile: Markdown', () => {
  it('turns Markdown into plain text: first # heading as title, markup removed, lists one item per line, code kept', async () => {
    const md = [
      '# Fact check: the *harbour* tunnel',
      '',
      'The mayor said the tunnel **cost $2.1bn**, see the [audit](https://audit.example/report "Audit") and `table 4`.',
      'This line continues the paragraph.',
      '',
      '## What was said',
      '',
      '- First claim',
      '- Second claim with _emphasis_',
      '  * nested item',
      '',
      '1. One',
      '2. Two',
      '',
      '> A quoted statement, with snake_case_words kept.',
      '',
      '```js',
      'const cost = 2.1; // billions',
      '```',
      '',
      '![a photo](photo.png)',
      '',
      '---',
      '',
      '| Year | Cost |',
      '|------|-----:|',
      '| 2020 | 1.5 |',
      '',
      '[audit]: https://audit.example',
      'Last line<br>with a tag and an escaped \\*star\\*.',
    ].join('\r\n');
    const draft = await load('tunnel.md', `\uFEFF${md}`);
    expect(draft.title).toBe('Fact check: the harbour tunnel');
    expect(draft.notes).toEqual([]);
    expect(paragraphs(draft)).toEqual([
      'The mayor said the tunnel cost $2.1bn, see the audit and table 4. This line continues the paragraph.',
      'What was said',
      'First claim\nSecond claim with emphasis\nnested item',
      'One\nTwo',
      'A quoted statement, with snake_case_words kept.',
      'const cost = 2.1; // billions',
      'Year | Cost\n2020 | 1.5',
      'Last line\nwith a tag and an escaped *star*.',
    ]);
  });

  it('reads title, author and date from front matter; without a heading the title is the file name, with a note', async () => {
    const withMeta = await load('note.markdown', '---\ntitle: "Rent claims"\nauthor: Lee Wong\ndate: 2025-02-03\n---\n\nRents rose 8% last year, the council said.\n');
    expect(withMeta).toMatchObject({ title: 'Rent claims', author: 'Lee Wong', publishedDate: '2025-02-03', text: 'Rents rose 8% last year, the council said.' });
    const bare = await load('rent-claims.md', 'Rents rose 8% last year, the council said.\n');
    expect(bare.title).toBe('rent-claims');
    expect(bare.notes).toEqual(['No headline was found, so the title is the file name: change it if needed.']);
  });
});

describe('importFile: plain text', () => {
  it('keeps paragraphs, normalises line endings and a BOM, and takes a headline-like first line as the title (saying so)', async () => {
    const draft = await load('story.txt', '\uFEFFSchool budget cut by a third?\r\n\r\nThe district said on Monday that it would cut\r\nspending by 33%.\r\n\r\n\r\n\r\nParents disputed the figure.   \r\n');
    expect(draft.title).toBe('School budget cut by a third?');
    expect(draft.text).toBe('The district said on Monday that it would cut\nspending by 33%.\n\nParents disputed the figure.');
    expect(draft.notes).toEqual(['The title was taken from the first line; check it.']);
  });

  it('uses the file name when the first line is a sentence, not a headline', async () => {
    const draft = await load('notes from call.txt', 'The minister said on Monday that spending rose 4%.\n\nHe repeated it twice.');
    expect(draft.title).toBe('notes from call');
    expect(draft.text).toBe('The minister said on Monday that spending rose 4%.\n\nHe repeated it twice.');
    expect(draft.notes).toEqual(['No headline was found, so the title is the file name: change it if needed.']);
  });
});

describe('importFile: Word', () => {
  const docx = (children: Paragraph[]) => Packer.toBuffer(new Document({ sections: [{ children }] }));

  it('keeps the paragraphs of a .docx, its Title as the title, headings and list items as lines', async () => {
    const file = await docx([
      new Paragraph({ text: 'Hospital waiting lists: the numbers behind the claim', heading: HeadingLevel.TITLE }),
      new Paragraph({ children: [new TextRun('The health secretary said waiting lists had '), new TextRun({ text: 'fallen for six months', bold: true }), new TextRun('.')] }),
      new Paragraph({ text: 'NHS figures show a fall in four of those months.' }),
      new Paragraph({ text: 'What the data says', heading: HeadingLevel.HEADING_2 }),
      new Paragraph({ text: 'Lists fell by 1.2% in total.', bullet: { level: 0 } }),
      new Paragraph({ text: 'The longest waits grew.', bullet: { level: 0 } }),
      new Paragraph({ text: '' }),
      new Paragraph({ text: 'Our verdict: half true.' }),
    ]);
    const draft = await load('waiting-lists.docx', file);
    expect(draft.title).toBe('Hospital waiting lists: the numbers behind the claim');
    expect(draft.notes).toEqual([]);
    expect(paragraphs(draft)).toEqual([
      'The health secretary said waiting lists had fallen for six months.',
      'NHS figures show a fall in four of those months.',
      'What the data says',
      'Lists fell by 1.2% in total.\nThe longest waits grew.',
      'Our verdict: half true.',
    ]);
  });

  it('takes a short first paragraph as the title (saying so), else the file name', async () => {
    const guessed = await load('memo.docx', await docx([new Paragraph('Bridge costs'), new Paragraph('The mayor said the bridge would cost $40 million.')]));
    expect(guessed).toMatchObject({ title: 'Bridge costs', text: 'The mayor said the bridge would cost $40 million.', notes: ['The title was taken from the first paragraph; check it.'] });
    const named = await load('memo.docx', await docx([new Paragraph('The mayor said the bridge would cost $40 million.'), new Paragraph('Critics disagreed.')]));
    expect(named).toMatchObject({ title: 'memo', text: 'The mayor said the bridge would cost $40 million.\n\nCritics disagreed.' });
  });

  it('refuses what is not a Word document, with what it is', async () => {
    expect(await refusal('report.docx', 'Just some text saved with the wrong extension.')).toBe('“report.docx” is not a Word document (.docx): it is not a zip file.');
    const zip = new JSZip();
    zip.file('notes.txt', 'hello');
    expect(await refusal('report.docx', await zip.generateAsync({ type: 'uint8array' }))).toBe('“report.docx” is a zip file but not a Word document (.docx).');
    const ole = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    expect(await refusal('old.docx', ole)).toBe('“old.docx” is an old Word document (.doc), not a .docx: open it in Word, save it as .docx, and import that.');
    const truncated = (await docx([new Paragraph('Some text.')])).subarray(0, 200);
    expect(await refusal('cut.docx', truncated)).toBe('“cut.docx” is damaged: its zip directory cannot be read.');
    expect(await refusal('blank.docx', await docx([new Paragraph('')]))).toBe('No article text was found in “blank.docx”.');
  });
});

describe('importFile: refusals', () => {
  it('refuses other file types, naming the ones it reads', async () => {
    expect(await refusal('scan.png', 'x')).toBe('Cannot import “scan.png”: only .txt, .md, .html and .docx files can be imported.');
    expect(await refusal('README', 'x')).toBe('Cannot import “README”: only .txt, .md, .html and .docx files can be imported.');
    expect(await refusal('report.pdf', '%PDF-1.7')).toBe(
      'Cannot import “report.pdf”: PDF files cannot be imported. Copy the text from the PDF and paste it instead; only .txt, .md, .html and .docx files can be imported.',
    );
    expect(await refusal('old.doc', 'x')).toBe('Cannot import “old.doc”: it is an old Word document (.doc). Open it in Word, save it as .docx, and import that.');
  });

  it('refuses binary and non-UTF-8 text files, empty files and files without text', async () => {
    expect(await refusal('photo.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x1a]))).toBe('“photo.txt” looks like a binary file, not text.');
    expect(await refusal('photo.md', Buffer.from([0x41, 0x00, 0x42]))).toBe('“photo.md” looks like a binary file, not text.');
    expect(await refusal('latin1.txt', Buffer.from([0x63, 0x61, 0x66, 0xe9]))).toBe('“latin1.txt” is not UTF-8 text: save it as UTF-8 and try again.');
    expect(await refusal('empty.txt', '')).toBe('No article text was found in “empty.txt”: the file is empty.');
    expect(await refusal('blank.md', '# Only a title\n\n   \n')).toBe('No article text was found in “blank.md”.');
    expect(await refusal('spaces.txt', ' \n\n\t\n')).toBe('No article text was found in “spaces.txt”.');
  });

  it('refuses a file over the size limit before decoding it, and content that is not base64', async () => {
    const big = Buffer.alloc(IMPORT_FILE_LIMIT + 1, 'a');
    expect(await refusal('big.txt', big)).toBe('“big.txt” is too big to import: 20.0 MB (20 MB at most).');
    await expect(importFile({ fileName: 'x.txt', contentBase64: 'not base64!' })).rejects.toThrow('“x.txt” did not arrive whole (its content is not valid base64); try again.');
  });

  it('refuses text longer than an article may be', async () => {
    expect(await refusal('long.txt', 'word '.repeat(1_000_001))).toBe('“long.txt” is too long: its text has 5,000,004 characters (5,000,000 at most).');
  });
});

describe('importFile: hostile input', () => {
  it('reads unclosed markup, long runs of spaces and piles of comments in linear time', async () => {
    const cases: [string, string][] = [
      ['emphasis.md', '**a '.repeat(200_000)],
      ['links.md', '[a]('.repeat(200_000)],
      ['heading.md', `# a${' '.repeat(500_000)}b\n\ntext`],
      ['comments.md', '<!--'.repeat(200_000)],
      ['spaces.txt', `x${' '.repeat(1_000_000)}y`],
      ['tags.html', '<a'.repeat(400_000)],
      ['scripts.html', '<script>'.repeat(100_000)],
      ['comments.html', '<!--'.repeat(200_000)],
      ['lines.txt', `Title\n\n${'\n'.repeat(1_000_000)}x`],
    ];
    const started = performance.now();
    for (const [name, content] of cases) await load(name, content).catch((e: unknown) => expect(e).toBeInstanceOf(ApiError));
    expect(performance.now() - started).toBeLessThan(15_000);
  });
});

describe('importFile through the service API', () => {
  it('answers a draft and writes nothing to the workspace', async () => {
    await withApi(async (call, store) => {
      const before = await storedBytes(store);
      const result = await call('importFile', { fileName: 'story.txt', contentBase64: b64('Headline here\n\nThe text of the story, 12% up.') });
      expect(result).toEqual({ ok: true, value: expect.objectContaining({ title: 'Headline here', text: 'The text of the story, 12% up.' }) });
      expect(await storedBytes(store)).toEqual(before);
      const refused = await call('importFile', { fileName: 'scan.png', contentBase64: b64('x') });
      expect(refused).toEqual({ ok: false, error: { code: 'invalid_input', message: 'Cannot import “scan.png”: only .txt, .md, .html and .docx files can be imported.' } });
      // The draft goes into createArticle as it is.
      const draft = (result as { ok: true; value: ImportedDraft }).value;
      const { notes: _notes, ...fields } = draft;
      const created = await call('createArticle', fields);
      expect(created.ok).toBe(true);
    });
  });
});
