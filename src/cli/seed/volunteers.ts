import { randomUUID } from 'node:crypto';
import type { VisitorCommand } from '../../../domain/visitor/visitor.commands';
import { visitorDecider } from '../../../domain/visitor/visitor.stream';
import { visitorStreamId } from '../../../domain/shared/ids';
import { visitorOccurredAt } from '../../../domain/visitor/volunteer.events';
import { CommandHandler } from '../../event-store/command-handler';
import type { EventStore } from '../../event-store/event-store.port';
import type { PersonalDataCipher } from '../../privacy/crypto/personal-data.cipher';
import { FIRST_NAMES, LAST_NAMES, REGIONS } from './danish-data';
import { profileOf } from './matching-seed';
import { Random } from './random';

const DAY = 86_400_000;
const actor = { id: 'seed', role: 'coordinator' as const };

/** The stages `cli seed` shows volunteers at (issue 20): one or more of each, with what the attention list then says. */
export const VOLUNTEER_STAGES = [
  'applied_long_ago', // waits for an interview more than 14 days
  'applied',
  'interviewed',
  'declined',
  'active', // approved, vetted, trained, supervised: offered for booking
  'led', // active, with the volunteer lead `lone` as contact person
  'vetting_expiring',
  'vetting_expired',
  'supervision_overdue',
  'paused',
  'pause_overrun',
  'left',
] as const;
export type VolunteerStage = (typeof VOLUNTEER_STAGES)[number];

/**
 * Volunteers at every stage of the lifecycle, in the first region, as visiting
 * friends; they take no seeded case (the case stories are told before them,
 * from a random stream of their own, so the cases stay as they were).
 */
export async function seedVolunteers(store: EventStore, cipher: PersonalDataCipher, seed: number, anchor: number): Promise<{ volunteers: number; commands: number }> {
  const random = new Random(seed + 20);
  const towns = REGIONS[0]!.towns;
  const handler = new CommandHandler(store, () => new Date(anchor));
  const iso = (daysAgo: number) => new Date(anchor - daysAgo * DAY).toISOString();
  let commands = 0;
  for (const stage of VOLUNTEER_STAGES) {
    const visitorId = random.uuid();
    const name = `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}`;
    const act = async (command: VisitorCommand) => {
      await handler.handle({
        decider: visitorDecider,
        streamId: visitorStreamId(visitorId),
        command,
        meta: { actor, commandId: randomUUID(), correlationId: randomUUID() },
        context: async () => ({ visitorId, openCaseIds: [] }),
        occurredAt: visitorOccurredAt,
        protect: (events) => cipher.protect(events, visitorId),
        answer: (r) => r,
      });
      commands += 1;
    };
    const appliedDaysAgo = stage === 'applied_long_ago' ? 30 : stage === 'applied' ? 4 : random.int(200, 700);
    await act({
      type: 'ApplyAsVolunteer',
      data: { visitorId, name, phone: `+45${random.int(2, 9)}${random.digits(7)}`, programmes: ['visiting_friend'], motivation: 'Vil gerne gøre en forskel for ældre i byen', howHeard: 'Kirkebladet', at: iso(appliedDaysAgo) },
    });
    await act({ type: 'UpdateVisitorProfile', data: profileOf(random, 'visiting_friend', towns, name, new Date(anchor).getUTCFullYear()) });
    if (stage === 'applied_long_ago' || stage === 'applied') continue;
    await act({ type: 'RecordInterview', data: { at: iso(appliedDaysAgo - 7), by: 'Jette Holm', outcome: stage === 'declined' ? 'decline' : stage === 'interviewed' ? 'wait' : 'approve', note: 'God samtale om forventninger' } });
    if (stage === 'interviewed') continue;
    if (stage === 'declined') {
      await act({ type: 'DeclineVolunteer', data: { reason: 'Passer bedre til butikken', at: iso(appliedDaysAgo - 10) } });
      continue;
    }
    await act({ type: 'ApproveVolunteer', data: { programmes: ['visiting_friend'], provisos: random.chance(0.3) ? ['Ikke hos nyligt efterladte'] : [], capacity: random.int(1, 3), at: iso(appliedDaysAgo - 14) } });
    // The straffeattest, checked when they applied (some before), valid three years; expiring or expired for those stages.
    const checked = appliedDaysAgo + 10;
    const expires = stage === 'vetting_expiring' ? -20 : stage === 'vetting_expired' ? 15 : -(3 * 365 - checked);
    await act({ type: 'RecordVetting', data: { kind: 'straffeattest', checkedAt: iso(stage === 'vetting_expiring' || stage === 'vetting_expired' ? 3 * 365 + expires : checked), expiresAt: iso(expires), result: 'clear' } });
    await act({ type: 'RecordTraining', data: { course: 'Introduktion', at: iso(appliedDaysAgo - 20) } });
    await act({ type: 'RecordSupervision', data: { kind: 'group', by: 'Jette Holm', at: iso(stage === 'supervision_overdue' ? 120 : random.int(5, 60)) } });
    if (stage === 'led') await act({ type: 'AssignVolunteerCoordinator', data: { coordinatorSub: 'lone', at: iso(30) } });
    if (stage === 'paused' || stage === 'pause_overrun' || stage === 'left') {
      await act({ type: 'PauseVolunteer', data: { from: iso(40), until: stage === 'pause_overrun' ? iso(5) : iso(-60), reason: 'Sygdom i familien' } });
    }
    if (stage === 'left') await act({ type: 'VolunteerLeaves', data: { at: iso(2), reason: 'Flytter fra byen' } });
  }
  return { volunteers: VOLUNTEER_STAGES.length, commands };
}
