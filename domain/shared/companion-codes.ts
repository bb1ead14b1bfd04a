/**
 * Code lists for the companion's appointments (issue #19, seed 002: the
 * bisidder goes with the citizen to "sagsbehandlere, lægen, hospitalet"). English
 * snake_case after the issue's own words, stable; the Danish words are in
 * web/src/labels.ts and docs/glossary.md.
 */
export const APPOINTMENT_WITH = [
  'kommune_jobcenter',
  'kommune_borgerservice',
  'kommune_sagsbehandler',
  'hospital',
  'egen_laege',
  'psykiatri',
  'bank',
  'advokat',
  'andet',
] as const;
export type AppointmentWith = (typeof APPOINTMENT_WITH)[number];
