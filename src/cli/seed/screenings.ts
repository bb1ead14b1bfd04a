import { randomUUID } from 'node:crypto';
import type { CaseCommand } from '../../../domain/case/case.commands';
import type { ScreeningCommand } from '../../../domain/screening/screening.commands';
import { screeningOccurredAt } from '../../../domain/screening/screening.events';
import { screeningDecider } from '../../../domain/screening/screening.stream';
import { screeningStreamId } from '../../../domain/shared/ids';
import { CommandHandler } from '../../event-store/command-handler';
import type { EventStore } from '../../event-store/event-store.port';
import type { PersonalDataCipher } from '../../privacy/crypto/personal-data.cipher';
import { Random } from './random';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const actor = { id: 'seed-screener', role: 'screener' as const };
/** The units that screen (seed 001: home care and the preventive home visits). */
const UNITS = ['Hjemmeplejen Syd', 'Hjemmeplejen Nord', 'Forebyggende hjemmebesøg'] as const;
const SCREENING_ROLES: readonly string[] = ['home_nurse', 'home_helper', 'prevention_worker'];

/** Three answers 1–3; `lonely` draws a score of 7 or more. */
const answers = (random: Random, lonely: boolean): [number, number, number] => {
  for (;;) {
    const a: [number, number, number] = [random.int(1, 3), random.int(1, 3), random.int(1, 3)];
    if (a[0] + a[1] + a[2] >= 7 === lonely) return a;
  }
};

/**
 * Issue 22 for `cli seed`: screenings by home care and the preventive home
 * visits (seed 001's "systematisk opsporing af ensomhed"). Some of the seeded
 * referrals from home care come from a screening (a screening with consent,
 * the referral naming it, then ScreeningReferred), and more screenings name
 * nobody (no consent, or not lonely). A Random of its own: the case stories
 * stay as they were.
 */
export class ScreeningSeed {
  private readonly random: Random;
  private clock = 0;
  private readonly handler: CommandHandler;
  commands = 0;

  constructor(
    store: EventStore,
    private readonly cipher: PersonalDataCipher,
    seed: number,
  ) {
    this.random = new Random(seed ^ 0x22222222);
    this.handler = new CommandHandler(store, () => new Date(this.clock));
  }

  /** A referral from home care that a screening found (about a third): the screening is recorded first, and the referral names it. */
  async before(command: CaseCommand, at: number): Promise<{ command: CaseCommand; after: () => Promise<void> } | undefined> {
    if (command.type !== 'ReceiveReferral' || !command.data.citizen || !SCREENING_ROLES.includes(command.data.referrer.role) || !this.random.chance(0.35)) return undefined;
    const screeningId = this.random.uuid();
    const { name, phone, cpr } = command.data.citizen;
    const unit = command.data.referrer.role === 'prevention_worker' ? 'Forebyggende hjemmebesøg' : (command.data.referrer.organisation ?? 'Hjemmeplejen Syd');
    const screenedAt = at - this.random.int(2, 72) * HOUR;
    await this.act(screeningId, { type: 'RecordScreening', data: { screeningId, at: new Date(screenedAt).toISOString(), unit, ucla3: answers(this.random, this.random.chance(0.85)), consentToRefer: true, citizen: { name, ...(phone && { phone }), ...(cpr && { cpr }) } } }, screenedAt);
    return {
      command: { ...command, data: { ...command.data, screeningId } },
      after: () => this.act(screeningId, { type: 'ReferScreening', data: { caseId: command.data.caseId, programme: command.data.programme, at: new Date(at).toISOString() } }, at),
    };
  }

  /** Screenings that name nobody, over the last year: most not lonely, some lonely without consent to refer. */
  async anonymous(count: number, anchor: number): Promise<void> {
    for (let i = 0; i < count; i++) {
      const screeningId = this.random.uuid();
      const at = anchor - this.random.int(1, 365) * DAY + this.random.int(8, 15) * HOUR;
      const data = { screeningId, at: new Date(at).toISOString(), unit: this.random.pick(UNITS), ucla3: answers(this.random, this.random.chance(0.3)), consentToRefer: false };
      await this.act(screeningId, { type: 'RecordScreening', data }, at);
    }
  }

  private async act(screeningId: string, command: ScreeningCommand, at: number): Promise<void> {
    this.clock = at;
    await this.handler.handle({
      decider: screeningDecider,
      streamId: screeningStreamId(screeningId),
      command,
      meta: { actor, commandId: randomUUID(), correlationId: randomUUID() },
      context: async () => ({ screeningId }),
      occurredAt: screeningOccurredAt,
      protect: (events) => this.cipher.protect(events, screeningId),
      answer: (r) => r,
    });
    this.commands += 1;
  }
}
