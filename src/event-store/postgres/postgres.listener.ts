import type { Client, ClientBase } from 'pg';
import { pg } from './pg-driver';
import { ident } from './postgres.schema';

const FIRST_RETRY_MS = 100;
const LAST_RETRY_MS = 5000;

/**
 * LISTEN on the store's channel over a connection of its own. When that
 * connection is lost (the server restarted, the backend was terminated, the
 * network cut) it connects again, with a growing pause, and says so: the
 * store then reads on from what it last reported, so nothing notified in the
 * meantime is missed. Without this a process would stop hearing of other
 * processes' appends for good, and the projections it applies would stand still.
 *
 * While it is idle the connection also takes the store's appends (`lend`): a
 * NOTIFY from the listening session itself costs PostgreSQL no signal to
 * another backend, and arrives in the same answer as the append's row,
 * instead of waking that backend and this process once more per append.
 */
export class NotificationListener {
  private client: Client | undefined;
  private retry: NodeJS.Timeout | undefined;
  private closed = false;
  /** The connection runs a statement it was lent for. */
  private lent = false;

  constructor(
    private readonly connectionString: string,
    private readonly channel: string,
    /** `own`: sent by a statement this connection was lent for (that append reports its events itself). */
    private readonly onNotification: (payload: string | undefined, own: boolean) => void,
    private readonly onReconnected: () => void,
  ) {}

  /**
   * Runs `work` on the listening connection when it is connected and idle;
   * undefined when it is not (then the caller uses the pool). A failure of
   * the connection fails `work` and the connection is made again, as always.
   */
  lend<T>(work: (client: ClientBase) => Promise<T>): Promise<T> | undefined {
    const client = this.client;
    if (!client || this.lent || this.closed) return undefined;
    this.lent = true;
    return work(client).finally(() => {
      this.lent = false;
    });
  }

  /** The first connection: its failure is the caller's (the store cannot be opened). */
  start(): Promise<void> {
    return this.connect();
  }

  async stop(): Promise<void> {
    this.closed = true;
    clearTimeout(this.retry);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const client = new (pg().Client)({ connectionString: this.connectionString });
    client.on('error', () => this.lost(client));
    client.on('end', () => this.lost(client));
    client.on('notification', ({ payload, processId }) => this.onNotification(payload, processId === (client as { processID?: number }).processID));
    try {
      await client.connect();
      await client.query(`LISTEN ${ident(this.channel)}`);
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    if (this.closed) return void (await client.end().catch(() => undefined));
    this.client = client;
  }

  private lost(client: Client): void {
    if (this.client !== client || this.closed) return;
    this.client = undefined;
    void client.end().catch(() => undefined);
    this.again(FIRST_RETRY_MS);
  }

  private again(delay: number): void {
    this.retry = setTimeout(() => {
      this.connect().then(
        () => this.closed || this.onReconnected(),
        () => this.closed || this.again(Math.min(delay * 2, LAST_RETRY_MS)),
      );
    }, delay);
    this.retry.unref();
  }
}
