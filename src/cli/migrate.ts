import { createHash } from 'node:crypto';
import { canonicalJson } from '../shared/canonical-json';
import { catchUpDirectory } from '../directory/directory-catch-up';
import type { EventStore, StoredEvent } from '../event-store/event-store.port';
import { pagesThroughHead } from '../event-store/read-through-head';
import type { SecretName } from '../storage/secrets';
import type { Storage } from '../storage/storage.port';
import { storedData } from '../privacy/crypto/sealed-form';

/** Events copied per transaction (PostgreSQL takes at most 65,535 parameters in one statement). */
const PAGE = 1000;

export interface MigrationResult {
  /** Events in the source, and in the target afterwards. */
  events: number;
  /** Events this run copied (fewer than `events` when it resumed). */
  copied: number;
  idempotencyKeys: number;
  citizenKeys: number;
  accessLogEntries: number;
  /** Secrets the target did not hold before and now holds as the source's. */
  secrets: number;
  /** SHA-256 over every event's stream, revision, type, data, metadata and recorded time, in order: equal on both sides. */
  checksum: string;
}

/**
 * Copies every event from one store into another in global order, keeping
 * stream ids, revisions, metadata (event and command ids) and both times, then
 * the idempotency records, the citizens' keys and the access log; last, the
 * target's persisted Directory is brought up to date, so that a server started
 * on it loads it rather than folding every copied event. Resumable: a target that already holds the first N
 * events of the source (checked by event id) gets the rest; run twice, it
 * copies nothing.
 */
export async function migrateEvents(sourceStorage: Storage, targetStorage: Storage, onProgress: (copied: number, total: number) => void = () => undefined): Promise<MigrationResult> {
  const [source, target] = [sourceStorage.events, targetStorage.events];
  const [from, to] = [sourceStorage.archive, targetStorage.archive];
  if (!from || !to) throw new Error('both stores must support migration (sqlite, postgres and kurrentdb do)');
  const total = await from.eventCount();
  const already = await to.eventCount();
  if (already > total) throw new Error(`the target holds ${already} events, more than the source's ${total}: it is not a copy of this store`);
  await checkSamePrefix(source, target, already);

  let seen = 0;
  let copied = 0;
  const sourceSum = createHash('sha256');
  for await (const page of pagesThroughHead(source, PAGE)) {
    for (const event of page) sourceSum.update(fingerprint(event));
    const fresh = page.slice(Math.max(0, already - seen));
    seen += page.length;
    if (fresh.length === 0) continue;
    // Written in the sealed form they were read from: each envelope once (docs/privacy.md, "The sealed form").
    await to.importEvents(fresh.map((event) => ({ ...event, data: storedData(event.type, event.data) })));
    copied += fresh.length;
    onProgress(already + copied, total);
  }
  const records = await from.idempotencyRecords();
  await to.importIdempotency(records);
  // The keys come along, or the copy's personal fields could never be opened; an erased person has none to copy.
  const keys = await from.citizenKeys();
  await to.importCitizenKeys(keys);
  // The access log: what the target lacks, in order (so a second run adds nothing).
  const written = await to.accessLogCount();
  const log = await from.accessLog();
  if (written > log.length) throw new Error('the target holds a longer access log than the source: it is not a copy of this store');
  await to.importAccessLog(log.slice(written));

  const checksum = sourceSum.digest('hex');
  const targetSum = await checksumOf(target);
  if (targetSum !== checksum) throw new Error(`the copy differs from the source (checksum ${targetSum} against ${checksum})`);
  // The service's secrets, so the copy's instances accept the same tokens, give the same pseudonyms and hash keys alike; a target that has its own keeps them.
  const secrets = await carrySecrets(sourceStorage, targetStorage);
  await catchUpDirectory(target, targetStorage.readModels);
  return { events: await to.eventCount(), copied, idempotencyKeys: records.length, citizenKeys: keys.length, accessLogEntries: log.length, secrets, checksum };
}

const SECRETS: readonly SecretName[] = ['jwt-signing', 'pseudonym', 'idempotency'];

async function carrySecrets(source: Storage, target: Storage): Promise<number> {
  let kept = 0;
  for (const name of SECRETS) if (await target.secrets.keep(name, await source.secrets.secret(name))) kept += 1;
  return kept;
}

/** The target's events must be the source's first ones, event for event, or resuming would mix two histories. */
async function checkSamePrefix(source: EventStore, target: EventStore, count: number): Promise<void> {
  if (count === 0) return;
  const [theirs, ours] = [await nth(target, count), await nth(source, count)];
  if (theirs?.metadata.eventId !== ours?.metadata.eventId) {
    throw new Error(`the target's event ${count} is not the source's: it holds another history, so nothing was copied`);
  }
}

/** The n-th event in global order (positions need not be dense). */
async function nth(store: EventStore, n: number): Promise<StoredEvent | undefined> {
  let seen = 0;
  for await (const page of pagesThroughHead(store, PAGE)) {
    if (seen + page.length >= n) return page[n - seen - 1];
    seen += page.length;
  }
  return undefined;
}

export async function checksumOf(store: EventStore): Promise<string> {
  const sum = createHash('sha256');
  for await (const page of pagesThroughHead(store, PAGE)) for (const event of page) sum.update(fingerprint(event));
  return sum.digest('hex');
}

/** What must survive a migration, independent of key order inside JSON (PostgreSQL's jsonb reorders keys). */
const fingerprint = (e: StoredEvent): string =>
  `${canonicalJson([e.streamId, e.revision, e.type, e.schemaVersion, e.data, e.metadata, new Date(e.recordedAt).toISOString()])}\n`;
