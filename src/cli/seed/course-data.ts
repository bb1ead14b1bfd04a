import type { Programme } from '../../../domain/shared/codes';
import type { AppointmentWith } from '../../../domain/shared/companion-codes';
import type { RelativeRelation } from '../../../domain/shared/course-codes';

/** The words and proportions of a seeded case's course (course-story.ts). Synthetic, in the seeds' Danish. */

/** How many minutes a visit takes, per programme: mostly 45–120 (a guide's outing may run longer). */
export const DURATIONS: Readonly<Record<Programme, readonly number[]>> = {
  care_visits: [45, 60, 60, 60, 75, 90],
  visiting_friend: [60, 75, 90, 90, 120],
  community_guide: [60, 90, 90, 120, 150],
  companion: [45, 60, 90, 120],
};

/**
 * Who among the citizen's relatives is in the picture, per programme: the
 * elderly's daughter, son or neighbour; the younger guide's citizen's parent
 * (seed 003: "Fridas mor er drivkraften"), sibling or friend. `relief`: the share
 * of them who need relief themselves.
 */
export const RELATIVES: Readonly<Record<Programme, { chance: number; relief: number; relations: Partial<Record<RelativeRelation, number>> }>> = {
  care_visits: { chance: 0.3, relief: 0.3, relations: { daughter: 5, son: 3, spouse: 2, neighbour: 2, grandchild: 1 } },
  visiting_friend: { chance: 0.25, relief: 0.2, relations: { daughter: 4, son: 3, neighbour: 3, sibling: 1, friend: 1 } },
  community_guide: { chance: 0.3, relief: 0.2, relations: { parent: 5, sibling: 2, friend: 2, partner: 1 } },
  companion: { chance: 0.15, relief: 0.15, relations: { daughter: 2, son: 2, spouse: 1, friend: 1 } },
};

/** Where the guide and the citizen go together the first times (seed 003: selvhjælpsgruppe, socialt café). */
export const GUIDE_ACTIVITIES = ['Selvhjælpsgruppe', 'Socialt café', 'Gåklub', 'Fællesspisning', 'Strikkecafé', 'Kor', 'Værested', 'Frivilligcenterets café'] as const;

/** The agreement's goals (one of each list) and when the course may end. */
export const GOALS: Readonly<Record<'community_guide' | 'companion', { goals: readonly [readonly string[], readonly string[]]; endCriteria: readonly string[] }>> = {
  community_guide: {
    goals: [
      ['Finde et fællesskab', 'Komme ud blandt andre', 'Finde et sted at høre til'],
      ['Gå selv til aktiviteten', 'Møde de samme mennesker hver uge', 'Få en ven i gruppen'],
    ],
    endCriteria: ['Borgeren går selv til aktiviteten', 'Borgeren har faste aftaler med andre', 'Borgeren har fundet sit fællesskab'],
  },
  companion: {
    goals: [
      ['Være forberedt til møderne med kommunen', 'Forstå brevene fra myndighederne', 'Få styr på økonomien'],
      ['Sige sin mening på møderne', 'Selv kunne ringe til sagsbehandleren', 'Have overblik over sin sag'],
    ],
    endCriteria: ['Borgeren klarer selv møderne', 'Sagen er afgjort', 'Borgeren har overblik over sin sag'],
  },
};

/** The companion's appointments (seed 002: "sagsbehandlere, lægen, hospitalet"), how often, and what is said before and after. */
export const APPOINTMENTS: {
  weights: Partial<Record<AppointmentWith, number>>;
  texts: Readonly<Record<AppointmentWith, { purpose: readonly string[]; preparation: readonly string[]; debrief: readonly string[] }>>;
} = {
  weights: { kommune_jobcenter: 5, kommune_sagsbehandler: 4, egen_laege: 3, hospital: 2, bank: 2, kommune_borgerservice: 1, psykiatri: 1, advokat: 1 },
  texts: {
    kommune_jobcenter: {
      purpose: ['Samtale om ressourceforløb', 'Opfølgning på sygedagpenge', 'Møde om jobafklaring'],
      preparation: ['Læste indkaldelsen igennem og skrev spørgsmål ned', 'Aftalte hvad borgeren selv vil sige'],
      debrief: ['Borgeren fik sagt det vigtigste; ny plan om tre måneder', 'Gik godt; borgeren var lettet bagefter'],
    },
    kommune_sagsbehandler: {
      purpose: ['Møde om hjælpemidler', 'Samtale om boligstøtte', 'Møde om handleplan'],
      preparation: ['Samlede papirerne i en mappe', 'Skrev borgerens ønsker ned på en seddel'],
      debrief: ['Ansøgningen er sendt; svar om fire uger', 'Borgeren følte sig hørt'],
    },
    kommune_borgerservice: {
      purpose: ['Hjælp til MitID', 'Ansøgning om pension'],
      preparation: ['Tog pas og sundhedskort med'],
      debrief: ['MitID virker nu; borgeren øver selv'],
    },
    egen_laege: {
      purpose: ['Samtale om medicin', 'Svar på blodprøver'],
      preparation: ['Skrev symptomerne ned sammen'],
      debrief: ['Lægen tog sig god tid; ny tid om en måned', 'Borgeren forstod svaret bedre bagefter'],
    },
    hospital: {
      purpose: ['Forundersøgelse', 'Samtale om operation'],
      preparation: ['Talte om hvad borgeren er bange for'],
      debrief: ['Borgeren var rolig undervejs; vi gennemgik brevet bagefter'],
    },
    psykiatri: {
      purpose: ['Første samtale i distriktspsykiatrien'],
      preparation: ['Talte om hvad borgeren vil fortælle'],
      debrief: ['Borgeren blev tilbudt et forløb'],
    },
    bank: {
      purpose: ['Møde om gæld og budget', 'Omlægning af lån'],
      preparation: ['Gennemgik kontoudtog og regninger'],
      debrief: ['Der er lagt et budget; afdrag aftalt'],
    },
    advokat: {
      purpose: ['Rådgivning om dødsbo'],
      preparation: ['Samlede papirerne fra skifteretten'],
      debrief: ['Borgeren ved nu, hvad der skal ske'],
    },
    andet: {
      purpose: ['Møde med udlejer'],
      preparation: ['Læste lejekontrakten igennem'],
      debrief: ['Aftale om betaling på plads'],
    },
  },
};
