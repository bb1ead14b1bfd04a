import type { ReferrerRole } from '../../domain/shared/codes';
import type { PartnerEvent } from '../../domain/partner/partner.events';
import type { ReferralCardSubmitted } from '../../domain/intake/intake.events';
import { normaliseOrganisation } from '../../domain/partner/partner.stream';
import { streamCategory, streamEntityId } from '../../domain/shared/ids';
import { caseEventOf } from '../shared/events';
import type { DocumentView, ProjectedEvent, Projection } from '../shared/projection';
import { Channel, channelKey, Partner, PartnersDoc, RegisteredPartner, registeredKey } from './partner-docs';

export type { Partner } from './partner-docs';
export { normaliseOrganisation };
export { partners, channels } from './partners.register';
export type { PartnerRow, PartnersFilter, ChannelRow } from './partners.register';

export const partnerKey = (organisation: string, role: ReferrerRole): string => `${role}:${normaliseOrganisation(organisation)}`;

/** Referrals without an organisation (a GP, say) are grouped by role alone. */
const NO_ORGANISATION = '';

/**
 * The citizen and their relatives refer through a channel, not as a partner:
 * nobody to visit with a reminder when they go quiet, so they are counted
 * apart (GET /partners/channels), never listed as partners.
 */
export const CHANNEL_ROLES: readonly ReferrerRole[] = ['self', 'relative'];

const PARTNER_EVENTS: ReadonlySet<PartnerEvent['type']> = new Set([
  'PartnerRegistered',
  'PartnerUpdated',
  'PartnerContactAdded',
  'PartnerContactRemoved',
  'PartnerRetired',
  'OutreachMeetingHeld',
  'PartnerAssessed',
  'PartnerAliasLinked',
]);

export const partnersProjection: Projection<PartnersDoc> = {
  name: 'partners',
  // 3: the register (issue 21): registered partners, their meetings, referrals by partnerId, the channels counted apart.
  // 4: referral cards with a partner's code count for it.
  version: 4,
  eventTypes: new Set(['ReferralReceived', 'ReferralCardSubmitted', ...PARTNER_EVENTS]),
  keysRead: (stored) => {
    if (streamCategory(stored.streamId) === 'partner') return [registeredKey(streamEntityId(stored.streamId))];
    if (stored.type === 'ReferralCardSubmitted') {
      const { partnerId } = stored.data as ReferralCardSubmitted['data'];
      return partnerId === undefined ? [] : [registeredKey(partnerId)];
    }
    const referral = referralOf(stored);
    return referral ? [referral.key] : [];
  },
  apply(stored: ProjectedEvent, view: DocumentView<PartnersDoc>): void {
    if (streamCategory(stored.streamId) === 'partner') return applyPartner(stored, view as DocumentView<RegisteredPartner>);
    if (stored.type === 'ReferralCardSubmitted') return applyCard(stored.data as ReferralCardSubmitted['data'], view as DocumentView<RegisteredPartner>);
    const referral = referralOf(stored);
    if (!referral) return;
    const { key, referredAt } = referral;
    const doc = view.get(key);
    // In place (the view's documents are the reducer's to change): a partner has thousands of referrals, and a copy of them per referral made a 1M-event rebuild allocate 1.5 GB.
    if (doc) {
      doc.referrals.push(referredAt);
      if ('roles' in doc) doc.roles.push(referral.role);
      return view.put(key, doc);
    }
    if (referral.channel) return view.put(key, { channel: referral.channel, referrals: [referredAt] } satisfies Channel);
    view.put(key, { organisation: referral.organisation, role: referral.role, referrals: [referredAt] } satisfies Partner);
  },
};

interface Referral {
  key: string;
  organisation: string;
  role: ReferrerRole;
  referredAt: string;
  channel?: Channel['channel'];
}

function referralOf(stored: ProjectedEvent): Referral | undefined {
  const found = caseEventOf(stored);
  if (found?.event.type !== 'ReferralReceived') return undefined;
  const { referrer, referredAt } = found.event.data;
  const organisation = referrer.organisation?.trim() || NO_ORGANISATION;
  if (referrer.role === 'self' || referrer.role === 'relative') return { key: channelKey(referrer.role), organisation, role: referrer.role, referredAt, channel: referrer.role };
  // Named by id: counted for that partner. The route accepts only a registered one; the event is trusted.
  if (referrer.partnerId) return { key: registeredKey(referrer.partnerId), organisation, role: referrer.role, referredAt };
  return { key: partnerKey(organisation, referrer.role), organisation, role: referrer.role, referredAt };
}

/** A card sent with the partner's code counts for it (the code was looked up when the card came in). */
function applyCard(card: ReferralCardSubmitted['data'], view: DocumentView<RegisteredPartner>): void {
  if (card.partnerId === undefined) return;
  const key = registeredKey(card.partnerId);
  const doc = view.get(key);
  if (!doc) return;
  (doc.cards ??= []).push(card.submittedAt);
  view.put(key, doc);
}

function applyPartner(stored: ProjectedEvent, view: DocumentView<RegisteredPartner>): void {
  const partnerId = streamEntityId(stored.streamId);
  const key = registeredKey(partnerId);
  const event = { type: stored.type, data: stored.data } as PartnerEvent;
  if (event.type === 'PartnerRegistered') {
    const { partnerId: _id, ...data } = event.data;
    const earlier = view.get(key);
    return view.put(key, {
      partnerId,
      ...data,
      registeredAt: stored.metadata.occurredAt,
      retired: false,
      meetings: [],
      aliases: [],
      referrals: earlier?.referrals ?? [],
      roles: earlier?.roles ?? [],
    });
  }
  const doc = view.get(key);
  if (!doc) return;
  switch (event.type) {
    case 'PartnerUpdated':
      Object.assign(doc, event.data);
      break;
    case 'PartnerContactAdded':
      doc.contacts.push(event.data);
      break;
    case 'PartnerContactRemoved':
      // Forgotten here, so no answer can show them again.
      doc.contacts = doc.contacts.filter((c) => c.contactId !== event.data.contactId);
      break;
    case 'PartnerRetired':
      doc.retired = true;
      break;
    case 'OutreachMeetingHeld':
      doc.meetings.push(event.data);
      break;
    case 'PartnerAssessed':
      doc.assessment = event.data;
      break;
    case 'PartnerAliasLinked':
      doc.aliases.push(normaliseOrganisation(event.data.organisation));
      break;
  }
  view.put(key, doc);
}
