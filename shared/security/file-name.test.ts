import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_FILE_NAME_LENGTH, safeFileName } from './file-name';

/** What no offered file name may hold: a folder separator, a Windows-reserved or control character, a direction override. */
// eslint-disable-next-line no-control-regex -- control characters are what must not be offered
const FORBIDDEN = /[/\\:*?"<>|\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

describe('safeFileName', () => {
  it('leaves an ordinary export name alone', () => {
    expect(safeFileName('fact-check-riverton-bus-lanes.html')).toBe('fact-check-riverton-bus-lanes.html');
    expect(safeFileName('Rapport – Ελλάδα, Київ (2026).pdf')).toBe('Rapport – Ελλάδα, Київ (2026).pdf');
  });

  it('removes every way out of the chosen folder: separators, parent folders, drives, UNC and stream names', () => {
    expect(safeFileName('../../../../etc/passwd')).toBe('_.._.._.._etc_passwd');
    expect(safeFileName('..\\..\\Windows\\System32\\drivers\\etc\\hosts')).toBe('_.._Windows_System32_drivers_etc_hosts');
    expect(safeFileName('/etc/cron.d/job')).toBe('_etc_cron.d_job');
    expect(safeFileName('C:\\Users\\x\\report.md')).toBe('C__Users_x_report.md');
    expect(safeFileName('\\\\server\\share\\x.csv')).toBe('__server_share_x.csv');
    expect(safeFileName('report.csv:Zone.Identifier')).toBe('report.csv_Zone.Identifier');
    for (const name of ['..', '.', '...', '../', '/', '\\', '', '   ', '._.', '_']) expect(safeFileName(name), JSON.stringify(name)).toBe('export');
  });

  it('removes control characters, Windows-reserved characters and direction overrides that disguise an extension', () => {
    expect(safeFileName('report\u202Efdp.exe')).toBe('report_fdp.exe');
    expect(safeFileName('a\u0000b\nc\r\td\u007f.txt')).toBe('a_b_c__d_.txt');
    expect(safeFileName('what? "why" <how> |pipe| *star*.md')).toBe('what_ _why_ _how_ _pipe_ _star_.md');
    expect(safeFileName('\uFEFFbom.md')).toBe('_bom.md');
  });

  it('drops leading dots and spaces (hidden files) and trailing dots and spaces (which Windows strips)', () => {
    expect(safeFileName('.bashrc')).toBe('bashrc');
    expect(safeFileName(' . .profile')).toBe('profile');
    expect(safeFileName('report.md. . ')).toBe('report.md');
  });

  it('renames Windows device names, with or without an extension', () => {
    for (const name of ['CON', 'con.txt', 'NUL.csv', 'Aux', 'prn.html', 'COM1.md', 'lpt9', 'COM¹.txt']) expect(safeFileName(name), name).toBe(`_${name}`);
    expect(safeFileName('console.txt')).toBe('console.txt');
    expect(safeFileName('COM10.md')).toBe('COM10.md');
  });

  it('keeps names to 200 characters with the extension, never splitting a surrogate pair, and replaces lone surrogates', () => {
    const long = safeFileName(`${'a'.repeat(300)}.docx`);
    expect(long).toHaveLength(MAX_FILE_NAME_LENGTH);
    expect(long.endsWith('a.docx')).toBe(true);
    const emoji = safeFileName(`${'💥'.repeat(150)}.pdf`);
    expect(emoji.length).toBeLessThanOrEqual(MAX_FILE_NAME_LENGTH);
    expect(emoji.endsWith('💥.pdf')).toBe(true);
    expect(emoji).not.toMatch(LONE_SURROGATE);
    expect(safeFileName('a\uD800b\uDFFF.txt')).toBe('a_b_.txt');
  });

  it('whatever it is given, offers one well-formed plain file name', () => {
    const names = fc.oneof(
      fc.string({ maxLength: 300, unit: 'binary' }),
      fc.array(fc.constantFrom('..', '.', '/', '\\', ':', 'CON', 'nul', '\u202E', '\u0000', ' ', 'a', '.txt', '💥', '\uD800'), { maxLength: 40 }).map((parts) => parts.join('')),
    );
    fc.assert(
      fc.property(names, (name) => {
        const safe = safeFileName(name);
        expect(safe.length).toBeGreaterThan(0);
        expect(safe.length).toBeLessThanOrEqual(MAX_FILE_NAME_LENGTH);
        expect(safe).not.toMatch(FORBIDDEN);
        expect(safe).not.toMatch(/^[\s.]|[\s.]$/);
        expect(safe).not.toMatch(/^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i);
        expect(safe).not.toMatch(LONE_SURROGATE);
        // Offered again, it is kept as it is.
        expect(safeFileName(safe)).toBe(safe);
      }),
      { numRuns: 1_000, seed: 7 },
    );
  });
});
