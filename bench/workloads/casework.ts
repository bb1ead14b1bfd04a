import { randomUUID } from 'node:crypto';
import type { CaseCommand } from '../../domain/case/case.commands';
import { PROFESSIONAL_CAPABLE, VisitorKind } from '../../domain/shared/codes';
import { DomainError } from '../../domain/shared/errors';
import { visitorStreamId } from '../../domain/shared/ids';
import { visitorDecider } from '../../domain/visitor/visitor.stream';
import { CaseCommands } from '../../src/cases/shared/case-commands';
import { CitizenIndex } from '../../src/citizens/lookup/citizen-index';
import { tellCase } from '../../src/cli/seed/case-story';
import { FIRST_NAMES, LAST_NAMES } from '../../src/cli/seed/danish-data';
import { Random } from '../../src/cli/seed/random';
import { DirectoryService } from '../../src/directory/directory.service';
import { CommandHandler } from '../../src/event-store/command-handler';
import type { EventStore } from '../../src/event-store/event-store.port';
import type { Storage } from '../../src/storage/storage.port';
import { PersonalDataCipher } from '../../src/privacy/crypto/personal-data.cipher';

/** The stories' business times end here: a fixed day before any the bench runs, so runs compare (the CLI seed ends at today). */
const ANCHOR = Date.parse('2026-11-01T12:00:00Z');
const actor = { id: 'bench', role: 'coordinator' as const };

/**
 * The production write path without HTTP: the case stream's runner
 * (CaseCommands: Directory lookups, the per-visitor lock, encryption of personal data,
 * schema versions) over one generic CommandHandler on the given store, fed
 * with the CLI seed's case stories (src/cli/seed/case-story.ts).
 */
export class Casework {
  private constructor(
    readonly store: EventStore,
    private readonly handler: CommandHandler,
    private readonly directory: DirectoryService,
    private readonly cases: CaseCommands,
  ) {}

  /** On the storage module's event store, with its read models and citizens' keys. */
  static async open(storage: Pick<Storage, 'events' | 'readModels' | 'citizenKeys'>): Promise<Casework> {
    const store = storage.events;
    const directory = new DirectoryService(store, storage.readModels);
    await directory.onModuleInit();
    const handler = new CommandHandler(store);
    const cipher = new PersonalDataCipher(storage.citizenKeys);
    return new Casework(store, handler, directory, new CaseCommands(handler, directory, cipher, new CitizenIndex(directory, cipher, store)));
  }

  /** About one visitor for every five cases, most of them volunteers, as the seed registers them. */
  async registerVisitors(count: number, random: Random): Promise<void> {
    for (let i = 0; i < count; i++) {
      const kind = random.weighted<VisitorKind>({ volunteer: 60, volunteer_professional: 25, employee: 15 });
      const visitorId = random.uuid();
      const capacity = kind === 'employee' ? random.int(10, 20) : random.int(2, 6);
      await this.handler.handle({
        decider: visitorDecider,
        streamId: visitorStreamId(visitorId),
        command: { type: 'RegisterVisitor', data: { visitorId, name: `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}`, kind, capacity, phone: `+45${random.int(2, 9)}${random.digits(7)}` } },
        meta: { actor, commandId: randomUUID(), correlationId: randomUUID() },
        answer: (r) => r,
      });
    }
  }

  /**
   * Tells `cases` stories, `clients` at a time (each client one case after
   * another, so no two clients share a case); answers the commands accepted.
   */
  async tell(cases: number, clients: number, random: Random): Promise<{ commands: number; refused: number; seconds: number }> {
    const seeds = Array.from({ length: cases }, () => random.int(0, 2 ** 31));
    const tally = { commands: 0, refused: 0 };
    let next = 0;
    const client = async () => {
      while (next < seeds.length) {
        const story = new Random(seeds[next++]!);
        const caseId = story.uuid();
        await tellCase(story, caseId, ANCHOR, (command) => this.act(caseId, command, tally), (professional) => this.freeVisitor(professional, story));
      }
    };
    const started = process.hrtime.bigint();
    await Promise.all(Array.from({ length: clients }, client));
    return { ...tally, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
  }

  async close(): Promise<void> {
    await this.directory.onApplicationShutdown();
    await this.store.close();
  }

  private async act(caseId: string, command: CaseCommand, tally: { commands: number; refused: number }): Promise<boolean> {
    try {
      await this.cases.execute(caseId, command, { actor, commandId: randomUUID(), correlationId: randomUUID() });
      tally.commands += 1;
      return true;
    } catch (error) {
      // A rule refused it (the visitor filled up meanwhile): the story goes on as a real case would.
      if (!(error instanceof DomainError)) throw error;
      tally.refused += 1;
      return false;
    }
  }

  private freeVisitor(professional: boolean, chooser: Random): { visitorId: string; kind: VisitorKind } | undefined {
    const fits = [...this.directory.directory.visitors.values()].filter(
      (v) => v.active && v.activeCaseIds.size < v.capacity && (!professional || PROFESSIONAL_CAPABLE.includes(v.kind)),
    );
    return fits.length === 0 ? undefined : chooser.pick(fits);
  }
}
