import type { Client } from 'pg';
import { pg } from '../event-store/postgres/pg-driver';

/**
 * Who applies which projection when several processes share one database:
 * each projection is applied by exactly one process at a time.
 */
export interface ProjectionLeases {
  /** True while this process holds (or has just taken) the lease on `projection`. */
  acquire(projection: string): Promise<boolean>;
  release(): Promise<void>;
}

/** The embedded store and the memory store have one process: it applies everything. */
export const soleProcess: ProjectionLeases = {
  acquire: async () => true,
  release: async () => undefined,
};

/**
 * Leases as PostgreSQL session advisory locks on a connection of their own:
 * when the process dies, its session ends, the locks go, and another process
 * takes the projection at its next try.
 */
export class PostgresProjectionLeases implements ProjectionLeases {
  private client: Client | undefined;
  private readonly held = new Set<string>();

  constructor(
    private readonly connectionString: string,
    private readonly schema: string,
  ) {}

  async acquire(projection: string): Promise<boolean> {
    if (this.held.has(projection)) return true;
    try {
      const client = await this.connection();
      const { rows } = await client.query<{ taken: boolean }>('SELECT pg_try_advisory_lock(hashtext($1)) AS taken', [this.lockName(projection)]);
      if (rows[0]?.taken) this.held.add(projection);
      return rows[0]?.taken ?? false;
    } catch {
      return false;
    }
  }

  async release(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    this.held.clear();
    await client?.end().catch(() => undefined);
  }

  private lockName(projection: string): string {
    return `brobygger-projection/${this.schema}/${projection}`;
  }

  private async connection(): Promise<Client> {
    if (this.client) return this.client;
    const client = new (pg().Client)({ connectionString: this.connectionString });
    // A lost session has lost its locks: forget them, and connect again at the next try.
    client.on('error', () => {
      if (this.client === client) this.client = undefined;
      this.held.clear();
    });
    client.on('end', () => {
      if (this.client === client) this.client = undefined;
      this.held.clear();
    });
    await client.connect();
    this.client = client;
    return client;
  }
}
