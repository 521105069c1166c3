import { describe, expect, it } from 'vitest';
import { ClaimantEntries, MAX_ALIASES, MAX_CLAIMANT_ENTRIES, claimantKey, nameIndex, newEntries } from './claimant-entries';
import { Settings } from './schemas';
import { sampleWorkspace } from './sample';

const entry = (name: string, aliases: string[] = [], role: string | null = null) => ({ name, role, aliases });
const messages = (value: unknown) => {
  const parsed = ClaimantEntries.safeParse(value);
  return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('the stored claimant list', () => {
  it('takes names with roles and aliases, trimmed, and compares names case and spacing aside', () => {
    const parsed = ClaimantEntries.parse([entry(' Sergey Lavrov ', ['Lavrov', "Russia's Foreign Minister"], 'foreign minister'), entry('the Kremlin', ['Russian government'])]);
    expect(parsed[0]).toEqual({ name: 'Sergey Lavrov', role: 'foreign minister', aliases: ['Lavrov', "Russia's Foreign Minister"] });
    expect(claimantKey('  sergey   LAVROV ')).toBe('sergey lavrov');
    const index = nameIndex(parsed);
    expect(index.get('russian government')).toMatchObject({ index: 1, asAlias: true });
    expect(index.get('sergey lavrov')).toMatchObject({ index: 0, asAlias: false });
  });

  it('refuses a name or alias that another entry (or the same one) already has, saying whose it is', () => {
    expect(messages([entry('Sergey Lavrov', ['Lavrov']), entry('lavrov')])).toEqual([
      '1.name: “lavrov” is already an alias of “Sergey Lavrov”: each name or alias belongs to one claimant',
    ]);
    expect(messages([entry('Sergey Lavrov'), entry('Lavrov', ['SERGEY  lavrov'])])).toEqual([
      '1.aliases.0: “SERGEY  lavrov” is already the name of a claimant: each name or alias belongs to one claimant',
    ]);
    expect(messages([entry('the Kremlin', ['Kremlin', 'kremlin'])])).toEqual([
      '0.aliases.1: “kremlin” is already an alias of “the Kremlin”: each name or alias belongs to one claimant',
    ]);
    expect(messages([entry('A B'), entry('a b')])).toHaveLength(1);
  });

  it('refuses empty or multi-line names and more entries or aliases than the bounds', () => {
    expect(messages([entry('  ')])).toEqual(['0.name: the claimant needs a name']);
    expect(messages([entry('A', ['B\nC'])])).toEqual(['0.aliases.0: must be a single line']);
    const aliases = Array.from({ length: MAX_ALIASES + 1 }, (_, i) => `Alias ${i}`);
    expect(messages([entry('A', aliases)])).toEqual([`0.aliases: a claimant can have at most ${MAX_ALIASES} aliases`]);
    const many = Array.from({ length: MAX_CLAIMANT_ENTRIES + 1 }, (_, i) => entry(`Person ${i}`));
    expect(messages(many)).toEqual([': the claimant list can hold at most 5,000 claimants']);
  });

  it('is part of the settings, empty by default, and checked with them', () => {
    const settings = sampleWorkspace('2026-11-25T10:00:00.000Z', () => 'abcdef123456').settings;
    const { claimants: _, ...older } = settings;
    expect(Settings.parse(older).claimants).toEqual([]);
    const clash = Settings.safeParse({ ...settings, claimants: [entry('Lavrov'), entry('Sergey Lavrov', ['lavrov'])] });
    expect(clash.success).toBe(false);
    expect(clash.error?.issues[0]?.path).toEqual(['claimants', 1, 'aliases', 0]);
  });

  it('takes from another list only the entries none of whose names is known yet, within the bound', () => {
    const current = [entry('Russian government', ['the Kremlin'])];
    const incoming = [entry('The Kremlin'), entry('Sergey Lavrov', ['Lavrov']), entry('S. Lavrov', ['lavrov']), entry('Anna Berg')];
    expect(newEntries(current, incoming).map((e) => e.name)).toEqual(['Sergey Lavrov', 'Anna Berg']);
    const full = Array.from({ length: MAX_CLAIMANT_ENTRIES - 1 }, (_, i) => entry(`Person ${i}`));
    expect(newEntries(full, incoming).map((e) => e.name)).toEqual(['The Kremlin']);
  });
});
