import type { ScreeningEventType } from '../../domain/screening/screening.events';

/** The Danish words for the screening stream's events (issue 22), as in docs/event-catalogue.md. */
export const SCREENING_HISTORY_LABELS: Readonly<Record<ScreeningEventType, string>> = {
  LonelinessScreened: 'Opsporing af ensomhed (UCLA-3)',
  ScreeningReferred: 'Henvist fra opsporing',
};
