import { randomUUID } from 'node:crypto';
import { AssessLonelinessDto, CompleteTaskDto, EstablishRelationDto, FlagRiskDto, OpenTaskDto } from '../case-commands.dto';
import { IntroduceToOfferDto, OfferOutcomeDto, WishesDto, wishesOf } from '../case-matching.dto';
import { CaseRoutes, route } from './route';

/** The work of the course: tasks, measurements, risks, relations, and matching with offers (issue #18). */
export const COURSE_ROUTES = {
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
} satisfies CaseRoutes;
