import { CallHandler, ExecutionContext, Injectable, NestInterceptor, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { map, Observable } from 'rxjs';
import { DirectoryService } from '../directory/directory.service';
import { AccessLogService } from './access-log.service';
import type { AuthenticatedRequest } from './auth.guard';

/**
 * Which citizens a read shows: `case` (the route's case), `items` (each item of
 * a list answer), `caseload` (each case on a visitor's list), `citizen` (the
 * route's citizen). Declared on the route; the interceptor logs the read.
 */
export type PersonalDataOf = 'case' | 'items' | 'caseload' | 'citizen';
export const PERSONAL_DATA = 'brobygger:personal-data';
export const PersonalData = (of: PersonalDataOf) => SetMetadata(PERSONAL_DATA, of);

/** Logs every successful read of people's data: who, in which role, which route, whose data, when. */
@Injectable()
export class AccessLogInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly log: AccessLogService,
    private readonly directory: DirectoryService,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const of = this.reflector.get<PersonalDataOf | undefined>(PERSONAL_DATA, context.getHandler());
    if (!of) return next.handle();
    const request = context.switchToHttp().getRequest<AuthenticatedRequest & FastifyRequest>();
    return next.handle().pipe(
      map((body: unknown) => {
        const citizenIds = [...new Set(this.citizensIn(of, request, body))];
        const { principal } = request;
        if (principal && citizenIds.length > 0) {
          this.log.record({ at: new Date().toISOString(), subject: principal.sub, role: principal.role, route: `${request.method} ${request.routeOptions.url ?? ''}`, citizenIds });
        }
        return body;
      }),
    );
  }

  private citizensIn(of: PersonalDataOf, request: FastifyRequest, body: unknown): string[] {
    const params = request.params as Record<string, string | undefined>;
    const ids = (items: unknown) => (Array.isArray(items) ? items.map((item) => (item as { citizenId?: string }).citizenId).filter((id): id is string => typeof id === 'string') : []);
    switch (of) {
      case 'case': {
        const citizenId = params.caseId && this.directory.directory.cases.get(params.caseId.toLowerCase())?.citizenId;
        return citizenId ? [citizenId] : [];
      }
      case 'items':
        return ids(body);
      case 'caseload':
        return ids((body as { cases?: unknown }).cases);
      case 'citizen':
        return params.citizenId ? [params.citizenId.toLowerCase()] : [];
    }
  }
}
