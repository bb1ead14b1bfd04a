import { MAX_COURSE_LENGTH, MAX_REQUIRED_COURSES, SETTING_RANGES } from '../../../../domain/programme/programme.settings';
import type { ProgrammeSettings } from '../../../../domain/programme/programme.settings';
import type { Programme } from '../../../../domain/shared/codes';

/** One row of `GET /programmes`. */
export interface ProgrammeRow {
  programme: Programme;
  name: string;
  helperWord: string;
  settings: ProgrammeSettings;
  defaults: ProgrammeSettings;
  changedAt: string | null;
}

/** The form's fields as typed (numbers as text, courses one per line). */
export interface SettingsForm {
  followUpMonths: string;
  requiredVetting: Array<'straffeattest' | 'børneattest'>;
  requiredCourses: string;
  supervisionEveryWeeks: string;
  reassessEveryWeeks: string;
}

export const formOf = (s: ProgrammeSettings): SettingsForm => ({
  followUpMonths: String(s.followUpMonths),
  requiredVetting: [...s.requiredVetting],
  requiredCourses: s.requiredCourses.join('\n'),
  supervisionEveryWeeks: String(s.supervisionEveryWeeks),
  reassessEveryWeeks: String(s.reassessEveryWeeks),
});

const WHAT: Record<keyof typeof SETTING_RANGES, string> = {
  followUpMonths: 'Antal måneder',
  supervisionEveryWeeks: 'Antal uger',
  reassessEveryWeeks: 'Antal uger',
};

/** The same rules as the server's, in Danish by field; an empty object when the form may be sent. */
export function checkSettings(form: SettingsForm): { errors: Partial<Record<keyof SettingsForm, string>>; body?: ProgrammeSettings } {
  const errors: Partial<Record<keyof SettingsForm, string>> = {};
  const numbers = {} as Record<keyof typeof SETTING_RANGES, number>;
  for (const field of Object.keys(SETTING_RANGES) as Array<keyof typeof SETTING_RANGES>) {
    const { min, max } = SETTING_RANGES[field];
    const value = Number(form[field].trim());
    if (form[field].trim() === '' || !Number.isInteger(value) || value < min || value > max) errors[field] = `${WHAT[field]} skal være et helt tal fra ${min} til ${max}.`;
    numbers[field] = value;
  }
  const courses = form.requiredCourses
    .split('\n')
    .map((c) => c.trim().replace(/\s+/g, ' '))
    .filter((c) => c !== '');
  const lower = courses.map((c) => c.toLocaleLowerCase('da'));
  if (courses.length > MAX_REQUIRED_COURSES) errors.requiredCourses = `Højst ${MAX_REQUIRED_COURSES} kurser.`;
  else if (courses.some((c) => c.length > MAX_COURSE_LENGTH)) errors.requiredCourses = `Et kursusnavn må højst have ${MAX_COURSE_LENGTH} tegn.`;
  else if (new Set(lower).size !== lower.length) errors.requiredCourses = 'Hvert kursus må kun stå én gang.';
  if (Object.keys(errors).length > 0) return { errors };
  return { errors, body: { ...numbers, requiredVetting: form.requiredVetting, requiredCourses: courses } };
}
