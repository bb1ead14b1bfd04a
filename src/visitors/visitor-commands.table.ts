import { randomUUID } from 'node:crypto';
import type { VisitorCommand } from '../../domain/visitor/visitor.commands';
import { CommandTable, routesOf } from '../http/command-routes';
import { RegisterVisitorDto } from './visitor-commands.dto';
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
        da: 'Opret en besøgsven: frivillig, frivillig med faglig baggrund eller ansat.',
      },
      command: (b) => ({ type: 'RegisterVisitor', data: { visitorId: randomUUID(), name: b.name, kind: b.kind, capacity: b.capacity, phone: b.phone } }),
      location: (answer) => `/visitors/${answer.visitorId}`,
      answer: { description: '{ visitorId, revision, position }' },
    }),
    // Matching (issue #18)
    updateProfile: route({
      path: ':visitorId/profile',
      allow: ['coordinator', 'admin', 'that-visitor'],
      body: VisitorProfileDto,
      summary: {
        en: 'The visitor\'s profile (programmes, interests, languages, area, when they can): what the coordinator matches on.',
        da: 'Besøgsvennens profil (indsatser, interesser, sprog, område, hvornår): det, koordinatoren matcher på.',
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
