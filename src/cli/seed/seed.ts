import { randomUUID } from 'node:crypto';
import type { CaseCommand } from '../../../domain/case/case.commands';
import type { CaseEvent } from '../../../domain/case/case.events';
import { caseEventSchemaVersion, occurredAtOf } from '../../../domain/case/case.events';
import { caseDecider } from '../../../domain/case/case.stream';
import { PROFESSIONAL_CAPABLE, VisitorKind } from '../../../domain/shared/codes';
import { DomainError } from '../../../domain/shared/errors';
import { caseStreamId, visitorStreamId } from '../../../domain/shared/ids';
import { visitorDecider } from '../../../domain/visitor/visitor.stream';
import { caseLookups, citizenOf } from '../../cases/shared/case-lookups';
import { PersonalDataCipher } from '../../privacy/crypto/personal-data.cipher';
import { DirectoryFeed } from '../../directory/directory-feed';
import { CommandHandler, CommandMeta } from '../../event-store/command-handler';
import type { Storage } from '../../storage/storage.port';
import { tellCase } from './case-story';
import { FIRST_NAMES, LAST_NAMES } from './danish-data';
import { Random } from './random';

/** Business times end here, so the same seed writes the same cases whatever the date it runs. */
const ANCHOR = Date.parse('2026-11-01T12:00:00Z');
const actor = { id: 'seed', role: 'coordinator' as const };

export interface SeedResult {
  cases: number;
  visitors: number;
  commands: number;
  refused: number;
}

/**
 * Writes realistic synthetic cases through the real command path (decide and
 * append, with the Directory's lookups and the per-visitor lock), deterministic
 * for a given seed. Each command is decided at its own business time.
 */
export async function seed(storage: Storage, options: { cases: number; seed: number }, onCase: () => void): Promise<SeedResult> {
  const store = storage.events;
  const random = new Random(options.seed);
  // The Directory it builds is persisted, so the server's next start reads it instead of every event.
  const feed = new DirectoryFeed(storage.readModels);
  const cipher = new PersonalDataCipher(storage.citizenKeys);
  await feed.start(store);
  const result: SeedResult = { cases: options.cases, visitors: 0, commands: 0, refused: 0 };
  const meta = (): CommandMeta => ({ actor, commandId: randomUUID(), correlationId: randomUUID() });

  // Visitors first: about one for every five cases, most of them volunteers.
  const visitors = Math.max(3, Math.ceil(options.cases / 5));
  const register = new CommandHandler(store, () => new Date(ANCHOR - 600 * 86_400_000));
  for (let i = 0; i < visitors; i++) {
    const kind = random.weighted<VisitorKind>({ volunteer: 60, volunteer_professional: 25, employee: 15 });
    const visitorId = random.uuid();
    const capacity = kind === 'employee' ? random.int(10, 20) : random.int(2, 6);
    const name = `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}`;
    await register.handle({
      decider: visitorDecider,
      streamId: visitorStreamId(visitorId),
      command: { type: 'RegisterVisitor', data: { visitorId, name, kind, capacity, phone: `+45${random.int(2, 9)}${random.digits(7)}` } },
      meta: meta(),
      answer: (r) => r,
    });
    result.visitors += 1;
    result.commands += 1;
  }

  const findVisitor = (professional: boolean, chooser: Random) => {
    const { directory } = feed;
    const fits = [...directory.visitors.values()].filter(
      (v) => v.active && v.activeCaseIds.size < v.capacity && (!professional || PROFESSIONAL_CAPABLE.includes(v.kind)),
    );
    return fits.length === 0 ? undefined : chooser.pick(fits);
  };

  // One case after another: which visitor has a free place depends on the cases before, so
  // telling them concurrently would make the outcome depend on timing, not on the seed.
  for (let i = 0; i < options.cases; i++) {
    const caseId = random.uuid();
    const story = new Random(random.int(0, 2 ** 31));
    let clock = ANCHOR;
    const handler = new CommandHandler(store, () => new Date(clock));
    const act = async (command: CaseCommand, at: number): Promise<boolean> => {
      clock = at;
      try {
        await handler.handle({
          decider: caseDecider,
          streamId: caseStreamId(caseId),
          command,
          meta: meta(),
          context: async () => caseLookups(feed.directory, caseId, command),
          occurredAt: (event: CaseEvent, now: string) => occurredAtOf(event, now),
          schemaVersion: caseEventSchemaVersion,
          // Seeded people are synthetic, but their data is stored as a real person's would be: sealed.
          protect: (events, state) => cipher.protect(events, citizenOf(events, state)),
          answer: (r) => r,
        });
        result.commands += 1;
        return true;
      } catch (error) {
        // A rule refused it (a visitor filled up meanwhile, say): the story goes on as a real case would.
        if (!(error instanceof DomainError)) throw error;
        result.refused += 1;
        return false;
      }
    };
    await tellCase(story, caseId, ANCHOR, act, (professional) => findVisitor(professional, story));
    onCase();
  }
  await feed.stop();
  return result;
}
