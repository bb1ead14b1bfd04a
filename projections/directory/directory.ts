import { trackAfterRisk } from '../../domain/case/case.track';
import type { Need, Programme, Track, Priority } from '../../domain/shared/codes';
import { streamCategory } from '../../domain/shared/ids';
import { applyOffer, OfferEntry } from './directory-offers';
import { applyProgramme, ProgrammeEntry } from './directory-programmes';
import { settingsTable, ProgrammeSettingsTable } from '../../domain/programme/programme.settings';
import { applyVisitor, countVisit, VisitorEntry } from './directory-visitors';

export type { VisitorEntry } from './directory-visitors';

/**
 * The write side's directory: who the visitors are, which open cases each has,
 * and which citizens are known. Commands need it before deciding (a visitor's
 * free capacity, a citizen referred again), and the coordinator's lists read it.
 * A pure reducer: the service in src/directory feeds it events in global order.
 */

export interface CaseEntry {
  caseId: string;
  citizenId: string;
  status: 'Referred' | 'Waiting' | 'Active' | 'Closed';
  programme: Programme;
  referredAt: string;
  /** For the coordinator's name search: the sealed name as the referral stored it (opened at the edge), or none once erased. */
  citizenName?: string;
  track?: Track;
  priority?: Priority;
  visitorId?: string;
  revision: number;
}

export interface CitizenEntry {
  citizenId: string;
  erased: boolean;
  consentWithdrawn: boolean;
  caseIds: string[];
  /** For the citizen lookup (src/citizens/lookup): the name and CPR number of the latest referral that gave them, sealed as the events store them; gone once erased. */
  name?: string;
  cpr?: string;
  /** Derived from the CPR, in clear (as in the referral). */
  birthYear?: number;
}

/** The minimum of a stored event the directory reads. */
export interface DirectoryEvent {
  streamId: string;
  type: string;
  data: unknown;
  revision: number;
}

type Data = Record<string, unknown>;

/** Bump when what `apply` keeps changes: a persisted Directory of another version is folded again from 0. */
// 3: citizens keep their sealed name and CPR and their birth year (the citizen lookup).
// 4: visitors keep their profile, and the offers of the catalogue are entries (matching).
// 5: visitors keep their lifecycle's standing and their visits by month (issue 20).
// 6: programmes keep the settings an admin changed (issues 19, 20, 22).
export const DIRECTORY_VERSION = 6;

/** Which entry an event changed, as `case:<id>`, `visitor:<id>` or `citizen:<id>`. */
export type EntryKey = `${'case' | 'visitor' | 'citizen' | 'offer' | 'programme'}:${string}`;

export class Directory {
  readonly cases = new Map<string, CaseEntry>();
  readonly visitors = new Map<string, VisitorEntry>();
  readonly citizens = new Map<string, CitizenEntry>();
  /** The catalogue of offers (issue #18): what the suggestions and `GET /offers` read. */
  readonly offers = new Map<string, OfferEntry>();
  /** Programmes whose settings were changed; `programmeSettings()` fills in the defaults. */
  readonly programmes = new Map<Programme, ProgrammeEntry>();
  /** The entries changed since the owner last emptied this (to persist only those). */
  readonly touched = new Set<EntryKey>();
  private readonly touchVisitor = (visitorId: string): void => void this.touched.add(`visitor:${visitorId}`);

  apply(event: DirectoryEvent): void {
    const data = event.data as Data;
    switch (streamCategory(event.streamId)) {
      case 'case':
        return this.applyCase(event, data);
      case 'visitor':
        return applyVisitor(this.visitors, this.touchVisitor, event.type, data, event.streamId.slice('visitor-'.length));
      case 'citizen':
        return this.applyCitizen(event.type, event.streamId.slice('citizen-'.length));
      case 'offer':
        if (applyOffer(this.offers, event.type, data, event.streamId.slice('offer-'.length))) this.touched.add(`offer:${event.streamId.slice('offer-'.length)}`);
        return;
      case 'programme': {
        const programme = applyProgramme(this.programmes, event.type, data, event.streamId.slice('programme-'.length));
        if (programme) this.touched.add(`programme:${programme}`);
        return;
      }
    }
  }

  /** Every programme's settings in force: the changed ones, the defaults for the rest. */
  programmeSettings(): ProgrammeSettingsTable {
    return settingsTable(new Map([...this.programmes].map(([p, entry]) => [p, entry.settings])));
  }

  /** Open cases assigned to a visitor, leaving out one case (the one being decided). */
  activeCasesOf(visitorId: string, exceptCaseId?: string): number {
    const ids = this.visitors.get(visitorId)?.activeCaseIds;
    if (!ids) return 0;
    return exceptCaseId && ids.has(exceptCaseId) ? ids.size - 1 : ids.size;
  }

  private applyCase(event: DirectoryEvent, data: Data): void {
    const caseId = event.streamId.slice('case-'.length);
    if (event.type === 'ReferralReceived') {
      const citizenId = data.citizenId as string;
      const citizenName = (data.citizen as { name?: string } | undefined)?.name ?? this.knownName(citizenId);
      this.cases.set(caseId, {
        caseId,
        citizenId,
        status: 'Referred',
        programme: data.programme as Programme,
        referredAt: data.referredAt as string,
        citizenName,
        revision: event.revision,
      });
      const citizen = this.citizens.get(citizenId) ?? { citizenId, erased: false, consentWithdrawn: false, caseIds: [] };
      citizen.caseIds.push(caseId);
      const details = data.citizen as { name?: string; cpr?: string } | undefined;
      if (details?.name !== undefined) citizen.name = details.name;
      if (details?.cpr !== undefined) citizen.cpr = details.cpr;
      if (typeof data.birthYear === 'number') citizen.birthYear = data.birthYear;
      this.citizens.set(citizenId, citizen);
      this.touched.add(`case:${caseId}`).add(`citizen:${citizenId}`);
      return;
    }
    const entry = this.cases.get(caseId);
    if (!entry) return;
    entry.revision = event.revision;
    this.touched.add(`case:${caseId}`);
    switch (event.type) {
      case 'TriagedToVolunteer':
      case 'TriagedToProfessional':
        entry.status = 'Waiting';
        entry.track = event.type === 'TriagedToVolunteer' ? 'volunteer' : 'professional';
        entry.priority = data.priority as Priority;
        return;
      case 'RiskFlagged':
        entry.track = trackAfterRisk(entry.track, data.risk as Need);
        return;
      case 'FirstVisitBooked':
        entry.status = 'Active';
        return this.assign(entry, data.visitorId as string);
      case 'VisitorReassigned':
        return this.assign(entry, data.toVisitorId as string);
      case 'VisitHeld':
        return countVisit(this.visitors, this.touchVisitor, data);
      case 'ReferralDeclined':
      case 'CaseClosed':
        entry.status = 'Closed';
        return this.assign(entry, undefined);
      // Issue #19: a new judgement; handed back to the waiting folder, the volunteer's place is freed.
      case 'CaseReassessed':
        if (entry.status === 'Referred') return;
        entry.track = data.track as Track;
        if (data.handedBackFrom === undefined || entry.status !== 'Active') return;
        entry.status = 'Waiting';
        return this.assign(entry, undefined);
    }
  }

  private assign(entry: CaseEntry, visitorId: string | undefined): void {
    if (entry.visitorId) {
      this.visitors.get(entry.visitorId)?.activeCaseIds.delete(entry.caseId);
      this.touched.add(`visitor:${entry.visitorId}`);
    }
    if (entry.status === 'Closed') return; // keep who visited last, but free the place
    entry.visitorId = visitorId;
    if (visitorId) {
      this.visitors.get(visitorId)?.activeCaseIds.add(entry.caseId);
      this.touched.add(`visitor:${visitorId}`);
    }
  }

  private applyCitizen(type: string, citizenId: string): void {
    const citizen = this.citizens.get(citizenId) ?? { citizenId, erased: false, consentWithdrawn: false, caseIds: [] };
    if (type === 'ConsentWithdrawn') citizen.consentWithdrawn = true;
    if (type === 'CitizenErased') {
      citizen.erased = true;
      delete citizen.name;
      delete citizen.cpr;
      for (const id of citizen.caseIds) {
        const entry = this.cases.get(id);
        if (entry) entry.citizenName = undefined;
        this.touched.add(`case:${id}`);
      }
    }
    this.citizens.set(citizenId, citizen);
    this.touched.add(`citizen:${citizenId}`);
  }

  /** A citizen referred again by id keeps the name given at an earlier referral. */
  private knownName(citizenId: string): string | undefined {
    const earlier = this.citizens.get(citizenId)?.caseIds ?? [];
    for (const id of earlier) {
      const name = this.cases.get(id)?.citizenName;
      if (name) return name;
    }
    return undefined;
  }
}
