import { closeSync, openSync, readSync, statSync } from 'node:fs';

const MAGIC = 'SQLite format 3\0';

/**
 * Refuses, before SQLite opens it, a store file that was cut short: SQLite
 * itself takes an empty file for a new database (a silent empty store) and
 * notices missing pages only when a query reaches them. The header says how
 * many pages the file holds; once the store was closed cleanly (no WAL beside
 * it) the file must hold them all. With a WAL present the newest pages may
 * live there, and SQLite's own recovery decides.
 */
export function checkStoreFile(file: string): void {
  const size = sizeOf(file);
  if (size === undefined) return;
  if (size === 0) throw new Error('the file is empty (0 bytes): a truncated store, or one whose creation never finished. Restore it from a backup, or delete it to start a new, empty store');
  const wal = sizeOf(`${file}-wal`) ?? 0;
  if (size < 100) throw new Error(`the file is truncated: ${size} bytes is shorter than an SQLite header`);
  const header = Buffer.alloc(100);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, header, 0, 100, 0);
  } finally {
    closeSync(fd);
  }
  if (header.toString('latin1', 0, 16) !== MAGIC) throw new Error('the file is not an SQLite database (its header is not one)');
  const rawPageSize = header.readUInt16BE(16);
  const pageSize = rawPageSize === 1 ? 65536 : rawPageSize;
  const changeCounter = header.readUInt32BE(24);
  const pages = header.readUInt32BE(28);
  const validFor = header.readUInt32BE(92);
  if (wal === 0 && pages > 0 && validFor === changeCounter && size < pages * pageSize) {
    throw new Error(`the file is truncated: its header counts ${pages} pages of ${pageSize} bytes (${pages * pageSize} bytes), the file holds ${size}`);
  }
}

function sizeOf(path: string): number | undefined {
  try {
    return statSync(path).size;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
