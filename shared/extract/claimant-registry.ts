/**
 * The people and organisations of one article, indexed for the lookups claimant suggestion makes
 * for every capitalised run: exact name, a shorter form ("Lowe", "Riverside Mercy"), any case (a
 * headline), and short references ("the council", "the mayor", "the company").
 */
import { NAME_PARTICLES, ORG_WORDS, REFERENCE_SYNONYMS } from './claimant-patterns';
import type { NamePhrase } from './claimant-names';

export interface Entity {
  /** As the claimant is written: fullest form at first mention, "the" lower-cased when the text has it. */
  name: string;
  role: string | null;
  person: boolean;
  /** Sentences that mention it, in order: "the council" is the latest council named before the sentence. */
  mentions: number[];
  /** A person named without a title and not as a speaker ("Lowe and Ferreira trade claims") may be a place: not used to expand a surname. */
  weak: boolean;
}

const COMPANY_REFERENCE = new Set(['company', 'firm', 'business', 'group', 'app', 'operator', 'platform']);
const PUBLIC_BODY = new Set([
  'council', 'union', 'police', 'ministry', 'department', 'university', 'college', 'school', 'government', 'office',
  'authority', 'agency', 'court', 'parliament', 'statistics', 'institute', 'trust', 'index', 'bank', 'fc', 'club',
  'hospital', 'service', 'board', 'commission', 'securities', 'research',
]);

export class Registry {
  readonly entities: Entity[] = [];
  /** Who "the study" and "the authors" are: the body named in "a study by …". */
  studyOwner: string | null = null;
  /** Claimant suggestion's memo of what each written name resolves to (claimant.ts). */
  readonly resolved = new Map<string, { readonly name: string; readonly role: string | null } | null>();

  // Indexes for lookup, which runs for every capitalised run of the article: first entity wins.
  private readonly byName = new Map<string, Entity>();
  /** "Riverside Mercy" → "Riverside Mercy Hospital": the leading words of an organisation's name. */
  private readonly byPrefix = new Map<string, Entity>();
  /** "Lowe" → "Denise Lowe", "Coralline" → "Coralline Energy". */
  private readonly byWord = new Map<string, Entity>();
  private readonly byLowerName = new Map<string, Entity>();

  /** The entity named exactly `name` (with or without "the"), a shorter form's fullest name ("Lowe" → "Denise Lowe"). */
  lookup(name: string): Entity | undefined {
    const exact = this.byName.get(name);
    if (exact) return exact;
    return name.includes(' ') ? this.byPrefix.get(name) : this.byWord.get(name);
  }

  private index(e: Entity): void {
    const bare = e.name.replace(/^the /, '');
    for (const key of [e.name, bare]) if (!this.byName.has(key)) this.byName.set(key, e);
    if (!this.byLowerName.has(bare.toLowerCase())) this.byLowerName.set(bare.toLowerCase(), e);
    const parts = bare.split(' ');
    if (e.person) {
      const last = parts[parts.length - 1]!;
      if (!e.weak && !this.byWord.has(last)) this.byWord.set(last, e);
      // "Al-Masri said" opening a sentence is "Karim al-Masri".
      const opening = last.charAt(0).toUpperCase() + last.slice(1);
      if (!e.weak && opening !== last && !this.byWord.has(opening)) this.byWord.set(opening, e);
      // "de Ruiter", "van der Berg" (and "De Ruiter" opening a sentence): the surname with its
      // particles stands for the person, as the last word does.
      const particle = parts.findIndex((w, k) => k > 0 && NAME_PARTICLES.has(w));
      if (!e.weak && particle > 0) {
        const surname = parts.slice(particle).join(' ');
        for (const key of [surname, surname.charAt(0).toUpperCase() + surname.slice(1)]) if (!this.byPrefix.has(key)) this.byPrefix.set(key, e);
      }
    } else if (parts.length > 1) {
      if (!this.byWord.has(parts[0]!)) this.byWord.set(parts[0]!, e);
      for (let k = 2; k < parts.length; k++) {
        const prefix = parts.slice(0, k).join(' ');
        if (!this.byPrefix.has(prefix)) this.byPrefix.set(prefix, e);
      }
    }
  }

  /** The latest sentence before `index` (or at it) that mentions the entity, or -1. */
  static latest(e: Entity, index: number): number {
    let at = -1;
    for (const m of e.mentions) if (m <= index) at = m;
    return at;
  }

  /**
   * A short reference ("the council", "the mayor", "police", "the statistics office") to the named
   * entity it means: a person whose role has the reference's last word, else the organisation whose
   * name shares the most of its words (the latest named on a tie).
   */
  resolveReference(words: readonly string[], index: number): Entity | undefined {
    const head = words[words.length - 1]!;
    if (!ORG_WORDS.has(head)) {
      const person = this.entities.find((e) => e.person && e.role?.split(' ').includes(head));
      if (person) return person;
    }
    let best: Entity | undefined;
    let bestScore = 0;
    let bestAt = -1;
    for (const e of this.entities) {
      if (e.person) continue;
      const parts = e.name.toLowerCase().replace(/['’]s\b/g, '').split(' ');
      // "the company", "the firm": the latest business named, whatever its name.
      let score = COMPANY_REFERENCE.has(head) && !parts.some((w) => PUBLIC_BODY.has(w)) ? 1 : 0;
      for (const w of words) if (parts.includes(w) || (REFERENCE_SYNONYMS[w] ?? []).some((s) => parts.includes(s))) score++;
      const at = Registry.latest(e, index);
      if (score > bestScore || (score === bestScore && score > 0 && at > bestAt)) {
        best = e;
        bestScore = score;
        bestAt = at;
      }
    }
    return best;
  }

  strengthen(e: Entity): void {
    e.weak = false;
    this.index(e);
  }

  /** The entity whose name is `name` in any case ("Ferndale health board" in a headline). */
  lookupAnyCase(name: string): Entity | undefined {
    return this.byLowerName.get(name.toLowerCase().replace(/^the /, ''));
  }

  add(phrase: NamePhrase, role: string | null, sentence: number, weak = false): Entity {
    const found = this.lookup(phrase.name);
    if (found) {
      found.mentions.push(sentence);
      found.role ??= role;
      if (found.weak && !weak) this.strengthen(found);
      return found;
    }
    const entity: Entity = { name: phrase.name, role, person: phrase.person, mentions: [sentence], weak };
    this.entities.push(entity);
    this.index(entity);
    return entity;
  }
}
