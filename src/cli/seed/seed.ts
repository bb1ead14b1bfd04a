import { randomUUID } from 'node:crypto';
import type { CaseCommand } from '../../../domain/case/case.commands';
import type { CaseEvent } from '../../../domain/case/case.events';
import { caseEventSchemaVersion, occurredAtOf } from '../../../domain/case/case.events';
import { caseDecider } from '../../../domain/case/case.stream';
import { Programme, PROFESSIONAL_CAPABLE, PROGRAMMES, VisitorKind } from '../../../domain/shared/codes';
import { DomainError } from '../../../domain/shared/errors';
import { caseStreamId, visitorStreamId } from '../../../domain/shared/ids';
import { visitorDecider } from '../../../domain/visitor/visitor.stream';
import { caseLookups, citizenOf } from '../../cases/shared/case-lookups';
import { PersonalDataCipher } from '../../privacy/crypto/personal-data.cipher';
import { DirectoryFeed } from '../../directory/directory-feed';
import { CommandHandler, CommandMeta } from '../../event-store/command-handler';
import type { Storage } from '../../storage/storage.port';
import { startOfDay } from './calendar';
import { tellCase, Wanted } from './case-story';
import { seedPartners } from './partners';
import { seedCards } from './cards';
import { ScreeningSeed } from './screenings';
import { seedVolunteers } from './volunteers';
import { FIRST_NAMES, LAST_NAMES, REGIONS } from './danish-data';
import { HELPER_KINDS, PROGRAMME_WEIGHTS, Team } from './team';
import { Random } from './random';
import { offersOf, profileOf, wishesOf } from './matching-seed';
import { offerDecider } from '../../../domain/offer/offer.stream';
import { offerOccurredAt } from '../../../domain/offer/offer.events';
import { offerStreamId } from '../../../domain/shared/ids';
import { caseView } from '../../../projections/case-view/case-view';
import { suggestionsFor } from '../../../projections/matching/suggestions';

const DAY = 86_400_000;
/** About this many cases per region: a small seed is one town and its neighbours (Sorø), a large one the whole country. */
const CASES_PER_REGION = 400;
const actor = { id: 'seed', role: 'coordinator' as const };

export interface SeedResult {
  cases: number;
  visitors: number;
  /** Offers of the catalogue (issue #18). */
  offers: number;
  commands: number;
  refused: number;
}

/**
 * Writes realistic synthetic cases through the real command path (decide and
 * append, with the Directory's lookups and the per-visitor lock), deterministic
 * for a given seed. Each command is decided at its own business time.
 */
export async function seed(storage: Storage, options: { cases: number; seed: number; asOf?: number }, onCase: () => void): Promise<SeedResult> {
  const store = storage.events;
  const random = new Random(options.seed);
  // "Today" starts at the anchor: what happened lies before it, the next visits after it. The same
  // seed on the same day (or with the same asOf) writes the same world.
  const anchor = startOfDay(options.asOf ?? Date.now());
  // The Directory it builds is persisted, so the server's next start reads it instead of every event.
  const feed = new DirectoryFeed(storage.readModels);
  const cipher = new PersonalDataCipher(storage.citizenKeys);
  await feed.start(store);
  const result: SeedResult = { cases: options.cases, visitors: 0, offers: 0, commands: 0, refused: 0 };
  // Matching (issue #18) draws from a Random of its own: the case stories stay as they were without it.
  const matching = new Random(options.seed ^ 0x18181818);
  const anchorYear = new Date(anchor).getUTCFullYear();
  const meta = (): CommandMeta => ({ actor, commandId: randomUUID(), correlationId: randomUUID() });

  // Visitors first: about one for every five cases, each a helper of one programme living in one region.
  const regions = REGIONS.slice(0, Math.min(REGIONS.length, Math.ceil(options.cases / CASES_PER_REGION)));
  const team = new Team();
  const register = new CommandHandler(store, () => new Date(anchor - 600 * DAY));
  const count = Math.max(3, Math.ceil(options.cases / 5));
  for (let i = 0; i < count; i++) {
    const region = regions[i % regions.length]!;
    // The first round gives every programme in every region a helper who may take the professional track.
    const first = i < regions.length * PROGRAMMES.length;
    const programme = first ? PROGRAMMES[Math.floor(i / regions.length)]! : random.weighted<Programme>(PROGRAMME_WEIGHTS);
    const kind: VisitorKind = first ? (programme === 'care_visits' ? 'employee' : 'volunteer_professional') : random.weighted<VisitorKind>(HELPER_KINDS[programme]);
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
    team.add(visitorId, programme, region.towns);
    await register.handle({
      decider: visitorDecider,
      streamId: visitorStreamId(visitorId),
      command: { type: 'UpdateVisitorProfile', data: profileOf(matching, programme, region.towns, name, anchorYear) },
      meta: meta(),
      answer: (r) => r,
    });
    result.visitors += 1;
    result.commands += 2;
  }
  const towns = regions.flatMap((region) => region.towns);

  // The catalogue of offers: each town's own, the contact person sealed under the offer's key.
  for (const town of towns) {
    for (const offer of offersOf(matching, town, () => matching.uuid())) {
      await register.handle({
        decider: offerDecider,
        streamId: offerStreamId(offer.offerId),
        command: { type: 'RegisterOffer', data: offer },
        meta: meta(),
        context: async () => ({ offerId: offer.offerId }),
        occurredAt: offerOccurredAt,
        protect: (events) => cipher.protect(events, offer.offerId),
        answer: (r) => r,
      });
      result.offers += 1;
      result.commands += 1;
    }
  }

  const findVisitor = (professional: boolean, wanted: Wanted, chooser: Random) => {
    const { directory } = feed;
    const fits = team
      .helpersFor(wanted)
      .map((visitorId) => directory.visitors.get(visitorId)!)
      .filter((v) => v.active && v.activeCaseIds.size < v.capacity && (!professional || PROFESSIONAL_CAPABLE.includes(v.kind)));
    return fits.length === 0 ? undefined : chooser.pick(fits);
  };

  // Some open cases of the guides and visiting friends met an offer after a visit, and most went on (issue #18; seed 003).
  const introduce = async (caseId: string, act: (command: CaseCommand, at: number) => Promise<boolean>) => {
    const entry = feed.directory.cases.get(caseId);
    if (entry?.status !== 'Active' || entry.programme === 'care_visits' || !matching.chance(0.5)) return;
    const view = caseView(await store.readStream(caseStreamId(caseId)));
    if (!view?.lastVisitAt) return;
    const offer = suggestionsFor(view, feed.directory, true).offers[0];
    if (!offer) return;
    const at = Date.parse(view.lastVisitAt) + 3600_000;
    if (at > anchor || !(await act({ type: 'IntroduceToOffer', data: { offerId: offer.offerId, at: new Date(at).toISOString(), accompaniedBy: view.visitorId! } }, at))) return;
    const later = at + matching.int(7, 28) * DAY;
    if (later > anchor) return;
    const outcome = matching.weighted({ joined: 5, tried_not_for_me: 3, dropped_out: 2 });
    await act({ type: 'RecordOfferOutcome', data: { offerId: offer.offerId, outcome, at: new Date(later).toISOString(), relation: outcome === 'joined' } }, later);
  };

  // Issue 22: some referrals from home care come from a screening.
  const screenings = new ScreeningSeed(store, cipher, options.seed);

  // One case after another: which visitor has a free place depends on the cases before, so
  // telling them concurrently would make the outcome depend on timing, not on the seed.
  for (let i = 0; i < options.cases; i++) {
    const caseId = random.uuid();
    const storySeed = random.int(0, 2 ** 31);
    const story = new Random(storySeed);
    // The case's course (issues #19, #20) from a stream of its own: the story's other draws stay as they were.
    const course = new Random(storySeed ^ 0x19191919);
    let clock = anchor;
    const handler = new CommandHandler(store, () => new Date(clock));
    const act = async (told: CaseCommand, at: number): Promise<boolean> => {
      clock = at;
      // Most referrals tell the citizen's wishes (issue #18).
      const wished: CaseCommand =
        told.type === 'ReceiveReferral' && matching.chance(0.8) ? { ...told, data: { ...told.data, wishes: wishesOf(matching, told.data.programme) } } : told;
      const screened = await screenings.before(wished, at);
      const command = screened?.command ?? wished;
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
        await screened?.after();
        return true;
      } catch (error) {
        // A rule refused it (a visitor filled up meanwhile, say): the story goes on as a real case would.
        if (!(error instanceof DomainError)) throw error;
        result.refused += 1;
        return false;
      }
    };
    await tellCase(story, caseId, anchor, act, (professional, wanted) => findVisitor(professional, wanted, story), towns, course);
    await introduce(caseId, act);
    onCase();
  }
  // Issue 21: the register of the partners the referrals name, with their meetings.
  const partnerIds: string[] = [];
  result.commands += await seedPartners(store, options.seed, anchor, partnerIds);
  // And referral cards from the public form in the coordinator's inbox, some with a partner's code.
  result.commands += await seedCards(store, cipher, options.seed, anchor, partnerIds);
  await screenings.anonymous(Math.max(20, Math.ceil(options.cases / 2)), anchor);
  result.commands += screenings.commands;
  // Issue 20: volunteers at every stage, from application to leaving, after the cases (which they take no part in).
  const volunteers = await seedVolunteers(store, cipher, options.seed, anchor);
  result.visitors += volunteers.volunteers;
  result.commands += volunteers.commands;
  await feed.stop();
  return result;
}
