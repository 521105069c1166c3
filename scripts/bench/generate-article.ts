/**
 * Deterministic news-like article text of any size for benchmarks: paragraphs of sentences
 * with figures, dates, quotes, titles and abbreviations, headlines, bullet lists and the
 * page clutter copied along with real articles. Written for this project.
 */

import { seededRandom } from '../../shared/random';

/** Seeded, so every run measures the same text. */
export { seededRandom };

const PEOPLE = ['Mayor Ana Ruiz', 'Dr. Kofi Mensah', 'Sen. Laura Chen', 'Mr. J. R. Patel', 'Prof. Ingrid Olsen', 'Gov. Tom Baker'];
const PLACES = ['Riverton', 'the U.S.', 'the U.K.', 'St. Albans', 'Lakeside County', 'Port Maren'];
const TEMPLATES = [
  '{p} said unemployment fell to {pct} in {month}, the lowest level since {year}.',
  'The project will cost {money}, according to budget papers published on {month} {day}.',
  '"We have cut waiting times by {n} minutes," {p} told reporters on Tuesday.',
  'Is the plan worth it?',
  'Critics, e.g. the local taxpayers\' group, called the figures misleading.',
  'Spending in {place} rose {pct} last year, more than in any other region.',
  'I think this is a great day for everyone here.',
  'The report (published at 9 a.m. on {month} {day}) found {n} errors in the data.',
  'Prices might rise again next year... or they might not.',
  '{p} described the deal as "historic". Others disagreed.',
  'See https://example.org/report-{n}.pdf or write to press@example.org for details.',
  'Revenue reached {money} in {year}, up from $1.2bn a decade earlier.',
];
const CLUTTER = ['Advertisement', 'Share this article', 'Read more', 'Photo: Sample Desk / Archive', 'We use cookies to improve your experience. Accept all cookies', 'Comments (12)'];
const MONTHS = ['Jan.', 'Feb.', 'March', 'April', 'May', 'June', 'Sept.', 'Oct.'];

export function generateArticle(bytes: number, seed = 42): string {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const fill = (template: string) =>
    template
      .replaceAll('{p}', () => pick(PEOPLE))
      .replaceAll('{place}', () => pick(PLACES))
      .replaceAll('{pct}', () => `${(random() * 20).toFixed(1)}%`)
      .replaceAll('{money}', () => `$${Math.ceil(random() * 900)} million`)
      .replaceAll('{n}', () => String(Math.ceil(random() * 500)))
      .replaceAll('{month}', () => pick(MONTHS))
      .replaceAll('{day}', () => String(Math.ceil(random() * 28)))
      .replaceAll('{year}', () => String(1990 + Math.floor(random() * 35)));
  const parts: string[] = [];
  let size = 0;
  while (size < bytes) {
    const roll = random();
    let block: string;
    if (roll < 0.08) block = `${fill('Council approves {money} budget for {place}')}`;
    else if (roll < 0.14) block = pick(CLUTTER);
    else if (roll < 0.2) block = Array.from({ length: 3 }, () => `- ${fill(pick(TEMPLATES))}`).join('\n');
    else block = Array.from({ length: 2 + Math.floor(random() * 4) }, () => fill(pick(TEMPLATES))).join(' ');
    parts.push(block);
    size += block.length + 2;
  }
  return parts.join('\n\n').slice(0, bytes);
}
