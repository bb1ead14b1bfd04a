import { normalisePhone, parseCpr, postcodeFromAddress, ucla3Score } from '../../../domain/shared/danish';
import { toUtc } from '../../../domain/shared/time';

describe('Danish formats', () => {
  it.each([
    ['+4557831234', '+4557831234'],
    ['57831234', '+4557831234'],
    ['57 83 12 34', '+4557831234'],
    ['+45 57 83 12 34', '+4557831234'],
  ])('normalises the phone %s to %s', (raw, phone) => expect(normalisePhone(raw)).toBe(phone));

  it.each(['+46701234567', '5783123', '578312345', '+45578312', 'tlf 57831234'])('refuses the phone %s', (raw) =>
    expect(normalisePhone(raw)).toBeUndefined(),
  );

  it.each([
    ['120345-1234', 1945], // 7th digit 1: 1900s
    ['120345-4234', 1945], // 4 with year 37–99: 1900s
    ['120315-4234', 2015], // 4 with year 00–36: 2000s
    ['120315-9234', 2015], // 9 as 4
    ['120315-5234', 2015], // 5–8 with year 00–57: 2000s
    ['120385-6234', 1885], // 5–8 with year 58–99: 1800s
    ['290200-4000', 2000], // 29 February in a leap year
  ])('reads the birth year of %s as %i', (cpr, year) => expect(parseCpr(cpr)?.birthYear).toBe(year));

  it('checks no modulus 11 (not required since 2007)', () => {
    expect(parseCpr('120345-1235')).toBeDefined();
    expect(parseCpr('120345-1236')).toBeDefined();
  });

  it.each(['310245-1234', '290201-1234', '001045-1234', '121345-1234', '1203451234', '12034-51234'])('refuses the CPR %s', (cpr) =>
    expect(parseCpr(cpr)).toBeUndefined(),
  );

  it.each([
    ['Algade 12, 2. th, 4180 Sorø', '4180'],
    ['Nørregade 8, 7500 Holstebro', '7500'],
    ['Vesterbrogade 1, 1620 København V', '1620'],
    ['Storgade 3', undefined],
  ])('finds the postcode in %s', (address, postcode) => expect(postcodeFromAddress(address)).toBe(postcode));

  it('scores UCLA-3 as the sum of three answers from 1 to 3', () => {
    expect(ucla3Score([1, 1, 1])).toBe(3);
    expect(ucla3Score([3, 3, 2])).toBe(8);
    for (const bad of [[1, 2], [1, 2, 3, 1], [0, 2, 2], [1, 2, 4], [1.5, 2, 2], ['1', 2, 2]]) expect(ucla3Score(bad)).toBeUndefined();
  });

  it('stores instants in UTC and refuses one without an offset or a real date', () => {
    expect(toUtc('2026-03-02T09:15:00+01:00')).toBe('2026-03-02T08:15:00.000Z');
    expect(toUtc('2026-03-02T09:15:00')).toBeUndefined();
    expect(toUtc('2026-02-30T09:15:00Z')).toBeUndefined();
  });
});
