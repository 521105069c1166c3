import { describe, expect, it } from 'vitest';
import { claimantType, claimByLine, describeClaimant } from './claimant';

const named = (name: string, role: string | null = null) => ({ name, role });

describe('claimantType', () => {
  it('takes a name that starts with "the" for an organisation', () => {
    expect(claimantType(named('the Kremlin'))).toBe('Organization');
    expect(claimantType(named('The ministry'))).toBe('Organization');
    // "Theresa" starts with "the" but not with the word.
    expect(claimantType(named('Theresa May'))).toBe('Person');
  });

  it('takes a name holding an organisation word for an organisation, whatever its case', () => {
    for (const name of ['Ministry of Finance', 'Riverton City Council', 'State Police', 'Nordwire News', 'New York Times', 'Reuters', 'White House', 'Acme Ltd', 'Central Bank', 'Labour Party', 'european commission']) {
      expect(claimantType(named(name)), name).toBe('Organization');
    }
  });

  it('takes an all-capital acronym of two letters or more for an organisation, not an initial', () => {
    for (const name of ['CNN', 'WHO', 'NATO', 'EU']) expect(claimantType(named(name)), name).toBe('Organization');
    expect(claimantType(named('J'))).toBe('Person');
  });

  it('takes anyone else for a person, whatever the role says', () => {
    expect(claimantType(named('Sergey Lavrov', 'foreign minister'))).toBe('Person');
    expect(claimantType(named('Jo Marsh', 'spokesperson for the ministry'))).toBe('Person');
    // A word merely containing an organisation word is not one ("Bankole", "Parkinson").
    expect(claimantType(named('Ade Bankole'))).toBe('Person');
    expect(claimantType(named('Ann Postlethwaite'))).toBe('Person');
  });
});

describe('claim-by line', () => {
  it('names the claimant, the role and the date; nothing without a claimant', () => {
    expect(describeClaimant(named('Sergey Lavrov', 'foreign minister'))).toBe('Sergey Lavrov, foreign minister');
    expect(claimByLine(named('Sergey Lavrov', 'foreign minister'), '2025-03-14')).toBe('Claim by Sergey Lavrov, foreign minister, 2025-03-14');
    expect(claimByLine(named('the Kremlin'), null)).toBe('Claim by the Kremlin');
    expect(claimByLine(null, '2025-03-14')).toBeNull();
  });
});
