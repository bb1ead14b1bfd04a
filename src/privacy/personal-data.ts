import { SetMetadata } from '@nestjs/common';

/**
 * Which citizens a read shows: `case` (the route's case), `items` (each item of
 * a list answer), `caseload` (each case on a visitor's list), `citizen` (the
 * route's citizen), `visitor` (the route's visitor: a volunteer's own notes, issue 20, logged under the visitor's id). Declared on the route; the access log records the read
 * (AccessLogService.recordRead, called for every answer by src/privacy/answer-privacy.ts).
 */
export type PersonalDataOf = 'case' | 'items' | 'caseload' | 'citizen' | 'visitor';
export const PERSONAL_DATA = 'brobygger:personal-data';
export const PersonalData = (of: PersonalDataOf) => SetMetadata(PERSONAL_DATA, of);
