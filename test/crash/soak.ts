import { strictEqual } from 'node:assert/strict';
import { join } from 'node:path';
import { issueToken, Principal } from '../../src/privacy/tokens';
import { HealthProber } from './health-prober';
import { cli, projectionsAtHead, stoppedCleanly, StoreKind, tail, workspace, Workspace } from './harness';
import { freePort, Server } from './server';
import { auditor, coordinator, manager, SoakWorld, visitor } from './soak-actors';
import { badInput } from './soak-bad-input';
import { onVisitor, Traffic } from './soak-traffic';
import { LedgerCheck, percentile, soakViolations, verifySoakLedger } from './soak-verify';
import { readStore } from './store-view';
import { verifyRebuild } from './verify';

export interface SoakOptions {
  seconds: number;
  cases: number;
  /** Leave the manager's dashboard out: for diagnosis only (is it the dashboard that holds /health up?). */
  dashboard: boolean;
}

export interface SoakFigures extends Partial<LedgerCheck> {
  store: StoreKind;
  seededCases: number;
  soakSeconds: number;
  dashboard: boolean;
  clients: Record<string, number>;
  requests: number;
  byStatus: Record<string, number>;
  byRole: Record<string, number>;
  replays: number;
  unexpected: number;
  lost: number;
  health: { probes: number; byStatus: Record<string, number>; p50Ms: number; p99Ms: number; maxMs: number };
  /** The routes with the slowest answers (as the clients saw them, waits behind other requests included). */
  slowestRoutes: Array<{ route: string; requests: number; p50Ms: number; p99Ms: number; maxMs: number }>;
  readModelDocsCompared?: number;
  /** Seconds spent seeding, starting, under traffic, and settling and checking. */
  phases: Record<string, number>;
  seconds: number;
}

const since = (start: number) => Math.round((Date.now() - start) / 1000);
const COORDINATORS = 3;
const OWN_VISITORS = 3;
const SEEDED_VISITORS = 2;

/**
 * The real server on a seeded store, driven for `seconds` by every role at
 * once (coordinators, visitors, a manager on the dashboard, an auditor, and a
 * client sending bad input) while a prober on a thread of its own times
 * `/health`. Then: no 5xx, every answer as expected, exactly one new event per
 * acknowledged command, the read models equal to a rebuild, and `/health`'s
 * p99 under 500 ms. Throws with the figures when any of it did not hold.
 */
export async function soak(kind: StoreKind, options: SoakOptions): Promise<SoakFigures> {
  const started = Date.now();
  const ws = workspace(kind, 'soak');
  const log = join(ws.dataDir, 'server.log');
  let server: Server | undefined;
  let prober: HealthProber | undefined;
  try {
    // The seed is set-up, not under test: no sync per commit (SQLite) or per transaction (PostgreSQL), which
    // made it 5–20 s on a busy machine. What it wrote is read back from the store before the soak begins.
    const seedEnv = { ...ws.env, SQLITE_SYNCHRONOUS: 'NORMAL', PGOPTIONS: '-c synchronous_commit=off' };
    const seeded = await cli(seedEnv, ['seed', '--cases', String(options.cases), '--seed', '15'], 300_000);
    strictEqual(seeded.code, 0, `cli seed failed: ${seeded.stderr}`);
    const before = new Set((await readStore(ws.location, ws.subject)).events.map((e) => e.position));
    const phases: Record<string, number> = { seed: since(started) };
    server = Server.start({ port: await freePort(), env: ws.env, log });
    await server.healthy();

    const world = await meet(ws, new Traffic(server.url), options);
    process.stderr.write(`  ${kind}: ${options.cases} cases seeded (${before.size} events); ${options.seconds} s of traffic\n`);
    prober = new HealthProber({ url: server.url, intervalMs: 100, maxProbes: options.seconds * 20 });
    world.until = Date.now() + options.seconds * 1000;
    phases.start = since(started) - phases.seed!;
    await Promise.all([
      ...world.coordinators.map((_, i) => coordinator(world, i)),
      ...world.visitors.map((_, i) => visitor(world, i)),
      manager(world),
      auditor(world),
      badInput(world),
    ]);
    // The last requests may end well after `until` (a slow dashboard): counted as the soak's own time.
    phases.traffic = Math.round((Date.now() - world.until) / 1000 + options.seconds);
    const probes = await prober.stop();
    await projectionsAtHead(server.url);
    await stoppedCleanly(server, ws.location);

    const { traffic } = world;
    const violations: string[] = [];
    const live = await readStore(ws.location, ws.subject);
    let ledger: LedgerCheck | undefined;
    try {
      ledger = verifySoakLedger(traffic.acknowledged, before, live);
    } catch (error) {
      violations.push(`events vs acknowledged: ${error instanceof Error ? error.message : String(error)}`);
    }
    const rebuild = await cli(ws.env, ['rebuild']);
    strictEqual(rebuild.code, 0, `cli rebuild failed: ${rebuild.stderr}`);
    const { docs } = verifyRebuild(live, await readStore(ws.location, ws.subject));

    const samples = probes.samplesMs;
    const health = { probes: samples.length, byStatus: probes.byStatus, p50Ms: percentile(samples, 50), p99Ms: percentile(samples, 99), maxMs: Math.max(...samples) };
    const figures: SoakFigures = {
      store: kind,
      seededCases: options.cases,
      soakSeconds: options.seconds,
      dashboard: options.dashboard,
      clients: { coordinators: COORDINATORS, visitors: world.visitors.length, manager: 1, auditor: 1, badInput: 1, healthProber: 1 },
      requests: Object.values(traffic.byStatus).reduce((a, b) => a + b, 0),
      byStatus: traffic.byStatus,
      byRole: traffic.byRole,
      ...ledger,
      replays: traffic.replays,
      unexpected: traffic.unexpected,
      lost: traffic.lost,
      health,
      slowestRoutes: slowest(traffic.timings),
      readModelDocsCompared: docs,
      phases: { ...phases, settleAndVerify: since(started) - phases.seed! - phases.start! - phases.traffic! },
      seconds: since(started),
    };
    violations.push(...soakViolations({ byStatus: traffic.byStatus, unexpected: traffic.unexpected, lost: traffic.lost, health }));
    if (violations.length > 0) {
      const examples = traffic.examples.length === 0 ? '' : `\n  for example:\n${traffic.examples.map((line) => `    ${line}`).join('\n')}`;
      throw new Error(`the soak on ${kind} did not hold:\n  ${violations.join('\n  ')}${examples}\n  figures: ${JSON.stringify(figures)}`);
    }
    return figures;
  } catch (error) {
    process.stderr.write(`  ${kind}: the soak failed; the server's log:\n${tail(log)}\n`);
    throw error;
  } finally {
    await prober?.kill();
    server?.killQuietly();
    await ws.dispose();
  }
}

function slowest(timings: Record<string, number[]>, count = 5): SoakFigures['slowestRoutes'] {
  const ms = (value: number) => Math.round(value);
  return Object.entries(timings)
    .map(([route, samples]) => ({ route, requests: samples.length, p50Ms: ms(percentile(samples, 50)), p99Ms: ms(percentile(samples, 99)), maxMs: ms(Math.max(...samples)) }))
    .sort((a, b) => b.p99Ms - a.p99Ms)
    .slice(0, count);
}

/** The soak's people: tokens for each role, three visitors of its own with room for new cases, two seeded ones with cases. */
async function meet(ws: Workspace, traffic: Traffic, options: SoakOptions): Promise<SoakWorld> {
  // Signed with the server's own key, as the CLI's `token` would.
  const tokenFor = (principal: Principal) => issueToken(Buffer.from(ws.env.JWT_SECRET!, 'utf8'), principal, '4h');
  const coordinators = Array.from({ length: COORDINATORS }, (_, i) => tokenFor({ sub: `soak-coordinator-${i + 1}`, role: 'coordinator' }));
  const token = coordinators[0]!;
  const visitors: SoakWorld['visitors'] = [];
  for (let i = 1; i <= OWN_VISITORS; i++) {
    const body = { name: `Soak Besøgsven ${i}`, kind: 'volunteer', capacity: 50, phone: '+4540506070' };
    const answer = await traffic.command('coordinator', token, '/visitors', body, onVisitor(/^VisitorRegistered$/));
    if (!answer) throw new Error(`could not register the soak's visitors: ${traffic.examples.join('; ')}`);
    const visitorId = answer.visitorId as string;
    visitors.push({ visitorId, token: tokenFor({ sub: `soak-visitor-${i}`, role: 'visitor', visitorId }), free: 50 });
  }
  const listed = await traffic.call('coordinator', 'GET', '/visitors', { token, expect: 'ok' });
  const busiest = ((listed?.body ?? []) as Array<{ visitorId: string; activeCases: number }>)
    .filter((v) => v.activeCases > 0)
    .sort((a, b) => b.activeCases - a.activeCases)
    .slice(0, SEEDED_VISITORS);
  for (const [i, { visitorId }] of busiest.entries()) visitors.push({ visitorId, token: tokenFor({ sub: `soak-seeded-visitor-${i + 1}`, role: 'visitor', visitorId }), free: 0 });
  const cases = await traffic.call('coordinator', 'GET', `/cases?limit=${options.cases}`, { token, expect: 'ok' });
  const seededCases = ((cases?.body ?? []) as Array<{ caseId: string }>).map((c) => c.caseId);
  if (seededCases.length === 0) throw new Error('no seeded case to read');
  return {
    traffic,
    until: 0,
    coordinators,
    manager: tokenFor({ sub: 'soak-manager', role: 'manager' }),
    auditor: tokenFor({ sub: 'soak-auditor', role: 'auditor' }),
    visitors,
    seededCases,
    referred: [],
    waiting: [],
    active: [],
    openTasks: [],
    dashboard: options.dashboard,
  };
}
