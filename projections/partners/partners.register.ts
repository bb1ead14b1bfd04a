import type { PartnerKind } from '../../domain/partner/partner.codes';
import type { ReferrerRole } from '../../domain/shared/codes';
import { normaliseOrganisation } from '../../domain/partner/partner.stream';
import { copenhagenDay } from '../shared/copenhagen-day';
import { calendarDaysBetween } from '../shared/time';
import { Channel, isChannel, isRegistered, Partner, PartnersDoc, RegisteredPartner } from './partner-docs';

/** One row of GET /partners: a partner in the register, or an organisation only named in free text. */
export interface PartnerRow {
  /** The register's id; null for an organisation only named in free text (not registered, not linked). */
  partnerId: string | null;
  /** The partner's name, or the organisation as first written. */
  organisation: string | null;
  /** The referrers' role (the most common one for a registered partner); null for a registered partner nobody has referred from yet. */
  role: ReferrerRole | null;
  kind: PartnerKind | null;
  /** Referrals in the period (all of them without a period). */
  referrals: number;
  totalReferrals: number;
  /** Referral cards from /henvis with the partner's code, in the period (issue 21); 0 for an organisation not in the register. */
  cards: number;
  lastReferralAt: string | null;
  daysSinceLastReferral: number | null;
  /** No referral for longer than `silentDays` (or none ever): time for a reminder visit, as the companion guide advises. */
  silent: boolean;
  lastMeetingAt: string | null;
  /** The next contact the last meeting agreed. */
  nextContactAt: string | null;
  /**
   * "Kontakt snart": the agreed next contact has passed, or the partner is
   * silent and nobody met them in `CONTACT_AFTER_DAYS`. Never for a retired one.
   */
  contactDue: boolean;
  retired: boolean;
}

export interface PartnersFilter {
  from?: string;
  to?: string;
  silentDays: number;
}

/** Seed 002: "Husk også efter et stykke tid at gentage møderne med personalet": a silent partner not met for 90 days is due. */
export const CONTACT_AFTER_DAYS = 90;

/** The latest of the times, each parsed once (a partner has thousands). */
function latest(times: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestAt = -Infinity;
  for (const time of times) {
    const at = Date.parse(time);
    if (at > bestAt) (best = time), (bestAt = at);
  }
  return best;
}

const inPeriod = (times: readonly string[], filter: PartnersFilter): number => {
  // Every referral's date, on every request: copenhagenDay, not Luxon (~16 µs a call, 80 ms for 5,000 referrals).
  if (!filter.from && !filter.to) return times.length;
  let count = 0;
  for (const at of times) {
    const day = copenhagenDay(at);
    if ((!filter.from || day >= filter.from) && (!filter.to || day <= filter.to)) count++;
  }
  return count;
};

/**
 * The register: registered partners (with the free-text referrals linked to
 * them by alias) and the organisations only named in free text. "Kontakt
 * snart" first, then the most referrals; `now` decides who is silent and due.
 */
export function partners(all: Iterable<PartnersDoc>, filter: PartnersFilter, now: string): PartnerRow[] {
  const registered: RegisteredPartner[] = [];
  const groups: Partner[] = [];
  for (const doc of all) {
    if (isChannel(doc)) continue;
    if (isRegistered(doc)) registered.push(doc);
    else groups.push(doc);
  }
  const owner = new Map<string, RegisteredPartner>();
  for (const partner of registered) for (const alias of partner.aliases) owner.set(alias, partner);
  const linked = new Map<RegisteredPartner, Partner[]>();
  const rows: PartnerRow[] = [];
  for (const group of groups) {
    const partner = group.organisation ? owner.get(normaliseOrganisation(group.organisation)) : undefined;
    if (partner) linked.set(partner, [...(linked.get(partner) ?? []), group]);
    else rows.push(groupRow(group, filter, now));
  }
  for (const partner of registered) rows.push(registeredRow(partner, linked.get(partner) ?? [], filter, now));
  return rows.sort(
    (a, b) => Number(b.contactDue) - Number(a.contactDue) || b.referrals - a.referrals || (a.organisation ?? '').localeCompare(b.organisation ?? '', 'da'),
  );
}

function groupRow(group: Partner, filter: PartnersFilter, now: string): PartnerRow {
  const last = latest(group.referrals)!;
  const days = calendarDaysBetween(last, now);
  const silent = days > filter.silentDays;
  return {
    partnerId: null,
    organisation: group.organisation || null,
    role: group.role,
    kind: null,
    referrals: inPeriod(group.referrals, filter),
    totalReferrals: group.referrals.length,
    cards: 0,
    lastReferralAt: last,
    daysSinceLastReferral: days,
    silent,
    lastMeetingAt: null,
    nextContactAt: null,
    // Not in the register, so never met: silent is due (register it to record the outreach).
    contactDue: silent,
    retired: false,
  };
}

function registeredRow(partner: RegisteredPartner, groups: readonly Partner[], filter: PartnersFilter, now: string): PartnerRow {
  const referrals = groups.length === 0 ? partner.referrals : [...partner.referrals, ...groups.flatMap((g) => g.referrals)];
  const last = latest(referrals);
  const days = last === undefined ? null : calendarDaysBetween(last, now);
  const silent = days === null || days > filter.silentDays;
  const meeting = partner.meetings.reduce<RegisteredPartner['meetings'][number] | undefined>((a, m) => (a === undefined || Date.parse(m.at) >= Date.parse(a.at) ? m : a), undefined);
  const nextContactAt = meeting?.nextContactAt ?? null;
  const metRecently = meeting !== undefined && calendarDaysBetween(meeting.at, now) <= CONTACT_AFTER_DAYS;
  const due = (nextContactAt !== null && Date.parse(nextContactAt) <= Date.parse(now)) || (silent && !metRecently && (nextContactAt === null || Date.parse(nextContactAt) <= Date.parse(now)));
  return {
    partnerId: partner.partnerId,
    organisation: partner.name,
    role: mostCommonRole(partner.roles, groups),
    kind: partner.kind,
    referrals: inPeriod(referrals, filter),
    totalReferrals: referrals.length,
    cards: inPeriod(partner.cards ?? [], filter),
    lastReferralAt: last ?? null,
    daysSinceLastReferral: days,
    silent,
    lastMeetingAt: meeting?.at ?? null,
    nextContactAt,
    contactDue: !partner.retired && due,
    retired: partner.retired,
  };
}

function mostCommonRole(roles: readonly ReferrerRole[], groups: readonly Partner[]): ReferrerRole | null {
  const counts = new Map<ReferrerRole, number>();
  for (const role of roles) counts.set(role, (counts.get(role) ?? 0) + 1);
  for (const group of groups) counts.set(group.role, (counts.get(group.role) ?? 0) + group.referrals.length);
  let best: ReferrerRole | null = null;
  for (const [role, count] of counts) if (best === null || count > counts.get(best)!) best = role;
  return best;
}

/** The citizen themself and relatives: counted apart, as channels. */
export interface ChannelRow {
  channel: Channel['channel'];
  referrals: number;
  totalReferrals: number;
  lastReferralAt: string | null;
}

export function channels(all: Iterable<PartnersDoc>, filter: PartnersFilter): ChannelRow[] {
  const found = new Map<Channel['channel'], Channel>();
  for (const doc of all) if (isChannel(doc)) found.set(doc.channel, doc);
  return (['self', 'relative'] as const).map((channel) => {
    const referrals = found.get(channel)?.referrals ?? [];
    return { channel, referrals: inPeriod(referrals, filter), totalReferrals: referrals.length, lastReferralAt: latest(referrals) ?? null };
  });
}
