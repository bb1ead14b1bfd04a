import { randomUUID } from 'node:crypto';
import type { VisitorCommand } from '../../domain/visitor/visitor.commands';
import { CommandTable, routesOf } from '../http/command-routes';
import { VisitorAnswer, VisitorCommands } from './visitor-commands';
import {
  ApplyAsVolunteerDto,
  ApproveVolunteerDto,
  AssignVolunteerCoordinatorDto,
  DeclineVolunteerDto,
  EraseVisitorDto,
  PauseVolunteerDto,
  RecordInterviewDto,
  RecordSupervisionDto,
  RecordTrainingDto,
  RecordVettingDto,
  ResumeVolunteerDto,
  VolunteerLeavesDto,
} from './volunteer-commands.dto';

const route = routesOf<VisitorCommand, VisitorAnswer>();
const STAFF = ['coordinator', 'admin'] as const;
const at = (b: { at?: string }) => (b.at !== undefined ? { at: b.at } : {});

/** The volunteer's lifecycle on the visitor stream (issue 20): from application to supervision, pause and leaving. */
export const VOLUNTEER_COMMANDS: CommandTable<VisitorCommand, VisitorAnswer> = {
  name: 'VolunteerCommands',
  prefix: 'visitors',
  tag: 'visitors',
  runner: VisitorCommands,
  routes: {
    apply: route({
      path: 'applications',
      allow: [...STAFF],
      body: ApplyAsVolunteerDto,
      summary: { en: 'A volunteer applies: an applicant, who takes no citizen until interviewed and approved.', da: 'Registrér en ansøgning fra en frivillig (ansøger, indtil samtale og godkendelse).' },
      command: (b) => ({
        type: 'ApplyAsVolunteer',
        data: {
          visitorId: randomUUID(),
          name: b.name,
          phone: b.phone,
          ...(b.email !== undefined && { email: b.email }),
          programmes: b.programmes,
          ...(b.motivation !== undefined && { motivation: b.motivation }),
          ...(b.howHeard !== undefined && { howHeard: b.howHeard }),
          ...at(b),
        },
      }),
      location: (answer) => `/visitors/${answer.visitorId}`,
      answer: { description: '{ visitorId, revision, position }' },
    }),
    interview: route({
      path: ':visitorId/interview',
      allow: [...STAFF],
      body: RecordInterviewDto,
      summary: { en: "The applicant's interview, with its outcome (approve, decline, wait).", da: 'Registrér samtalen med ansøgeren og udfaldet.' },
      command: (b) => ({ type: 'RecordInterview', data: { by: b.by, outcome: b.outcome, ...(b.note !== undefined && { note: b.note }), ...at(b) } }),
    }),
    approve: route({
      path: ':visitorId/approve',
      allow: [...STAFF],
      body: ApproveVolunteerDto,
      summary: { en: 'The applicant is approved for programmes, with provisos and a capacity: active.', da: 'Godkend den frivillige til ordninger, med eventuelle forbehold og antal borgere.' },
      command: (b) => ({ type: 'ApproveVolunteer', data: { programmes: b.programmes, ...(b.provisos !== undefined && { provisos: b.provisos }), capacity: b.capacity, ...at(b) } }),
    }),
    decline: route({
      path: ':visitorId/decline',
      allow: [...STAFF],
      body: DeclineVolunteerDto,
      summary: { en: 'The applicant is declined.', da: 'Giv ansøgeren afslag.' },
      command: (b) => ({ type: 'DeclineVolunteer', data: { reason: b.reason, ...at(b) } }),
    }),
    vetting: route({
      path: ':visitorId/vetting',
      allow: [...STAFF],
      body: RecordVettingDto,
      summary: { en: 'A vetting (straffeattest, børneattest) checked, with its expiry and result.', da: 'Registrér en straffe- eller børneattest: hvornår den er tjekket, udløb og resultat.' },
      command: (b) => ({ type: 'RecordVetting', data: { kind: b.kind, checkedAt: b.checkedAt, ...(b.expiresAt !== undefined && { expiresAt: b.expiresAt }), result: b.result } }),
    }),
    training: route({
      path: ':visitorId/training',
      allow: [...STAFF],
      body: RecordTrainingDto,
      summary: { en: 'A course completed, with its expiry.', da: 'Registrér et gennemført kursus.' },
      command: (b) => ({ type: 'RecordTraining', data: { course: b.course, ...(b.expiresAt !== undefined && { expiresAt: b.expiresAt }), ...at(b) } }),
    }),
    supervision: route({
      path: ':visitorId/supervision',
      allow: [...STAFF],
      body: RecordSupervisionDto,
      summary: { en: 'Supervision held (individual or group).', da: 'Registrér sparring (individuel eller i gruppe).' },
      command: (b) => ({ type: 'RecordSupervision', data: { kind: b.kind, by: b.by, ...(b.note !== undefined && { note: b.note }), ...at(b) } }),
    }),
    pause: route({
      path: ':visitorId/pause',
      allow: [...STAFF],
      body: PauseVolunteerDto,
      summary: { en: 'The volunteer pauses: takes no new citizen; their cases stay theirs.', da: 'Den frivillige holder pause og får ingen nye borgere.' },
      command: (b) => ({ type: 'PauseVolunteer', data: { reason: b.reason, ...(b.from !== undefined && { from: b.from }), ...(b.until !== undefined && { until: b.until }) } }),
    }),
    resume: route({
      path: ':visitorId/resume',
      allow: [...STAFF],
      body: ResumeVolunteerDto,
      summary: { en: 'The volunteer is back from a pause.', da: 'Den frivillige er tilbage fra pause.' },
      command: (b) => ({ type: 'ResumeVolunteer', data: at(b) }),
    }),
    leave: route({
      path: ':visitorId/leave',
      allow: [...STAFF],
      body: VolunteerLeavesDto,
      summary: { en: 'The volunteer leaves; their open cases must be reassigned first (409 visitor_has_cases).', da: 'Den frivillige stopper; åbne sager skal omfordeles først.' },
      command: (b) => ({ type: 'VolunteerLeaves', data: { reason: b.reason, ...at(b) } }),
    }),
    coordinator: route({
      path: ':visitorId/coordinator',
      allow: [...STAFF],
      body: AssignVolunteerCoordinatorDto,
      summary: { en: "The volunteer's contact person (frivillighedstovholder), a volunteer lead.", da: 'Knyt en frivillighedstovholder til den frivillige som kontaktperson.' },
      command: (b) => ({ type: 'AssignVolunteerCoordinator', data: { coordinatorSub: b.coordinatorSub, ...at(b) } }),
    }),
    erase: route({
      path: ':visitorId/erase',
      allow: ['admin'],
      body: EraseVisitorDto,
      summary: { en: "After they have left: the volunteer's notes are erased (their key destroyed).", da: 'Slet den frivilliges noter, efter at vedkommende er stoppet.' },
      command: () => ({ type: 'EraseVisitor', data: {} }),
    }),
  },
};
