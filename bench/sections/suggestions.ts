import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { CaseCommand } from '../../domain/case/case.commands';
import { caseDecider } from '../../domain/case/case.stream';
import { PROGRAMMES } from '../../domain/shared/codes';
import { caseStreamId } from '../../domain/shared/ids';
import { caseView } from '../../projections/case-view/case-view';
import { Directory } from '../../projections/directory/directory';
import { suggestionsFor } from '../../projections/matching/suggestions';
import { REGIONS } from '../../src/cli/seed/danish-data';
import { offersOf, profileOf, wishesOf } from '../../src/cli/seed/matching-seed';
import { Random } from '../../src/cli/seed/random';
import { CommandHandler } from '../../src/event-store/command-handler';
import { MemoryStorage } from '../../src/storage/memory.storage';
import type { Profile } from '../lib/profile';
import { percentile, Row, rowOf, summarise } from '../lib/stats';

const VISITORS = 5_000;
const OFFERS = 2_000;
const CASES = 200;

/**
 * W9: `GET /cases/:caseId/suggestions` in-process at 5,000 visitors (each with a
 * profile) and 2,000 offers: what the controller does per request (read the
 * case's stream, fold its view, score every visitor and offer), without HTTP.
 */
export async function suggestionRows(profile: Profile, log: (line: string) => void): Promise<Row[]> {
  const random = new Random(9);
  const directory = new Directory();
  const towns = REGIONS.flatMap((r) => r.towns);
  let position = 0;
  const apply = (streamId: string, type: string, data: unknown) => directory.apply({ streamId, type, data, revision: 0 });
  for (let i = 0; i < VISITORS; i++) {
    const visitorId = randomUUID();
    const region = REGIONS[i % REGIONS.length]!;
    const programme = PROGRAMMES[i % PROGRAMMES.length]!;
    apply(`visitor-${visitorId}`, 'VisitorRegistered', { visitorId, name: `Hjælper ${i}`, kind: i % 5 === 0 ? 'employee' : 'volunteer', capacity: random.int(1, 8) });
    apply(`visitor-${visitorId}`, 'VisitorProfileUpdated', profileOf(random, programme, region.towns, 'Karen Hjælper', 2026));
  }
  while (directory.offers.size < OFFERS) {
    for (const offer of offersOf(random, random.pick(towns), randomUUID)) {
      if (directory.offers.size < OFFERS) apply(`offer-${offer.offerId}`, 'OfferRegistered', offer);
    }
  }
  // The cases: told through the case decider into a memory store, as the controller reads them.
  const storage = new MemoryStorage('/nonexistent');
  const handler = new CommandHandler(storage.events);
  const caseIds: string[] = [];
  for (let i = 0; i < CASES; i++) {
    const caseId = randomUUID();
    const [postcode, town] = random.pick(towns);
    const programme = random.pick(PROGRAMMES);
    const commands: CaseCommand[] = [
      {
        type: 'ReceiveReferral',
        data: {
          caseId, citizenId: randomUUID(), programme, referredAt: '2026-03-02T09:15:00+01:00',
          referrer: { name: 'Jette Holm', role: 'home_nurse' }, citizen: { name: 'Karen Nielsen', address: `Algade 1, ${postcode} ${town}` },
          situation: {}, needs: i % 10 === 0 ? ['suicidal_thoughts'] : [], requestedTasks: [], consent: { given: true }, wishes: wishesOf(random, programme),
        },
      },
      { type: 'TriageCase', data: { track: i % 10 === 0 ? 'professional' : 'volunteer', reason: 'r', priority: 'normal' } },
    ];
    for (const command of commands) {
      await handler.handle({ decider: caseDecider, streamId: caseStreamId(caseId), command, meta: { actor: { id: 'bench', role: 'coordinator' }, commandId: randomUUID(), correlationId: randomUUID() }, context: async () => ({ caseId }), answer: (r) => r });
      position++;
    }
    caseIds.push(caseId);
  }
  const once = async (caseId: string) => {
    const view = caseView(await storage.events.readStream(caseStreamId(caseId)))!;
    return suggestionsFor(view, directory, false);
  };
  for (const caseId of caseIds.slice(0, 20)) await once(caseId); // warm up
  const p99s: number[] = [];
  const p50s: number[] = [];
  for (let rep = 0; rep < profile.repetitions; rep++) {
    const latencies: number[] = [];
    for (let r = 0; r < (profile.quick ? 300 : 1000); r++) {
      const started = performance.now();
      await once(caseIds[r % caseIds.length]!);
      latencies.push(performance.now() - started);
    }
    p99s.push(percentile(latencies, 99));
    p50s.push(percentile(latencies, 50));
    log(`W9 repetition ${rep + 1}: suggestions p50 ${p50s[rep]!.toFixed(2)} ms, p99 ${p99s[rep]!.toFixed(2)} ms (${position} case events)`);
  }
  await storage.events.close();
  return [
    rowOf({
      name: 'W9',
      unit: 'ms (p99)',
      value: summarise(p99s),
      target: { on: 'value', direction: 'at-most', threshold: 20 },
      note: `GET /cases/:caseId/suggestions in-process (read the stream, fold the case view, score) at ${VISITORS.toLocaleString('en-US')} visitors with profiles and ${OFFERS.toLocaleString('en-US')} offers; p50 ${summarise(p50s).median.toFixed(2)} ms`,
    }),
  ];
}
