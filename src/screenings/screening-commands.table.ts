import { randomUUID } from 'node:crypto';
import { caseIdFrom } from '../cases/shared/derived-case-id';
import { defined } from '../shared/defined';
import { CommandTable, routesOf } from '../http/command-routes';
import { RecordScreeningDto, ReferScreeningDto } from './screening-commands.dto';
import { ScreeningAnswer, ScreeningCommands, ScreeningRequest } from './screening-commands';

const route = routesOf<ScreeningRequest, ScreeningAnswer>();

/**
 * Issue 22: screening before any referral, by home care and preventive home
 * visits (the role `screener`) and by the coordinator. Seed 001: "systematisk
 * opsporing af ensomhed" and "registrering af og opfølgning på ensomhed".
 */
export const SCREENING_COMMANDS: CommandTable<ScreeningRequest, ScreeningAnswer> = {
  name: 'ScreeningCommands',
  prefix: 'screenings',
  tag: 'screenings',
  runner: ScreeningCommands,
  routes: {
    record: route({
      path: '',
      allow: ['screener', 'coordinator'],
      body: RecordScreeningDto,
      summary: {
        en: 'A UCLA-3 screening taken before any referral. Without consent to refer only the unit, the time and the score are kept (a citizen or note is refused).',
        da: 'Registrér en opsporing af ensomhed (UCLA-3). Uden samtykke til henvisning gemmes kun enhed, tidspunkt og score.',
      },
      command: (b) => ({
        type: 'RecordScreening',
        data: {
          screeningId: randomUUID(),
          at: b.at,
          unit: b.unit,
          ucla3: b.ucla3,
          consentToRefer: b.consentToRefer,
          ...(b.citizen !== undefined && { citizen: defined({ name: b.citizen.name, phone: b.citizen.phone, cpr: b.citizen.cpr }) }),
          ...(b.note !== undefined && { note: b.note }),
        },
      }),
      location: (answer) => `/screenings/${answer.screeningId}`,
      answer: { description: '{ screeningId, revision, position }' },
    }),
    refer: route({
      path: ':screeningId/refer',
      allow: ['screener', 'coordinator'],
      body: ReferScreeningDto,
      summary: {
        en: 'The screening becomes a referral in one step: a new case (a known CPR number joins that citizen), whose referral names the screening.',
        da: 'Henvis borgeren fra opsporingen: en ny sag i koordinatorens ventemappe, der husker opsporingen.',
      },
      command: (b, { screeningId }) => ({
        type: 'ReferScreening',
        data: {
          // One case per screening: a second referral (a retry after a crash) finds the first.
          caseId: caseIdFrom('screening-case', screeningId!),
          programme: b.programme,
          at: b.referredAt ?? new Date().toISOString(),
          referral: {
            citizenId: randomUUID(),
            address: b.address,
            referrer: defined({ ...b.referrer }),
            situation: defined({ ...b.situation }),
            ...(b.needs !== undefined && { needs: b.needs }),
          },
        },
      }),
      answer: { description: '{ screeningId, revision, position, caseId, citizenId, knownCitizen? }' },
    }),
  },
};
