import { KeyedMutex } from './keyed-mutex';

/**
 * Decisions about one visitor's places, one at a time in the process: a
 * booking or reassignment to them (src/cases/shared/case-commands.ts) and
 * their leaving, pause or decline (issue 20, src/visitors/visitor-commands.ts),
 * so a volunteer cannot leave while a booking to them is being decided, nor be
 * booked while they are being paused. Per process, as the capacity rule's lock
 * (docs/architecture.md, "Capacity").
 */
export const VISITOR_PLACES = new KeyedMutex();
