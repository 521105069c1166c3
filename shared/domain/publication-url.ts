/**
 * The publication address an approved claim gets from the workspace's template
 * (`settings.publishedUrlTemplate`, e.g. `https://desk.example.org/fact-checks/{slug}`).
 */
import type { Claim } from './schemas';

/** At most this many characters of slug: addresses stay readable, and no wording is too long. */
const MAX_SLUG = 80;

/** "Unemployment fell to 3.5% in May" → "unemployment-fell-to-3-5-in-may" (accents dropped, ASCII only). */
export function slugOf(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  const cut = slug.length > MAX_SLUG ? slug.slice(0, MAX_SLUG).replace(/-[^-]*$/, '') : slug;
  return cut || 'claim';
}

/**
 * The template filled for `claim`: {slug} from its wording, {id} its id. An address another
 * claim already has gets -2, -3… after the slug, so two fact-checks never share one.
 */
export function publicationUrlFor(template: string, claim: Pick<Claim, 'id' | 'text'>, taken: ReadonlySet<string>): string {
  const fill = (slug: string) => template.replace(/\{slug\}/g, encodeURIComponent(slug)).replace(/\{id\}/g, encodeURIComponent(claim.id));
  const base = slugOf(claim.text);
  let url = fill(base);
  for (let n = 2; taken.has(url) && template.includes('{slug}'); n++) url = fill(`${base}-${n}`);
  return url;
}
