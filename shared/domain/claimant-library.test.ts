import { describe, expect, it } from 'vitest';
import { claimantLibrary, matchClaimant, resolveClaimant } from './claimant-library';

const claim = (name: string | null, updatedAt: string, role: string | null = null) => ({ claimant: name ? { name, role } : null, updatedAt });

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
      { name: 'sergey  lavrov', role: "Russia's foreign minister", claims: 2 },
      { name: 'Alexander Zakharov', role: null, claims: 1 },
      { name: 'Maria Zakharova', role: 'spokeswoman', claims: 1 },
      { name: 'the Kremlin', role: null, claims: 1 },
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
