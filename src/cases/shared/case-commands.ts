import { Injectable, Optional } from '@nestjs/common';
import type { CaseCommand, CaseContext } from '../../../domain/case/case.commands';
import type { CaseEvent } from '../../../domain/case/case.events';
import { caseEventSchemaVersion, occurredAtOf } from '../../../domain/case/case.events';
import { caseDecider } from '../../../domain/case/case.stream';
import { caseStreamId } from '../../../domain/shared/ids';
import { DirectoryService } from '../../directory/directory.service';
import { CommandHandler, CommandMeta, CommandOutcome } from '../../event-store/command-handler';
import type { CommandRunner, RouteParams } from '../../http/command-routes';
import { KeyedMutex } from '../../shared/keyed-mutex';
import { VISITOR_PLACES } from '../../shared/visitor-places';
import { PersonalDataCipher } from '../../privacy/crypto/personal-data.cipher';
import { CitizenIndex } from '../../citizens/lookup/citizen-index';
import { caseLookups, citizenOf, extraIds, visitorTakingPlace } from './case-lookups';
import { referralAsItStands } from './referral-as-it-stands';
import { PartnerRegister } from '../../partners/partner-register';

/** What every case command answers: ids and revisions only (it is stored for idempotent replays). */
export interface CaseAnswer {
  caseId: string;
  revision: number;
  position: number;
  citizenId?: string;
  taskId?: string;
  /** A relative just added (issue #19). */
  relativeId?: string;
  /** An appointment just scheduled (issue #19). */
  appointmentId?: string;
  /** A referral whose CPR number named a citizen already known: it joined them (`citizenId` is theirs). */
  knownCitizen?: true;
}

/** What the runner adds to the Directory's lookups: a citizen known by CPR, and what the answer says of it. */
interface Joined {
  context: Pick<CaseContext, 'citizen'>;
  answer: Pick<CaseAnswer, 'knownCitizen'>;
}

/**
 * The case stream for the one generic handler: its decider, the Directory
 * lookups `decide` needs, the sealing of personal data under the citizen's
 * key, and bookings decided one at a time per visitor so that two cannot take
 * the same last place. The HTTP table, the CLI's seed and the bench all write
 * cases through here.
 */
@Injectable()
export class CaseCommands implements CommandRunner<CaseCommand, CaseAnswer> {
  /** Shared with the visitor's own runner (issue 20: leaving, a pause). */
  private readonly perVisitor = VISITOR_PLACES;
  /** Referrals naming the same CPR number are decided one at a time, so two cannot both make a new citizen of one person. */
  private readonly perCpr = new KeyedMutex();

  constructor(
    private readonly handler: CommandHandler,
    private readonly directory: DirectoryService,
    private readonly cipher: PersonalDataCipher,
    private readonly citizens: CitizenIndex = new CitizenIndex(directory, cipher),
    /** Issue 21: a referral's `referrer.partnerId` must name a registered partner (not looked up where absent: the bench). */
    @Optional() private readonly partners?: PartnerRegister,
  ) {}

  /** From the HTTP table: the case is the route's `:caseId`, or the new one a referral names. */
  run(command: CaseCommand, params: RouteParams, meta: CommandMeta): Promise<CommandOutcome<CaseAnswer>> {
    const caseId = command.type === 'ReceiveReferral' ? command.data.caseId : params.caseId;
    if (caseId === undefined) throw new Error(`${command.type} has no case: its route names no :caseId`);
    return this.execute(caseId, command, meta);
  }

  execute(caseId: string, command: CaseCommand, meta: CommandMeta): Promise<CommandOutcome<CaseAnswer>> {
    const cpr = command.type === 'ReceiveReferral' ? command.data.citizen?.cpr : undefined;
    if (command.type !== 'ReceiveReferral' || cpr === undefined) return this.decide(caseId, command, meta);
    // A CPR number the service knows joins the referral to that citizen (the decider compares the names).
    return this.perCpr.run(this.citizens.cprKey(cpr), async () => {
      const known = await this.citizens.byCpr(cpr);
      if (!known) return this.decide(caseId, command, meta);
      const joined: CaseCommand = { ...command, data: { ...command.data, citizenId: known.citizenId } };
      return this.decide(caseId, joined, meta, {
        context: { citizen: { citizenId: known.citizenId, erased: false, knownByCpr: { name: known.name } } },
        answer: { knownCitizen: true },
      });
    });
  }

  private decide(caseId: string, command: CaseCommand, meta: CommandMeta, joined?: Joined): Promise<CommandOutcome<CaseAnswer>> {
    const run = () =>
      this.handler.handle({
        decider: caseDecider,
        streamId: caseStreamId(caseId),
        command,
        meta,
        context: async (state) => ({
          ...caseLookups(this.directory.directory, caseId, command),
          ...joined?.context,
          ...(command.type === 'CorrectReferral' && (await referralAsItStands(state, this.cipher))),
          ...(command.type === 'ReceiveReferral' && command.data.referrer.partnerId !== undefined && this.partners && { partnerKnown: await this.partners.known(command.data.referrer.partnerId) }),
        }),
        occurredAt: (event: CaseEvent, now: string) => occurredAtOf(event, now),
        schemaVersion: caseEventSchemaVersion,
        // A referral's case id is new: its empty stream is not read (a taken id is refused by the append, then read).
        startsStream: command.type === 'ReceiveReferral',
        protect: (events, state) => {
          const citizenId = citizenOf(events, state);
          const known = this.directory.directory.citizens.get(citizenId);
          // A new case of a citizen nobody knows: the key goes with the events (where the store can).
          if (!known && !joined && command.type === 'ReceiveReferral' && state.status === 'None') return this.cipher.protectNew(events, citizenId);
          return this.cipher.protect(events, citizenId, known?.erased === true);
        },
        answer: ({ revision, position }) => ({ caseId, revision, position, ...extraIds(command), ...joined?.answer }),
      });
    const visitorId = visitorTakingPlace(command);
    return visitorId ? this.perVisitor.run(visitorId, run) : run();
  }
}
