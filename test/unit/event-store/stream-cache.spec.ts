import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CaseCommand } from '../../../domain/case/case.commands';
import { caseDecider } from '../../../domain/case/case.stream';
import { ConcurrencyError, IllegalStateError } from '../../../domain/shared/errors';
import { caseStreamId } from '../../../domain/shared/ids';
import { CommandHandler, toMessage } from '../../../src/event-store/command-handler';
import type { EventStore } from '../../../src/event-store/event-store.port';
import { SqliteEventStore } from '../../../src/event-store/sqlite/sqlite.event-store';
import { StreamCache } from '../../../src/event-store/stream-cache';

const actor = { id: 'jette', role: 'coordinator' as const };
const referral = (caseId: string): CaseCommand => ({
  type: 'ReceiveReferral',
  data: {
    caseId,
    citizenId: randomUUID(),
    programme: 'care_visits',
    referredAt: '2026-03-02T09:15:00+01:00',
    referrer: { name: 'Jette Holm', role: 'home_nurse', organisation: 'Hjemmeplejen Syd' },
    citizen: { name: 'Karen Nielsen', address: 'Algade 12, 4180 Sorø' },
    situation: {},
    needs: ['loneliness_symptoms'],
    requestedTasks: [],
    consent: { given: true },
  },
});
const assessment: CaseCommand = { type: 'AssessLoneliness', data: { instrument: 'ucla3', answers: [2, 2, 2] } };
// Without a follow-up (issue #19), so the closing is one event.
const closure: CaseCommand = {
  type: 'CloseCase',
  data: { reason: 'moved', at: '2026-04-01T10:00:00+02:00', followUpId: '5d0c4b4e-6f1a-4c1e-9a53-2f4f3f0a9b11', followUp: false, noFollowUpReason: 'Flyttet' },
};

/** The real SQLite store, counting how often the handler reads a stream. */
function counting(store: EventStore): { store: EventStore; reads: () => number } {
  let reads = 0;
  const wrapped = Object.create(store) as EventStore;
  wrapped.readStream = (...args) => {
    reads += 1;
    return store.readStream(...args);
  };
  return { store: wrapped, reads: () => reads };
}

describe('the command handler’s stream cache', () => {
  let dir: string;
  let here: SqliteEventStore;
  let elsewhere: SqliteEventStore;
  let reads: () => number;
  let ours: CommandHandler;
  let theirs: CommandHandler;
  const caseId = randomUUID();
  const send = (handler: CommandHandler, command: CaseCommand, expectedRevision?: number) =>
    handler.handle({
      decider: caseDecider,
      streamId: caseStreamId(caseId),
      command,
      meta: { actor, commandId: randomUUID(), correlationId: randomUUID(), ...(expectedRevision !== undefined && { expectedRevision }) },
      context: async () => ({ caseId }),
      answer: (result) => result,
    });

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'brobygger-cache-'));
    const file = join(dir, 'brobygger.db');
    here = SqliteEventStore.open({ file });
    // A second connection to the same file: another process, as far as SQLite and the cache can tell.
    elsewhere = SqliteEventStore.open({ file });
    const counted = counting(here);
    reads = counted.reads;
    ours = new CommandHandler(counted.store);
    theirs = new CommandHandler(elsewhere);
    await send(ours, referral(caseId));
  });

  afterEach(async () => {
    await here.close();
    await elsewhere.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('decides a command on a stream this process just wrote without reading it again', async () => {
    const readsBefore = reads();
    const { answer } = await send(ours, assessment);
    expect(answer.revision).toBe(1);
    expect(reads()).toBe(readsBefore);
  });

  it('holds the very state a fold of the stored events gives', async () => {
    await send(ours, assessment);
    await send(ours, closure);
    const stored = await here.readStream(caseStreamId(caseId));
    const folded = stored.reduce((state, event) => caseDecider.evolve(state, toMessage(event)), caseDecider.initialState());
    expect(ours.cache.get(caseStreamId(caseId), caseDecider)?.revision).toBe(2);
    expect(ours.cache.get(caseStreamId(caseId), caseDecider)?.state).toEqual(folded);
  });

  it('notices a write from another process: the command is decided again on the fresh state', async () => {
    await send(theirs, closure);
    // Our cache still says "referred"; the closed case must refuse the assessment, and nothing is appended.
    await expect(send(ours, assessment)).rejects.toBeInstanceOf(IllegalStateError);
    expect((await here.readStream(caseStreamId(caseId))).map((e) => e.type)).toEqual(['ReferralReceived', 'CaseClosed']);
  });

  it('appends after another process’s write, at the next revision, when no revision was pinned', async () => {
    await send(theirs, assessment);
    const { answer } = await send(ours, assessment);
    expect(answer.revision).toBe(2);
    expect((await here.readStream(caseStreamId(caseId))).map((e) => e.revision)).toEqual([0, 1, 2]);
  });

  it('refuses If-Match with the revision it had cached once another process moved the stream on (412)', async () => {
    await send(theirs, assessment);
    await expect(send(ours, assessment, 0)).rejects.toBeInstanceOf(ConcurrencyError);
    expect(await here.streamRevision(caseStreamId(caseId))).toBe(1);
  });

  it('accepts If-Match with the revision another process made, which its cache had not seen', async () => {
    await send(theirs, assessment);
    const { answer } = await send(ours, assessment, 1);
    expect(answer.revision).toBe(2);
  });

  it('stays hot after a command a rule refused: nothing was appended, so nothing it knows changed', async () => {
    const visit: CaseCommand = { type: 'RecordVisit', data: { visitorId: randomUUID(), visitedAt: '2026-03-05T10:00:00+01:00' } };
    await expect(send(ours, visit)).rejects.toBeInstanceOf(IllegalStateError);
    const readsBefore = reads();
    const { answer } = await send(ours, assessment);
    expect(answer.revision).toBe(1);
    expect(reads()).toBe(readsBefore);
  });
});

describe('StreamCache', () => {
  it('holds at most its capacity, letting the least recently used stream go first', () => {
    const cache = new StreamCache(2);
    const decider = {};
    cache.set('a', { revision: 0, state: 'A', decider });
    cache.set('b', { revision: 0, state: 'B', decider });
    cache.get('a', decider);
    cache.set('c', { revision: 0, state: 'C', decider });
    expect(cache.size).toBe(2);
    expect(cache.get('b', decider)).toBeUndefined();
    expect(cache.get('a', decider)?.state).toBe('A');
    expect(cache.get('c', decider)?.state).toBe('C');
  });

  it('never hands a state to another decider on the same stream id', () => {
    const cache = new StreamCache();
    cache.set('a', { revision: 3, state: 'A', decider: {} });
    expect(cache.get('a', {})).toBeUndefined();
  });
});
