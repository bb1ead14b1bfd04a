import { randomUUID } from 'node:crypto';
import type { CaseCommand } from '../../domain/case/case.commands';
import { CommandTable, routesOf } from '../http/command-routes';
import { RequestValidationError } from '../http/errors';
import {
  AssessLonelinessDto,
  BookFirstVisitDto,
  CancelVisitDto,
  CloseCaseDto,
  CompleteTaskDto,
  DeclineReferralDto,
  EstablishRelationDto,
  FlagRiskDto,
  OpenTaskDto,
  ReassignVisitorDto,
  RecordDismissalDto,
  RecordVisitDto,
  RescheduleVisitDto,
  TriageCaseDto,
} from './case-commands.dto';
import { CorrectReferralDto } from './correct-referral.dto';
import { AddRelativeDto, RecordAccompanimentDto, RecordAgreementDto, RecordWentAloneDto, RemoveRelativeDto } from './course.dto';
import { HoldFollowUpDto, ReassessCaseDto, ReferOnwardDto } from './after-close.dto';
import { ReceiveReferralDto } from './receive-referral.dto';
import { AgreeVisitSlotDto, BookNextVisitDto, PauseCaseDto, ResumeCaseDto } from './visit-plan.dto';
import { IntroduceToOfferDto, OfferOutcomeDto, WishesDto, wishesOf } from './case-matching.dto';
import { CaseAnswer, CaseCommands } from './shared/case-commands';
import { CaseAnswerDto } from './shared/case-answer.dto';

const route = routesOf<CaseCommand, CaseAnswer>();

/** The object without its undefined fields (a part of a body left out is not a part given). */
const defined = <T extends object>(value: T): T => Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;

/**
 * Every command on a case, one entry each: its route under /cases, who may
 * send it, its body, and the domain command that body becomes. Routes,
 * guards, validation and OpenAPI are made from this table
 * (src/http/command-routes.ts); the commands are decided by `caseDecider`
 * through CaseCommands. How to add one: docs/architecture.md.
 */
export const CASE_COMMANDS: CommandTable<CaseCommand, CaseAnswer> = {
  name: 'CaseCommands',
  prefix: 'cases',
  tag: 'cases',
  runner: CaseCommands,
  answer: CaseAnswerDto,
  routes: {
    receiveReferral: route({
      path: '',
      allow: ['coordinator'],
      body: ReceiveReferralDto,
      summary: {
        en: 'A partner (or the citizen, or a relative) refers a citizen: a new case, and a new citizen unless `citizenId` is given.',
        da: 'Modtag en henvisning: en ny sag, og en ny borger medmindre `citizenId` er givet.',
      },
      command: (body) => {
        if (body.citizen && body.citizenId) {
          throw new RequestValidationError([{ field: 'citizenId', message: 'give either citizen (a new citizen) or citizenId (one already known), not both' }]);
        }
        return {
          type: 'ReceiveReferral',
          data: {
            caseId: randomUUID(),
            citizenId: body.citizenId?.toLowerCase() ?? randomUUID(),
            programme: body.programme,
            referredAt: body.referredAt,
            referrer: { ...body.referrer },
            citizen: body.citizen && { ...body.citizen },
            situation: { ...body.situation },
            needs: body.needs ?? [],
            requestedTasks: body.requestedTasks ?? [],
            consent: body.consent && { ...body.consent },
            ...(body.wishes && { wishes: wishesOf(body.wishes) }),
          },
        };
      },
      location: (answer) => `/cases/${answer.caseId}`,
    }),
    triage: route({
      path: ':caseId/triage',
      allow: ['coordinator'],
      body: TriageCaseDto,
      summary: {
        en: 'The coordinator judges who must take the case (volunteer or professional); it goes into the waiting folder.',
        da: 'Vurdér sagen til frivilligt eller fagligt spor; den kommer i ventemappen.',
      },
      command: (b) => ({ type: 'TriageCase', data: { track: b.track, reason: b.reason, priority: b.priority, at: b.at } }),
    }),
    decline: route({
      path: ':caseId/decline',
      allow: ['coordinator'],
      body: DeclineReferralDto,
      summary: { en: 'The referral is not taken on; the case ends.', da: 'Afvis henvisningen; sagen afsluttes.' },
      command: (b) => ({ type: 'DeclineReferral', data: { reason: b.reason, at: b.at } }),
    }),
    bookFirstVisit: route({
      path: ':caseId/first-visit',
      allow: ['coordinator'],
      body: BookFirstVisitDto,
      summary: {
        en: 'A place is free: visitor and time agreed, the visit card handed over.',
        da: 'Book første besøg: hvem der kommer (besøgsven, omsorgsmedarbejder, fællesskabsguide eller bisidder) og hvornår; besøgskortet udleveret.',
      },
      command: (b) => ({ type: 'BookFirstVisit', data: { visitorId: b.visitorId, visitAt: b.visitAt, at: b.at } }),
    }),
    recordVisit: route({
      path: ':caseId/visits',
      allow: ['coordinator', 'assigned-visitor'],
      body: RecordVisitDto,
      summary: { en: 'A visit took place; the next date goes on the visit card.', da: 'Registrér et besøg; næste dato skrives på besøgskortet.' },
      command: (b) => ({
        type: 'RecordVisit',
        data: { visitorId: b.visitorId, visitedAt: b.visitedAt, nextVisitAt: b.nextVisitAt, themes: b.themes, note: b.note, participants: b.participants?.map((id) => id.toLowerCase()), ...(b.durationMinutes !== undefined && { durationMinutes: b.durationMinutes }) },
      }),
    }),
    rescheduleVisit: route({
      path: ':caseId/visits/reschedule',
      allow: ['coordinator', 'assigned-visitor'],
      body: RescheduleVisitDto,
      summary: { en: 'The agreed time moves: only when the citizen was called first.', da: 'Flyt det aftalte besøg: kun når borgeren er ringet op først.' },
      command: (b) => ({ type: 'RescheduleVisit', data: { from: b.from, to: b.to, citizenNotified: b.citizenNotified } }),
    }),
    cancelVisit: route({
      path: ':caseId/visits/cancel',
      allow: ['coordinator', 'assigned-visitor'],
      body: CancelVisitDto,
      summary: { en: 'An agreed visit falls out.', da: 'Aflys et aftalt besøg.' },
      command: (b) => ({ type: 'CancelVisit', data: { at: b.at, by: b.by, reason: b.reason, citizenNotified: b.citizenNotified } }),
    }),
    recordDismissal: route({
      path: ':caseId/dismissals',
      allow: ['coordinator', 'assigned-visitor'],
      body: RecordDismissalDto,
      summary: {
        en: 'The citizen "fired" the visitor, who judges it right to come back next time.',
        da: 'Borgeren afviste besøget; den frivillige eller ansatte vurderer at komme igen næste gang.',
      },
      command: (b) => ({ type: 'RecordDismissal', data: { visitorId: b.visitorId, at: b.at, nextVisitAt: b.nextVisitAt, assessment: b.assessment } }),
    }),
    reassignVisitor: route({
      path: ':caseId/reassign',
      allow: ['coordinator'],
      body: ReassignVisitorDto,
      summary: { en: 'Continuity is broken on purpose: another visitor takes the case.', da: 'Skift den faste frivillige eller ansatte: en anden overtager sagen.' },
      command: (b) => ({ type: 'ReassignVisitor', data: { toVisitorId: b.toVisitorId, reason: b.reason } }),
    }),
    openTask: route({
      path: ':caseId/tasks',
      allow: ['coordinator', 'assigned-visitor'],
      body: OpenTaskDto,
      summary: {
        en: 'Administrative help (helbredstillæg, boligydelse, varmehjælp, ...) is opened on the case.',
        da: 'Opret en opgave med praktisk hjælp (helbredstillæg, boligydelse, varmehjælp, ...).',
      },
      command: (b) => ({ type: 'OpenTask', data: { taskId: randomUUID(), kind: b.kind, description: b.description } }),
      answer: { description: 'With the new taskId' },
    }),
    completeTask: route({
      path: ':caseId/tasks/:taskId/complete',
      allow: ['coordinator', 'assigned-visitor'],
      body: CompleteTaskDto,
      summary: { en: 'A task is completed, with its outcome.', da: 'Afslut en opgave med dens udfald.' },
      command: (b, { taskId }) => ({ type: 'CompleteTask', data: { taskId: taskId!, outcome: b.outcome } }),
    }),
    assessLoneliness: route({
      path: ':caseId/assessments',
      allow: ['coordinator', 'assigned-visitor'],
      body: AssessLonelinessDto,
      summary: { en: 'A UCLA-3 measurement (three answers 1-3, score 3-9).', da: 'Registrér en UCLA-3-måling af ensomhed (tre svar 1-3, score 3-9).' },
      command: (b) => ({ type: 'AssessLoneliness', data: { instrument: b.instrument, answers: b.answers, at: b.at } }),
    }),
    establishRelation: route({
      path: ':caseId/relations',
      allow: ['coordinator', 'assigned-visitor'],
      body: EstablishRelationDto,
      summary: {
        en: 'The goal: the citizen has a new relation, so the helper is no longer the main support.',
        da: 'Målet er nået: borgeren har fået en ny relation, så hjælperen ikke længere er den vigtigste støtte.',
      },
      command: (b) => ({ type: 'EstablishRelation', data: { kind: b.kind, description: b.description, at: b.at } }),
    }),
    flagRisk: route({
      path: ':caseId/risks',
      allow: ['coordinator', 'assigned-visitor'],
      body: FlagRiskDto,
      summary: {
        en: 'A risk found during the case (e.g. suicidal thoughts): the case moves to the professional track.',
        da: 'Markér en risiko (fx selvmordstanker): sagen flyttes til det faglige spor.',
      },
      command: (b) => ({ type: 'FlagRisk', data: { risk: b.risk, note: b.note, at: b.at } }),
    }),
    correctReferral: route({
      path: ':caseId/referral/correct',
      allow: ['coordinator'],
      body: CorrectReferralDto,
      summary: {
        en: 'The referral is corrected (situation, needs, requested tasks, the citizen\'s address and phone, the referrer); only what changed is recorded.',
        da: 'Ret henvisningen (situation, behov, ønskede opgaver, borgerens adresse og telefon, henviser); kun det ændrede registreres.',
      },
      command: (b) => {
        const situation = b.situation && defined({ ...b.situation });
        const citizen = b.citizen && defined({ ...b.citizen });
        const data = defined({
          situation: situation && Object.keys(situation).length > 0 ? situation : undefined,
          needs: b.needs,
          requestedTasks: b.requestedTasks,
          citizen: citizen && Object.keys(citizen).length > 0 ? citizen : undefined,
          referrer: b.referrer && defined({ ...b.referrer }),
        });
        if (Object.keys(data).length === 0) {
          throw new RequestValidationError([{ field: 'body', message: 'give at least one of situation, needs, requestedTasks, citizen (address, phone), referrer' }]);
        }
        return { type: 'CorrectReferral', data };
      },
    }),
    closeCase: route({
      path: ':caseId/close',
      allow: ['coordinator'],
      body: CloseCaseDto,
      summary: {
        en: 'The case ends; a follow-up is scheduled the programme\'s months later unless `followUp: false` (with a reason). `relation_established` needs a recorded relation.',
        da: 'Afslut sagen; en opfølgning planlægges nogle måneder senere, medmindre der vælges ingen opfølgning (med en begrundelse).',
      },
      command: (b) => ({
        type: 'CloseCase',
        data: { reason: b.reason, at: b.at, followUpId: randomUUID(), followUp: b.followUp, noFollowUpReason: b.noFollowUpReason },
      }),
    }),
    // The visit plan (issue #17): domain/case/case.schedule.ts.
    bookNextVisit: route({
      path: ':caseId/visits/book',
      allow: ['coordinator', 'assigned-visitor'],
      body: BookNextVisitDto,
      summary: {
        en: 'A next visit when none is agreed (after a cancellation, or when the visitor could not say); the citizen has been told.',
        da: 'Aftal næste besøg, når intet er aftalt (efter en aflysning, eller når tiden ikke blev aftalt ved besøget); borgeren har fået besked.',
      },
      command: (b) => ({ type: 'BookNextVisit', data: { visitAt: b.visitAt, citizenNotified: b.citizenNotified } }),
    }),
    agreeVisitSlot: route({
      path: ':caseId/visit-slot',
      allow: ['coordinator'],
      body: AgreeVisitSlotDto,
      summary: {
        en: 'The fixed time: a weekday, a Copenhagen time, every 1-4 weeks; the next visit proposed after a visit is the next slot.',
        da: 'Aftal fast besøgstid: ugedag, klokkeslæt og hver 1.-4. uge; næste besøg foreslås på den faste tid.',
      },
      command: (b) => ({ type: 'AgreeVisitSlot', data: { weekday: b.weekday, time: b.time, everyWeeks: b.everyWeeks } }),
    }),
    pause: route({
      path: ':caseId/pause',
      allow: ['coordinator'],
      body: PauseCaseDto,
      summary: {
        en: 'Visits stop for a while (a hospital stay, a holiday): no visits, not overdue; an agreed visit falls out.',
        da: 'Sæt besøgene på pause (indlæggelse, ferie): ingen besøg, ikke over tid; et aftalt besøg udgår.',
      },
      command: (b) => ({ type: 'PauseCase', data: { reason: b.reason, at: b.at, until: b.until } }),
    }),
    resume: route({
      path: ':caseId/resume',
      allow: ['coordinator'],
      body: ResumeCaseDto,
      summary: { en: 'Visits start again after a pause.', da: 'Genoptag besøgene efter en pause.' },
      command: (b) => ({ type: 'ResumeCase', data: { at: b.at } }),
    }),
    // Matching (issue #18)
    recordWishes: route({
      path: ':caseId/wishes',
      allow: ['coordinator', 'assigned-visitor'],
      body: WishesDto,
      summary: { en: "The citizen's wishes: interests, languages, when, how they get about.", da: 'Registrér borgerens ønsker: interesser, sprog, tidspunkter, mobilitet.' },
      command: (b) => ({ type: 'RecordWishes', data: wishesOf(b) }),
    }),
    introduceToOffer: route({
      path: ':caseId/offers',
      allow: ['coordinator', 'assigned-visitor'],
      body: IntroduceToOfferDto,
      summary: { en: 'The citizen is introduced to an offer of the catalogue, perhaps with the visitor along.', da: 'Borgeren introduceres til et tilbud, evt. med sin besøgsven, fællesskabsguide eller bisidder som følge.' },
      command: (b) => ({ type: 'IntroduceToOffer', data: { offerId: b.offerId.toLowerCase(), at: b.at, ...(b.accompaniedBy !== undefined && { accompaniedBy: b.accompaniedBy.toLowerCase() }) } }),
    }),
    recordOfferOutcome: route({
      path: ':caseId/offers/:offerId/outcome',
      allow: ['coordinator', 'assigned-visitor'],
      body: OfferOutcomeDto,
      summary: { en: 'How the introduction went: joined, tried and not for them, or dropped out.', da: 'Registrér udfaldet: blev en del af det, prøvede men ikke noget for mig, eller faldt fra.' },
      command: (b, { offerId }) => ({ type: 'RecordOfferOutcome', data: { offerId: offerId!, outcome: b.outcome, at: b.at, note: b.note, relation: b.relation } }),
    }),
    // The course of a case (issue #19): domain/case/case.network.ts and case.course.ts.
    addRelative: route({
      path: ':caseId/relatives',
      allow: ['coordinator', 'assigned-visitor'],
      body: AddRelativeDto,
      summary: {
        en: "A relative or someone else in the citizen's network (personal data of the citizen, sealed); may need relief themself.",
        da: 'Tilføj en pårørende eller en anden fra borgerens netværk; den pårørende kan selv have brug for aflastning.',
      },
      command: (b) => ({
        type: 'AddRelative',
        data: { relativeId: randomUUID(), name: b.name, relation: b.relation, phone: b.phone, note: b.note, involvement: b.involvement },
      }),
      answer: { description: 'With the new relativeId' },
      // The relative is part of the case: 201 and the case's address.
      location: (answer) => `/cases/${answer.caseId}`,
    }),
    removeRelative: route({
      path: ':caseId/relatives/:relativeId/remove',
      allow: ['coordinator', 'assigned-visitor'],
      body: RemoveRelativeDto,
      summary: { en: "A relative leaves the citizen's network on the case.", da: 'Fjern en pårørende fra sagen.' },
      command: (b, { relativeId }) => ({ type: 'RemoveRelative', data: { relativeId: relativeId!.toLowerCase(), reason: b.reason } }),
    }),
    recordAccompaniment: route({
      path: ':caseId/accompaniments',
      allow: ['coordinator', 'assigned-visitor'],
      body: RecordAccompanimentDto,
      summary: {
        en: 'The helper went along with the citizen to an activity ("følges med borgerne de første gange").',
        da: 'Registrér at hjælperen fulgtes med borgeren til en aktivitet.',
      },
      command: (b) => ({
        type: 'RecordAccompaniment',
        data: { at: b.at, to: defined({ offerId: b.to.offerId, activity: b.to.activity }), visitorId: b.visitorId.toLowerCase(), firstTime: b.firstTime, note: b.note },
      }),
    }),
    recordWentAlone: route({
      path: ':caseId/accompaniments/alone',
      allow: ['coordinator', 'assigned-visitor'],
      body: RecordWentAloneDto,
      summary: { en: 'The citizen went to an activity on their own: progress.', da: 'Registrér at borgeren gik selv afsted.' },
      command: (b) => ({ type: 'RecordWentAlone', data: { at: b.at, offerId: b.offerId, activity: b.activity } }),
    }),
    recordAgreement: route({
      path: ':caseId/agreement',
      allow: ['coordinator', 'assigned-visitor'],
      body: RecordAgreementDto,
      summary: {
        en: 'The agreement about the course (goals, how often, when and how it ends, who agreed); replaces the one before.',
        da: 'Registrér aftalen om forløbet (mål, hyppighed, afslutning, hvem der aftalte); erstatter den forrige.',
      },
      command: (b) => ({
        type: 'RecordAgreement',
        data: { goals: b.goals, frequency: b.frequency, expectedEnd: b.expectedEnd, endCriteria: b.endCriteria, agreedWith: b.agreedWith },
      }),
    }),
    // After the end (issue #19): domain/case/case.after-close.ts.
    holdFollowUp: route({
      path: ':caseId/follow-ups/:followUpId/held',
      allow: ['coordinator'],
      body: HoldFollowUpDto,
      summary: {
        en: 'The follow-up after the end took place (or the citizen was not reached): the outcome, optionally a UCLA-3 and a note.',
        da: 'Registrér opfølgningen efter afslutningen: udfald, evt. UCLA-3 og en note.',
      },
      command: (b, { followUpId }) => ({
        type: 'HoldFollowUp',
        data: { followUpId: followUpId!.toLowerCase(), at: b.at, outcome: b.outcome, ucla3: b.ucla3, note: b.note },
      }),
    }),
    referOnward: route({
      path: ':caseId/referred-onward',
      allow: ['coordinator'],
      body: ReferOnwardDto,
      summary: {
        en: 'The citizen is referred onward to professional help; the case stays open, or ends as transferred_to_professionals (`close: true`).',
        da: 'Henvis borgeren videre til faglig hjælp; sagen fortsætter eller afsluttes som overdraget til fagprofessionelle.',
      },
      command: (b) => ({ type: 'ReferOnward', data: { to: b.to, reason: b.reason, at: b.at, close: b.close, followUpId: randomUUID() } }),
    }),
    // Who assesses (issue #19, seed 003): domain/case/case.reassessment.ts.
    reassess: route({
      path: ':caseId/reassessment',
      allow: ['coordinator', 'assigned-visitor'],
      body: ReassessCaseDto,
      summary: {
        en: 'A new judgement of the track: a coordinator, or in community_guide the assigned guide after the first meeting. To the professional track from a plain volunteer, the case goes back to the waiting folder.',
        da: 'Vurdér sagen på ny: koordinatoren, eller i fællesskabsguide-ordningen guiden efter første møde. Til fagligt spor fra en frivillig kommer sagen tilbage i ventemappen.',
      },
      command: (b) => ({ type: 'ReassessCase', data: { track: b.track, reason: b.reason, needs: b.needs } }),
    }),
  },
};
