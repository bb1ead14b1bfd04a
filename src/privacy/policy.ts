import { SetMetadata } from '@nestjs/common';
import type { Role } from '../../domain/shared/codes';

/**
 * Who may call a route, declared on the route: a role, `assigned-visitor`
 * (a visitor, on a case assigned to them) or `that-visitor` (a visitor, on
 * their own `:visitorId`) or `lead-of-that-visitor` (a volunteer_lead, on a
 * `:visitorId` whose contact person they are; issue 20). A route with no policy is refused to everyone
 * (the guard fails closed), except those marked public.
 */
export type Rule = Role | 'assigned-visitor' | 'that-visitor' | 'lead-of-that-visitor';

export const POLICY = 'brobygger:policy';
export const PUBLIC = 'brobygger:public';

export const Allow = (...rules: Rule[]) => SetMetadata(POLICY, rules);
export const Public = () => SetMetadata(PUBLIC, true);
