import { randomUUID } from 'node:crypto';
import { AddRelativeDto, RecordAccompanimentDto, RecordAgreementDto, RecordWentAloneDto, RemoveRelativeDto } from '../course.dto';
import { CaseRoutes, defined, route } from './route';

/** The citizen's network, going along and the agreement (issue #19): domain/case/case.network.ts and case.course.ts. */
export const NETWORK_ROUTES = {
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
} satisfies CaseRoutes;
