import type { Programme } from './codes';

/**
 * What the person who visits is called, after the case's programme
 * (docs/glossary.md, "Programmes"): the citizen of a parish care visit has an
 * omsorgsmedarbejder ("Det er altid den samme omsorgsmedarbejder der besøger
 * borgeren", seed 000), Frida a fællesskabsguide (003), a citizen going to a
 * meeting with the municipality a bisidder (002). The one place that maps a
 * programme to the word; the web app and the case history use it.
 */
export interface HelperWords {
  /** en besøgsven */
  singular: string;
  /** besøgsvennen */
  definite: string;
  /** besøgsvenner */
  plural: string;
  /** besøgsvennerne */
  pluralDefinite: string;
}

export const HELPER_WORDS: Readonly<Record<Programme, HelperWords>> = {
  care_visits: { singular: 'omsorgsmedarbejder', definite: 'omsorgsmedarbejderen', plural: 'omsorgsmedarbejdere', pluralDefinite: 'omsorgsmedarbejderne' },
  visiting_friend: { singular: 'besøgsven', definite: 'besøgsvennen', plural: 'besøgsvenner', pluralDefinite: 'besøgsvennerne' },
  community_guide: { singular: 'fællesskabsguide', definite: 'fællesskabsguiden', plural: 'fællesskabsguider', pluralDefinite: 'fællesskabsguiderne' },
  companion: { singular: 'bisidder', definite: 'bisidderen', plural: 'bisiddere', pluralDefinite: 'bisidderne' },
};

/**
 * Where no one programme applies (the registry of visitors, a visitor's own
 * caseload across programmes, a code a newer server sent): the kinds the
 * registry holds, volunteers and employees.
 */
export const ANY_HELPER: HelperWords = { singular: 'frivillig eller ansat', definite: 'den frivillige eller ansatte', plural: 'frivillige og ansatte', pluralDefinite: 'de frivillige og ansatte' };

export type HelperForm = keyof HelperWords;

/** The helper's word for a case of this programme, lower case: `helperWord('community_guide', 'definite')` is "fællesskabsguiden". */
export function helperWord(programme: string | undefined, form: HelperForm = 'singular'): string {
  const words = programme !== undefined && Object.hasOwn(HELPER_WORDS, programme) ? HELPER_WORDS[programme as Programme] : ANY_HELPER;
  return words[form];
}

/** The same with a capital first letter, for a label or the start of a sentence. */
export const HelperWord = (programme: string | undefined, form: HelperForm = 'singular'): string => capitalise(helperWord(programme, form));

export const capitalise = (text: string): string => text.charAt(0).toLocaleUpperCase('da') + text.slice(1);
