import { DateTime, Settings } from 'luxon';

/** Every date the app shows or reads is in Copenhagen time, in Danish formats. */
export const ZONE = 'Europe/Copenhagen';
Settings.defaultZone = ZONE;
Settings.defaultLocale = 'da';

const parse = (iso: string): DateTime => DateTime.fromISO(iso, { zone: ZONE });

/** `24.12.2026 kl. 10.00` */
export const dateTime = (iso: string | undefined): string => (iso ? parse(iso).toFormat("dd.MM.yyyy 'kl.' HH.mm") : '–');
/** `24.12.2026` */
export const date = (iso: string | undefined): string => (iso ? parse(iso).toFormat('dd.MM.yyyy') : '–');
/** `tirsdag 24. december kl. 10.00`: for the visit card; with the year (`… 2025 kl. …`) when it is not this year's. */
export function longDateTime(iso: string | undefined, today: DateTime = DateTime.now()): string {
  if (!iso) return '–';
  const when = parse(iso);
  return when.toFormat(when.year === today.setZone(ZONE).year ? "cccc d. LLLL 'kl.' HH.mm" : "cccc d. LLLL yyyy 'kl.' HH.mm");
}

/** A Danish phone number as a `tel:` address a phone can call: `+45 57 83 12 34` → `tel:+4557831234`. */
export function telHref(phone: string): string {
  const digits = phone.replace(/[^\d+]/g, '');
  return `tel:${/^\d{8}$/.test(digits) ? `+45${digits}` : digits}`;
}
/** A Danish number as Danes write it, in pairs: `+4557831234` → `57 83 12 34`; a foreign one is left as it is. */
export function phoneText(phone: string): string {
  const digits = phone.replace(/[^\d+]/g, '');
  const danish = /^(?:\+45)?(\d{8})$/.exec(digits);
  return danish ? danish[1]!.replace(/(\d\d)(?=\d)/g, '$1 ') : phone;
}
/** `marts 2026` from `2026-03`. */
export const month = (key: string): string => DateTime.fromFormat(key, 'yyyy-MM', { zone: ZONE }).toFormat('LLL yyyy');

/** The value of a `datetime-local` field (Copenhagen wall time) as an instant with its offset; undefined if unreadable. */
export function fromLocalInput(value: string): string | undefined {
  if (!value) return undefined;
  const parsed = DateTime.fromISO(value, { zone: ZONE });
  return parsed.isValid ? (parsed.toISO({ suppressMilliseconds: true }) ?? undefined) : undefined;
}

/** An instant as a `datetime-local` value in Copenhagen time. */
export const toLocalInput = (when: DateTime): string => when.setZone(ZONE).toFormat("yyyy-MM-dd'T'HH:mm");

/** Now, to the quarter hour, as a `datetime-local` value (a visit is seldom recorded to the minute). */
export const nowForInput = (plusDays = 0): string => {
  const now = DateTime.now().setZone(ZONE).plus({ days: plusDays });
  return toLocalInput(now.set({ minute: Math.floor(now.minute / 15) * 15, second: 0, millisecond: 0 }));
};

export const now = (): DateTime => DateTime.now().setZone(ZONE);
export { DateTime };
