import { readFile } from 'node:fs/promises';

/** Input the CLI cannot use; the message is shown to the user as is. */
export class InputError extends Error {}

/** Reads a whole stream (stdin) into one buffer. */
export async function readStream(stream: AsyncIterable<Buffer | string>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks);
}

/**
 * Reads plain text from a file, or from stdin when the name is "-", refusing what is not
 * text: a missing file, a binary file, invalid UTF-8, or nothing at all.
 */
export async function readText(source: string, stdin: AsyncIterable<Buffer | string>): Promise<string> {
  const name = source === '-' ? 'standard input' : source;
  let bytes: Buffer;
  try {
    bytes = source === '-' ? await readStream(stdin) : await readFile(source);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new InputError(`cannot read ${name}: no such file`);
    if (code === 'EISDIR') throw new InputError(`cannot read ${name}: it is a folder, not a file`);
    if (code === 'EACCES') throw new InputError(`cannot read ${name}: permission denied`);
    throw new InputError(`cannot read ${name}: ${(error as Error).message}`);
  }
  return decodeText(bytes, name);
}

export function decodeText(bytes: Buffer, name: string): string {
  // NUL bytes never occur in text files but are everywhere in binaries (images, PDFs, .docx).
  if (bytes.includes(0)) throw new InputError(`${name} looks like a binary file, not plain text`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new InputError(`${name} is not UTF-8 text (save it as UTF-8 and try again)`);
  }
  if (text.trim() === '') throw new InputError(`${name} is empty`);
  return text;
}
