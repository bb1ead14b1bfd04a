import type { Role } from '../../domain/shared/codes';
import type { AccessEntry } from './access-log.store';

/** What the admin asks of a citizen's access log: a period (`from` inclusive, `to` exclusive), a role, a page. */
export interface AccessLogFilter {
  from?: string;
  to?: string;
  role?: Role;
  order: 'oldest' | 'newest';
  limit?: number;
  cursor?: AccessLogCursor;
}

/**
 * Where the last page ended: the time of its last entry and how many entries of
 * that same time were given. Entries written later (newer ones, while paging
 * oldest first) do not move it, as an index would.
 */
export interface AccessLogCursor {
  at: string;
  n: number;
}

export const encodeCursor = (cursor: AccessLogCursor): string => Buffer.from(JSON.stringify([cursor.at, cursor.n])).toString('base64url');

/** The cursor of a `Link: rel="next"`, or undefined when it is not one. */
export function decodeCursor(text: string): AccessLogCursor | undefined {
  try {
    const value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as unknown;
    if (!Array.isArray(value) || value.length !== 2) return undefined;
    const [at, n] = value as [unknown, unknown];
    if (typeof at !== 'string' || Number.isNaN(Date.parse(at)) || !Number.isInteger(n) || (n as number) < 1) return undefined;
    return { at, n: n as number };
  } catch {
    return undefined;
  }
}

/** One page of the log, and the cursor of the next when there are more. Times compare as instants. */
export function accessLogPage(entries: readonly AccessEntry[], filter: AccessLogFilter): { entries: AccessEntry[]; next?: AccessLogCursor } {
  const ms = (at: string) => Date.parse(at);
  const from = filter.from === undefined ? -Infinity : ms(filter.from);
  const to = filter.to === undefined ? Infinity : ms(filter.to);
  const kept = entries.filter((e) => ms(e.at) >= from && ms(e.at) < to && (filter.role === undefined || e.role === filter.role));
  // The store gives them in the order written; a stable sort keeps that order among equal times.
  const ordered = kept.sort((a, b) => (filter.order === 'newest' ? ms(b.at) - ms(a.at) : ms(a.at) - ms(b.at)));
  const start = filter.cursor ? startAfter(ordered, filter.cursor, filter.order) : 0;
  if (filter.limit === undefined) return { entries: ordered.slice(start) };
  const page = ordered.slice(start, start + filter.limit);
  const end = start + page.length;
  if (end >= ordered.length || page.length === 0) return { entries: page };
  const last = page[page.length - 1]!;
  const n = ordered.slice(0, end).filter((e) => ms(e.at) === ms(last.at)).length;
  return { entries: page, next: { at: last.at, n } };
}

/** The index of the first entry after the cursor. */
function startAfter(ordered: readonly AccessEntry[], cursor: AccessLogCursor, order: 'oldest' | 'newest'): number {
  const at = Date.parse(cursor.at);
  let seen = 0;
  for (let i = 0; i < ordered.length; i++) {
    const t = Date.parse(ordered[i]!.at);
    if (order === 'newest' ? t < at : t > at) return i;
    if (t === at && ++seen === cursor.n) return i + 1;
  }
  return ordered.length;
}
