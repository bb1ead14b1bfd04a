import type { CaseCommand, CaseContext } from '../../../domain/case/case.commands';
import type { CaseEvent } from '../../../domain/case/case.events';
import type { CaseState } from '../../../domain/case/case.state';
import { NotFoundError } from '../../../domain/shared/errors';
import type { Directory } from '../../../projections/directory/directory';

/** What `decide` needs from beyond the case's stream, looked up in the Directory before deciding. */
export function caseLookups(directory: Directory, caseId: string, command: CaseCommand): Omit<CaseContext, 'now' | 'actor'> {
  // The programmes' settings in force (a follow-up's months, the vetting a booking needs).
  const context: Omit<CaseContext, 'now' | 'actor'> = { caseId, programmes: directory.programmeSettings() };
  const visitorId = visitorTakingPlace(command);
  if (visitorId) {
    const visitor = directory.visitors.get(visitorId);
    context.visitor = visitor && {
      visitorId,
      name: visitor.name,
      ...(visitor.phone !== undefined && { phone: visitor.phone }),
      kind: visitor.kind,
      capacity: visitor.capacity,
      active: visitor.active,
      activeCases: directory.activeCasesOf(visitorId, caseId),
      // A profile names the programmes served; else an approved volunteer's approval does (issue 20).
      ...(visitor.profile ? { programmes: visitor.profile.programmes } : visitor.standing?.approvedAt !== undefined && { programmes: visitor.standing.programmes }),
      ...(visitor.standing && { standing: visitor.standing }),
    };
  }
  if (command.type === 'IntroduceToOffer') {
    const offer = directory.offers.get(command.data.offerId);
    context.offer = offer && { offerId: offer.offerId, name: offer.name, kind: offer.kind, active: offer.active };
  }
  if (command.type === 'ReceiveReferral' && !command.data.citizen) {
    // Referred again by citizenId: the citizen must be known from an earlier case.
    const citizen = directory.citizens.get(command.data.citizenId);
    if (!citizen) throw new NotFoundError('citizen', command.data.citizenId);
    context.citizen = { citizenId: citizen.citizenId, erased: citizen.erased };
  }
  return context;
}

/** The visitor whose capacity a command uses up, if any: such commands are decided one at a time per visitor. */
export function visitorTakingPlace(command: CaseCommand): string | undefined {
  if (command.type === 'BookFirstVisit') return command.data.visitorId;
  if (command.type === 'ReassignVisitor') return command.data.toVisitorId;
  return undefined;
}

/** Ids the command made that its answer must carry. */
export function extraIds(command: CaseCommand): { citizenId?: string; taskId?: string; relativeId?: string; appointmentId?: string } {
  if (command.type === 'ReceiveReferral') return { citizenId: command.data.citizenId };
  if (command.type === 'OpenTask') return { taskId: command.data.taskId };
  if (command.type === 'AddRelative') return { relativeId: command.data.relativeId };
  if (command.type === 'ScheduleAppointment') return { appointmentId: command.data.appointmentId };
  return {};
}

/** The citizen whose key seals a case's events: named by the referral, then kept in the case's state. */
export function citizenOf(events: readonly CaseEvent[], state: CaseState): string {
  if (state.status !== 'None') return state.citizenId;
  const referral = events.find((event) => event.type === 'ReferralReceived');
  if (!referral || referral.type !== 'ReferralReceived') throw new Error('a new case starts with its referral');
  return referral.data.citizenId;
}
