/**
 * Runs one part of the performance suite in its own process (so parts do not share a heap
 * or a warmed-up JIT) and writes its rows as JSON to the file named by `--out`:
 * `tsx scripts/bench/part.ts <engine|save|store|export|team|ui> --out rows.json [--quick]`.
 * Progress goes to stderr.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PartResult } from './report';

export interface PartOptions {
  /** Smaller sizes and fewer rounds, for trying the suite out (numbers not to be published). */
  quick: boolean;
  progress: (message: string) => void;
}

export const PARTS = ['engine', 'save', 'store', 'export', 'team', 'ui'] as const;
export type PartName = (typeof PARTS)[number];

export async function runPart(name: PartName, options: PartOptions): Promise<PartResult> {
  switch (name) {
    case 'engine':
      return (await import('./engine')).run(options);
    case 'save':
      return (await import('./save')).run(options);
    case 'store':
      return (await import('./store')).run(options);
    case 'export':
      return (await import('./export')).run(options);
    case 'team':
      return (await import('./team')).run(options);
    case 'ui':
      return (await import('./ui')).run(options);
  }
}

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
if (isMain) {
  const [name, ...rest] = process.argv.slice(2);
  const outAt = rest.indexOf('--out');
  const out = outAt >= 0 ? rest[outAt + 1] : undefined;
  if (!name || !(PARTS as readonly string[]).includes(name) || !out) {
    console.error(`usage: tsx scripts/bench/part.ts <${PARTS.join('|')}> --out FILE [--quick]`);
    process.exit(2);
  }
  const result = await runPart(name as PartName, { quick: rest.includes('--quick'), progress: (m) => console.error(`  ${m}`) });
  await writeFile(out, JSON.stringify(result));
}
