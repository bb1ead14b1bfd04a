import type { Programme } from '../../domain/shared/codes';
import { isProgramme, ProgrammeSettings } from '../../domain/programme/programme.settings';

/** A programme whose settings an admin changed (issues 19, 20, 22); the others keep the defaults. */
export interface ProgrammeEntry {
  programme: Programme;
  settings: ProgrammeSettings;
  /** When the latest change took effect. */
  changedAt: string;
}

/** Applies one event of a `programme-<code>` stream; returns the programme whose entry changed, if any. */
export function applyProgramme(programmes: Map<Programme, ProgrammeEntry>, type: string, data: Record<string, unknown>, code: string): Programme | undefined {
  if (type !== 'ProgrammeSettingsChanged' || !isProgramme(code)) return undefined;
  const { followUpMonths, requiredVetting, requiredCourses, supervisionEveryWeeks, reassessEveryWeeks, at } = data as unknown as ProgrammeSettings & { at: string };
  programmes.set(code, {
    programme: code,
    settings: { followUpMonths, requiredVetting: [...requiredVetting], requiredCourses: [...requiredCourses], supervisionEveryWeeks, reassessEveryWeeks },
    changedAt: at,
  });
  return code;
}
