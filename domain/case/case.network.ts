import { normalisePhone } from '../shared/danish';
import { IllegalStateError, NotFoundError } from '../shared/errors';
import { FieldChecks } from '../shared/time';
import type { AddRelative, CaseContext, RemoveRelative } from './case.commands';
import type { RelativeAdded, RelativeRemoved } from './case.events';
import { requireOpen } from './case.rules';
import type { CaseCore, CaseState } from './case.state';

/**
 * The citizen's relatives and network (issue #19). Seed 003: "Inddrag borgerens
 * netværk - Pårørende kan spille en vigtig rolle i brobygningen [...] Men
 * pårørende kan også have behov for aflastning." Frida's mother referred her
 * and came to the first meeting, so a relative may be added from the referral on.
 */

/** A relative joins the case's network: on any open case, each relativeId once. */
export function addRelative({ data }: AddRelative, state: CaseState, context: CaseContext): RelativeAdded[] {
  const open = requireOpen(state, context.caseId);
  const checks = new FieldChecks(context.now);
  const phone = data.phone === undefined ? undefined : normalisePhone(data.phone);
  if (data.phone !== undefined && phone === undefined) checks.fail('phone', 'phone must be a Danish phone number: +45 and 8 digits');
  checks.check();
  if ((open.relatives ?? []).some((relative) => relative.relativeId === data.relativeId)) {
    throw new IllegalStateError('relative_exists', `relative ${data.relativeId} is already on the case`);
  }
  return [
    {
      type: 'RelativeAdded',
      data: {
        relativeId: data.relativeId,
        name: data.name,
        relation: data.relation,
        ...(phone !== undefined && { phone }),
        ...(data.note !== undefined && { note: data.note }),
        // Each way of taking part once, in the order given.
        involvement: [...new Set(data.involvement ?? [])],
        // Seed 003: "pårørende kan også have behov for aflastning": in clear for the dashboard's count.
        ...(data.involvement?.includes('needs_relief') && { needsRelief: true as const }),
      },
    },
  ];
}

/** A relative leaves the network (no longer in the picture, or added by mistake): 404 when not on the case. */
export function removeRelative({ data }: RemoveRelative, state: CaseState, context: CaseContext): RelativeRemoved[] {
  const open = requireOpen(state, context.caseId);
  requireRelatives(open, [data.relativeId], (id) => new NotFoundError('relative', id));
  return [{ type: 'RelativeRemoved', data: { relativeId: data.relativeId, reason: data.reason } }];
}

/**
 * Everyone a visit names as having taken part is a relative on the case now:
 * 409 `unknown_relative` otherwise (the id is well-formed, the case does not
 * know it: a state conflict, not a bad body).
 */
export function requireKnownParticipants(state: CaseCore, participants: readonly string[]): void {
  requireRelatives(state, participants, (id) => new IllegalStateError('unknown_relative', `relative ${id} is not on the case (never added, or removed)`));
}

function requireRelatives(state: CaseCore, ids: readonly string[], refusal: (id: string) => Error): void {
  const known = new Set((state.relatives ?? []).map((relative) => relative.relativeId));
  const unknown = ids.find((id) => !known.has(id));
  if (unknown !== undefined) throw refusal(unknown);
}
