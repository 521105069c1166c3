import { describe, expect, it } from 'vitest';
import { SERVICE_METHODS } from '../../../../shared/api/contract';
import { TEAM_METHOD_RULES, teamRefusal } from './policy';

describe('team method rules', () => {
  it('review every service method of the contract (a new one is refused until listed)', () => {
    expect(SERVICE_METHODS.filter((m) => !TEAM_METHOD_RULES[m])).toEqual([]);
  });

  it('refuse an unreviewed method, saying so', () => {
    const refusal = teamRefusal('noSuchMethod' as 'undo', {}, { name: 'Ana', role: 'admin' });
    expect(refusal).toMatchObject({ status: 403, message: expect.stringMatching(/not been reviewed/) });
  });
});
