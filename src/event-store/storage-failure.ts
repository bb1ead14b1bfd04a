/**
 * Whether an error raised by a storage driver means the storage cannot serve
 * right now (a lost connection, a full or read-only disk, a lock held too
 * long), rather than a bug of ours. Code outside the store (the read models,
 * the citizens' keys, the access log) queries the same database; its failures
 * are answered 503 like the store's own, never 500.
 */
export function isStorageFailure(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (typeof code === 'string') {
    // SQLite (better-sqlite3): full, read-only, I/O, locked, cannot open, damaged.
    if (/^SQLITE_(FULL|READONLY|IOERR|BUSY|LOCKED|CANTOPEN|CORRUPT|NOTADB|PROTOCOL|NOMEM)/.test(code)) return true;
    // PostgreSQL SQLSTATE: connection exception (08), insufficient resources (53), operator intervention (57P), system error (58).
    if (/^(08|53|57P|58)[0-9A-Z]{2,3}$/.test(code)) return true;
    // The network under the pg driver.
    if (/^(ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|EHOSTUNREACH|ENOTFOUND|ENETUNREACH)$/.test(code)) return true;
  }
  // The pg driver's own words for a connection that is gone or never came.
  return typeof message === 'string' && /^(Connection terminated|Client has encountered a connection error|timeout exceeded when trying to connect|Client was closed)/.test(message);
}
