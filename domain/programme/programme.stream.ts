import { assertNever, Decider } from '../shared/decider';
import { IllegalStateError } from '../shared/errors';
import { FieldChecks } from '../shared/time';
import { VETTING_KINDS } from '../visitor/volunteer.codes';
import type { ChangeProgrammeSettings, ProgrammeCommand, ProgrammeContext } from './programme.commands';
import type { ProgrammeEvent } from './programme.events';
import { DEFAULT_PROGRAMME_SETTINGS, MAX_COURSE_LENGTH, MAX_REQUIRED_COURSES, ProgrammeSettings, SETTING_RANGES } from './programme.settings';

/** The settings changed so far (none: the defaults are in force). */
export interface ProgrammeState {
  settings?: ProgrammeSettings;
}

function evolve(_state: ProgrammeState, event: ProgrammeEvent): ProgrammeState {
  switch (event.type) {
    case 'ProgrammeSettingsChanged': {
      const { programme, at, ...settings } = event.data;
      void programme;
      void at;
      return { settings };
    }
    default:
      return assertNever(event.type);
  }
}

function decide(command: ProgrammeCommand, state: ProgrammeState, context: ProgrammeContext): ProgrammeEvent[] {
  switch (command.type) {
    case 'ChangeProgrammeSettings':
      return change(command, state, context);
    default:
      return assertNever(command.type);
  }
}

/** The whole set after the change: what was given over what is in force; refused when it changes nothing. */
function change({ data }: ChangeProgrammeSettings, state: ProgrammeState, context: ProgrammeContext): ProgrammeEvent[] {
  const checks = new FieldChecks(context.now);
  const at = checks.happened('at', data.at ?? context.now);
  const current = state.settings ?? DEFAULT_PROGRAMME_SETTINGS[context.programme];
  const next: ProgrammeSettings = {
    followUpMonths: data.followUpMonths ?? current.followUpMonths,
    requiredVetting: data.requiredVetting ? [...new Set(data.requiredVetting)] : [...current.requiredVetting],
    requiredCourses: data.requiredCourses ? data.requiredCourses.map((c) => c.trim().replace(/\s+/g, ' ')) : [...current.requiredCourses],
    supervisionEveryWeeks: data.supervisionEveryWeeks ?? current.supervisionEveryWeeks,
    reassessEveryWeeks: data.reassessEveryWeeks ?? current.reassessEveryWeeks,
  };
  for (const field of ['followUpMonths', 'supervisionEveryWeeks', 'reassessEveryWeeks'] as const) {
    const { min, max } = SETTING_RANGES[field];
    const value = next[field];
    if (!Number.isInteger(value) || value < min || value > max) checks.fail(field, `${field} must be a whole number from ${min} to ${max}`);
  }
  next.requiredVetting.forEach((kind, i) => {
    if (!(VETTING_KINDS as readonly string[]).includes(kind)) checks.fail(`requiredVetting.${i}`, `requiredVetting must name vetting kinds: ${VETTING_KINDS.join(', ')}`);
  });
  if (next.requiredCourses.length > MAX_REQUIRED_COURSES) checks.fail('requiredCourses', `requiredCourses holds at most ${MAX_REQUIRED_COURSES} courses`);
  const seen = new Set<string>();
  next.requiredCourses.forEach((course, i) => {
    if (course === '' || course.length > MAX_COURSE_LENGTH) checks.fail(`requiredCourses.${i}`, `a course's name must be 1 to ${MAX_COURSE_LENGTH} characters`);
    const key = course.toLocaleLowerCase('da');
    if (seen.has(key)) checks.fail(`requiredCourses.${i}`, `the course ${course} is named twice`);
    seen.add(key);
  });
  checks.check();
  if (same(next, current)) {
    throw new IllegalStateError('programme_settings_unchanged', `the settings of ${context.programme} are already these`, { programme: context.programme });
  }
  return [{ type: 'ProgrammeSettingsChanged', data: { programme: context.programme, ...next, at } }];
}

const same = (a: ProgrammeSettings, b: ProgrammeSettings): boolean =>
  a.followUpMonths === b.followUpMonths &&
  a.supervisionEveryWeeks === b.supervisionEveryWeeks &&
  a.reassessEveryWeeks === b.reassessEveryWeeks &&
  [...a.requiredVetting].sort().join('\n') === [...b.requiredVetting].sort().join('\n') &&
  a.requiredCourses.join('\n') === b.requiredCourses.join('\n');

/** The programme stream `programme-<code>` as a decider. */
export const programmeDecider: Decider<ProgrammeCommand, ProgrammeEvent, ProgrammeState, ProgrammeContext> = {
  initialState: () => ({}),
  evolve,
  decide,
};
