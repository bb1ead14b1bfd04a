import type { Need, Programme, TaskKind, Track, VisitorKind } from '../../domain/shared/codes';
import type { Situation } from '../../domain/case/case.events';
import type { CasePause } from '../../domain/case/case.state';
import type { VisitSlot } from '../../domain/shared/visit-slot';
import type { CardAppointment } from './appointments';

// The caseload's documents (projections/caseload/caseload.ts keys and writes them).

/** One case on a visitor's list, with what the visit card says. */
export interface CaseCard {
  caseId: string;
  citizenId: string;
  programme: Programme;
  track?: Track;
  /** Set while the case is active. */
  visitorId?: string;
  firstVisitAt?: string;
  nextVisitAt?: string;
  lastVisitAt?: string;
  /** Themes followed up at the last visit: what to pick up next time. */
  lastThemes: string[];
  openTasks: Array<{ taskId: string; kind: TaskKind; description: string }>;
  riskFlags: Need[];
  /** What the referrer wrote about the citizen's situation (sealed, opened in the answer), for the visitor to read before going. */
  situation?: Situation;
  /** The tasks the referral asked for: the visitor opens them as tasks when they start on them. */
  requestedTasks?: TaskKind[];
  /** The fixed time agreed (VisitSlotAgreed). */
  visitSlot?: VisitSlot;
  /** While visits are paused: since when, until when expected, why (sealed, opened in the answer). */
  pause?: CasePause;
  /** The companion's appointments still scheduled, earliest first (issue #19); absent before the first. */
  appointments?: CardAppointment[];
  closed: boolean;
}

export interface VisitorLoad {
  visitorId: string;
  name: string;
  kind: VisitorKind;
  capacity: number;
  active: boolean;
}

/** Marks a case as on a visitor's list: `visitor:<visitorId>:case:<caseId>`. */
export interface Assignment {
  caseId: string;
}
