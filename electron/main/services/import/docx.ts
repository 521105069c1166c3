/**
 * Word documents (.docx) to a draft, through mammoth: paragraphs, headings and list items
 * as Word has them (images, comments and linked files are left out). The zip is checked
 * first, cheaply, so a file that is not a Word document, or that would unpack to far more
 * than it weighs, is refused before anything is unpacked.
 */
import mammoth from 'mammoth';
import { quoted } from '../../../../shared/domain/rules';
import { refuse, type DraftParts } from './draft';
import { nodeToText, parseFragment } from './html';
import { looksLikeHeadline, oneLine } from './text';

/** What the unpacked document may add up to (a long article with its styles is a few MB). */
export const DOCX_UNPACKED_LIMIT = 200 * 1024 * 1024;

const STYLE_MAP = [
  "p[style-name='Title'] => h1:fresh",
  'p.Title => h1:fresh',
  "p[style-name='Subtitle'] => h2:fresh",
  'p.Subtitle => h2:fresh',
];

export async function docxToDraft(bytes: Uint8Array, name: string): Promise<DraftParts> {
  checkZip(bytes, name);
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      {
        styleMap: STYLE_MAP,
        ignoreEmptyParagraphs: true,
        externalFileAccess: false,
        // Images are not text: never decoded, never embedded.
        convertImage: mammoth.images.imgElement(async () => ({ src: '' })),
      },
    );
    html = result.value;
  } catch (error) {
    return refuse(`${quoted(name)} could not be read as a Word document (${oneLine((error as Error).message).slice(0, 200)}).`);
  }
  const body = parseFragment(html);
  const notes: string[] = [];
  let title = '';
  const first = body.children[0];
  if (first && /^h[1-6]$/.test(first.localName)) {
    // The document starts with its Title or a heading.
    title = oneLine(first.textContent ?? '');
    first.remove();
  } else if (first && first.localName === 'p' && looksLikeHeadline(first.textContent ?? '') && body.children.length > 1) {
    title = oneLine(first.textContent ?? '');
    first.remove();
    notes.push('The title was taken from the first paragraph; check it.');
  }
  return { title, text: nodeToText(body), url: null, outlet: '', author: '', publishedDate: null, notes };
}

/**
 * Refuses what is not a zip holding word/document.xml, and a zip whose directory says it
 * unpacks to more than DOCX_UNPACKED_LIMIT, from the zip's central directory alone.
 */
function checkZip(bytes: Uint8Array, name: string): void {
  const q = quoted(name);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u32 = (at: number) => view.getUint32(at, true);
  const u16 = (at: number) => view.getUint16(at, true);
  if (bytes.length >= 8 && u32(0) === 0xe011cfd0 && u32(4) === 0xe11ab1a1) {
    refuse(`${q} is an old Word document (.doc), not a .docx: open it in Word, save it as .docx, and import that.`);
  }
  if (bytes.length < 22 || u32(0) !== 0x04034b50) refuse(`${q} is not a Word document (.docx): it is not a zip file.`);
  // The end-of-central-directory record: in the last 22 bytes, or before a comment of at most 64 KB.
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (u32(at) === 0x06054b50) {
      end = at;
      break;
    }
  }
  const damaged = () => refuse(`${q} is damaged: its zip directory cannot be read.`);
  if (end < 0) damaged();
  const count = u16(end + 10);
  let at = u32(end + 16);
  let unpacked = 0;
  let hasDocument = false;
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || u32(at) !== 0x02014b50) damaged();
    const size = u32(at + 24);
    const nameLength = u16(at + 28);
    const entry = Buffer.from(bytes.buffer, bytes.byteOffset + at + 46, Math.min(nameLength, bytes.length - at - 46)).toString('utf8');
    if (entry === 'word/document.xml') hasDocument = true;
    unpacked += size === 0xffffffff ? Infinity : size;
    at += 46 + nameLength + u16(at + 30) + u16(at + 32);
  }
  if (!hasDocument) refuse(`${q} is a zip file but not a Word document (.docx).`);
  if (unpacked > DOCX_UNPACKED_LIMIT) refuse(`${q} is too big to import: it unpacks to more than ${DOCX_UNPACKED_LIMIT / 1024 / 1024} MB.`);
}
