import type { Database } from 'better-sqlite3';
import type { Pool } from 'pg';
import type { Role } from '../../../domain/shared/codes';
import { ident } from '../../event-store/postgres/postgres.schema';
import { userChanged } from './user-changes';

/** What `cli user add` sets: a role, a visitor id for a visitor, and a bcrypt hash. */
export interface UserRecord {
  username: string;
  passwordHash: string;
  role: Role;
  visitorId?: string;
}

/**
 * Someone who may sign in to the web application. `tokenVersion` goes up with
 * every change to them: a token carries the version it was issued at, and one
 * that carries another is refused (src/privacy/users/token-standing.ts).
 */
export interface User extends UserRecord {
  tokenVersion: number;
  disabled: boolean;
}

/** A change to an existing user; `visitorId: null` takes it away (a visitor who becomes a coordinator). */
export interface UserChange {
  passwordHash?: string;
  role?: Role;
  visitorId?: string | null;
  disabled?: boolean;
}

export const USER_STORE = Symbol('USER_STORE');

/** Where users are kept: in the same database as the events, like the citizens' keys. Every write ends the user's earlier tokens. */
export interface UserStore {
  /** Adds the user, or replaces the role, visitor id and hash of one with the same name; true when it was new. */
  save(user: UserRecord): Promise<boolean>;
  find(username: string): Promise<User | undefined>;
  /** The user as changed, or undefined when there is none by that name. */
  change(username: string, change: UserChange): Promise<User | undefined>;
  /** True when there was such a user. */
  remove(username: string): Promise<boolean>;
  /** Every user, by username. */
  list(): Promise<User[]>;
}

type Row = { username: string; password_hash: string; role: string; visitor_id: string | null; token_version: number; disabled: boolean | number };
const COLUMNS = 'username, password_hash, role, visitor_id, token_version, disabled_at IS NOT NULL AS disabled';

const fromRow = (row: Row): User => ({
  username: row.username,
  passwordHash: row.password_hash,
  role: row.role as Role,
  ...(row.visitor_id !== null && { visitorId: row.visitor_id }),
  tokenVersion: Number(row.token_version),
  disabled: Boolean(row.disabled),
});

/** The SET clause of a change (the placeholders filled in order), always raising the token version. */
function assignments(change: UserChange, placeholder: (n: number) => string, now: string): { sql: string; values: unknown[] } {
  const parts: string[] = [];
  const values: unknown[] = [];
  const set = (column: string, value: unknown) => parts.push(`${column} = ${placeholder(values.push(value))}`);
  if (change.passwordHash !== undefined) set('password_hash', change.passwordHash);
  if (change.role !== undefined) set('role', change.role);
  if (change.visitorId !== undefined) set('visitor_id', change.visitorId);
  if (change.disabled !== undefined) parts.push(change.disabled ? `disabled_at = COALESCE(disabled_at, ${now})` : 'disabled_at = NULL');
  parts.push('token_version = token_version + 1', `updated_at = ${now}`);
  return { sql: parts.join(', '), values };
}

export class SqliteUserStore implements UserStore {
  constructor(private readonly db: Database) {}

  async save(user: UserRecord): Promise<boolean> {
    const now = new Date().toISOString();
    const created = this.db
      .transaction(() => {
        const existed = this.db.prepare('SELECT 1 FROM users WHERE username = ?').get(user.username) !== undefined;
        this.db
          .prepare(
            `INSERT INTO users (username, password_hash, role, visitor_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)
             ON CONFLICT (username) DO UPDATE SET password_hash = excluded.password_hash, role = excluded.role, visitor_id = excluded.visitor_id,
               updated_at = excluded.updated_at, token_version = token_version + 1`,
          )
          .run(user.username, user.passwordHash, user.role, user.visitorId ?? null, now, now);
        return !existed;
      })
      .immediate();
    userChanged(user.username);
    return created;
  }

  async find(username: string): Promise<User | undefined> {
    const row = this.db.prepare(`SELECT ${COLUMNS} FROM users WHERE username = ?`).get(username) as Row | undefined;
    return row && fromRow(row);
  }

  async change(username: string, change: UserChange): Promise<User | undefined> {
    const { sql, values } = assignments(change, () => '?', `'${new Date().toISOString()}'`);
    const row = this.db.prepare(`UPDATE users SET ${sql} WHERE username = ? RETURNING ${COLUMNS}`).get(...values, username) as Row | undefined;
    userChanged(username);
    return row && fromRow(row);
  }

  async remove(username: string): Promise<boolean> {
    const removed = this.db.prepare('DELETE FROM users WHERE username = ?').run(username).changes > 0;
    userChanged(username);
    return removed;
  }

  async list(): Promise<User[]> {
    return (this.db.prepare(`SELECT ${COLUMNS} FROM users ORDER BY username`).all() as Row[]).map(fromRow);
  }
}

export class PostgresUserStore implements UserStore {
  private readonly table: string;

  constructor(
    private readonly pool: Pool,
    schema: string,
  ) {
    this.table = `${ident(schema)}.users`;
  }

  async save(user: UserRecord): Promise<boolean> {
    // xmax = 0 on the returned row: it was inserted, not updated.
    const { rows } = await this.pool.query<{ inserted: boolean }>(
      `INSERT INTO ${this.table} AS u (username, password_hash, role, visitor_id) VALUES ($1, $2, $3, $4)
       ON CONFLICT (username) DO UPDATE SET password_hash = excluded.password_hash, role = excluded.role, visitor_id = excluded.visitor_id,
         updated_at = now(), token_version = u.token_version + 1
       RETURNING (xmax = 0) AS inserted`,
      [user.username, user.passwordHash, user.role, user.visitorId ?? null],
    );
    userChanged(user.username);
    return rows[0]!.inserted;
  }

  async find(username: string): Promise<User | undefined> {
    const { rows } = await this.pool.query<Row>(`SELECT ${COLUMNS} FROM ${this.table} WHERE username = $1`, [username]);
    return rows[0] && fromRow(rows[0]);
  }

  async change(username: string, change: UserChange): Promise<User | undefined> {
    const { sql, values } = assignments(change, (n) => `$${n}`, 'now()');
    const { rows } = await this.pool.query<Row>(`UPDATE ${this.table} SET ${sql} WHERE username = $${values.length + 1} RETURNING ${COLUMNS}`, [...values, username]);
    userChanged(username);
    return rows[0] && fromRow(rows[0]);
  }

  async remove(username: string): Promise<boolean> {
    const { rowCount } = await this.pool.query(`DELETE FROM ${this.table} WHERE username = $1`, [username]);
    userChanged(username);
    return (rowCount ?? 0) > 0;
  }

  async list(): Promise<User[]> {
    // COLLATE "C": the same order as SQLite's, whatever the database's locale.
    const { rows } = await this.pool.query<Row>(`SELECT ${COLUMNS} FROM ${this.table} ORDER BY username COLLATE "C"`);
    return rows.map(fromRow);
  }
}

/** With the memory store: kept for the life of the process, one set per storage module (the CLI cannot reach it; tests add users directly). */
export class MemoryUserStore implements UserStore {
  private readonly users = new Map<string, User>();

  async save(user: UserRecord): Promise<boolean> {
    const existing = this.users.get(user.username);
    const { visitorId, ...rest } = user;
    this.users.set(user.username, { ...rest, ...(visitorId !== undefined && { visitorId }), tokenVersion: (existing?.tokenVersion ?? 0) + 1, disabled: existing?.disabled ?? false });
    userChanged(user.username);
    return !existing;
  }

  async find(username: string): Promise<User | undefined> {
    const user = this.users.get(username);
    return user && { ...user };
  }

  async change(username: string, change: UserChange): Promise<User | undefined> {
    const user = this.users.get(username);
    userChanged(username);
    if (!user) return undefined;
    const { visitorId, ...rest } = change;
    const changed: User = { ...user, ...rest, tokenVersion: user.tokenVersion + 1 };
    if (visitorId === null) delete changed.visitorId;
    else if (visitorId !== undefined) changed.visitorId = visitorId;
    this.users.set(username, changed);
    return { ...changed };
  }

  async remove(username: string): Promise<boolean> {
    const removed = this.users.delete(username);
    userChanged(username);
    return removed;
  }

  async list(): Promise<User[]> {
    return [...this.users.values()].sort((a, b) => (a.username < b.username ? -1 : a.username > b.username ? 1 : 0)).map((user) => ({ ...user }));
  }
}
