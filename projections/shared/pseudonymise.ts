import { CLOSURE_REASONS } from '../../domain/shared/codes';
import { DECLINE_REASONS, ONWARD_DESTINATIONS } from '../../domain/shared/course-codes';
import { isSealed } from '../../domain/shared/personal';

/**
 * What an evaluator may see: codes, dates, ids of cases and visitors, and a
 * pseudonym for the citizen; never a name, address, phone, CPR or free text.
 *
 * It runs on the answer while it is still sealed, so what goes is decided by
 * the events' declarations (`CASE_PERSONAL_DATA` and its siblings): every
 * sealed value is dropped, whatever its field is called, and is never opened
 * for an auditor. The names below are a second net, for the fields that are
 * clear in the store but still not an evaluator's business (the visitor's
 * contact details) and for answers built from opened values.
 */

/** Free-text fields, in any event: they may say anything about the person. */
const FREE_TEXT = new Set(['reason', 'assessment', 'description', 'note', 'themes', 'outcome', 'lastThemes']);
/** Clear for the dashboard's counts, but of a relative an auditor sees the relation code only (issue #19). */
const RELATIVE_FLAGS = new Set(['needsRelief']);
/** The visitor's own contact details on the visit card. */
const VISITOR_CONTACT = new Set(['visitorName', 'visitorPhone', 'toVisitorName', 'toVisitorPhone']);
/** Names kept beside ids in lists (the coordinator's case list), and the referrer's name and phone on a case. */
const NAMES = new Set(['citizenName', 'referrerName', 'referrerPhone']);

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** An event's data, or a case's state, still sealed, without personal data; `citizenId` becomes `citizen` (the pseudonym). */
export function pseudonymise(value: unknown, pseudonymOf: (citizenId: string) => string): unknown {
  return strip(value as Json, pseudonymOf);
}

function strip(value: Json, pseudonymOf: (citizenId: string) => string): Json {
  if (Array.isArray(value)) return value.map((item) => strip(item, pseudonymOf));
  if (value === null || typeof value !== 'object') return value;
  const out: { [key: string]: Json } = {};
  for (const [key, field] of Object.entries(value)) {
    if (isSealed(field)) continue;
    // A closure's or a decline's `reason` is a code (moved, deceased, ...), which evaluation needs; any other reason is free text.
    if (key === 'reason' && typeof field === 'string' && [...CLOSURE_REASONS, ...DECLINE_REASONS, ...ONWARD_DESTINATIONS].includes(field as never)) {
      out[key] = field;
      continue;
    }
    if (FREE_TEXT.has(key) || VISITOR_CONTACT.has(key) || NAMES.has(key) || RELATIVE_FLAGS.has(key)) continue;
    switch (key) {
      case 'citizenId':
        out.citizen = typeof field === 'string' ? pseudonymOf(field) : null;
        continue;
      case 'citizen':
      case 'situation':
        continue; // name, address, phone, CPR; physical, psychological and social circumstances
      case 'referrer': {
        const { role, organisation } = field as { role?: Json; organisation?: Json };
        out.referrer = { role: role ?? null, ...(organisation !== undefined && { organisation }) };
        continue;
      }
      case 'consent': {
        const { given, at } = field as { given?: Json; at?: Json };
        out.consent = { given: given ?? null, ...(at !== undefined && { at }) };
        continue;
      }
      default:
        out[key] = strip(field, pseudonymOf);
    }
  }
  return out;
}
