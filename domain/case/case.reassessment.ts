import { PROFESSIONAL_CAPABLE, PROFESSIONAL_ONLY_NEEDS } from '../shared/codes';
import type { Need } from '../shared/codes';
import { IllegalStateError } from '../shared/errors';
import type { CaseContext, ReassessCase } from './case.commands';
import type { CaseReassessed } from './case.events';
import { professionalRequired, requireOpen } from './case.rules';
import type { Active, CaseState, Waiting } from './case.state';

/**
 * Who assesses (issue #19, seed 003): "Det er fællesskabsguiderne, der
 * vurderer, om de kan løse brobygningsopgaven, eller om borgerens situation
 * kræver hjælp fra fagprofessionelle." In the `community_guide` programme the
 * assigned guide may record a new assessment after the first meeting; in the
 * other programmes only a coordinator may. The suicidal-thoughts rule holds
 * everywhere. Moving an active case from the volunteer to the professional
 * track while a plain volunteer holds it hands it back to the waiting folder:
 * the volunteer's place is freed and a coordinator books a professional
 * (a helper who is professional-capable keeps the case: continuity).
 */
export const GUIDES_ASSESS = ['community_guide'] as const;

export function reassessCase({ data }: ReassessCase, state: CaseState, context: CaseContext): CaseReassessed[] {
  const open = requireOpen(state, context.caseId);
  if (open.status === 'Referred') throw new IllegalStateError('triage_first', 'the referral has not been triaged yet: triage it instead');
  if (context.actor.role === 'visitor') {
    if (!(GUIDES_ASSESS as readonly string[]).includes(open.programme)) {
      throw new IllegalStateError('coordinator_assesses', `in the ${open.programme} programme only a coordinator may reassess a case`, { programme: open.programme });
    }
    if (open.status !== 'Active' || open.lastVisitAt === undefined) {
      throw new IllegalStateError('first_meeting_pending', 'the guide assesses after the first meeting: record it first', { programme: open.programme });
    }
  }
  const added = (data.needs ?? []).filter((need, i, all) => !open.needs.includes(need) && all.indexOf(need) === i);
  const needs: Need[] = [...open.needs, ...added, ...open.riskFlags];
  if (data.track === 'volunteer' && needs.some((need) => PROFESSIONAL_ONLY_NEEDS.includes(need))) throw professionalRequired();
  const handBack = open.status === 'Active' && handsBack(open, data.track);
  return [
    {
      type: 'CaseReassessed',
      data: {
        track: data.track,
        reason: data.reason,
        ...(added.length > 0 && { needs: added }),
        by: context.actor.id,
        at: context.now,
        ...(handBack && { handedBackFrom: (open as Active).visitorId }),
      },
    },
  ];
}

/** An active case moving to the professional track leaves a helper who may not take it. */
const handsBack = (active: Active, track: 'volunteer' | 'professional'): boolean =>
  track === 'professional' && active.track === 'volunteer' && !PROFESSIONAL_CAPABLE.includes(active.visitorKind);

/** The case after a reassessment: the new track and needs; handed back, a waiting case with no helper. */
export function reassessed(state: Waiting | Active, data: CaseReassessed['data']): Waiting | Active {
  const needs = [...state.needs, ...(data.needs ?? [])];
  if (state.status === 'Active' && data.handedBackFrom !== undefined) {
    const {
      visitorId: _v, visitorKind: _k, visitorName: _n, visitorPhone: _p, firstVisitAt: _f, nextVisitAt: _next, lastVisitAt: _l, lastThemes: _t, visitSlot: _s,
      ...rest
    } = state;
    return { ...rest, status: 'Waiting', track: data.track, needs };
  }
  return { ...state, track: data.track, needs };
}
