/**
 * Stream ids are built here and nowhere else, so the naming scheme
 * (`case-<uuid>`, `visitor-<uuid>`, `citizen-<uuid>`, `offer-<uuid>`) has one owner.
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

export type CaseId = string;
export type VisitorId = string;
export type CitizenId = string;
export type TaskId = string;

export const isUuid = (value: unknown): value is string => typeof value === 'string' && UUID.test(value);

export const caseStreamId = (caseId: CaseId): string => `case-${caseId}`;
export const visitorStreamId = (visitorId: VisitorId): string => `visitor-${visitorId}`;
export const citizenStreamId = (citizenId: CitizenId): string => `citizen-${citizenId}`;
/** An offer in the catalogue of local communities (issue #18). */
export const offerStreamId = (offerId: string): string => `offer-${offerId}`;
// Issue 21: the partner register.
export const partnerStreamId = (partnerId: string): string => `partner-${partnerId}`;
// Issue 21: a referral card from the public form, its own intake stream.
export const intakeStreamId = (cardId: string): string => `intake-${cardId}`;

/** The kind of aggregate a stream belongs to, read from its id's prefix. */
export const streamCategory = (streamId: string): string => streamId.slice(0, streamId.indexOf('-'));
/** The aggregate id inside a stream id (`case-<uuid>` → `<uuid>`). */
export const streamEntityId = (streamId: string): string => streamId.slice(streamId.indexOf('-') + 1);
// Issue 22: a loneliness screening before any referral.
export const screeningStreamId = (screeningId: string): string => `screening-${screeningId}`;
// A programme's settings (issues 19, 20, 22): one stream per programme code, `programme-care_visits`.
export const programmeStreamId = (programme: string): string => `programme-${programme}`;
