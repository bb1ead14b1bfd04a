import { randomUUID } from 'node:crypto';
import { HoldFollowUpDto, ReassessCaseDto, ReferOnwardDto } from '../after-close.dto';
import { CloseCaseDto } from '../case-commands.dto';
import { CaseRoutes, route } from './route';

/** The end and after it (issue #19): closing, the follow-up, referral onward, and who reassesses (domain/case/case.after-close.ts, case.reassessment.ts). */
export const AFTER_CLOSE_ROUTES = {
    closeCase: route({
      path: ':caseId/close',
      allow: ['coordinator'],
      body: CloseCaseDto,
      summary: {
        en: 'The case ends; a follow-up is scheduled the programme\'s months later unless `followUp: false` (with a reason). `relation_established` needs a recorded relation.',
        da: 'Afslut sagen; en opfølgning planlægges nogle måneder senere, medmindre der vælges ingen opfølgning (med en begrundelse).',
      },
      command: (b) => ({
        type: 'CloseCase',
        data: { reason: b.reason, at: b.at, followUpId: randomUUID(), followUp: b.followUp, noFollowUpReason: b.noFollowUpReason },
      }),
    }),
    holdFollowUp: route({
      path: ':caseId/follow-ups/:followUpId/held',
      allow: ['coordinator'],
      body: HoldFollowUpDto,
      summary: {
        en: 'The follow-up after the end took place (or the citizen was not reached): the outcome, optionally a UCLA-3 and a note.',
        da: 'Registrér opfølgningen efter afslutningen: udfald, evt. UCLA-3 og en note.',
      },
      command: (b, { followUpId }) => ({
        type: 'HoldFollowUp',
        data: { followUpId: followUpId!.toLowerCase(), at: b.at, outcome: b.outcome, ucla3: b.ucla3, note: b.note },
      }),
    }),
    referOnward: route({
      path: ':caseId/referred-onward',
      allow: ['coordinator'],
      body: ReferOnwardDto,
      summary: {
        en: 'The citizen is referred onward to professional help; the case stays open, or ends as transferred_to_professionals (`close: true`).',
        da: 'Henvis borgeren videre til faglig hjælp; sagen fortsætter eller afsluttes som overdraget til fagprofessionelle.',
      },
      command: (b) => ({ type: 'ReferOnward', data: { to: b.to, reason: b.reason, at: b.at, close: b.close, followUpId: randomUUID() } }),
    }),
    reassess: route({
      path: ':caseId/reassessment',
      allow: ['coordinator', 'assigned-visitor'],
      body: ReassessCaseDto,
      summary: {
        en: 'A new judgement of the track: a coordinator, or in community_guide the assigned guide after the first meeting. To the professional track from a plain volunteer, the case goes back to the waiting folder.',
        da: 'Vurdér sagen på ny: koordinatoren, eller i fællesskabsguide-ordningen guiden efter første møde. Til fagligt spor fra en frivillig kommer sagen tilbage i ventemappen.',
      },
      command: (b) => ({ type: 'ReassessCase', data: { track: b.track, reason: b.reason, needs: b.needs } }),
    }),
} satisfies CaseRoutes;
