import type { VisitorEvent } from '../../domain/visitor/visitor.events';

/** The Danish label of every event on a visitor's stream (issue 20: the volunteer's timeline). */
export const VISITOR_HISTORY_LABELS: Readonly<Record<VisitorEvent['type'], string>> = {
  VisitorRegistered: 'Oprettet',
  VisitorCapacityChanged: 'Antal borgere ændret',
  VisitorDeactivated: 'Sat på pause (tager ingen nye borgere)',
  VisitorReactivated: 'Aktiv igen',
  VisitorDetailsChanged: 'Navn eller telefon rettet',
  VisitorProfileUpdated: 'Profil opdateret',
  VisitorApplied: 'Ansøgning modtaget',
  VisitorInterviewed: 'Samtale holdt',
  VisitorApproved: 'Godkendt',
  VisitorDeclined: 'Afslag',
  VettingRecorded: 'Attest registreret',
  TrainingCompleted: 'Kursus gennemført',
  SupervisionHeld: 'Sparring',
  VisitorPaused: 'Pause',
  VisitorResumed: 'Tilbage fra pause',
  VisitorLeft: 'Stoppet',
  VolunteerCoordinatorAssigned: 'Frivillighedstovholder tilknyttet',
  VisitorErased: 'Noter slettet',
};

export interface VisitorHistoryEntry {
  revision: number;
  /** The business time where the event has one, else when it was recorded. */
  at: string;
  type: string;
  label: string;
  /** The event's data as stored: notes still sealed (opened at the edge, `[slettet]` after the erasure). */
  data: unknown;
}

interface StoredVisitorEvent {
  type: string;
  data: unknown;
  revision: number;
  recordedAt: string;
}

/** The visitor's stream as a timeline, in business time (a back-dated application comes first). */
export function visitorHistory(events: readonly StoredVisitorEvent[]): VisitorHistoryEntry[] {
  return events
    .map((event) => {
      const data = (event.data ?? {}) as Record<string, unknown>;
      const business = [data.at, data.checkedAt, data.from].find((value): value is string => typeof value === 'string');
      const label = (VISITOR_HISTORY_LABELS as Record<string, string>)[event.type] ?? event.type;
      return { revision: event.revision, at: business ?? event.recordedAt, type: event.type, label, data: event.data };
    })
    .sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || a.revision - b.revision);
}
