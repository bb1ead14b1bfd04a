import { PROGRAMMES } from '../../../domain/shared/codes';
import { ANY_HELPER, HELPER_WORDS, helperWord, HelperWord } from '../../../domain/shared/helper-words';

/**
 * Issue 17, "Words per programme": the person who visits is named after the
 * case's programme (docs/glossary.md), wherever a person reads it.
 */
describe('the helper’s word after the programme', () => {
  it.each([
    // "Det er altid den samme omsorgsmedarbejder der besøger borgeren" (seed 000)
    ['care_visits', 'omsorgsmedarbejder', 'omsorgsmedarbejderen', 'omsorgsmedarbejdere'],
    // "Ofte bliver der bedt om en frivillig besøgsven" (seed 000)
    ['visiting_friend', 'besøgsven', 'besøgsvennen', 'besøgsvenner'],
    // the volunteer community guides of seed 003
    ['community_guide', 'fællesskabsguide', 'fællesskabsguiden', 'fællesskabsguider'],
    // the companion service of seed 002
    ['companion', 'bisidder', 'bisidderen', 'bisiddere'],
  ])('%s: en %s, %s, %s', (programme, singular, definite, plural) => {
    expect(helperWord(programme)).toBe(singular);
    expect(helperWord(programme, 'definite')).toBe(definite);
    expect(helperWord(programme, 'plural')).toBe(plural);
  });

  it('has a word for every programme of the code list', () => {
    expect(Object.keys(HELPER_WORDS).sort()).toEqual([...PROGRAMMES].sort());
  });

  it('capitalises for labels and the start of a sentence', () => {
    expect(HelperWord('community_guide')).toBe('Fællesskabsguide');
    expect(HelperWord('care_visits', 'definite')).toBe('Omsorgsmedarbejderen');
  });

  it('names volunteers and employees where no programme applies, or one it does not know', () => {
    expect(helperWord(undefined)).toBe(ANY_HELPER.singular);
    expect(helperWord('a_newer_programme')).toBe(ANY_HELPER.singular);
    expect(helperWord('toString')).toBe(ANY_HELPER.singular);
  });
});
