import { PARTNER_KINDS } from '../../domain/partner/partner.codes';
import type { PartnerKind } from '../../domain/partner/partner.codes';
import type { PartnerEvent } from '../../domain/partner/partner.events';
import { normaliseOrganisation } from '../../domain/partner/partner.stream';
import { streamEntityId } from '../../domain/shared/ids';
import type { ReferrerRole } from '../../domain/shared/codes';
import type { DocumentView, ProjectedEvent } from '../shared/projection';

/**
 * The split of the outcomes by partner kind (issue 22's "referrer kind", by
 * issue 21's register). The `outcome-facts` read model keeps what it needs of
 * the register: each registered partner's kind, and the free-text names
 * linked to it (PartnerAliasLinked), so that a referral counts for the same
 * partner as it does in the register (GET /partners): by `referrer.partnerId`,
 * or by its organisation once that name is linked.
 */

/** `partner:<partnerId>`: a registered partner's kind as the register has it now (PartnerRegistered, PartnerUpdated). */
export interface PartnerKindDoc {
  partnerId: string;
  kind: PartnerKind;
}
/** `alias:<name>`: a free-text organisation name (normalised as the register does) linked to a partner. */
export interface PartnerAliasDoc {
  alias: string;
  partnerId: string;
}
export const PARTNER_KIND_PREFIX = 'partner:';
export const PARTNER_ALIAS_PREFIX = 'alias:';
export const partnerKindKey = (partnerId: string): string => `${PARTNER_KIND_PREFIX}${partnerId}`;
export const partnerAliasKey = (alias: string): string => `${PARTNER_ALIAS_PREFIX}${alias}`;

/** A partner's kind as registered, then as updated (an update names the kind only when it changed); its linked names. */
export function applyPartner(stored: ProjectedEvent, view: DocumentView<PartnerKindDoc | PartnerAliasDoc>): void {
  const partnerId = streamEntityId(stored.streamId);
  const event = { type: stored.type, data: stored.data } as PartnerEvent;
  if (event.type === 'PartnerRegistered') view.put(partnerKindKey(partnerId), { partnerId, kind: event.data.kind });
  else if (event.type === 'PartnerUpdated' && event.data.kind !== undefined && view.get(partnerKindKey(partnerId))) view.put(partnerKindKey(partnerId), { partnerId, kind: event.data.kind });
  else if (event.type === 'PartnerAliasLinked') {
    const alias = normaliseOrganisation(event.data.organisation);
    view.put(partnerAliasKey(alias), { alias, partnerId });
  }
}

/** The keys `applyPartner` reads for a partner event: the partner's kind. */
export const partnerKeysRead = (stored: ProjectedEvent): string[] => [partnerKindKey(streamEntityId(stored.streamId))];

/** The register's partner a case's referral counts for, and that partner's kind: by its partner id, else by its organisation's linked name. */
/** Who referred, as a case's outcome facts hold it (outcome-facts.ts). */
export interface ReferredBy {
  referrerRole: ReferrerRole;
  referrerPartnerId?: string;
  referrerOrganisation?: string;
}

export type PartnerKindOf = (facts: Pick<ReferredBy, 'referrerPartnerId' | 'referrerOrganisation'>) => PartnerKind | undefined;

export function partnerKindsOf(docs: Iterable<PartnerKindDoc | PartnerAliasDoc>): PartnerKindOf {
  const kinds = new Map<string, PartnerKind>();
  const owners = new Map<string, string>();
  for (const doc of docs) {
    if ('kind' in doc) kinds.set(doc.partnerId, doc.kind);
    else owners.set(doc.alias, doc.partnerId);
  }
  return (facts) => {
    const partnerId = facts.referrerPartnerId ?? (facts.referrerOrganisation === undefined ? undefined : owners.get(facts.referrerOrganisation));
    return partnerId === undefined ? undefined : kinds.get(partnerId);
  };
}

/**
 * The groups of the split by partner kind: the kinds of the partner register
 * (as the register has them now), then a professional's referral that counts
 * for no partner of the register (`not_in_register`), then the citizen's own
 * and a relative's referrals, which come through a channel rather than a
 * partner (as GET /partners/channels counts them).
 */
export const PARTNER_KIND_GROUPS = [...PARTNER_KINDS, 'not_in_register', 'self', 'relative'] as const;
export type PartnerKindGroup = (typeof PARTNER_KIND_GROUPS)[number];

/** A case's group in the split by partner kind. */
export function partnerKindGroupOf(facts: ReferredBy, kindOf: PartnerKindOf): PartnerKindGroup {
  if (facts.referrerRole === 'self' || facts.referrerRole === 'relative') return facts.referrerRole;
  return kindOf(facts) ?? 'not_in_register';
}
