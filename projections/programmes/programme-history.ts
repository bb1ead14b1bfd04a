import type { ProgrammeEvent } from '../../domain/programme/programme.events';
import type { ProgrammeSettings } from '../../domain/programme/programme.settings';

/** The Danish label of every event on a programme's stream. */
export const PROGRAMME_HISTORY_LABELS: Readonly<Record<ProgrammeEvent['type'], string>> = {
  ProgrammeSettingsChanged: 'Indstillinger ændret',
};

export interface ProgrammeHistoryEntry {
  revision: number;
  /** When the change took effect. */
  at: string;
  type: string;
  label: string;
  /** What the settings became, in Danish words: "Opfølgning efter 6 måneder; …". */
  summary: string;
  data: unknown;
}

interface StoredProgrammeEvent {
  type: string;
  data: unknown;
  revision: number;
  recordedAt: string;
}

const weeks = (n: number) => (n === 1 ? '1 uge' : `${n} uger`);
const months = (n: number) => (n === 1 ? '1 måned' : `${n} måneder`);
const list = (items: readonly string[]) => (items.length === 0 ? 'ingen' : items.join(', '));

/** The settings in Danish words, as the history and the admin's page say them. */
export function settingsInDanish(s: ProgrammeSettings): string {
  return [
    `Opfølgning efter ${months(s.followUpMonths)}`,
    `attester: ${list(s.requiredVetting)}`,
    `kurser: ${list(s.requiredCourses)}`,
    `supervision hver ${weeks(s.supervisionEveryWeeks)}`,
    `UCLA-3 hver ${weeks(s.reassessEveryWeeks)}`,
  ].join('; ');
}

/** The programme's stream as a timeline, by when each change took effect. */
export function programmeHistory(events: readonly StoredProgrammeEvent[]): ProgrammeHistoryEntry[] {
  return events
    .map((event) => {
      const data = (event.data ?? {}) as Partial<ProgrammeSettings> & { at?: string };
      const label = (PROGRAMME_HISTORY_LABELS as Record<string, string>)[event.type] ?? event.type;
      const summary = event.type === 'ProgrammeSettingsChanged' ? settingsInDanish(data as ProgrammeSettings) : '';
      return { revision: event.revision, at: data.at ?? event.recordedAt, type: event.type, label, summary, data: event.data };
    })
    .sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || a.revision - b.revision);
}
