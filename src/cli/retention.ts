import { DateTime } from 'luxon';
import { eraseCitizen } from '../privacy/erasure';
import { DirectoryFeed } from '../directory/directory-feed';
import { CommandHandler } from '../event-store/command-handler';
import { pagesThroughHead } from '../event-store/read-through-head';
import type { Storage } from '../storage/storage.port';

export interface RetentionResult {
  retentionDays: number;
  /** Citizens whose every case closed more than `retentionDays` ago. */
  due: string[];
  erased: number;
  /** Issue 22: screenings with consent, never referred, taken more than `retentionDays` ago: their keys destroyed (the score stays). */
  screenings: string[];
  dryRun: boolean;
}

const PAGE = 5000;

/**
 * Erases (crypto-shreds) every citizen whose cases are all closed, the last
 * more than `days` ago by business time, and the details of every screening
 * with consent that was never referred and was taken more than `days` ago
 * (issue 22). With `dryRun`, only lists them.
 */
export async function applyRetention(storage: Storage, days: number, dryRun: boolean, now: Date = new Date()): Promise<RetentionResult> {
  const store = storage.events;
  const feed = new DirectoryFeed();
  await feed.start(store);
  try {
    const closedAt = new Map<string, string>();
    // Issue 22: the screening each case came from, whose key goes with the citizen's.
    const screeningOf = new Map<string, string>();
    // Screenings that keep a person's details and were never referred, by when they were taken.
    const unreferred = new Map<string, string>();
    for await (const page of pagesThroughHead(store, PAGE)) {
      for (const event of page) {
        if (event.type === 'CaseClosed' || event.type === 'ReferralDeclined') closedAt.set(event.streamId.slice('case-'.length), (event.data as { at: string }).at);
        const screeningId = event.type === 'ReferralReceived' ? (event.data as { screeningId?: string }).screeningId : undefined;
        if (screeningId !== undefined) screeningOf.set(event.streamId.slice('case-'.length), screeningId);
        if (event.type === 'LonelinessScreened' && (event.data as { consentToRefer: boolean }).consentToRefer) unreferred.set(event.streamId.slice('screening-'.length), (event.data as { at: string }).at);
        if (event.type === 'ScreeningReferred') unreferred.delete(event.streamId.slice('screening-'.length));
      }
    }
    const cutoff = DateTime.fromJSDate(now).minus({ days }).toMillis();
    const due: string[] = [];
    for (const citizen of feed.directory.citizens.values()) {
      if (citizen.erased || citizen.caseIds.length === 0) continue;
      const closes = citizen.caseIds.map((id) => closedAt.get(id));
      if (closes.some((at) => at === undefined)) continue; // a case still open
      if (Math.max(...closes.map((at) => Date.parse(at!))) < cutoff) due.push(citizen.citizenId);
    }
    if (!dryRun) {
      const deps = { handler: new CommandHandler(store), keys: storage.citizenKeys };
      for (const citizenId of due) {
        const screeningIds = (feed.directory.citizens.get(citizenId)?.caseIds ?? []).flatMap((caseId) => screeningOf.get(caseId) ?? []);
        await eraseCitizen({ ...deps, screeningIds }, citizenId, true, { id: 'retention', role: 'system' });
      }
    }
    const screenings = [...unreferred].filter(([, at]) => Date.parse(at) < cutoff).map(([screeningId]) => screeningId);
    if (!dryRun) for (const screeningId of screenings) await storage.citizenKeys.destroy(screeningId);
    return { retentionDays: days, due, erased: dryRun ? 0 : due.length, screenings, dryRun };
  } finally {
    await feed.stop();
  }
}
