import { realpathSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import {
  AppendListener,
  AppendOptions,
  AppendResult,
  EventStore,
  ExpectedRevision,
  IdempotencyRecord,
  NewEvent,
  RangeReadable,
  ReadStreamOptions,
  StoreUnavailableError,
  StoredEvent,
} from '../event-store.port';
import type { StorageArchive } from '../archive.port';
import { AppendListeners, assertAppendable } from '../listeners';
import { SqliteArchive } from './sqlite.archive';
import { unavailable } from './sqlite.batch-writer';
import { GroupCommit } from './sqlite.group-commit';
import { SyncPipeline, WalFile } from './sqlite.wal-sync';
import { prepareStatements, Statements, toProjectedEvent, toStoredEvent } from './sqlite.rows';
import { checkStoreFile } from './sqlite.file-check';
import { makePrivateDir, restrictFile } from '../../shared/private-files';
import { migrate } from './sqlite.schema';

export interface SqliteOptions {
  file: string;
  /** FULL (default): an acknowledged append survives a machine crash; NORMAL: a process crash only. */
  synchronous?: 'FULL' | 'NORMAL';
  /** Opens without writing (no migrations); every append is refused. */
  readonly?: boolean;
  /**
   * With FULL: what makes the write-ahead log durable after a group commit
   * (default: `fdatasync` of the -wal file from the thread pool). For tests.
   */
  walSync?: () => Promise<void>;
}

/** How often to look for commits made by another process on the same file (a CLI seeding it, say). */
const OUTSIDE_WRITES_POLL_MS = 250;
/** Wait this long for another writer's lock before giving up with 503. */
const BUSY_TIMEOUT_MS = 5000;

/**
 * The embedded store: one SQLite file in WAL mode, appends group-committed
 * (sqlite.group-commit.ts). Synchronous driver, so reads are fast and simple;
 * errors from the storage leave as StoreUnavailableError (503).
 */
export class SqliteEventStore implements EventStore, RangeReadable {
  private readonly statements: Statements;
  private readonly group: GroupCommit;
  private readonly wal: WalFile | undefined;
  private readonly listeners = new AppendListeners();
  private readonly poll: NodeJS.Timeout;
  /** Position of the last event reported to listeners; they see every event once, in order. */
  reported: number;
  private dataVersion: number;
  private closed = false;

  private constructor(
    private readonly db: Database.Database,
    readonly file: string,
    walSync: (() => Promise<void>) | 'wal' | undefined,
  ) {
    this.statements = prepareStatements(db);
    // SQLite keeps the log beside the file the path leads to (it follows links).
    this.wal = walSync === 'wal' ? new WalFile(`${realpathSync(file)}-wal`) : undefined;
    const sync = walSync === 'wal' ? this.wal!.sync : walSync;
    // An injected sync (a test's) sees every commit; the real one leaves a lone append to SQLite's own.
    this.group = new GroupCommit(db, this.statements, (events) => this.committed(events), sync && new SyncPipeline(sync), walSync === 'wal');
    this.reported = this.statements.head.get()?.position ?? 0;
    this.dataVersion = this.statements.dataVersion.get()!.data_version;
    this.poll = setInterval(() => this.noticeOutsideWrites(), OUTSIDE_WRITES_POLL_MS).unref();
  }

  static open({ file, synchronous = 'FULL', readonly = false, walSync }: SqliteOptions): SqliteEventStore {
    if (!readonly) makePrivateDir(dirname(file));
    let db: Database.Database | undefined;
    try {
      checkStoreFile(file);
      db = new Database(file, { readonly, fileMustExist: readonly });
      // The file holds every citizen's key: the owner's alone. SQLite gives the -wal and -shm it
      // creates later the main file's mode; ones left by an earlier run are narrowed here too.
      if (!readonly && !db.memory) for (const suffix of ['', '-wal', '-shm']) restrictFile(`${realpathSync(file)}${suffix}`);
      db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
      // Reading the schema is what reveals a file that is not a database, or a damaged one.
      db.prepare('SELECT count(*) FROM sqlite_master').get();
      if (!readonly) {
        db.pragma('journal_mode = WAL');
        db.pragma(`synchronous = ${synchronous}`);
        db.pragma('foreign_keys = ON');
        // Deleted content is overwritten with zeros: an erased citizen's key must not linger in free pages.
        db.pragma('secure_delete = ON');
        migrate(db);
      }
      // Only FULL asks for a sync per commit; it is then made off the event loop (sqlite.group-commit.ts).
      const wal = !readonly && !db.memory && synchronous === 'FULL' && String(db.pragma('journal_mode', { simple: true })).toLowerCase() === 'wal';
      return new SqliteEventStore(db, file, wal ? (walSync ?? 'wal') : undefined);
    } catch (error) {
      db?.close();
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(`${file} is not a usable SQLite database: ${reason}`, { cause: error });
    }
  }

  append(streamId: string, events: readonly NewEvent[], expected: ExpectedRevision, options: AppendOptions = {}): Promise<AppendResult> {
    if (this.closed) return Promise.reject(new StoreUnavailableError('the event store is closed'));
    try {
      assertAppendable(events, options);
    } catch (error) {
      return Promise.reject(error);
    }
    return new Promise((resolve, reject) => this.group.enqueue({ streamId, events, expected, options, resolve, reject }));
  }

  /**
   * Runs `write` in the transaction of the next group commit, beside the
   * appends; resolves with its answer once that transaction is committed,
   * before the sync: for rows that must be durable no later than what is
   * appended after them (a citizen's key), as a write-ahead log keeps commits
   * in order. A failing `write` fails alone; the batch goes on.
   */
  writeWithNextCommit<T>(write: () => T): Promise<T> {
    if (this.closed) return Promise.reject(new StoreUnavailableError('the event store is closed'));
    return new Promise<T>((resolve, reject) => this.group.enqueue({ run: write, resolve: resolve as (value: unknown) => void, reject }));
  }

  async readStream(streamId: string, { fromRevision = 0, recordedUntil }: ReadStreamOptions = {}): Promise<StoredEvent[]> {
    return this.read(() => {
      const rows =
        recordedUntil === undefined
          ? this.statements.readStream.all(streamId, fromRevision)
          : this.statements.readStreamUntil.all(streamId, fromRevision, new Date(recordedUntil).toISOString());
      return rows.map(toStoredEvent);
    });
  }

  async readAll(fromPosition: number, limit: number): Promise<StoredEvent[]> {
    return this.read(() => this.statements.readAll.all(fromPosition, limit).map(toStoredEvent));
  }

  async readRange(fromPosition: number, toPosition: number, types: ReadonlySet<string>): Promise<StoredEvent[]> {
    const wanted = JSON.stringify([...types]);
    return this.read(() => this.statements.readRange.all(fromPosition, toPosition, wanted).map(toProjectedEvent));
  }

  async streamRevision(streamId: string): Promise<number | 'no_stream'> {
    return this.read(() => this.statements.streamHead.get(streamId)?.revision ?? 'no_stream');
  }

  async headPosition(): Promise<number> {
    return this.read(() => this.statements.head.get()?.position ?? 0);
  }

  async findIdempotency(subject: string, key: string): Promise<IdempotencyRecord | undefined> {
    const record = this.read(() => {
      const row = this.statements.findKey.get(subject, key);
      return row && { key, subject, route: row.route, bodyHash: row.body_hash, answer: JSON.parse(row.answer), at: row.at };
    });
    // A replay acknowledges the command again: the first answer must be durable before it is repeated.
    if (record && this.group.syncing) await this.group.durable();
    return record;
  }

  onAppended(listener: AppendListener): () => void {
    return this.listeners.add(listener);
  }

  async ping(): Promise<void> {
    this.read(() => this.db.prepare('SELECT 1').get());
  }

  /**
   * The connection, for the read models that live in the same file. Sharing it
   * means a projector's transaction never waits on the event writer's lock:
   * both run on this thread, one after the other.
   */
  connection(): Database.Database {
    if (this.closed) throw new StoreUnavailableError('the event store is closed');
    return this.db;
  }

  /** For `cli migrate`: events as they were, idempotency records, keys and the access log. */
  archive(): StorageArchive {
    return new SqliteArchive(this.connection(), (events) => this.committed(events), () => this.reported);
  }

  /** How many commits the appends shared (for the benchmark). */
  stats(): { flushes: number; appends: number } {
    return { ...this.group.stats };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.poll);
    await this.group.drained();
    await this.wal?.close();
    this.db.close();
  }

  private read<T>(query: () => T): T {
    if (this.closed) throw new StoreUnavailableError('the event store is closed');
    try {
      return query();
    } catch (error) {
      throw unavailable(`reading ${this.file} failed`, error);
    }
  }

  /**
   * After our own commit (and its sync): report it, with anything another
   * process committed just before it, but nothing after it (a later batch of
   * ours may be committed and not yet durable).
   */
  committed(events: StoredEvent[]): void {
    if (events.length === 0) return;
    const first = events[0]!.position;
    const last = events[events.length - 1]!.position;
    if (first === this.reported + 1) return this.report(events);
    if (last <= this.reported) return;
    const missed = this.statements.readAll.all(this.reported + 1, last - this.reported).map(toStoredEvent);
    this.report(missed.filter((event) => event.position <= last));
  }

  /** `data_version` changes when another connection commits to the file. */
  private noticeOutsideWrites(): void {
    // While a commit of ours awaits its sync, its report (after the sync) brings the outside events too.
    if (this.closed || this.group.syncing) return;
    try {
      const version = this.statements.dataVersion.get()!.data_version;
      if (version === this.dataVersion) return;
      this.dataVersion = version;
      this.report(this.statements.readAll.all(this.reported + 1, Number.MAX_SAFE_INTEGER).map(toStoredEvent));
    } catch {
      // The next poll tries again; a broken file is reported to the callers of append and read.
    }
  }

  private report(events: StoredEvent[]): void {
    if (events.length === 0) return;
    this.reported = events[events.length - 1]!.position;
    this.listeners.notify(events);
  }
}
