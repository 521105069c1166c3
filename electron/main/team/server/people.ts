/**
 * The desk's people in the team database: accounts (name, role, password hash, disabled),
 * login sessions and personal access tokens. Only hashes are stored: scrypt for passwords
 * (passwords.ts), SHA-256 for session and token secrets (32 random bytes each, so a fast
 * hash is enough). Sessions end after SESSION_POLICY.idleMs unused or absoluteMs after
 * login, whichever is first; tokens last until revoked. Disabling a person, or resetting
 * their password, ends all their sessions and tokens at once.
 */
import { createHash, randomBytes } from 'node:crypto';
import type pg from 'pg';
import { PersonName } from '../../../../shared/domain/schemas';
import { DEFAULT_COST, hashPassword, MAX_PASSWORD_LENGTH, needsRehash, passwordProblem, verifyPassword, type ScryptCost } from './passwords';

export const ROLES = ['editor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Who is calling: what runAs receives. */
export interface TeamPerson {
  name: string;
  role: Role;
}

/** An authenticated caller, and by which kind of secret. */
export interface Authenticated extends TeamPerson {
  id: number;
  kind: 'session' | 'token';
}

export interface PersonListing extends TeamPerson {
  disabled: boolean;
  createdAt: Date;
  /** Personal access tokens that work now. */
  tokens: number;
}

export interface SessionPolicy {
  /** A session ends after this long without a request… */
  idleMs: number;
  /** …and this long after login in any case. */
  absoluteMs: number;
}

export const SESSION_POLICY: SessionPolicy = { idleMs: 12 * 3600_000, absoluteMs: 7 * 24 * 3600_000 };
/** A session's last use is written at most this often (not on every request). */
const TOUCH_EVERY_MS = 60_000;
const TOKEN_PREFIX = 'fcdt_';

export interface PeopleOptions {
  now?: () => Date;
  sessions?: Partial<SessionPolicy>;
  cost?: ScryptCost;
}

/** An expected refusal (no such person, a name taken, a weak password): its message is for the operator. */
export class PeopleError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PeopleError';
  }
}

/** How names are compared: case, spacing and Unicode form aside. */
export function nameKey(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
}

const sha256 = (secret: string): string => createHash('sha256').update(secret).digest('hex');

interface PersonRow {
  id: string;
  name: string;
  role: Role;
  password_hash: string;
  disabled: boolean;
}

export class People {
  private readonly now: () => Date;
  private readonly policy: SessionPolicy;
  private readonly cost: ScryptCost;
  private dummy: Promise<string> | undefined;

  constructor(
    private readonly db: pg.Pool,
    options: PeopleOptions = {},
  ) {
    this.now = options.now ?? (() => new Date());
    this.policy = { ...SESSION_POLICY, ...options.sessions };
    this.cost = options.cost ?? DEFAULT_COST;
  }

  get sessionPolicy(): SessionPolicy {
    return this.policy;
  }

  async add(name: string, role: Role, password: string): Promise<TeamPerson> {
    const clean = validName(name);
    if (!ROLES.includes(role)) throw new PeopleError(`The role must be one of: ${ROLES.join(', ')}.`);
    checkPassword(password);
    const hash = await hashPassword(password, this.cost);
    try {
      await this.db.query('INSERT INTO people (name, name_key, role, password_hash, created_at) VALUES ($1, $2, $3, $4, $5)', [
        clean,
        nameKey(clean),
        role,
        hash,
        this.now(),
      ]);
    } catch (error) {
      if ((error as { code?: string }).code === '23505') throw new PeopleError(`There is already a person called "${clean}" (names are compared ignoring case).`);
      throw error;
    }
    return { name: clean, role };
  }

  async list(): Promise<PersonListing[]> {
    const { rows } = await this.db.query<{ name: string; role: Role; disabled: boolean; created_at: Date; tokens: string }>(
      `SELECT p.name, p.role, p.disabled, p.created_at,
              (SELECT count(*) FROM sessions s WHERE s.person_id = p.id AND s.kind = 'token') AS tokens
         FROM people p ORDER BY p.name_key`,
    );
    return rows.map((r) => ({ name: r.name, role: r.role, disabled: r.disabled, createdAt: r.created_at, tokens: Number(r.tokens) }));
  }

  /** Disables (ending every session and token at once) or enables a person. */
  async setDisabled(name: string, disabled: boolean): Promise<void> {
    await this.transaction(async (client) => {
      const id = await this.idOf(client, name);
      await client.query('UPDATE people SET disabled = $2 WHERE id = $1', [id, disabled]);
      if (disabled) await client.query('DELETE FROM sessions WHERE person_id = $1', [id]);
    });
  }

  /** A new password; every session and token of the person ends. */
  async resetPassword(name: string, password: string): Promise<void> {
    checkPassword(password);
    const hash = await hashPassword(password, this.cost);
    await this.transaction(async (client) => {
      const id = await this.idOf(client, name);
      await client.query('UPDATE people SET password_hash = $2 WHERE id = $1', [id, hash]);
      await client.query('DELETE FROM sessions WHERE person_id = $1', [id]);
    });
  }

  /**
   * The person, if the name and password are right and the account is enabled; else null.
   * An unknown name costs the same hash as a known one (against a dummy hash), so neither
   * the answer nor its time tells which names exist.
   */
  async verifyLogin(name: string, password: string): Promise<Authenticated | null> {
    const key = nameKey(name);
    const row = key && key.length <= 200 ? await this.row(this.db, key) : undefined;
    const usable = password.length <= MAX_PASSWORD_LENGTH ? password : '';
    const matches = await verifyPassword(usable, row?.password_hash ?? (await this.dummyHash()));
    if (!row || row.disabled || !matches || usable !== password) return null;
    if (needsRehash(row.password_hash, this.cost)) {
      await this.db.query('UPDATE people SET password_hash = $2 WHERE id = $1', [row.id, await hashPassword(password, this.cost)]);
    }
    return { id: Number(row.id), name: row.name, role: row.role, kind: 'session' };
  }

  /** A new login session for a person verifyLogin returned: the secret for the cookie (only its hash is kept). */
  async startSession(person: Authenticated): Promise<{ token: string; expiresAt: Date }> {
    const token = randomBytes(32).toString('base64url');
    const now = this.now();
    const expiresAt = new Date(now.getTime() + this.policy.absoluteMs);
    // Sessions that ended unused are not kept: each login clears everyone's.
    await this.db.query("DELETE FROM sessions WHERE kind = 'session' AND (expires_at <= $1 OR last_used_at <= $2)", [now, new Date(now.getTime() - this.policy.idleMs)]);
    await this.db.query('INSERT INTO sessions (token_hash, person_id, kind, created_at, last_used_at, expires_at) VALUES ($1, $2, $3, $4, $4, $5)', [
      sha256(token),
      person.id,
      'session',
      now,
      expiresAt,
    ]);
    return { token, expiresAt };
  }

  /** A personal access token for a desktop client (`Authorization: Bearer …`): shown once, only its hash is kept. */
  async createToken(name: string, label: string): Promise<string> {
    const clean = label.trim();
    if (!clean || clean.length > 100 || /[\r\n]/.test(clean)) throw new PeopleError('The token needs a --label of one line, at most 100 characters (say which computer it is for).');
    const token = TOKEN_PREFIX + randomBytes(32).toString('base64url');
    const id = await this.idOf(this.db, name);
    const now = this.now();
    await this.db.query('INSERT INTO sessions (token_hash, person_id, kind, label, created_at, last_used_at) VALUES ($1, $2, $3, $4, $5, $5)', [
      sha256(token),
      id,
      'token',
      clean,
      now,
    ]);
    return token;
  }

  /** Ends every personal access token of a person; how many there were. */
  async revokeTokens(name: string): Promise<number> {
    const id = await this.idOf(this.db, name);
    const { rowCount } = await this.db.query("DELETE FROM sessions WHERE person_id = $1 AND kind = 'token'", [id]);
    return rowCount ?? 0;
  }

  /** Who a session or token secret belongs to, if it still works: enabled person, not expired. */
  async authenticate(secret: string): Promise<Authenticated | null> {
    if (!secret || secret.length > 200) return null;
    const hash = sha256(secret);
    const { rows } = await this.db.query<{ kind: 'session' | 'token'; last_used_at: Date; expires_at: Date | null; id: string; name: string; role: Role }>(
      `SELECT s.kind, s.last_used_at, s.expires_at, p.id, p.name, p.role
         FROM sessions s JOIN people p ON p.id = s.person_id
        WHERE s.token_hash = $1 AND NOT p.disabled`,
      [hash],
    );
    const row = rows[0];
    if (!row) return null;
    const now = this.now().getTime();
    const expired =
      row.kind === 'session' && (row.expires_at === null || row.expires_at.getTime() <= now || row.last_used_at.getTime() + this.policy.idleMs <= now);
    if (expired) {
      await this.db.query('DELETE FROM sessions WHERE token_hash = $1', [hash]);
      return null;
    }
    if (now - row.last_used_at.getTime() >= TOUCH_EVERY_MS) {
      await this.db.query('UPDATE sessions SET last_used_at = $2 WHERE token_hash = $1', [hash, new Date(now)]);
    }
    return { id: Number(row.id), name: row.name, role: row.role, kind: row.kind };
  }

  /** Ends one login session (logout). Tokens are not ended this way: revoke them with the CLI. */
  async endSession(secret: string): Promise<void> {
    await this.db.query("DELETE FROM sessions WHERE token_hash = $1 AND kind = 'session'", [sha256(secret)]);
  }

  private dummyHash(): Promise<string> {
    this.dummy ??= hashPassword(randomBytes(16).toString('hex'), this.cost);
    return this.dummy;
  }

  private async row(db: pg.Pool | pg.PoolClient, key: string): Promise<PersonRow | undefined> {
    const { rows } = await db.query<PersonRow>('SELECT id, name, role, password_hash, disabled FROM people WHERE name_key = $1', [key]);
    return rows[0];
  }

  private async idOf(db: pg.Pool | pg.PoolClient, name: string): Promise<string> {
    const row = await this.row(db, nameKey(name));
    if (!row) throw new PeopleError(`There is no person called "${name.trim()}" (see \`user list\`).`);
    return row.id;
  }

  private async transaction(run: (client: pg.PoolClient) => Promise<void>): Promise<void> {
    const client = await this.db.connect();
    try {
      await client.query('BEGIN');
      await run(client);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    } finally {
      client.release();
    }
  }
}

function validName(name: string): string {
  const parsed = PersonName.safeParse(name);
  if (!parsed.success || parsed.data === '') throw new PeopleError('The name must be one line of 1 to 80 characters.');
  return parsed.data.replace(/\s+/g, ' ');
}

function checkPassword(password: string): void {
  const problem = passwordProblem(password);
  if (problem) throw new PeopleError(problem);
}
