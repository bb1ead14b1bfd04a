import { createHash } from 'node:crypto';

/**
 * A case id that follows from where the case came from (`referral-card-case`
 * and a card's id, `screening-case` and a screening's id), in the form of a
 * UUID v4: making the case a second time (a retry after a crash between the
 * case and the source's own event) finds the first (`case_exists`) instead of
 * making two.
 */
export function caseIdFrom(source: string, id: string): string {
  const hex = createHash('sha256').update(`${source}:${id}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
