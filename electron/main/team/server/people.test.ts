import { afterEach, describe, expect, inject, it } from 'vitest';
import { createTestDatabase } from '../../../../scripts/postgres/throwaway-cluster';
import { DEFAULT_COST, hashPassword, needsRehash, verifyPassword } from './passwords';
import { PeopleError, SESSION_POLICY } from './people';
import { ManualClock, TEST_COST, testPeople, type TestPeople } from './test-support';

const PASSWORD = 'correct horse battery';
let db: TestPeople | undefined;
afterEach(async () => {
  await db?.close();
  db = undefined;
});

async function open(clock = new ManualClock()): Promise<TestPeople> {
  db = await testPeople(await createTestDatabase(inject('postgresUrl'), 'team'), { now: clock.date });
  return db;
}

describe('passwords', () => {
  it('are stored as salted scrypt hashes with their cost: never the password, different for equal passwords', async () => {
    const a = await hashPassword(PASSWORD);
    const b = await hashPassword(PASSWORD);
    expect(a).not.toContain(PASSWORD);
    expect(a).not.toBe(b);
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{44}$/);
    expect(await verifyPassword(PASSWORD, a)).toBe(true);
    expect(await verifyPassword(`${PASSWORD}!`, a)).toBe(false);
    expect(await verifyPassword(PASSWORD, 'garbage')).toBe(false);
    expect(needsRehash(a)).toBe(false);
    expect(needsRehash(await hashPassword(PASSWORD, TEST_COST))).toBe(true);
  });
});

describe('people', () => {
  it('add a person whose login then works; the database holds a hash, different for two people with one password', async () => {
    const { people, pool } = await open();
    await people.add('Ana Reyes', 'editor', PASSWORD);
    await people.add('Bo Lind', 'admin', PASSWORD);
    expect(await people.verifyLogin('ana reyes', PASSWORD)).toMatchObject({ name: 'Ana Reyes', role: 'editor' });
    const { rows } = await pool.query<{ password_hash: string }>('SELECT password_hash FROM people');
    expect(rows).toHaveLength(2);
    for (const row of rows) expect(row.password_hash).not.toContain(PASSWORD);
    expect(rows[0]!.password_hash).not.toBe(rows[1]!.password_hash);
  });

  it('refuse a taken name (case aside), a weak password and an unknown role', async () => {
    const { people } = await open();
    await people.add('Ana Reyes', 'editor', PASSWORD);
    await expect(people.add('ANA  reyes', 'admin', PASSWORD)).rejects.toThrow(/already a person called/);
    await expect(people.add('Cy', 'editor', 'short')).rejects.toBeInstanceOf(PeopleError);
    await expect(people.add('Cy', 'boss' as 'admin', PASSWORD)).rejects.toThrow(/role must be one of/);
    await expect(people.add('a\nb', 'editor', PASSWORD)).rejects.toThrow(/one line/);
  });

  it('turn away a wrong password, an unknown name and a disabled person alike', async () => {
    const { people } = await open();
    await people.add('Ana', 'editor', PASSWORD);
    expect(await people.verifyLogin('Ana', 'wrong password!')).toBeNull();
    expect(await people.verifyLogin('Nobody', PASSWORD)).toBeNull();
    expect(await people.verifyLogin('', PASSWORD)).toBeNull();
    await people.setDisabled('Ana', true);
    expect(await people.verifyLogin('Ana', PASSWORD)).toBeNull();
    await people.setDisabled('Ana', false);
    expect(await people.verifyLogin('Ana', PASSWORD)).not.toBeNull();
    await expect(people.setDisabled('Nobody', true)).rejects.toThrow(/no person called "Nobody"/);
  });

  it('re-hash a password made with a lower cost at the next login', async () => {
    const { people, pool } = await testPeople(await createTestDatabase(inject('postgresUrl'), 'team'), { cost: DEFAULT_COST });
    db = { people, pool, url: '', close: () => pool.end() };
    await pool.query("INSERT INTO people (name, name_key, role, password_hash) VALUES ('Old', 'old', 'editor', $1)", [await hashPassword(PASSWORD, TEST_COST)]);
    expect(await people.verifyLogin('Old', PASSWORD)).not.toBeNull();
    const { rows } = await pool.query<{ password_hash: string }>('SELECT password_hash FROM people');
    expect(rows[0]!.password_hash).toMatch(/^scrypt\$32768\$/);
  });

  it('keep only a SHA-256 of session secrets; a session ends after 12 h idle, or 7 days after login however used', async () => {
    const clock = new ManualClock();
    const { people, pool } = await open(clock);
    await people.add('Ana', 'editor', PASSWORD);
    const ana = (await people.verifyLogin('Ana', PASSWORD))!;
    const { token } = await people.startSession(ana);
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    const stored = await pool.query<{ token_hash: string }>('SELECT token_hash FROM sessions');
    expect(stored.rows[0]!.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored.rows[0]!.token_hash).not.toContain(token);

    expect(await people.authenticate(token)).toMatchObject({ name: 'Ana', role: 'editor', kind: 'session' });
    clock.advance(SESSION_POLICY.idleMs - 60_000);
    expect(await people.authenticate(token)).not.toBeNull();
    clock.advance(SESSION_POLICY.idleMs);
    expect(await people.authenticate(token)).toBeNull();

    const second = (await people.startSession(ana)).token;
    for (let hours = 0; hours < 7 * 24; hours += 6) {
      expect(await people.authenticate(second), `hour ${hours}`).not.toBeNull();
      clock.advance(6 * 3600_000);
    }
    expect(await people.authenticate(second)).toBeNull();
    expect(await people.authenticate('made-up')).toBeNull();
    // An ended session nobody presents again is cleared at the next login.
    const third = (await people.startSession(ana)).token;
    clock.advance(SESSION_POLICY.idleMs);
    await people.startSession(ana);
    expect((await pool.query('SELECT 1 FROM sessions')).rowCount).toBe(1);
    expect(await people.authenticate(third)).toBeNull();
  });

  it('end every session and token at once when a person is disabled or their password is reset', async () => {
    const { people, pool } = await open();
    await people.add('Ana', 'editor', PASSWORD);
    const session = (await people.startSession((await people.verifyLogin('Ana', PASSWORD))!)).token;
    const token = await people.createToken('Ana', 'laptop');
    expect(token).toMatch(/^fcdt_/);
    expect(await people.authenticate(token)).toMatchObject({ kind: 'token' });
    await people.setDisabled('ana', true);
    expect(await people.authenticate(session)).toBeNull();
    expect(await people.authenticate(token)).toBeNull();
    expect((await pool.query('SELECT 1 FROM sessions')).rowCount).toBe(0);

    await people.setDisabled('Ana', false);
    const again = (await people.startSession((await people.verifyLogin('Ana', PASSWORD))!)).token;
    await people.resetPassword('Ana', 'another long password');
    expect(await people.authenticate(again)).toBeNull();
    expect(await people.verifyLogin('Ana', PASSWORD)).toBeNull();
    expect(await people.verifyLogin('Ana', 'another long password')).not.toBeNull();
  });

  it('keep tokens past the session limits until revoked; list people without hashes', async () => {
    const clock = new ManualClock();
    const { people } = await open(clock);
    await people.add('Ana', 'admin', PASSWORD);
    await people.add('Bo', 'editor', PASSWORD);
    const token = await people.createToken('Ana', 'desk pc');
    await expect(people.createToken('Ana', ' ')).rejects.toThrow(/--label/);
    clock.advance(30 * 24 * 3600_000);
    expect(await people.authenticate(token)).toMatchObject({ name: 'Ana', kind: 'token' });
    await people.setDisabled('Bo', true);
    const listing = await people.list();
    expect(listing.map(({ createdAt: _c, ...rest }) => rest)).toEqual([
      { name: 'Ana', role: 'admin', disabled: false, tokens: 1 },
      { name: 'Bo', role: 'editor', disabled: true, tokens: 0 },
    ]);
    expect(JSON.stringify(listing)).not.toMatch(/scrypt/);
    expect(await people.revokeTokens('Ana')).toBe(1);
    expect(await people.authenticate(token)).toBeNull();
  });
});
