import type { Programme } from '../shared/codes';
import { DEFAULT_PROGRAMME_SETTINGS, ProgrammeSettingsTable } from '../programme/programme.settings';
import type { VettingKind, VettingResult, VolunteerStatus } from './volunteer.codes';
import type { VolunteerEvent } from './volunteer.events';

/**
 * What the lifecycle events make of a visitor, without any note: the decider's
 * state, the Directory's entry and the views all fold the same record.
 * A visitor registered directly (POST /visitors) has none: employed staff and
 * volunteers keyed in before issue 20 are not held to the lifecycle's rules.
 */
export interface VolunteerStanding {
  status: VolunteerStatus;
  appliedAt: string;
  /** Applied for, then (once approved) the approved ones. */
  programmes: Programme[];
  provisos: string[];
  interviewedAt?: string;
  approvedAt?: string;
  declinedAt?: string;
  /** The latest of each kind. */
  vettings: Array<{ kind: VettingKind; checkedAt: string; expiresAt?: string; result: VettingResult }>;
  /** The latest of each course. */
  training: Array<{ course: string; at: string; expiresAt?: string }>;
  lastSupervisionAt?: string;
  supervisions: number;
  pausedFrom?: string;
  pausedUntil?: string;
  leftAt?: string;
  coordinatorSub?: string;
  erased?: true;
}

/** The standing after one lifecycle event; a new object each time (never changed in place). */
export function applyStanding(standing: VolunteerStanding | undefined, event: VolunteerEvent): VolunteerStanding | undefined {
  if (event.type === 'VisitorApplied') {
    return standing ?? { status: 'applicant', appliedAt: event.data.at, programmes: event.data.programmes, provisos: [], vettings: [], training: [], supervisions: 0 };
  }
  // A visitor registered directly gets a record from their first lifecycle event (vetting, training, supervision), as active.
  const s: VolunteerStanding = standing ?? { status: 'active', appliedAt: '', programmes: [], provisos: [], vettings: [], training: [], supervisions: 0 };
  switch (event.type) {
    case 'VisitorInterviewed':
      return { ...s, interviewedAt: event.data.at };
    case 'VisitorApproved':
      return { ...s, status: 'active', approvedAt: event.data.at, programmes: event.data.programmes, provisos: event.data.provisos };
    case 'VisitorDeclined':
      return { ...s, status: 'declined', declinedAt: event.data.at };
    case 'VettingRecorded':
      return { ...s, vettings: [...s.vettings.filter((v) => v.kind !== event.data.kind), { ...event.data }] };
    case 'TrainingCompleted':
      return { ...s, training: [...s.training.filter((t) => t.course !== event.data.course), { ...event.data }] };
    case 'SupervisionHeld':
      return { ...s, supervisions: s.supervisions + 1, lastSupervisionAt: later(s.lastSupervisionAt, event.data.at) };
    case 'VisitorPaused': {
      const { pausedUntil, ...rest } = s;
      void pausedUntil;
      return { ...rest, status: 'paused', pausedFrom: event.data.from, ...(event.data.until !== undefined && { pausedUntil: event.data.until }) };
    }
    case 'VisitorResumed': {
      const { pausedFrom, pausedUntil, ...rest } = s;
      void pausedFrom;
      void pausedUntil;
      return { ...rest, status: 'active' };
    }
    case 'VisitorLeft':
      return { ...s, status: 'left', leftAt: event.data.at };
    case 'VolunteerCoordinatorAssigned':
      return { ...s, coordinatorSub: event.data.coordinatorSub };
    case 'VisitorErased':
      return { ...s, erased: true };
  }
}

const later = (a: string | undefined, b: string): string => (a === undefined || Date.parse(b) > Date.parse(a) ? b : a);

/** Whether a record (vetting, course) still holds at `now`. */
export const holds = (record: { expiresAt?: string }, now: string): boolean => record.expiresAt === undefined || Date.parse(record.expiresAt) > Date.parse(now);

/**
 * The settings (domain/programme) default to the constants of issue 20; the
 * write side and the views pass the settings in force (the Directory's).
 *
 * The vettings the programme requires that are missing, expired or not clear
 * at `now`. Only for volunteers who came through an application: the others
 * (no `appliedAt`) are not held to it.
 */
export function vettingGaps(standing: VolunteerStanding | undefined, programme: Programme, now: string, settings: ProgrammeSettingsTable = DEFAULT_PROGRAMME_SETTINGS): VettingKind[] {
  if (!standing || standing.appliedAt === '') return [];
  return settings[programme].requiredVetting.filter((kind) => {
    const vetting = standing.vettings.find((v) => v.kind === kind);
    return !vetting || vetting.result !== 'clear' || !holds(vetting, now);
  });
}

/** The courses the programme asks for that the volunteer lacks (or whose certificate expired) at `now`. */
export function trainingGaps(standing: VolunteerStanding, programme: Programme, now: string, settings: ProgrammeSettingsTable = DEFAULT_PROGRAMME_SETTINGS): string[] {
  return settings[programme].requiredCourses.filter((course) => {
    const done = standing.training.find((t) => t.course === course);
    return !done || !holds(done, now);
  });
}

/** When the next supervision is due: the programmes' shortest interval after the last one (or after approval). */
export function nextSupervisionDue(standing: VolunteerStanding, settings: ProgrammeSettingsTable = DEFAULT_PROGRAMME_SETTINGS): string | undefined {
  const since = standing.lastSupervisionAt ?? standing.approvedAt;
  if (since === undefined || standing.programmes.length === 0) return undefined;
  const weeks = Math.min(...standing.programmes.map((p) => settings[p].supervisionEveryWeeks));
  return new Date(Date.parse(since) + weeks * 7 * 86_400_000).toISOString();
}
