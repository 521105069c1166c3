/**
 * HTML bytes to text in the encoding the page uses: a byte-order mark, else the charset
 * the server declared, else the one in a <meta> near the top, else UTF-8.
 */
import { quoted } from '../../../../shared/domain/rules';
import { refuse } from './draft';

export interface DecodeOptions {
  /** The file name or web address, for messages. */
  name: string;
  /** From the Content-Type header of a web page. */
  declared?: string | null;
  /**
   * Files: text that is not valid in its encoding is refused. Web pages: read anyway
   * (undeclared non-UTF-8 as Windows-1252, as browsers do), with a note.
   */
  strict: boolean;
}

export function decodeHtml(bytes: Uint8Array, options: DecodeOptions): { html: string; notes: string[] } {
  const q = quoted(options.name, 80);
  const notes: string[] = [];
  let charset: string | null = null;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) charset = 'utf-8';
  else if (bytes[0] === 0xff && bytes[1] === 0xfe) charset = 'utf-16le';
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) charset = 'utf-16be';
  charset ??= options.declared?.trim().toLowerCase() || sniffMeta(bytes);
  let decoder: InstanceType<typeof TextDecoder>;
  try {
    decoder = new TextDecoder(charset ?? 'utf-8', { fatal: true });
  } catch {
    return refuse(`${q} uses a character encoding this app cannot read (${charset}).`);
  }
  if (!decoder.encoding.startsWith('utf-16') && bytes.includes(0)) refuse(`${q} looks like a binary file, not a web page.`);
  try {
    return { html: decoder.decode(bytes), notes };
  } catch {
    const label = decoder.encoding === 'utf-8' ? 'UTF-8' : decoder.encoding;
    if (options.strict) {
      refuse(
        charset === null
          ? `${q} is not UTF-8 text and does not say which encoding it uses: save it as UTF-8 and try again.`
          : `${q} is not valid ${label} text, though it says it is: save it as UTF-8 and try again.`,
      );
    }
    if (charset === null) {
      notes.push('The page does not say which character encoding it uses and is not UTF-8: it was read as Windows-1252. Check accented letters and quotes.');
      return { html: new TextDecoder('windows-1252').decode(bytes), notes };
    }
    notes.push(`Some characters of the page are not valid ${label} and were replaced with �.`);
    return { html: new TextDecoder(decoder.encoding).decode(bytes), notes };
  }
}

/** `<meta charset="…">` or `<meta http-equiv="Content-Type" content="…; charset=…">` in the first 4 KB. */
function sniffMeta(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 4096)).toString('latin1');
  const match = /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head);
  return match ? match[1]!.toLowerCase() : null;
}
