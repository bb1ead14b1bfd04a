import { randomUUID } from 'node:crypto';
import { caseEventSchemaVersion } from '../../domain/case/case.events';
import type { Decider, Message } from '../../domain/shared/decider';
import { CommandHandler } from '../../src/event-store/command-handler';
import type { EventStore } from '../../src/event-store/event-store.port';
import { storageOf } from './storage';
import { PersonalDataCipher } from '../../src/privacy/crypto/personal-data.cipher';

/** A decider that decides the events it is given: the path below deciding (sealing, appending) is the production one. */
const passThrough: Decider<Message<'Record', Message[]>, Message, null> = {
  initialState: () => null,
  evolve: (state) => state,
  decide: (command) => command.data,
};

/**
 * Appends events as a command does: the generic command handler, the personal
 * part sealed by the cipher under the citizen's key from the store's own key
 * table (made durable before the events), then the store's append.
 */
export async function appendSealed(store: EventStore, streamId: string, events: Message[], citizenId: string): Promise<void> {
  const cipher = new PersonalDataCipher(storageOf(store).citizenKeys);
  const commandId = randomUUID();
  await new CommandHandler(store).handle({
    decider: passThrough,
    streamId,
    command: { type: 'Record', data: events },
    meta: { actor: { id: 'coordinator-1', role: 'coordinator' }, commandId, correlationId: commandId },
    protect: (decided) => cipher.protect(decided, citizenId),
    schemaVersion: caseEventSchemaVersion,
    answer: (result) => result,
  });
}

/** The data of every event of the stream, opened with the store's keys by a cipher that has seen none of them. */
export async function openedStream(store: EventStore, streamId: string): Promise<unknown[]> {
  const cipher = new PersonalDataCipher(storageOf(store).citizenKeys);
  return cipher.reveal((await store.readStream(streamId)).map((event) => event.data));
}
