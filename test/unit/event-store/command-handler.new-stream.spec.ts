import { randomUUID } from 'node:crypto';
import { IllegalStateError } from '../../../domain/shared/errors';
import type { Decider, Message } from '../../../domain/shared/decider';
import { CommandHandler, CommandSpec } from '../../../src/event-store/command-handler';
import type { EventStore } from '../../../src/event-store/event-store.port';
import { MemoryEventStore } from '../../../src/event-store/memory/memory.event-store';
import { PostgresEventStore } from '../../../src/event-store/postgres/postgres.event-store';
import { PostgresCitizenKeys } from '../../../src/privacy/crypto/citizen-keys';
import { PersonalDataCipher } from '../../../src/privacy/crypto/personal-data.cipher';
import { describePostgres, dropSchema, testDatabaseUrl, testSchema } from '../../support/postgres';

/** A stream that a `Start` begins (refused once it has begun) with the events it is given. */
type Start = Message<'Start', Message[]>;
const starting: Decider<Start, Message, { started: boolean }> = {
  initialState: () => ({ started: false }),
  evolve: () => ({ started: true }),
  decide: (command, state) => {
    if (state.started) throw new IllegalStateError('exists', 'the stream has begun');
    return command.data;
  },
};

const visit = (note: string): Message => ({ type: 'VisitHeld', data: { visitorId: randomUUID(), visitedAt: '2026-05-20T09:00:00.000Z', themes: [], note } });

const start = (streamId: string, events: Message[], protect?: CommandSpec<Start, Message, { started: boolean }, never, unknown>['protect']) => {
  const commandId = randomUUID();
  return {
    decider: starting,
    streamId,
    command: { type: 'Start' as const, data: events },
    meta: { actor: { id: 'coordinator-1', role: 'coordinator' as const }, commandId, correlationId: commandId },
    startsStream: true,
    protect,
    answer: (result: { revision: number }) => result,
  };
};

describe('the command handler: a stream-starting command (issue 23, W8)', () => {
  it('given a new stream, when a Start is handled, then the stream is not read and the event is appended at revision 0', async () => {
    const store = new MemoryEventStore();
    const reads = jest.spyOn(store, 'readStream');
    const { answer } = await new CommandHandler(store).handle(start('s-1', [visit('a')]));
    expect(answer).toMatchObject({ revision: 0 });
    expect(reads).not.toHaveBeenCalled();
  });

  it('given a stream another process began, when a Start is handled here, then the append is refused, the stream read, and the decider refuses', async () => {
    const store = new MemoryEventStore();
    await new CommandHandler(store).handle(start('s-2', [visit('first')]));
    const reads = jest.spyOn(store, 'readStream');
    await expect(new CommandHandler(store).handle(start('s-2', [visit('second')]))).rejects.toMatchObject({ constructor: IllegalStateError, code: 'exists' });
    expect(reads).toHaveBeenCalledTimes(1);
    expect(await store.readStream('s-2')).toHaveLength(1);
  });
});

describePostgres('the command handler on PostgreSQL: a new citizen’s key goes with the events', () => {
  let schema: string;
  let stores: EventStore[];
  const open = async () => {
    const store = await PostgresEventStore.open({ connectionString: testDatabaseUrl(), schema });
    stores.push(store);
    return { store, keys: new PostgresCitizenKeys(store.connection(), schema) };
  };
  beforeEach(() => {
    schema = testSchema();
    stores = [];
  });
  afterEach(async () => {
    for (const store of stores) await store.close();
    await dropSchema(schema);
  });

  it('given a new citizen, when their first stream starts, then key and event are stored in one append and the event opens with that key', async () => {
    const { store, keys } = await open();
    const cipher = new PersonalDataCipher(keys);
    const citizenId = randomUUID();
    await new CommandHandler(store).handle(start('case-a', [visit('Glad for besøget')], (events) => cipher.protectNew(events, citizenId)));
    expect(await keys.get(citizenId)).toHaveLength(32);
    const [stored] = await store.readStream('case-a');
    expect((stored!.data as { note: string }).note).toMatch(/^enc:v2:/);
    const reader = new PersonalDataCipher(keys);
    expect(await reader.reveal(stored!.data)).toMatchObject({ note: 'Glad for besøget' });
  });

  it('given a citizen whose key another process stored, when a new stream of theirs starts here, then the proposed key loses and the events are sealed under the stored key', async () => {
    const { store, keys } = await open();
    const citizenId = randomUUID();
    const theirs = await keys.ensure(citizenId);
    const cipher = new PersonalDataCipher(keys);
    await new CommandHandler(store).handle(start('case-b', [visit('Anden sag')], (events) => cipher.protectNew(events, citizenId)));
    expect(await keys.get(citizenId)).toEqual(theirs);
    const [stored] = await store.readStream('case-b');
    expect(await new PersonalDataCipher(keys).reveal(stored!.data)).toMatchObject({ note: 'Anden sag' });
  });

  it('given a store that keeps no keys, when a cipher of PostgreSQL keys proposes one, then the append is refused and nothing is lost silently', async () => {
    const { keys } = await open();
    const cipher = new PersonalDataCipher(keys);
    const memory = new MemoryEventStore();
    await expect(new CommandHandler(memory).handle(start('case-c', [visit('x')], (events) => cipher.protectNew(events, randomUUID())))).rejects.toThrow('does not write citizen keys');
    expect(await memory.readStream('case-c')).toEqual([]);
  });
});
