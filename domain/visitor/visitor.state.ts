import type { VisitorKind } from '../shared/codes';
import type { VisitorProfile } from '../matching/matching.profile';
import type { VolunteerStanding } from './volunteer.standing';

/** A visitor's place in the registry. */
export type VisitorState =
  | { status: 'None' }
  | {
      status: 'Registered';
      visitorId: string;
      name: string;
      kind: VisitorKind;
      capacity: number;
      phone?: string;
      active: boolean;
      profile?: VisitorProfile;
      /** The lifecycle (issue 20): from an application, or from a registered visitor's first vetting, course or supervision. */
      standing?: VolunteerStanding;
    };
