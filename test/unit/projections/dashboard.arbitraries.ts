import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import type { CaseEvent } from '../../../domain/case/case.events';
import { CLOSURE_REASONS, PROGRAMMES, REFERRER_ROLES, RELATION_KINDS } from '../../../domain/shared/codes';
import { DECLINE_REASONS, FOLLOW_UP_OUTCOMES, ONWARD_DESTINATIONS } from '../../../domain/shared/course-codes';
import { booked, Log, referral, triaged } from './events.fixture';

/** Random dashboard logs and queries: back-dated events, late assessments, closures before booking, ranges after the data. */

export const DAY = 86_400_000;
const START = Date.UTC(2024, 0, 1);
/** An instant within three years, often late in a UTC day: Copenhagen's date and month are then the next ones. */
const instant = fc.tuple(fc.integer({ min: 0, max: 3 * 365 }), fc.oneof(fc.integer({ min: 0, max: DAY - 1 }), fc.integer({ min: 21 * 3_600_000, max: DAY - 1 }))).map(([day, ms]) => new Date(START + day * DAY + ms).toISOString());
/** An instant some days from another, before it too (back-dated, recorded late). */
const near = (from: string) => fc.integer({ min: -5 * DAY, max: 70 * DAY }).map((ms) => new Date(Date.parse(from) + ms).toISOString());

type Step = { event: CaseEvent; recordedAt?: string };

const aCase = instant.chain((referredAt) =>
  fc
    .record({
      programme: fc.constantFrom(...PROGRAMMES),
      role: fc.constantFrom(...REFERRER_ROLES),
      triage: fc.option(fc.tuple(near(referredAt), fc.boolean()), { nil: undefined }),
      booking: fc.option(fc.tuple(near(referredAt), near(referredAt)), { nil: undefined }),
      relations: fc.array(fc.tuple(fc.constantFrom(...RELATION_KINDS), near(referredAt)), { maxLength: 2 }),
      scores: fc.array(fc.tuple(fc.integer({ min: 3, max: 9 }), fc.oneof(near(referredAt), instant)), { maxLength: 4 }),
      closure: fc.option(fc.tuple(fc.nat({ max: 6 }), near(referredAt), fc.boolean()), { nil: undefined }),
      // Issue #19: relatives (needing relief or not, some removed later), referrals onward, follow-ups held.
      relatives: fc.array(fc.tuple(fc.boolean(), fc.boolean(), near(referredAt)), { maxLength: 2 }),
      onward: fc.array(fc.tuple(fc.constantFrom(...ONWARD_DESTINATIONS), near(referredAt)), { maxLength: 2 }),
      followUps: fc.array(fc.tuple(fc.constantFrom(...FOLLOW_UP_OUTCOMES), near(referredAt)), { maxLength: 2 }),
    })
    .chain((c) => {
      const later: Step[] = [];
      if (c.triage) later.push({ event: triaged('normal', c.triage[1] ? 'volunteer' : 'professional'), recordedAt: c.triage[0] });
      if (c.booking) later.push({ event: booked(randomUUID(), c.booking[1]), recordedAt: c.booking[0] });
      for (const [kind, at] of c.relations) later.push({ event: { type: 'RelationEstablished', data: { kind, description: 'd', at } } as CaseEvent });
      for (const [score, at] of c.scores) later.push({ event: { type: 'LonelinessAssessed', data: { instrument: 'ucla3', answers: [1, 1, 1], score, severe: score >= 7, scaleVersion: 'ucla3-v1', at } } as CaseEvent });
      for (const [needsRelief, removed, at] of c.relatives) {
        const relativeId = randomUUID();
        const data = { relativeId, name: 'sealed', relation: 'parent', involvement: [], ...(needsRelief && { needsRelief: true }) };
        later.push({ event: { type: 'RelativeAdded', data } as CaseEvent, recordedAt: at });
        if (removed) later.push({ event: { type: 'RelativeRemoved', data: { relativeId, reason: 'sealed' } }, recordedAt: at });
      }
      for (const [to, at] of c.onward) later.push({ event: { type: 'ReferredOnward', data: { to, reason: 'sealed', at } } });
      for (const [outcome, at] of c.followUps) later.push({ event: { type: 'FollowUpHeld', data: { followUpId: randomUUID(), outcome, at } } });
      if (c.closure) {
        const [which, at, declined] = c.closure;
        // A decline has its own reasons since issue #19 (ReferralDeclined v2).
        const reason = declined ? DECLINE_REASONS[which % DECLINE_REASONS.length] : CLOSURE_REASONS[which % CLOSURE_REASONS.length];
        later.push({ event: { type: declined ? 'ReferralDeclined' : 'CaseClosed', data: { reason, at } } as CaseEvent });
      }
      // Any order after the referral: closed before booked, assessed late.
      return fc.shuffledSubarray(later, { minLength: later.length, maxLength: later.length }).map((steps): Step[] => [
        { event: referral({ programme: c.programme, referredAt, referrer: { name: 'Jette Holm', role: c.role, organisation: 'O' } }) },
        ...steps,
      ]);
    }),
);

/** Cases whose events are interleaved in the log, each case's in its own order. */
export const aLog = fc.tuple(fc.array(aCase, { minLength: 1, maxLength: 12 }), fc.array(fc.nat(), { maxLength: 200 })).map(([cases, picks]) => {
  const ids = cases.map(() => randomUUID());
  const next = cases.map(() => 0);
  const log = new Log();
  const take = (i: number) => {
    const step = cases[i]![next[i]!++]!;
    log.case(ids[i]!, [step.event], step.recordedAt);
  };
  for (const pick of picks) {
    const open = cases.map((_, i) => i).filter((i) => next[i]! < cases[i]!.length);
    if (open.length === 0) break;
    take(open[pick % open.length]!);
  }
  cases.forEach((steps, i) => {
    while (next[i]! < steps.length) take(i);
  });
  return log;
});

/** A range of Copenhagen dates, often starting after the data or mid-month. */
export const aQuery = fc
  .tuple(fc.integer({ min: -200, max: 4 * 365 }), fc.integer({ min: 0, max: 2 * 365 }), fc.option(fc.constantFrom(...PROGRAMMES), { nil: undefined }))
  .map(([start, length, programme]) => {
    const date = (day: number) => new Date(START + day * DAY).toISOString().slice(0, 10);
    return { from: date(start), to: date(start + length), ...(programme && { programme }) };
  });

