import type { Message } from '../shared/decider';
import type { Programme } from '../shared/codes';
import type { PersonalParts } from '../shared/personal';
import type { ProgrammeSettings } from './programme.settings';

/**
 * The programme stream `programme-<code>` (`programme-care_visits`, …): the
 * programme's settings as an admin changed them. Each event holds the whole
 * set, so the latest one alone says what is in force; `at` is when the change
 * took effect (default: when it was decided).
 */
export type ProgrammeSettingsChanged = Message<'ProgrammeSettingsChanged', { programme: Programme } & ProgrammeSettings & { at: string }>;

export type ProgrammeEvent = ProgrammeSettingsChanged;

export const PROGRAMME_EVENT_TYPES: ReadonlySet<string> = new Set<ProgrammeEvent['type']>(['ProgrammeSettingsChanged']);

/** Nothing personal: numbers, vetting kinds and course names of the programme. */
export const PROGRAMME_PERSONAL_DATA: PersonalParts<ProgrammeEvent> = {
  ProgrammeSettingsChanged: {
    programme: 'clear',
    followUpMonths: 'clear',
    requiredVetting: 'clear',
    requiredCourses: 'clear',
    supervisionEveryWeeks: 'clear',
    reassessEveryWeeks: 'clear',
    at: 'clear',
  },
};

/** The business time: when the change took effect. */
export const programmeOccurredAt = (event: ProgrammeEvent): string => event.data.at;
