import type { AppointmentWith } from '../../../domain/shared/companion-codes';
import type { AgreementParty, Involvement, OnwardDestination, RelativeRelation } from '../../../domain/shared/course-codes';
import type { Programme } from '../../../domain/shared/codes';
import { appointment } from './calendar';
import type { Act } from './story-act';
import { FIRST_NAMES, LAST_NAMES } from './danish-data';
import { APPOINTMENTS, DURATIONS, GUIDE_ACTIVITIES, GOALS, RELATIVES } from './course-data';
import type { Random } from './random';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const iso = (ms: number) => new Date(ms).toISOString();

/** What the story knows of the case when its course begins (the first visit booked). */
export interface CourseCase {
  caseId: string;
  programme: Programme;
  professional: boolean;
  citizenName: string;
  /** Days between visits: 7 or 14. */
  every: number;
  anchor: number;
  act: Act;
}

/**
 * The course of a case (issues #19 and #20) told beside its visits, from a
 * random stream of its own, so the visits, tasks and closures of a seed stay
 * those it wrote before: relatives on some cases (a daughter, a neighbour; a few
 * who need relief themselves, seed 003: "pårørende kan også have behov for
 * aflastning"), the agreement about the course in the guides' and companions'
 * cases ("klare aftaler omkring forløbet"), the guide going along the first
 * times and then the citizen alone ("følges med borgerne de første gange"),
 * the companion's appointments with preparation and debrief (seed 002:
 * "støtte før, under og efter en samtale"), a few referrals onward, mostly on
 * the professional track, and how long each visit took.
 */
export class CourseStory {
  private relative?: { relativeId: string; goesAlong: boolean };
  private readonly firstTimes: number;
  private accompanied = 0;
  private alone = 0;
  private referred = false;
  /** Appointments so far: a case's next one with the same office is about the next thing, not the same again. */
  private appointments = 0;
  private readonly textOffset: number;
  private readonly activity: string;

  constructor(
    private readonly random: Random,
    private readonly c: CourseCase,
  ) {
    this.firstTimes = random.int(1, 3);
    this.activity = random.pick(GUIDE_ACTIVITIES);
    this.textOffset = random.int(0, 5);
  }

  /** The first visit is booked (`at`): a relative may be in the picture from the start. */
  async booked(at: number): Promise<void> {
    const { chance, relations, relief } = RELATIVES[this.c.programme];
    if (!this.random.chance(chance)) return;
    const relation = this.random.weighted(relations as Record<RelativeRelation, number>);
    const family = relation !== 'neighbour' && relation !== 'friend';
    const lastName = family ? this.c.citizenName.split(' ').pop()! : this.random.pick(LAST_NAMES);
    const involvement: Involvement[] = ['informed'];
    const goesAlong = this.random.chance(0.3);
    if (goesAlong) involvement.push('goes_along');
    const needsRelief = this.random.chance(relief);
    if (needsRelief) involvement.push('needs_relief');
    const relativeId = this.random.uuid();
    const phone = this.random.chance(0.8) ? `+45${this.random.int(2, 9)}${this.random.digits(7)}` : undefined;
    const note = needsRelief ? this.random.pick(['Passer borgeren dagligt og er selv slidt', 'Kommer hver dag og har brug for en pause', 'Bekymret og træt']) : undefined;
    const added = await this.c.act(
      { type: 'AddRelative', data: { relativeId, name: `${this.random.pick(FIRST_NAMES)} ${lastName}`, relation, involvement, ...(phone && { phone }), ...(note && { note }) } },
      at,
    );
    if (added) this.relative = { relativeId, goesAlong };
  }

  /** What a held visit records besides the story's own fields: its minutes (mostly 45–120), and a relative who came to the first. */
  visit(held: number): { durationMinutes?: number; participants?: string[] } {
    const minutes = this.random.chance(0.9) ? this.random.pick(DURATIONS[this.c.programme]) : undefined;
    const participants = held === 0 && this.relative?.goesAlong ? [this.relative.relativeId] : undefined;
    return { ...(minutes !== undefined && { durationMinutes: minutes }), ...(participants && { participants }) };
  }

  /**
   * After a visit held at `at`, before the next (`following`): what happened in
   * between, from the day after (once the story's tasks are done) to three days
   * before the next visit, and never after the anchor.
   */
  async between(held: number, at: number, following: number, visitorId: string): Promise<void> {
    const start = at + DAY + HOUR;
    const until = Math.min(this.c.anchor, following - 3 * DAY);
    if (start > this.c.anchor) return;
    const { programme } = this.c;
    if (held === 0 && (programme === 'community_guide' || programme === 'companion') && this.random.chance(0.85)) await this.agree(start, at);
    if (programme === 'community_guide') await this.goAlong(start, until, visitorId);
    if (programme === 'companion') await this.companion(start, until, following);
    await this.referOnward(start);
  }

  private async agree(start: number, firstVisit: number): Promise<void> {
    const { goals, endCriteria } = GOALS[this.c.programme as 'community_guide' | 'companion'];
    const agreedWith: AgreementParty[] = ['citizen', 'visitor', ...(this.relative?.goesAlong ? (['relative'] as const) : []), ...(this.random.chance(0.5) ? (['coordinator'] as const) : [])];
    const expectedEnd = appointment(firstVisit + this.random.int(90, 180) * DAY, this.random);
    await this.c.act(
      {
        type: 'RecordAgreement',
        data: { goals: [this.random.pick(goals[0]), this.random.pick(goals[1])], frequency: this.c.every === 7 ? 'weekly' : 'fortnightly', expectedEnd: iso(expectedEnd), endCriteria: this.random.pick(endCriteria), agreedWith },
      },
      start,
    );
  }

  /** The guide goes along the first one to three times; then the citizen goes alone, now and then. */
  private async goAlong(start: number, until: number, visitorId: string): Promise<void> {
    if (!this.random.chance(0.7)) return;
    const when = appointment(start + DAY, this.random);
    if (when + 2 * HOUR > until) return;
    if (this.accompanied < this.firstTimes) {
      const firstTime = this.accompanied === 0;
      const note = firstTime ? 'Vi fulgtes ad første gang; borgeren var spændt, men blev hele tiden' : 'Fulgtes ad igen; borgeren talte med flere';
      if (await this.c.act({ type: 'RecordAccompaniment', data: { at: iso(when), to: { activity: this.activity }, visitorId, firstTime, note } }, when + 2 * HOUR)) this.accompanied += 1;
    } else if (this.alone < 4 && (await this.c.act({ type: 'RecordWentAlone', data: { at: iso(when), activity: this.activity } }, when + 2 * HOUR))) {
      this.alone += 1;
    }
  }

  /** Before, during and after an appointment: agreed the day after the visit, gone along to if it has happened (a few called off). */
  private async companion(start: number, until: number, following: number): Promise<void> {
    if (!this.random.chance(0.5)) return;
    const whom = this.random.weighted(APPOINTMENTS.weights as Record<AppointmentWith, number>);
    const { purpose, preparation, debrief } = APPOINTMENTS.texts[whom];
    const nth = <T>(texts: readonly T[]) => texts[(this.textOffset + this.appointments) % texts.length]!;
    this.appointments += 1;
    const when = appointment(start + this.random.int(1, 3) * DAY, this.random);
    // Still ahead of the anchor it stays scheduled, on the case's card; else it must lie before the next visit's run-up.
    if (when + 2 * HOUR > following - 3 * DAY) return;
    const appointmentId = this.random.uuid();
    if (!(await this.c.act({ type: 'ScheduleAppointment', data: { appointmentId, with: whom, purpose: nth(purpose), at: iso(when), preparation: nth(preparation) } }, start))) return;
    if (when + 2 * HOUR > until) return;
    if (this.random.chance(0.08)) {
      await this.c.act({ type: 'CancelAppointment', data: { appointmentId, reason: 'Mødet blev aflyst og flyttet' } }, when - DAY);
      return;
    }
    await this.c.act({ type: 'RecordAppointmentAccompanied', data: { appointmentId, at: iso(when), debrief: nth(debrief) } }, when + 2 * HOUR);
  }

  /** Help the programme cannot give: once a case, mostly on the professional track. The case stays open; the helper goes on. */
  private async referOnward(at: number): Promise<void> {
    if (this.referred || !this.random.chance(this.c.professional ? 0.06 : 0.005)) return;
    const to: OnwardDestination = this.random.weighted<OnwardDestination>(
      (this.c.professional ? { psykiatri: 4, egen_laege: 3, kommunens_visitation: 1 } : { kommunens_visitation: 3, egen_laege: 2, kommunal_brobygger: 2, andet: 1 }) as Partial<Record<OnwardDestination, number>> as Record<OnwardDestination, number>,
    );
    const reason = { psykiatri: 'Tiltagende depression; aftalt med borgeren', egen_laege: 'Søvnproblemer og tab af appetit', kommunens_visitation: 'Behov for hjemmehjælp', kommunal_brobygger: 'Ønsker hjælp til uddannelse og job', aeldreraad: 'Spørgsmål om ældrepolitik', andet: 'Gældsrådgivning' }[to];
    this.referred = await this.c.act({ type: 'ReferOnward', data: { to, reason, at: iso(at), followUpId: this.random.uuid() } }, at);
  }
}
