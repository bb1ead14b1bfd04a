import type { Claim } from './side-database';

/** A claim as the sqlite and postgres claim tables store it (src/event-store/side-database.ts). */
export interface ClaimRow {
  id: string;
  subject: string;
  key: string;
  route: string;
  body_hash: string;
  stream_id: string;
  command_id: string;
  template: string;
  at: string | Date;
}

export const fromRow = (row: ClaimRow): Claim => ({
  id: row.id,
  subject: row.subject,
  key: row.key,
  route: row.route,
  bodyHash: row.body_hash,
  streamId: row.stream_id,
  commandId: row.command_id,
  template: JSON.parse(row.template),
  at: row.at instanceof Date ? row.at.toISOString() : row.at,
});

export const COLUMNS = 'id, subject, key, route, body_hash, stream_id, command_id, template, at';
export const values = (c: Claim) => [c.id, c.subject, c.key, c.route, c.bodyHash, c.streamId, c.commandId, JSON.stringify(c.template), c.at];

