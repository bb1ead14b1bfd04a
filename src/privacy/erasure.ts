import type { Actor } from '../../domain/shared/decider';
import { citizenDecider } from '../../domain/citizen/citizen.stream';
import { IllegalStateError } from '../../domain/shared/errors';
import { citizenStreamId } from '../../domain/shared/ids';
import { randomUUID } from 'node:crypto';
import type { CommandHandler } from '../event-store/command-handler';
import type { CitizenKeys } from './crypto/citizen-keys';
import type { PersonalDataCipher } from './crypto/personal-data.cipher';

/**
 * Crypto-shredding, for the admin's route and for `cli retention`: records
 * `CitizenErased` on the citizen's stream, then destroys the key, and the keys
 * of the screenings the person's cases came from (issue 22: `screeningIds`).
 * Run again after a crash in between, it finishes the destruction.
 */
export async function eraseCitizen(
  deps: { handler: CommandHandler; keys: CitizenKeys; cipher?: PersonalDataCipher; screeningIds?: readonly string[] },
  citizenId: string,
  known: boolean,
  actor: Actor,
  correlationId: string = randomUUID(),
): Promise<void> {
  try {
    await deps.handler.handle({
      decider: citizenDecider,
      streamId: citizenStreamId(citizenId),
      command: { type: 'EraseCitizen', data: {} },
      meta: { actor, commandId: randomUUID(), correlationId },
      context: async () => ({ citizenId, known }),
      answer: (r) => r,
    });
  } catch (error) {
    if (!(error instanceof IllegalStateError && error.code === 'citizen_erased')) throw error;
  }
  deps.cipher?.forget(citizenId);
  await deps.keys.destroy(citizenId);
  for (const screeningId of deps.screeningIds ?? []) {
    deps.cipher?.forget(screeningId);
    await deps.keys.destroy(screeningId);
  }
}
