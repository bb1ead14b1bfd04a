import type { CaseCommand, ReceiveReferral } from '../../../domain/case/case.commands';
import type { Need, Programme, TaskKind, VisitorKind } from '../../../domain/shared/codes';
import { FIRST_NAMES, LAST_NAMES, PARTNERS, SITUATIONS, STREETS, THEMES, TOWNS } from './danish-data';
import type { Random } from './random';

const DAY = 24 * 60 * 60 * 1000;

/** Where a story's commands go: `at` is the business time the command is decided at. Resolves false if refused. */
export type Act = (command: CaseCommand, at: number) => Promise<boolean>;
/** A visitor with a free place that may take the case, if any. */
export type FindVisitor = (professional: boolean) => { visitorId: string; kind: VisitorKind } | undefined;

const iso = (ms: number) => new Date(ms).toISOString();

/** The same day at a whole UTC hour: visits and referrals happen in the daytime, not at 3 a.m. */
function atHour(ms: number, hour: number): number {
  const day = new Date(ms);
  day.setUTCHours(hour, 0, 0, 0);
  return day.getTime();
}

/**
 * One synthetic case, told through the real commands in sensible proportions:
 * referral, sometimes an intake UCLA-3, triage (suicidal thoughts to the
 * professional track), waiting, the first visit, weekly visits with themes, a
 * dismissal now and then, tasks, a late risk flag, a relation, the close.
 */
export async function tellCase(random: Random, caseId: string, anchor: number, act: Act, findVisitor: FindVisitor): Promise<void> {
  const referral = referralOf(random, caseId, anchor);
  let t = Date.parse(referral.data.referredAt);
  if (!(await act(referral, t + DAY / 24))) return;
  const score = () => ({ type: 'AssessLoneliness' as const, data: { instrument: 'ucla3' as const, answers: [random.int(1, 3), random.int(1, 3), random.int(1, 3)] } });
  const assess = random.chance(0.5);
  if (assess) await act(score(), t + DAY / 12);

  t += random.int(0, 5) * DAY + random.int(1, 8) * 3600_000;
  if (t > anchor) return;
  if (random.chance(0.07)) {
    await act({ type: 'DeclineReferral', data: { reason: random.pick(['citizen_declined', 'moved', 'other'] as const), at: iso(t) } }, t);
    return;
  }
  const suicidal = referral.data.needs.includes('suicidal_thoughts');
  const professional = suicidal || random.chance(0.1);
  const priority = suicidal ? 'high' : random.weighted({ high: 2, normal: 6, low: 2 });
  await act({ type: 'TriageCase', data: { track: professional ? 'professional' : 'volunteer', reason: 'Vurderet ved visitationen', priority } }, t);

  t += random.int(1, 30) * DAY;
  const visitor = t <= anchor && random.chance(0.85) ? findVisitor(professional) : undefined;
  if (!visitor) return; // stays in the waiting folder
  let next = atHour(t + random.int(2, 10) * DAY, random.int(8, 14));
  if (!(await act({ type: 'BookFirstVisit', data: { visitorId: visitor.visitorId, visitAt: iso(next) } }, t))) return;

  let visitorId = visitor.visitorId;
  const visits = random.int(1, 10);
  for (let i = 0; i < visits && next + DAY < anchor; i++) {
    // "We always call first": the visit moves a day, and then takes place.
    if (random.chance(0.06) && (await act({ type: 'RescheduleVisit', data: { from: iso(next), to: iso(next + DAY), citizenNotified: true } }, next - DAY))) next += DAY;
    const at = next + random.int(0, 30) * 60_000;
    const following = at + 7 * DAY - random.int(0, 30) * 60_000;
    if (random.chance(0.1)) await act({ type: 'RecordDismissal', data: { visitorId, at: iso(at), nextVisitAt: iso(following), assessment: 'Bag facaden et ønske om besøg' } }, at);
    else await act({ type: 'RecordVisit', data: { visitorId, visitedAt: iso(at), nextVisitAt: iso(following), themes: [random.pick(THEMES)], note: 'God samtale' } }, at);
    if (random.chance(0.15)) {
      const taskId = random.uuid();
      const kind: TaskKind = random.pick(['health_supplement', 'housing_benefit', 'heating_aid', 'dental_care', 'assistive_devices', 'grant', 'contact_authority']);
      await act({ type: 'OpenTask', data: { taskId, kind, description: 'Hjælp til ansøgning' } }, at);
      if (random.chance(0.7)) await act({ type: 'CompleteTask', data: { taskId, outcome: random.pick(['Bevilget', 'Afslag', 'Sendt videre']) } }, at + DAY);
    }
    if (!professional && random.chance(0.01)) {
      await act({ type: 'FlagRisk', data: { risk: 'suicidal_thoughts', note: 'Taler om ikke at ville leve', at: iso(at) } }, at);
      const professionalVisitor = findVisitor(true);
      if (!professionalVisitor || !(await act({ type: 'ReassignVisitor', data: { toVisitorId: professionalVisitor.visitorId, reason: 'Selvmordstanker' } }, at + 3600_000))) {
        await act({ type: 'CloseCase', data: { reason: 'transferred_to_professionals', at: iso(at + DAY) } }, at + DAY);
        return;
      }
      visitorId = professionalVisitor.visitorId;
    }
    next = following;
  }

  const end = next - 3 * DAY;
  if (end > anchor) return;
  if (assess) await act(score(), end);
  const outcome = random.weighted({ relation: 45, other: 12, open: 43 });
  if (outcome === 'relation') {
    const kind = random.pick(['family', 'friend', 'volunteer_visitor', 'network', 'self_help_group', 'activity', 'social_cafe', 'practice_community'] as const);
    await act({ type: 'EstablishRelation', data: { kind, description: 'Ny relation', at: iso(end) } }, end);
    await act({ type: 'CloseCase', data: { reason: 'relation_established', at: iso(end + DAY) } }, end + DAY);
  } else if (outcome === 'other') {
    await act({ type: 'CloseCase', data: { reason: random.pick(['moved', 'deceased', 'citizen_declined', 'other'] as const), at: iso(end) } }, end);
  }
}

function referralOf(random: Random, caseId: string, anchor: number): ReceiveReferral {
  const programme = random.weighted<Programme>({ care_visits: 45, visiting_friend: 30, community_guide: 15, companion: 10 });
  const partner = random.weighted(Object.fromEntries(PARTNERS.map((p, i) => [String(i), p.weight])));
  const { role, organisations } = PARTNERS[Number(partner)]!;
  const referredAt = atHour(anchor - random.int(1, 540) * DAY, random.int(7, 13));
  const young = programme === 'community_guide';
  const birthYear = young ? random.int(1975, 2006) : random.int(1930, 1962);
  const [postcode, town] = random.pick(TOWNS);
  const name = `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}`;
  const needs: Need[] = ['loneliness_symptoms'];
  if (random.chance(0.06)) needs.push('suicidal_thoughts');
  if (random.chance(0.3)) needs.push('applications');
  if (random.chance(0.2)) needs.push('existential_conversations');
  if (random.chance(0.15)) needs.push('contact_difficulties');
  return {
    type: 'ReceiveReferral',
    data: {
      caseId,
      citizenId: random.uuid(),
      programme,
      referredAt: iso(referredAt),
      referrer: {
        name: `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}`,
        role,
        ...(organisations.length > 0 && { organisation: random.pick(organisations) }),
        ...(random.chance(0.7) && { phone: `+45${random.int(2, 9)}${random.digits(7)}` }),
      },
      citizen: {
        name,
        address: `${random.pick(STREETS)} ${random.int(1, 120)}, ${postcode} ${town}`,
        ...(random.chance(0.7) && { phone: `+45${random.int(2, 9)}${random.digits(7)}` }),
        ...(random.chance(0.6) && { cpr: cprOf(random, birthYear) }),
      },
      situation: { physical: random.pick(SITUATIONS.physical), psychological: random.pick(SITUATIONS.psychological), social: random.pick(SITUATIONS.social) },
      needs,
      requestedTasks: random.chance(0.4) ? [random.pick(['heating_aid', 'housing_benefit', 'health_supplement'] as const)] : [],
      ...(role !== 'self' && { consent: { given: true, recordedBy: 'Henviser', at: iso(referredAt - DAY) } }),
    },
  };
}

/** A CPR number with a real date whose 7th digit gives the right century (1900s: 0–3, 2000s: 4). */
function cprOf(random: Random, year: number): string {
  const month = random.int(1, 12);
  const day = random.int(1, 28);
  const seventh = year >= 2000 ? 4 : random.int(0, 3);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(day)}${pad(month)}${pad(year % 100)}-${seventh}${random.digits(3)}`;
}
