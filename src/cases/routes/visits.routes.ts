import {
  BookFirstVisitDto,
  CancelVisitDto,
  ReassignVisitorDto,
  RecordDismissalDto,
  RecordVisitDto,
  RescheduleVisitDto,
} from '../case-commands.dto';
import { AgreeVisitSlotDto, BookNextVisitDto, PauseCaseDto, ResumeCaseDto } from '../visit-plan.dto';
import { CaseRoutes, route } from './route';

/** The visits: the first visit and the visit card, the visits held, the plan (issue #17: domain/case/case.schedule.ts). */
export const VISIT_ROUTES = {
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
} satisfies CaseRoutes;
