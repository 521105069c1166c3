/**
 * The workspace's stored claimant list (settings.claimants): each claimant once, under the
 * name the desk uses, with the other ways articles name them ("Lavrov", "Russia's foreign
 * minister") as aliases. Kept apart from schemas.ts (which imports it) so the rule on
 * unique names lives next to the key it compares by.
 */
import { z } from 'zod';

export const MAX_CLAIMANT_ENTRIES = 5_000;
export const MAX_ALIASES = 50;

/** The same text rules as a claim's claimant name (Claimant in schemas.ts), so any claim's name can become an entry. */
const Text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `must be at most ${max} characters`)
    .refine((s) => !/[\r\n]/.test(s), 'must be a single line');

export const ClaimantName = Text(200).pipe(z.string().min(1, 'the claimant needs a name'));

export const ClaimantEntry = z.object({
  name: ClaimantName,
  role: Text(200).nullable(),
  /** Other namings of the same claimant; a claim naming one of them is this claimant's. */
  aliases: z.array(ClaimantName).max(MAX_ALIASES, `a claimant can have at most ${MAX_ALIASES} aliases`),
});
export type ClaimantEntry = z.infer<typeof ClaimantEntry>;

/**
 * How names are compared: case and spacing aside ("sergey  Lavrov" is "Sergey Lavrov"). Not
 * locale-aware on purpose: the same key on every machine, in the main process and the renderer.
 */
export const claimantKey = (name: string): string => name.toLowerCase().replace(/\s+/g, ' ').trim();

export interface NameOwner {
  /** The entry the name or alias belongs to. */
  readonly entry: ClaimantEntry;
  readonly index: number;
  /** Whether it is the entry's name or one of its aliases. */
  readonly asAlias: boolean;
}

/** Every name and alias of the list by key, with whose it is (the first owner when the list has a clash). */
export function nameIndex(entries: readonly ClaimantEntry[]): Map<string, NameOwner> {
  const index = new Map<string, NameOwner>();
  entries.forEach((entry, i) => {
    const add = (text: string, asAlias: boolean) => {
      const key = claimantKey(text);
      if (!index.has(key)) index.set(key, { entry, index: i, asAlias });
    };
    add(entry.name, false);
    for (const alias of entry.aliases) add(alias, true);
  });
  return index;
}

/** “Lavrov” is already an alias of “Sergey Lavrov” / the name of a claimant. */
export function describeOwner(text: string, owner: NameOwner): string {
  return owner.asAlias ? `“${text}” is already an alias of “${owner.entry.name}”` : `“${text}” is already the name of a claimant`;
}

/** Names and aliases are unique across the list, case and spacing aside: one naming is one claimant. */
function checkUnique(entries: readonly ClaimantEntry[], ctx: z.RefinementCtx): void {
  const seen = new Map<string, NameOwner>();
  entries.forEach((entry, i) => {
    const texts: [string, boolean, (string | number)[]][] = [
      [entry.name, false, [i, 'name']],
      ...entry.aliases.map((alias, j): [string, boolean, (string | number)[]] => [alias, true, [i, 'aliases', j]]),
    ];
    for (const [text, asAlias, path] of texts) {
      const key = claimantKey(text);
      const owner = seen.get(key);
      if (owner) {
        ctx.addIssue({ code: 'custom', path, message: `${describeOwner(text, owner)}: each name or alias belongs to one claimant` });
        continue;
      }
      seen.set(key, { entry, index: i, asAlias });
    }
  });
}

export const ClaimantEntries = z
  .array(ClaimantEntry)
  .max(MAX_CLAIMANT_ENTRIES, `the claimant list can hold at most ${MAX_CLAIMANT_ENTRIES.toLocaleString('en')} claimants`)
  .superRefine(checkUnique);

/**
 * The entries of `incoming` (another workspace's list: a backup merged in) that `current` can
 * take as they are: none of their names or aliases is known yet, within the list's bound.
 * One that clashes is left out: this workspace's naming of that claimant stands.
 */
export function newEntries(current: readonly ClaimantEntry[], incoming: readonly ClaimantEntry[]): ClaimantEntry[] {
  const taken = new Set(nameIndex(current).keys());
  const added: ClaimantEntry[] = [];
  for (const entry of incoming) {
    if (current.length + added.length >= MAX_CLAIMANT_ENTRIES) break;
    const keys = [entry.name, ...entry.aliases].map(claimantKey);
    if (keys.some((k) => taken.has(k))) continue;
    for (const k of keys) taken.add(k);
    added.push(entry);
  }
  return added;
}
