import { normaliseOrganisation } from '../../domain/partner/partner.stream';
import { partnerCodeOf } from '../../domain/intake/partner-code';
import { copenhagenMonthOf } from '../shared/copenhagen-day';
import type { Assessment, Meeting, PartnersDoc, RegisteredPartner } from './partner-docs';
import { isReferralGroup } from './partner-docs';
import { PartnerRow, partners } from './partners.register';

/** GET /partners/:partnerId: the partner page (contacts, meetings newest first, referrals by month, the register's row). */
export interface PartnerPage extends PartnerRow {
  partnerId: string;
  name: string;
  address: string | null;
  postcode: string | null;
  leader: RegisteredPartner['leader'];
  contacts: RegisteredPartner['contacts'];
  meetings: Meeting[];
  assessment: Assessment | null;
  aliases: string[];
  /** Copenhagen months (`YYYY-MM`) with their referrals, oldest first. */
  referralsByMonth: Array<{ month: string; referrals: number }>;
  registeredAt: string;
  /** The code on its printed referral card (issue 21). */
  partnerCode: string;
}

export function partnerPage(partner: RegisteredPartner, all: readonly PartnersDoc[], silentDays: number, now: string): PartnerPage {
  const aliases = new Set(partner.aliases);
  const groups = all.filter(isReferralGroup).filter((g) => g.organisation && aliases.has(normaliseOrganisation(g.organisation)));
  const row = partners([partner, ...groups], { silentDays }, now).find((r) => r.partnerId === partner.partnerId)!;
  const months = new Map<string, number>();
  for (const at of [...partner.referrals, ...groups.flatMap((g) => g.referrals)]) {
    const month = copenhagenMonthOf(at);
    months.set(month, (months.get(month) ?? 0) + 1);
  }
  return {
    ...row,
    partnerId: partner.partnerId,
    name: partner.name,
    address: partner.address ?? null,
    postcode: partner.postcode ?? null,
    leader: partner.leader,
    contacts: partner.contacts,
    meetings: [...partner.meetings].sort((a, b) => Date.parse(b.at) - Date.parse(a.at)),
    assessment: partner.assessment ?? null,
    aliases: partner.aliases,
    referralsByMonth: [...months].sort(([a], [b]) => a.localeCompare(b)).map(([month, referrals]) => ({ month, referrals })),
    registeredAt: partner.registeredAt,
    partnerCode: partnerCodeOf(partner.partnerId),
  };
}
