import { randomUUID } from 'node:crypto';
import type { VisitorCommand } from '../../domain/visitor/visitor.commands';
import { CommandTable, routesOf } from '../http/command-routes';
import { ChangeVisitorCapacityDto, ChangeVisitorDetailsDto, DeactivateVisitorDto, ReactivateVisitorDto, RegisterVisitorDto } from './visitor-commands.dto';
import { VisitorAnswer, VisitorCommands } from './visitor-commands';
import { VisitorProfileDto } from './visitor-profile.dto';

const route = routesOf<VisitorCommand, VisitorAnswer>();

/** Every command on a visitor, as src/cases/case-commands.table.ts does for cases. */
export const VISITOR_COMMANDS: CommandTable<VisitorCommand, VisitorAnswer> = {
  name: 'VisitorCommands',
  prefix: 'visitors',
  tag: 'visitors',
  runner: VisitorCommands,
  routes: {
    register: route({
      path: '',
      allow: ['coordinator', 'admin'],
      body: RegisterVisitorDto,
      summary: {
        en: 'A visitor joins the registry: a volunteer, a volunteer with a professional background, or an employee.',
        da: 'Opret en frivillig eller ansat (besøgsven, omsorgsmedarbejder, fællesskabsguide eller bisidder): frivillig, frivillig med faglig baggrund eller ansat.',
      },
      command: (b) => ({ type: 'RegisterVisitor', data: { visitorId: randomUUID(), name: b.name, kind: b.kind, capacity: b.capacity, phone: b.phone } }),
      location: (answer) => `/visitors/${answer.visitorId}`,
      answer: { description: '{ visitorId, revision, position }' },
    }),
    // Issue 17: the coordinator keeps the registry current (capacity, a break, a new phone).
    changeCapacity: route({
      path: ':visitorId/capacity',
      allow: ['coordinator', 'admin'],
      body: ChangeVisitorCapacityDto,
      summary: {
        en: "How many active cases the visitor takes. Below their open cases is allowed: they keep those (continuity) and are offered no new one; the answer's activeCases shows it.",
        da: 'Ændr hvor mange borgere den frivillige eller ansatte kan have. Under det antal, de har, er tilladt: de beholder dem og får ingen nye.',
      },
      command: (b) => ({ type: 'ChangeVisitorCapacity', data: { capacity: b.capacity } }),
      answer: { description: '{ visitorId, revision, position, activeCases }' },
    }),
    deactivate: route({
      path: ':visitorId/deactivate',
      allow: ['coordinator', 'admin'],
      body: DeactivateVisitorDto,
      summary: {
        en: 'The visitor takes no new cases (a break, or leaving); the cases they have stay theirs until reassigned.',
        da: 'Sæt på pause: tager ingen nye borgere; de nuværende beholder deres faste besøg, til sagen omfordeles.',
      },
      command: (b) => ({ type: 'DeactivateVisitor', data: { reason: b.reason } }),
    }),
    reactivate: route({
      path: ':visitorId/reactivate',
      allow: ['coordinator', 'admin'],
      body: ReactivateVisitorDto,
      summary: { en: 'The visitor takes new cases again.', da: 'Aktivér igen: kan tage nye borgere.' },
      command: (b) => ({ type: 'ReactivateVisitor', data: b.reason === undefined ? {} : { reason: b.reason } }),
    }),
    changeDetails: route({
      path: ':visitorId/details',
      allow: ['coordinator', 'admin'],
      body: ChangeVisitorDetailsDto,
      summary: {
        en: 'A new name or phone (only what is given changes); visit cards booked from now on print them.',
        da: 'Ret navn eller telefonnummer; nye besøgskort får de nye oplysninger.',
      },
      command: (b) => ({ type: 'ChangeVisitorDetails', data: { ...(b.name !== undefined && { name: b.name }), ...(b.phone !== undefined && { phone: b.phone }) } }),
    }),
    // Matching (issue #18)
    updateProfile: route({
      path: ':visitorId/profile',
      allow: ['coordinator', 'admin', 'that-visitor'],
      body: VisitorProfileDto,
      summary: {
        en: 'The visitor\'s profile (programmes, interests, languages, area, when they can): what the coordinator matches on.',
        da: 'Profil for den frivillige eller ansatte (ordninger, interesser, sprog, område, hvornår): det, koordinatoren matcher på.',
      },
      command: (b) => ({
        type: 'UpdateVisitorProfile',
        data: {
          programmes: b.programmes,
          interests: b.interests,
          ...(b.otherInterests !== undefined && { otherInterests: b.otherInterests }),
          languages: b.languages,
          postcodes: b.postcodes,
          availability: b.availability.map(({ weekday, from, to }) => ({ weekday, from, to })),
          ...(b.gender !== undefined && { gender: b.gender }),
          ...(b.birthYear !== undefined && { birthYear: b.birthYear }),
          ...(b.note !== undefined && { note: b.note }),
        },
      }),
      answer: { description: '{ visitorId, revision, position }' },
    }),
  },
};
