/**
 * A partner's code on its printed referral card (the QR code carries
 * `/henvis?p=<code>`): the first eight hex digits of its partnerId, upper case.
 * Short enough to type from paper; a card with a code that names no active
 * partner is still taken, only not counted for anyone.
 */
export const PARTNER_CODE = /^[0-9A-F]{8}$/;

export const partnerCodeOf = (partnerId: string): string => partnerId.replace(/-/g, '').slice(0, 8).toUpperCase();

/** The code as someone typed it (`ab12 cd34`), or undefined when it cannot be one. */
export function readPartnerCode(raw: string): string | undefined {
  const code = raw.replace(/[\s-]/g, '').toUpperCase();
  return PARTNER_CODE.test(code) ? code : undefined;
}
