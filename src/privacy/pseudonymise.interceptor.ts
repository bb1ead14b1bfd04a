import { CallHandler, ExecutionContext, Inject, Injectable, NestInterceptor, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { map, Observable } from 'rxjs';
import { pseudonymise } from '../../projections/shared/pseudonymise';
import { APP_CONFIG, AppConfig } from '../config/config';
import type { AuthenticatedRequest } from './auth.guard';
import { Pseudonyms } from './pseudonyms';

/** Marks a route an auditor may read, pseudonymised: no names, contact details, CPR or free text. */
export const PSEUDONYMISED = 'brobygger:pseudonymised';
export const PseudonymisedForAuditors = () => SetMetadata(PSEUDONYMISED, true);

/** Rewrites an auditor's answers without personal data, the citizen named by a stable pseudonym. */
@Injectable()
export class PseudonymiseInterceptor implements NestInterceptor {
  readonly pseudonyms: Pseudonyms;

  constructor(
    private readonly reflector: Reflector,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.pseudonyms = Pseudonyms.fromDataDir(config.dataDir);
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    if (request.principal?.role !== 'auditor') return next.handle();
    // The guard lets an auditor through only on routes marked for pseudonymised reading.
    if (!this.reflector.get<boolean>(PSEUDONYMISED, context.getHandler())) return next.handle();
    return next.handle().pipe(map((body: unknown) => pseudonymise(body, (citizenId) => this.pseudonyms.of(citizenId))));
  }
}
