import { describe, expect, it } from 'vitest';
import { canonicalClaimant, claimantLibrary, matchClaimant, resolveClaimant } from './claimant-library';

const claim = (name: string | null, updatedAt: string, role: string | null = null) => ({ claimant: name ? { name, role } : null, updatedAt });
const named = (name: string, role: string | null, claims: number) => ({ name, role, claims, aliases: [], stored: false });

describe('the claimant library', () => {
  const library = claimantLibrary([
    claim('Sergey Lavrov', '2026-01-01T00:00:00Z', 'foreign minister'),
    claim('sergey  lavrov', '2026-01-03T00:00:00Z', "Russia's foreign minister"),
    claim('the Kremlin', '2026-01-02T00:00:00Z'),
    claim(null, '2026-01-04T00:00:00Z'),
    claim('Maria Zakharova', '2026-01-02T00:00:00Z', 'spokeswoman'),
    claim('Alexander Zakharov', '2026-01-02T00:00:00Z'),
  ]);

  it('lists each claimant once, most used first, with the latest naming and role', () => {
    expect(library).toEqual([
      named('sergey  lavrov', "Russia's foreign minister", 2),
      named('Alexander Zakharov', null, 1),
      named('Maria Zakharova', 'spokeswoman', 1),
      named('the Kremlin', null, 1),
    ]);
  });

  it('matches the same name, a surname alone, and a longer form holding the name', () => {
    expect(matchClaimant('Sergey Lavrov', library)?.role).toBe("Russia's foreign minister");
    expect(matchClaimant('Lavrov', library)?.name).toBe('sergey  lavrov');
    expect(matchClaimant("Russia's Foreign Minister Sergey Lavrov", library)?.name).toBe('sergey  lavrov');
    expect(matchClaimant('THE KREMLIN', library)?.name).toBe('the Kremlin');
  });

  it('does not guess: unknown names, a part of a word, and a surname two people share stay unmatched', () => {
    expect(matchClaimant('Dmitry Peskov', library)).toBeNull();
    expect(matchClaimant('Lavrova', library)).toBeNull();
    const two = claimantLibrary([claim('Anna Berg', '2026-01-01T00:00:00Z'), claim('Tom Berg', '2026-01-01T00:00:00Z')]);
    expect(matchClaimant('Berg', two)).toBeNull();
    expect(matchClaimant('  ', library)).toBeNull();
  });

  it('resolves a suggestion to the known naming, keeping its own role when the library has none', () => {
    expect(resolveClaimant({ name: 'Lavrov', role: null }, library)).toEqual({ name: 'sergey  lavrov', role: "Russia's foreign minister" });
    expect(resolveClaimant({ name: 'Kremlin officials', role: null }, library)).toEqual({ name: 'Kremlin officials', role: null });
    expect(resolveClaimant({ name: 'Alexander Zakharov', role: 'envoy' }, library)).toEqual({ name: 'Alexander Zakharov', role: 'envoy' });
    expect(resolveClaimant(null, library)).toBeNull();
  });
});

describe('the claimant library with stored aliases', () => {
  const entries = [
    { name: 'Russian government', role: null, aliases: ['the Kremlin', 'Moscow'] },
    { name: 'Sergey Lavrov', role: 'foreign minister', aliases: ['Lavrov', "Russia's top diplomat"] },
    { name: 'Anna Berg', role: 'health minister', aliases: [] },
  ];
  const claims = [
    claim('the Kremlin', '2026-01-01T00:00:00Z'),
    claim('MOSCOW', '2026-01-02T00:00:00Z'),
    claim('Russian government', '2026-01-02T00:00:00Z'),
    claim('Lavrov', '2026-01-03T00:00:00Z'),
    claim('Tom Berg', '2026-01-03T00:00:00Z', 'mayor'),
    claim('Dmitry Peskov', '2026-01-03T00:00:00Z', 'spokesman'),
  ];
  const library = claimantLibrary(claims, entries);

  it('lists the stored entries (with their aliases, counting claims naming any of them) and the other names on claims', () => {
    expect(library).toEqual([
      { name: 'Russian government', role: null, claims: 3, aliases: ['the Kremlin', 'Moscow'], stored: true },
      named('Dmitry Peskov', 'spokesman', 1),
      { name: 'Sergey Lavrov', role: 'foreign minister', claims: 1, aliases: ['Lavrov', "Russia's top diplomat"], stored: true },
      named('Tom Berg', 'mayor', 1),
      { name: 'Anna Berg', role: 'health minister', claims: 0, aliases: [], stored: true },
    ]);
  });

  it('matches a stored name or alias first, exactly (case and spacing aside), to the entry', () => {
    expect(matchClaimant('the  kremlin', library, entries)).toEqual({ name: 'Russian government', role: null });
    expect(matchClaimant("Russia's top diplomat", library, entries)).toEqual({ name: 'Sergey Lavrov', role: 'foreign minister' });
    expect(matchClaimant('anna berg', library, entries)).toEqual({ name: 'Anna Berg', role: 'health minister' });
  });

  it('then applies the rules over entries and claims, and a rule landing on an alias gives its entry', () => {
    // The longer form holds an entry's name.
    expect(matchClaimant("Russia's Foreign Minister Sergey Lavrov", library, entries)?.name).toBe('Sergey Lavrov');
    // The longer form holds a name that is an alias: the alias's entry.
    expect(matchClaimant('a spokesman for the Kremlin', library, entries)?.name).toBe('Russian government');
    // "Berg" is the surname of an entry and of a name on claims: two people, no guess.
    expect(matchClaimant('Berg', library, entries)).toBeNull();
    expect(matchClaimant('Peskov', library, entries)).toMatchObject({ name: 'Dmitry Peskov', role: 'spokesman' });
    // Without the stored entries, the alias is only the name on a claim.
    expect(matchClaimant('Moscow', claimantLibrary(claims))?.name).toBe('MOSCOW');
  });

  it('resolves a suggested alias to the canonical name and role; a typed alias is stored as its claimant', () => {
    expect(resolveClaimant({ name: 'Lavrov', role: null }, library, entries)).toEqual({ name: 'Sergey Lavrov', role: 'foreign minister' });
    expect(resolveClaimant({ name: 'the Kremlin', role: 'spokesman' }, library, entries)).toEqual({ name: 'Russian government', role: 'spokesman' });
    expect(canonicalClaimant({ name: 'lavrov', role: null }, entries)).toEqual({ name: 'Sergey Lavrov', role: 'foreign minister' });
    expect(canonicalClaimant({ name: 'LAVROV', role: 'minister' }, entries)).toEqual({ name: 'Sergey Lavrov', role: 'minister' });
    // Only stored names and aliases are rewritten, never a guess by the rules.
    expect(canonicalClaimant({ name: 'Sergey Lavrov Jr', role: null }, entries)).toEqual({ name: 'Sergey Lavrov Jr', role: null });
  });
});
