import { APPOINTMENT_WITH, FREQUENCY, INVOLVEMENT, RELATIVE_RELATION } from '../course-labels';
import { date, dateTime } from '../format';
import { label } from '../labels';

const s = (value: unknown): string => (typeof value === 'string' ? value : '');
const codes = (value: unknown, labels: Record<string, string>): string => (Array.isArray(value) ? value.map((code) => label(labels, s(code))).join(', ') : '');

/**
 * The course's events on the timeline (issue #19), a line each; undefined for
 * any other event. Sealed parts are absent for an auditor, so only the codes show.
 */
export function courseDetails(type: string, d: Record<string, unknown>): string[] | undefined {
  switch (type) {
    case 'RelativeAdded':
      return [[s(d.name), label(RELATIVE_RELATION, s(d.relation)).toLowerCase()].filter(Boolean).join(', '), codes(d.involvement, INVOLVEMENT)];
    case 'RelativeRemoved':
      return [s(d.reason)];
    case 'CitizenAccompanied': {
      const to = (d.to ?? {}) as Record<string, unknown>;
      return [[s(to.activity), d.firstTime === true ? 'første gang' : ''].filter(Boolean).join(', '), s(d.note)];
    }
    case 'CitizenWentAlone':
      return [s(d.activity)];
    case 'AgreementRecorded':
      return [
        Array.isArray(d.goals) ? `Mål: ${d.goals.map(s).join('; ')}` : '',
        [label(FREQUENCY, s(d.frequency)), d.expectedEnd ? `forventet slut ${date(s(d.expectedEnd))}` : ''].filter(Boolean).join(', '),
      ];
    // The companion's appointments (seed 002): whom and when, why, how they prepared; the debrief after.
    case 'AppointmentScheduled':
      return [[label(APPOINTMENT_WITH, s(d.with)), dateTime(s(d.at))].join(', '), s(d.purpose), d.preparation ? `Forberedelse: ${s(d.preparation)}` : ''];
    case 'AppointmentAccompanied':
      return [s(d.debrief)];
    case 'AppointmentCancelled':
      return [s(d.reason)];
    default:
      return undefined;
  }
}
