import { Logger } from '@nestjs/common';
import { makePrivateDir, WideEntry, widerThanPrivate } from '../shared/private-files';

/**
 * DATA_DIR before the service opens anything in it: created 0700 when missing,
 * and what others may read in it, as found (the store then narrows its own
 * database files to 0600; anything else is the operator's to fix).
 */
export function inspectDataDir(dataDir: string): WideEntry[] {
  makePrivateDir(dataDir);
  return widerThanPrivate(dataDir);
}

/** One warning per entry: a start is never refused for it, but it must not go unnoticed. */
export function warnAboutWideEntries(entries: readonly WideEntry[]): void {
  const logger = new Logger('DataDir');
  for (const { path, mode, kind } of entries) {
    const should = kind === 'directory' ? '0700' : '0600';
    logger.warn({ msg: `a ${kind} under DATA_DIR is open to other users than the service's: it should be ${should}`, path, mode: `0${mode.toString(8)}`, should });
  }
}
