import { randomUUID } from 'node:crypto';
import { RequestValidationError } from '../../http/errors';
import { DeclineReferralDto, TriageCaseDto } from '../case-commands.dto';
import { wishesOf } from '../case-matching.dto';
import { CorrectReferralDto } from '../correct-referral.dto';
import { ReceiveReferralDto } from '../receive-referral.dto';
import { CaseRoutes, defined, route } from './route';

/** Intake: the referral comes in, is corrected, and is triaged or declined (seed 000). */
export const INTAKE_ROUTES = {
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
} satisfies CaseRoutes;
