import type { Database } from 'better-sqlite3';
import type { Pool } from 'pg';
import type { Role } from '../../../domain/shared/codes';
import type { EventStore } from '../../event-store/event-store.port';
import { ident } from '../../event-store/postgres/postgres.schema';
import { PostgresEventStore } from '../../event-store/postgres/postgres.event-store';
import { SqliteEventStore } from '../../event-store/sqlite/sqlite.event-store';

/** Someone who may sign in to the web application: a role, a visitor id for a visitor, and a bcrypt hash. */
export interface User {
  username: string;
  passwordHash: string;
  role: Role;
  visitorId?: string;
}

/** Where users are kept: in the same database as the events, like the citizens' keys. */
export interface UserStore {
  /** Adds the user, or replaces the role, visitor id and hash of one with the same name; true when it was new. */
  save(user: User): Promise<boolean>;
  find(username: string): Promise<User | undefined>;
}

type Row = { username: string; password_hash: string; role: string; visitor_id: string | null };

const fromRow = (row: Row): User => ({
  username: row.username,
  passwordHash: row.password_hash,
  role: row.role as Role,
  ...(row.visitor_id !== null && { visitorId: row.visitor_id }),
});

export class SqliteUserStore implements UserStore {
  constructor(private readonly db: Database) {}

  async save(user: User): Promise<boolean> {
    const now = new Date().toISOString();
    return this.db
      .transaction(() => {
        const existed = this.db.prepare('SELECT 1 FROM users WHERE username = ?').get(user.username) !== undefined;
        this.db
          .prepare(
            `INSERT INTO users (username, password_hash, role, visitor_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)
             ON CONFLICT (username) DO UPDATE SET password_hash = excluded.password_hash, role = excluded.role, visitor_id = excluded.visitor_id, updated_at = excluded.updated_at`,
          )
          .run(user.username, user.passwordHash, user.role, user.visitorId ?? null, now, now);
        return !existed;
      })
      .immediate();
  }

  async find(username: string): Promise<User | undefined> {
    const row = this.db.prepare('SELECT username, password_hash, role, visitor_id FROM users WHERE username = ?').get(username) as Row | undefined;
    return row && fromRow(row);
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

  async save(user: User): Promise<boolean> {
    // xmax = 0 on the returned row: it was inserted, not updated.
    const { rows } = await this.pool.query<{ inserted: boolean }>(
      `INSERT INTO ${this.table} (username, password_hash, role, visitor_id) VALUES ($1, $2, $3, $4)
       ON CONFLICT (username) DO UPDATE SET password_hash = excluded.password_hash, role = excluded.role, visitor_id = excluded.visitor_id, updated_at = now()
       RETURNING (xmax = 0) AS inserted`,
      [user.username, user.passwordHash, user.role, user.visitorId ?? null],
    );
    return rows[0]!.inserted;
  }

  async find(username: string): Promise<User | undefined> {
    const { rows } = await this.pool.query<Row>(`SELECT username, password_hash, role, visitor_id FROM ${this.table} WHERE username = $1`, [username]);
    return rows[0] && fromRow(rows[0]);
  }
}

/** With the memory store: kept for the life of the process (the CLI cannot reach it; tests add users directly). */
export class MemoryUserStore implements UserStore {
  private readonly users = new Map<string, User>();

  async save(user: User): Promise<boolean> {
    const isNew = !this.users.has(user.username);
    this.users.set(user.username, { ...user });
    return isNew;
  }

  async find(username: string): Promise<User | undefined> {
    const user = this.users.get(username);
    return user && { ...user };
  }
}

export function userStoreFor(store: EventStore): UserStore {
  if (store instanceof SqliteEventStore) return new SqliteUserStore(store.connection());
  if (store instanceof PostgresEventStore) return new PostgresUserStore(store.connection(), store.schema);
  return new MemoryUserStore();
}
