import { foldToken, nameTokens, sameName } from '../../../domain/shared/names';

describe('names compared for "the same person?"', () => {
  it.each([
    ['Karen Hansen', 'Karen Marie Hansen'],
    ['karen hansen', 'KAREN HANSEN'],
    ['Søren Østergård', 'Soeren Oestergaard'],
    ['Åse Bærbel Lund', 'Aase Lund'],
    ['José Nuñez', 'Jose Nunez'],
    ['K. Hansen', 'Karen Hansen'],
    ['Hansen', 'Karen Hansen'],
    ['Karen Hansen-Berg', 'Karen Marie Hansen-Berg'],
  ])('%s is %s', (a, b) => {
    expect(sameName(a, b)).toBe(true);
    expect(sameName(b, a)).toBe(true);
  });

  it.each([
    ['Poul Jensen', 'Karen Hansen'],
    ['Karen Jensen', 'Karen Hansen'],
    ['Kirsten Hansen', 'Karen Hansen'],
    ['', 'Karen Hansen'],
  ])('%s is not %s', (a, b) => {
    expect(sameName(a, b)).toBe(false);
  });

  it('folds tokens: lower case, æ ø å spelled out, other marks dropped', () => {
    expect(nameTokens('Bjørn-Åge  Ærø')).toEqual(['bjoern', 'aage', 'aeroe']);
    expect(foldToken('Zoë')).toBe('zoe');
  });
});
