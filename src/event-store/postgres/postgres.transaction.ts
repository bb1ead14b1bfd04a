import type { Pool, PoolClient } from 'pg';
import { ConcurrencyError } from '../../../domain/shared/errors';
import { IdempotencyKeyTakenError, StoreUnavailableError } from '../event-store.port';
import { errorMessage } from '../describe';
import { UNIQUE_VIOLATION } from './postgres.rows';

/** `work` in one transaction on a connection of the pool: committed, or rolled back with its error passed on as it is. */
export async function transaction<T>(pool: Pool, work: (client: PoolClient) => Promise<T>): Promise<T> {
  return within(await pool.connect(), work);
}

/**
 * An append's transaction. A refusal the caller must tell apart (a revision
 * taken, an idempotency key taken, a unique violation) passes through as it
 * is; any other failure is the store's.
 */
export async function inTransaction<T>(pool: Pool, work: (client: PoolClient) => Promise<T>): Promise<T> {
  let client: PoolClient;
  try {
    client = await pool.connect();
  } catch (error) {
    throw new StoreUnavailableError(`no connection to PostgreSQL: ${errorMessage(error)}`, error);
  }
  try {
    return await within(client, work);
  } catch (error) {
    if (error instanceof ConcurrencyError || error instanceof IdempotencyKeyTakenError || (error as { code?: string }).code === UNIQUE_VIOLATION) throw error;
    throw new StoreUnavailableError(`the append could not be written: ${errorMessage(error)}`, error);
  }
}

async function within<T>(client: PoolClient, work: (client: PoolClient) => Promise<T>): Promise<T> {
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** Two appends raced for the same revision of a stream: the unique constraint on (stream_id, revision) said no. */
export const isRevisionRace = (error: unknown): boolean =>
  (error as { code?: string }).code === UNIQUE_VIOLATION && ((error as { constraint?: string }).constraint ?? '').includes('stream_id');
