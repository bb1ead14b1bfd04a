import { mapPersonalFields } from '../../../src/privacy/crypto/personal-fields';

const mark = (plain: string) => `<${plain}>`;

describe('which fields of an event are personal (mapPersonalFields)', () => {
  it('given data with no personal field, answers the very same object: nothing is copied', () => {
    const data = { caseId: 'c1', score: 7, answers: [1, 3, 3], reason: 'moved' };
    expect(mapPersonalFields(data, mark)).toBe(data);
  });

  it('given a referral, seals the citizen and the situation whole, the referrer’s name and phone, and leaves the rest in clear, in the same order', () => {
    const data = {
      caseId: 'c1',
      referrer: { name: 'Karen', role: 'prevention_worker', phone: '+4512345678' },
      citizen: { name: 'Hanne', address: { street: 'Søndergade 1' }, phone: '+4587520804' },
      postcode: '2200',
      situation: { social: 'Alene', notes: ['a', 'b'] },
      consent: { given: true, recordedBy: 'Ole' },
    };
    const mapped = mapPersonalFields(data, mark);
    expect(mapped).toEqual({
      caseId: 'c1',
      referrer: { name: '<Karen>', role: 'prevention_worker', phone: '<+4512345678>' },
      citizen: { name: '<Hanne>', address: { street: '<Søndergade 1>' }, phone: '<+4587520804>' },
      postcode: '2200',
      situation: { social: '<Alene>', notes: ['<a>', '<b>'] },
      consent: { given: true, recordedBy: '<Ole>' },
    });
    expect(Object.keys(mapped as object)).toEqual(Object.keys(data));
    expect(data.citizen.name).toBe('Hanne'); // the input is left as it was
  });

  it('seals a free-text reason but not a closure code, and a nested field only when it is an object', () => {
    expect(mapPersonalFields({ reason: 'Flyttet til datteren', note: 'God samtale', referrer: null }, mark)).toEqual({
      reason: '<Flyttet til datteren>',
      note: '<God samtale>',
      referrer: null,
    });
    expect(mapPersonalFields({ reason: 'moved', themes: ['have'] }, mark)).toEqual({ reason: 'moved', themes: ['<have>'] });
  });
});
