/**
 * Reading the labelled transcripts: every `*.tsv` file of a folder, one sentence a line as
 * `line<TAB>speaker<TAB>text<TAB>label` (label 1 = check-worthy). Only the text and the
 * label are kept: the app scores article sentences, which have no speaker.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';

export interface LabelledSentence {
  text: string;
  worthy: boolean;
}

export interface Transcript {
  name: string;
  sentences: LabelledSentence[];
}

export function readTranscripts(dir: string): Transcript[] {
  const files = readdirSync(dir)
    .filter((file) => file.endsWith('.tsv'))
    .sort(); // a fixed order: training must not depend on the file system's
  if (files.length === 0) throw new Error(`No .tsv files in ${dir}`);
  return files.map((file) => ({ name: basename(file, '.tsv'), sentences: parseTranscript(readFileSync(join(dir, file), 'utf8'), file) }));
}

export function parseTranscript(content: string, file = 'input'): LabelledSentence[] {
  const sentences: LabelledSentence[] = [];
  content.split(/\r?\n/).forEach((line, index) => {
    if (line.trim() === '') return;
    const fields = line.split('\t');
    const label = fields[fields.length - 1]!.trim();
    if (fields.length < 4 || (label !== '0' && label !== '1')) throw new Error(`${file}:${index + 1}: expected line<TAB>speaker<TAB>text<TAB>label`);
    // A tab inside the text would split it: keep everything between speaker and label.
    sentences.push({ text: fields.slice(2, -1).join('\t'), worthy: label === '1' });
  });
  return sentences;
}

/**
 * Extra labelled sentences without transcripts: the ClaimBuster two-class file, a JSON array
 * of `{ "sentence_id", "label" (1 = check-worthy factual claim), "text" }`.
 */
export function readClaimBuster(file: string): LabelledSentence[] {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file}: not a JSON file (${(error as Error).message})`, { cause: error });
  }
  if (!Array.isArray(value)) throw new Error(`${file}: expected a JSON array of { sentence_id, label, text }`);
  return value.map((item: unknown, i) => {
    const { label, text } = (item ?? {}) as { label?: unknown; text?: unknown };
    if ((label !== 0 && label !== 1) || typeof text !== 'string' || text.trim() === '') throw new Error(`${file}: item ${i} is not { label: 0 | 1, text: "…" }`);
    return { text, worthy: label === 1 };
  });
}

/** Text compared for overlap between data sets: case, punctuation and spacing ignored. */
export function overlapKey(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}
