import { DateTime, longDateTime, phoneText, telHref } from '../../../web/src/format';
import { inTimeOrder } from '../../../web/src/components/timeline-order';

/** What a visitor reads on the visit card and the case page (issue #17, "What a visitor needs"). */
describe('dates on the visit card', () => {
  const today = DateTime.fromISO('2026-12-06T12:00:00+01:00');

  it("leaves out this year's year", () => {
    expect(longDateTime('2026-12-08T10:00:00+01:00', today)).toBe('tirsdag 8. december kl. 10.00');
  });

  it('says the year of a date in another year, past or ahead', () => {
    expect(longDateTime('2025-12-09T10:00:00+01:00', today)).toBe('tirsdag 9. december 2025 kl. 10.00');
    expect(longDateTime('2027-01-05T10:00:00+01:00', today)).toBe('tirsdag 5. januar 2027 kl. 10.00');
  });

  it('takes the year in Copenhagen: New Year’s Eve at 23.30 UTC is already next year there', () => {
    expect(longDateTime('2026-12-31T23:30:00Z', today)).toBe('fredag 1. januar 2027 kl. 00.30');
  });
});

describe('phone numbers as tel: links', () => {
  it('calls a Danish number with +45, however it was written', () => {
    expect(telHref('+45 57 83 12 34')).toBe('tel:+4557831234');
    expect(telHref('40506070')).toBe('tel:+4540506070');
    expect(telHref('40 50 60 70')).toBe('tel:+4540506070');
  });

  it('shows a Danish number in pairs, as Danes write it, and a foreign one as it was given', () => {
    expect(phoneText('+4557831234')).toBe('57 83 12 34');
    expect(phoneText('40506070')).toBe('40 50 60 70');
    expect(phoneText('+46 70 123 45 67')).toBe('+46 70 123 45 67');
  });
});

describe('the timeline in the order things happened', () => {
  const entry = (revision: number, occurredAt: string, recordedAt = '2026-03-20T12:00:00Z') => ({ revision, occurredAt, recordedAt });

  it('puts a visit recorded late where it took place', () => {
    const entries = [entry(1, '2026-03-01T09:00:00Z'), entry(2, '2026-03-10T09:00:00Z'), entry(3, '2026-03-05T10:00:00+01:00')];
    expect(inTimeOrder(entries).map((e) => e.revision)).toEqual([1, 3, 2]);
  });

  it('compares instants, not the text of their offsets, and keeps the revision order on equal times', () => {
    // 10.30 in Copenhagen is 09.30 UTC: as the text goes it would come last.
    const entries = [entry(1, '2026-03-05T10:30:00+01:00'), entry(2, '2026-03-05T09:15:00Z'), entry(3, '2026-03-05T09:30:00Z')];
    expect(inTimeOrder(entries).map((e) => e.revision)).toEqual([2, 1, 3]);
  });

  it('orders by recorded time when the replay asks for it', () => {
    const entries = [entry(1, '2026-03-09T09:00:00Z', '2026-03-09T09:00:00Z'), entry(2, '2026-03-01T09:00:00Z', '2026-03-10T09:00:00Z')];
    expect(inTimeOrder(entries, 'recorded').map((e) => e.revision)).toEqual([1, 2]);
  });
});
