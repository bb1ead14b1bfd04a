import type { CitizenCommand } from '../../domain/citizen/citizen.stream';
import { CommandTable, routesOf } from '../http/command-routes';
import { EraseCitizenDto, WithdrawConsentDto } from './citizen-commands.dto';
import { CitizenAnswer, CitizenCommands } from './citizen-commands';

const route = routesOf<CitizenCommand, CitizenAnswer>();

/** Every command on a citizen, as src/cases/case-commands.table.ts does for cases; their answers carry no revision (no ETag). */
export const CITIZEN_COMMANDS: CommandTable<CitizenCommand, CitizenAnswer> = {
  name: 'CitizenCommands',
  prefix: 'citizens',
  tag: 'citizens',
  runner: CitizenCommands,
  etag: false,
  routes: {
    withdrawConsent: route({
      path: ':citizenId/consent/withdraw',
      allow: ['coordinator', 'admin'],
      body: WithdrawConsentDto,
      summary: {
        en: 'The citizen withdraws consent: recorded on the citizen\'s stream, then every open case is closed with `consent_withdrawn`. Sent again, it closes whatever is still open.',
        da: 'Borgeren trækker sit samtykke tilbage: alle åbne sager afsluttes.',
      },
      command: (b) => ({ type: 'WithdrawConsent', data: { at: b.at } }),
      answer: { description: '{ citizenId, closedCaseIds }' },
    }),
    erase: route({
      path: ':citizenId/erase',
      allow: ['admin'],
      body: EraseCitizenDto,
      summary: {
        en: 'Crypto-shredding: closes the person\'s open cases (`consent_withdrawn`), records `CitizenErased`, then destroys the citizen\'s key; every personal field of the person then reads `[slettet]`. Sent again, it finishes the destruction.',
        da: 'Slet borgerens personoplysninger (nøglen destrueres); statistikken bevares.',
      },
      // The reason is for the person erasing: an erasure writes no new words about the person.
      command: () => ({ type: 'EraseCitizen', data: {} }),
      answer: { description: '{ citizenId, erased: true, closedCaseIds }' },
    }),
  },
};
