import { randomInt } from 'node:crypto';
import { sleep } from './harness';
import { onCase, Traffic } from './soak-traffic';

/** What the soak's clients share: who they are, and the cases they made on the way. */
export interface SoakWorld {
  traffic: Traffic;
  /** Each loop stops at this time, or after MAX_STEPS, whichever comes first. */
  until: number;
  coordinators: string[];
  manager: string;
  auditor: string;
  /** Visitors the soak registered (with free places it hands out), and seeded ones with active cases. */
  visitors: Array<{ visitorId: string; token: string; free: number }>;
  /** Seeded cases, for the auditor and the bad input. */
  seededCases: string[];
  referred: string[];
  waiting: string[];
  active: string[];
  openTasks: Array<{ caseId: string; taskId: string }>;
  dashboard: boolean;
}

const MAX_STEPS = 20_000;
const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();
const pick = <T>(list: readonly T[]): T | undefined => (list.length === 0 ? undefined : list[randomInt(list.length)]);
const take = <T>(list: T[]): T | undefined => (list.length === 0 ? undefined : list.splice(randomInt(list.length), 1)[0]);

/** Runs `step` until the soak's time is up, with a short pause between steps as a person at a screen would make. */
async function loop(world: SoakWorld, pauseMs: [number, number], step: (n: number) => Promise<void>): Promise<void> {
  for (let n = 0; n < MAX_STEPS && Date.now() < world.until; n++) {
    await step(n);
    await sleep(randomInt(pauseMs[0], pauseMs[1]));
  }
}

export const referral = (n: string) => ({
  programme: pick(['care_visits', 'visiting_friend', 'community_guide', 'companion'] as const),
  referredAt: iso(Date.now() - DAY),
  referrer: { name: 'Jette Holm', role: 'home_nurse', organisation: 'Hjemmeplejen Syd', phone: '+4520304050' },
  citizen: { name: `Soak Borger ${n}`, address: 'Algade 12, 2. th, 4180 Sorø', phone: '+4557831234' },
  situation: { physical: 'KOL', psychological: 'trist', social: 'enke' },
  needs: ['loneliness_symptoms'],
  consent: { given: true, recordedBy: 'Jette Holm', at: iso(Date.now() - 2 * DAY) },
});

/** A coordinator: refers, triages, books first visits, opens and completes tasks, scores UCLA-3, and reads the lists. */
export function coordinator(world: SoakWorld, me: number): Promise<void> {
  const token = world.coordinators[me]!;
  const { traffic } = world;
  const read = (path: string) => traffic.call('coordinator', 'GET', path, { token, expect: 'ok' });
  return loop(world, [10, 60], async (n) => {
    const roll = randomInt(100);
    if (roll < 22) {
      const answer = await traffic.command('coordinator', token, '/cases', referral(`${me}-${n}`), onCase(/^ReferralReceived$/));
      if (answer) world.referred.push(answer.caseId as string);
    } else if (roll < 40 && world.referred.length > 0) {
      const caseId = take(world.referred)!;
      const body = { track: 'volunteer', reason: 'Ensom', priority: pick(['high', 'normal', 'low']) };
      if (await traffic.command('coordinator', token, `/cases/${caseId}/triage`, body, onCase(/^TriagedToVolunteer$/), { 'if-match': '"0"' })) world.waiting.push(caseId);
    } else if (roll < 52 && world.waiting.length > 0) {
      const visitor = world.visitors.find((v) => v.free > 0);
      if (!visitor) {
        await read('/visitors?available=true');
        return;
      }
      const caseId = take(world.waiting)!;
      visitor.free -= 1;
      const body = { visitorId: visitor.visitorId, visitAt: iso(Date.now() + 2 * DAY) };
      if (await traffic.command('coordinator', token, `/cases/${caseId}/first-visit`, body, onCase(/^FirstVisitBooked$/))) world.active.push(caseId);
    } else if (roll < 60 && world.active.length > 0) {
      const caseId = pick(world.active)!;
      const answer = await traffic.command('coordinator', token, `/cases/${caseId}/tasks`, { kind: 'heating_aid', description: 'Ansøgning om varmehjælp' }, onCase(/^TaskOpened$/));
      if (answer) world.openTasks.push({ caseId, taskId: answer.taskId as string });
    } else if (roll < 66 && world.openTasks.length > 0) {
      const { caseId, taskId } = take(world.openTasks)!;
      await traffic.command('coordinator', token, `/cases/${caseId}/tasks/${taskId}/complete`, { outcome: 'Bevilget' }, onCase(/^TaskCompleted$/));
    } else if (roll < 70 && world.active.length > 0) {
      const answers = [randomInt(1, 4), randomInt(1, 4), randomInt(1, 4)];
      await traffic.command('coordinator', token, `/cases/${pick(world.active)!}/assessments`, { instrument: 'ucla3', answers }, onCase(/^LonelinessAssessed$/));
    } else {
      const caseId = pick([...world.active, ...world.waiting]) ?? pick(world.seededCases)!;
      const visitor = pick(world.visitors)!;
      const reads = ['/waiting-list?limit=100', '/cases?status=Waiting&limit=100', '/cases?limit=100', `/cases/${caseId}`, '/visitors?available=true', `/visitors/${visitor.visitorId}/caseload`, '/partners?silentDays=90'];
      await read(pick(reads)!);
    }
  });
}

/** A visitor: reads their caseload, and records a visit on one of their cases now and then. */
export function visitor(world: SoakWorld, me: number): Promise<void> {
  const { visitorId, token } = world.visitors[me]!;
  const { traffic } = world;
  return loop(world, [50, 250], async () => {
    const heard = await traffic.call('visitor', 'GET', `/visitors/${visitorId}/caseload`, { token, expect: 'ok' });
    const cases = (heard?.status === 200 ? (heard.body as { cases: Array<{ caseId: string }> }).cases : []) ?? [];
    const one = pick(cases);
    if (!one || randomInt(2) === 0) return;
    const now = Date.now();
    const body = { visitorId, visitedAt: iso(now - randomInt(5, 120) * 60_000), nextVisitAt: iso(now + 7 * DAY), themes: [pick(['varmehjælp', 'gåture', 'familie'])!], note: 'God samtale' };
    await traffic.command('visitor', token, `/cases/${one.caseId}/visits`, body, onCase(/^VisitHeld$/));
  });
}

/** The manager: the dashboard as the page opens it (12 months), the whole span, the widest range allowed (120 months), and the partners. */
export function manager(world: SoakWorld): Promise<void> {
  const { traffic, manager: token } = world;
  const today = new Date();
  const yearAgo = new Date(today.getTime() - 364 * DAY);
  const dashboards = [
    `/dashboard?from=${iso(yearAgo.getTime()).slice(0, 10)}&to=${iso(today.getTime()).slice(0, 10)}`,
    '/dashboard?from=2017-01-01&to=2026-12-31',
    '/dashboard',
    `/dashboard?from=${iso(yearAgo.getTime()).slice(0, 10)}&to=${iso(today.getTime()).slice(0, 10)}&programme=care_visits`,
  ];
  const pages = [...(world.dashboard ? dashboards : []), '/partners?silentDays=90'];
  return loop(world, [200, 800], async (n) => {
    await traffic.call('manager', 'GET', pages[n % pages.length]!, { token, expect: 'ok' });
  });
}

/** The auditor: pseudonymised lists, a case's history, events and replay, and now and then the export. */
export function auditor(world: SoakWorld): Promise<void> {
  const { traffic, auditor: token } = world;
  const read = (path: string) => traffic.call('auditor', 'GET', path, { token, expect: 'ok' });
  return loop(world, [50, 300], async (n) => {
    const caseId = pick([...world.active, ...world.seededCases])!;
    // As of now: a case made during the soak, or one seeded minutes ago, was not known earlier (that is a 404).
    const asOf = encodeURIComponent(iso(Date.now()));
    const reads = [`/cases/${caseId}/history`, `/cases/${caseId}/replay?asOf=${asOf}&time=recorded`, `/cases/${caseId}/replay?asOf=${asOf}`, `/cases/${caseId}/events`, '/cases?limit=50'];
    await read(n % 40 === 39 ? '/audit/export' : reads[n % reads.length]!);
  });
}
