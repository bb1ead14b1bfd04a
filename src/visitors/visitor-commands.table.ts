import { randomUUID } from 'node:crypto';
import type { VisitorCommand } from '../../domain/visitor/visitor.commands';
import { CommandTable, routesOf } from '../http/command-routes';
import { RegisterVisitorDto } from './visitor-commands.dto';
import { VisitorAnswer, VisitorCommands } from './visitor-commands';

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
  },
};
