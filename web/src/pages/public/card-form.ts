import type { Programme } from '../../../../domain/shared/codes';

/** The public referral card's fields, as typed (docs/api.md, POST /referral-cards). */
export interface CardForm {
  channel: 'self' | 'relative' | 'partner';
  name: string;
  phone: string;
  address: string;
  postcode: string;
  senderName: string;
  senderPhone: string;
  organisation: string;
  programme: Programme | '';
  message: string;
  consent: boolean;
  partnerCode: string;
  website: string;
}

export const CHANNEL_DA: Record<CardForm['channel'], string> = {
  self: 'Jeg henvender mig selv',
  relative: 'Jeg er pårørende',
  partner: 'Jeg henviser gennem mit arbejde',
};

const PHONE = /^(\+45)?\s*\d{2}\s?\d{2}\s?\d{2}\s?\d{2}$/;
const PHONE_DA = 'Skriv et dansk telefonnummer med 8 cifre.';

/** The partner's code from the printed card's QR code (`/henvis?p=1B9D6BCD`), if it is one. */
export function partnerCodeFrom(search: string): string {
  const code = (new URLSearchParams(search).get('p') ?? '').replace(/[\s-]/g, '').toUpperCase();
  return /^[0-9A-F]{8}$/.test(code) ? code : '';
}

export const emptyCard = (partnerCode = ''): CardForm => ({
  channel: 'self',
  name: '',
  phone: '',
  address: '',
  postcode: '',
  senderName: '',
  senderPhone: '',
  organisation: '',
  programme: '',
  message: '',
  consent: false,
  partnerCode,
  website: '',
});

/** What the server checks, in the same Danish words, by the server's field names. */
export function cardErrors(form: CardForm): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!form.name.trim()) errors['citizen.name'] = 'Skriv et navn.';
  if (!PHONE.test(form.phone.trim())) errors['citizen.phone'] = PHONE_DA;
  if (form.postcode.trim() && !/^\d{4}$/.test(form.postcode.trim())) errors['citizen.postcode'] = 'Postnummeret er 4 cifre.';
  if (form.channel !== 'self' && !form.senderName.trim()) errors['sender.name'] = 'Skriv dit eget navn, når du henviser en anden.';
  if (form.channel !== 'self' && form.senderPhone.trim() && !PHONE.test(form.senderPhone.trim())) errors['sender.phone'] = PHONE_DA;
  if (!form.message.trim()) errors.message = 'Skriv kort, hvorfor I henvender jer.';
  if (form.message.length > 2000) errors.message = 'Skriv kort, hvorfor I henvender jer (højst 2000 tegn).';
  if (!form.consent) errors.consent = 'Borgeren skal have sagt ja til at blive kontaktet: sæt kryds ved samtykke.';
  return errors;
}

const opt = (value: string) => value.trim() || undefined;

/** The body of POST /referral-cards: fields left empty left out. */
export function toBody(form: CardForm): Record<string, unknown> {
  const self = form.channel === 'self';
  return {
    channel: form.channel,
    ...(form.partnerCode && { partnerCode: form.partnerCode }),
    ...(form.programme && { programme: form.programme }),
    citizen: { name: form.name.trim(), phone: form.phone.trim(), ...(opt(form.address) && { address: opt(form.address) }), ...(opt(form.postcode) && { postcode: opt(form.postcode) }) },
    ...(!self && {
      sender: {
        name: form.senderName.trim(),
        ...(opt(form.senderPhone) && { phone: opt(form.senderPhone) }),
        ...(form.channel === 'partner' && opt(form.organisation) && { organisation: opt(form.organisation) }),
      },
    }),
    message: form.message.trim(),
    consent: form.consent,
    website: form.website,
  };
}
