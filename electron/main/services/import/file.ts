/**
 * Importing a file the editor chose (or rich text pasted, as `pasted.html`): its bytes
 * arrive as base64, are checked (size, format, encoding) and become a draft. Nothing is
 * written anywhere: the editor checks the draft, then adds the article.
 */
import path from 'node:path';
import { IMPORT_FILE_LIMIT, PASTED_HTML, type ImportedDraft } from '../../../../shared/api/contract';
import { quoted } from '../../../../shared/domain/rules';
import { decodeHtml } from './charset';
import { docxToDraft } from './docx';
import { finishDraft, refuse, type DraftParts } from './draft';
import { htmlToDraft } from './html';
import { markdownToDraft } from './markdown';
import { textToDraft } from './text';

export type ImportFormat = 'text' | 'markdown' | 'html' | 'docx';

const FORMATS: Record<string, ImportFormat> = {
  '.txt': 'text',
  '.text': 'text',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
  '.docx': 'docx',
};

export function formatOf(fileName: string): ImportFormat {
  const ext = path.extname(fileName).toLowerCase();
  const format = FORMATS[ext];
  if (format) return format;
  const q = quoted(fileName, 80);
  if (ext === '.doc') refuse(`Cannot import ${q}: it is an old Word document (.doc). Open it in Word, save it as .docx, and import that.`);
  if (ext === '.pdf') refuse(`Cannot import ${q}: PDF files cannot be imported. Copy the text from the PDF and paste it instead; only .txt, .md, .html and .docx files can be imported.`);
  return refuse(`Cannot import ${q}: only .txt, .md, .html and .docx files can be imported.`);
}

export async function importFile({ fileName, contentBase64 }: { fileName: string; contentBase64: string }): Promise<ImportedDraft> {
  const name = path.basename(fileName.replace(/\\/g, '/'));
  const format = formatOf(name);
  const b64 = contentBase64.replace(/\s+/g, '');
  if (b64.length % 4 === 1 || !/^[A-Za-z0-9+/]*={0,2}$/.test(b64)) refuse(`${quoted(name, 80)} did not arrive whole (its content is not valid base64); try again.`);
  // Three bytes per four characters: refused before decoding anything too big.
  if (Math.floor((b64.length * 3) / 4) - (b64.match(/=+$/)?.[0].length ?? 0) > IMPORT_FILE_LIMIT) tooBig(name, (b64.length * 3) / 4);
  return importBytes(name, format, Buffer.from(b64, 'base64'));
}

export function tooBig(name: string, bytes: number): never {
  refuse(`${quoted(name, 80)} is too big to import: ${(bytes / 1024 / 1024).toFixed(1)} MB (${IMPORT_FILE_LIMIT / 1024 / 1024} MB at most).`);
}

/** A file's bytes to a draft (the CLI reads files itself and comes in here). */
export async function importBytes(name: string, format: ImportFormat, bytes: Uint8Array): Promise<ImportedDraft> {
  if (bytes.length > IMPORT_FILE_LIMIT) tooBig(name, bytes.length);
  const source = quoted(name, 80);
  if (bytes.length === 0) refuse(`No article text was found in ${source}: the file is empty.`);
  const pasted = name === PASTED_HTML;
  const parts = await partsOf(name, format, bytes, pasted);
  if (parts.url) parts.notes.push("The web address was taken from the page's own link to itself.");
  return finishDraft(parts, {
    source: pasted ? 'the pasted text' : source,
    fallbackTitle: pasted ? 'Pasted article' : name.replace(/\.[^.]+$/, ''),
    fallbackNote: pasted ? 'No headline was found, so the title is “Pasted article”: change it.' : 'No headline was found, so the title is the file name: change it if needed.',
  });
}

async function partsOf(name: string, format: ImportFormat, bytes: Uint8Array, pasted: boolean): Promise<DraftParts> {
  switch (format) {
    case 'text':
      return textToDraft(bytes, name);
    case 'markdown':
      return markdownToDraft(bytes, name);
    case 'docx':
      return docxToDraft(bytes, name);
    case 'html': {
      const { html, notes } = decodeHtml(bytes, { name, strict: true });
      const parts = htmlToDraft(html, { name, pasted });
      return { ...parts, notes: [...notes, ...parts.notes] };
    }
  }
}
