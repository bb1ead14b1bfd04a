import type { JSX } from 'preact';
import type { Role } from '../../domain/shared/codes';
import { Administration } from './pages/admin/Administration';
import { AuditCases } from './pages/auditor/AuditCases';
import { Replay } from './pages/auditor/Replay';
import { CasePage } from './pages/case/CasePage';
import { Cases } from './pages/coordinator/Cases';
import { Overdue } from './pages/coordinator/Overdue';
import { Referral } from './pages/coordinator/Referral';
import { Visitors } from './pages/coordinator/Visitors';
import { WaitingFolder } from './pages/coordinator/WaitingFolder';
import { Dashboard } from './pages/manager/Dashboard';
import { Partners } from './pages/manager/Partners';
import { PartnerPage } from './pages/partners/PartnerPage';
import { PrintableCard } from './pages/partners/PrintableCard';
import { ReferralCards } from './pages/coordinator/ReferralCards';
import { MyCases } from './pages/visitor/MyCases';
import { RecordVisit } from './pages/visitor/RecordVisit';
import type { Session } from './session';
import { Offers } from './pages/matching/Offers';
import { VisitorProfile } from './pages/matching/VisitorProfile';
import { Gaps } from './pages/matching/Gaps';
import { Effect } from './pages/manager/Effect';
import { Screening } from './pages/screener/Screening';
import { Screenings } from './pages/manager/Screenings';
import { AssessmentsDue } from './pages/coordinator/AssessmentsDue';
import { MyVolunteers } from './pages/volunteers/MyVolunteers';
import { Volunteers } from './pages/volunteers/Volunteers';
import { VolunteerPage } from './pages/volunteers/VolunteerPage';

/** A page of the app: its address, who may open it (the API checks again), and its place in the menu. */
export interface Route {
  pattern: string;
  roles: Role[];
  nav?: string;
  render: (params: Record<string, string>, session: Session) => JSX.Element;
}

export const ROUTES: Route[] = [
  { pattern: '/app/ventemappe', roles: ['coordinator'], nav: 'Ventemappe', render: () => <WaitingFolder /> },
  { pattern: '/app/henvisning', roles: ['coordinator'], nav: 'Ny henvisning', render: () => <Referral /> },
  // Issue 21: the inbox of referral cards from /henvis, and a partner's printable card.
  { pattern: '/app/henvisningskort', roles: ['coordinator'], nav: 'Henvisningskort', render: () => <ReferralCards /> },
  { pattern: '/app/samarbejdspartnere/:partnerId/kort', roles: ['coordinator'], render: (p) => <PrintableCard partnerId={p.partnerId!} /> },
  { pattern: '/app/sager', roles: ['coordinator'], nav: 'Sager', render: () => <Cases /> },
  { pattern: '/app/sager/:caseId', roles: ['coordinator'], render: (p) => <CasePage caseId={p.caseId!} /> },
  { pattern: '/app/besoegsvenner', roles: ['coordinator'], nav: 'Frivillige og ansatte', render: () => <Visitors /> },
  { pattern: '/app/over-tid', roles: ['coordinator'], nav: 'Over tid', render: () => <Overdue /> },
  { pattern: '/app/mine-borgere', roles: ['visitor'], nav: 'Mine borgere', render: (_p, s) => <MyCases session={s} /> },
  { pattern: '/app/besoeg/:caseId', roles: ['visitor'], render: (p, s) => <RecordVisit caseId={p.caseId!} session={s} /> },
  { pattern: '/app/overblik', roles: ['manager', 'coordinator'], nav: 'Overblik', render: () => <Dashboard /> },
  // Issue 22: outcomes and the period's report.
  { pattern: '/app/effekt', roles: ['manager'], nav: 'Effekt', render: () => <Effect /> },
  { pattern: '/app/samarbejdspartnere', roles: ['manager', 'coordinator'], nav: 'Samarbejdspartnere', render: (_p, s) => <Partners session={s} /> },
  { pattern: '/app/samarbejdspartnere/:partnerId', roles: ['coordinator'], render: (p) => <PartnerPage partnerId={p.partnerId!} /> },
  { pattern: '/app/evaluering', roles: ['auditor'], nav: 'Evaluering', render: () => <AuditCases /> },
  { pattern: '/app/evaluering/:caseId', roles: ['auditor'], render: (p) => <Replay caseId={p.caseId!} /> },
  // Matching (issue #18)
  { pattern: '/app/tilbud', roles: ['coordinator', 'visitor', 'manager', 'admin'], nav: 'Tilbud', render: (_p, s) => <Offers session={s} /> },
  { pattern: '/app/besoegsvenner/:visitorId', roles: ['coordinator', 'admin'], render: (p) => <VisitorProfile visitorId={p.visitorId!} own={false} /> },
  { pattern: '/app/min-profil', roles: ['visitor'], nav: 'Min profil', render: (_p, s) => <VisitorProfile visitorId={s.visitorId!} own /> },
  { pattern: '/app/mangler', roles: ['manager', 'coordinator'], nav: 'Mangler', render: () => <Gaps /> },
  { pattern: '/app/administration', roles: ['admin'], nav: 'Administration', render: () => <Administration /> },
  // Issue 22: screening before any referral.
  { pattern: '/app/opsporing', roles: ['screener'], nav: 'Opsporing', render: () => <Screening /> },
  { pattern: '/app/opsporinger', roles: ['manager', 'coordinator'], nav: 'Opsporinger', render: () => <Screenings /> },
  { pattern: '/app/maalinger', roles: ['coordinator'], nav: 'Målinger', render: () => <AssessmentsDue /> },
  { pattern: '/app/frivillige', roles: ['coordinator'], nav: 'Frivillige', render: () => <Volunteers /> },
  { pattern: '/app/frivillige/:visitorId', roles: ['coordinator', 'admin'], render: (p) => <VolunteerPage visitorId={p.visitorId!} own={false} /> },
  { pattern: '/app/min-side', roles: ['visitor'], nav: 'Timer og kurser', render: (_p, s) => <VolunteerPage visitorId={s.visitorId!} own /> },
  { pattern: '/app/mine-frivillige', roles: ['volunteer_lead'], nav: 'Mine frivillige', render: () => <MyVolunteers /> },
];

/** Where each role starts. */
export const HOME: Record<Role, string> = {
  coordinator: '/app/ventemappe',
  visitor: '/app/mine-borgere',
  manager: '/app/overblik',
  auditor: '/app/evaluering',
  admin: '/app/administration',
  screener: '/app/opsporing',
  volunteer_lead: '/app/mine-frivillige',
};
