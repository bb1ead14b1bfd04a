import { createSecretKey, KeyObject } from 'node:crypto';
import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { DirectoryService } from '../directory/directory.service';
import type { RequestWithActor } from '../http/actor';
import type { AnswerPrivacy, RequestWithPrivacy } from './answer-privacy';
import { AuthenticationError, ForbiddenError } from '../http/errors';
import { PERSONAL_DATA, PersonalDataOf } from './personal-data';
import { POLICY, PUBLIC, Rule } from './policy';
import { PSEUDONYMISED } from './pseudonymiser';
import { SERVICE_SECRETS, ServiceSecrets } from '../storage/secrets';
import { InvalidTokenError, Principal, verifyToken } from './tokens';
import { TokenStanding } from './users/token-standing';

export type AuthenticatedRequest = RequestWithActor & RequestWithPrivacy & { principal?: Principal };

/** What a route declares, read from its decorators once (they cannot change while the process runs). */
interface RouteRules {
  public: boolean;
  rules: Rule[];
  privacy: AnswerPrivacy;
}

/**
 * The one place that decides who may do what. It runs before validation and
 * before any rule, so a visitor's command on a case not theirs is refused with
 * 403 whatever its body; the actor of every event is taken from the token here.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly key: KeyObject;
  private readonly routes = new WeakMap<object, WeakMap<object, RouteRules>>();

  constructor(
    private readonly reflector: Reflector,
    private readonly directory: DirectoryService,
    private readonly standing: TokenStanding,
    @Inject(SERVICE_SECRETS) secrets: ServiceSecrets,
  ) {
    this.key = createSecretKey(secrets.signingKey);
  }

  canActivate(context: ExecutionContext): boolean | Promise<boolean> {
    const route = this.rulesOf(context);
    const request = context.switchToHttp().getRequest<AuthenticatedRequest & FastifyRequest>();
    if (route.public) return this.pass(request, route);
    const principal = this.authenticate(request);
    // Checked on every request (from a brief cache): a disabled, removed or changed user's earlier tokens end at once.
    const holds = this.standing.holds(principal);
    if (holds === true) return this.authorise(request, route, principal);
    if (holds === false) throw revoked();
    return holds.then((stands) => {
      if (!stands) throw revoked();
      return this.authorise(request, route, principal);
    });
  }

  private authorise(request: AuthenticatedRequest & FastifyRequest, route: RouteRules, principal: Principal): boolean {
    request.principal = principal;
    request.actor = { id: principal.sub, role: principal.role };
    const { rules } = route;
    if (rules.includes(principal.role)) return this.pass(request, route);
    if (principal.role === 'visitor' && this.visitorMay(rules, principal, request)) return this.pass(request, route);
    if (principal.role === 'volunteer_lead' && rules.includes('lead-of-that-visitor') && this.leads(principal, request)) return this.pass(request, route);
    throw new ForbiddenError(`a ${principal.role} may not ${request.method} ${request.routeOptions.url ?? ''}`.trim());
  }

  /** Let through: the answer's privacy steps (access log, decryption, pseudonyms) follow what the route declared. */
  private pass(request: AuthenticatedRequest, route: RouteRules): true {
    request.answerPrivacy = route.privacy;
    return true;
  }

  private rulesOf(context: ExecutionContext): RouteRules {
    const handler = context.getHandler();
    const controller = context.getClass();
    let byHandler = this.routes.get(controller);
    if (!byHandler) this.routes.set(controller, (byHandler = new WeakMap()));
    let route = byHandler.get(handler);
    if (!route) {
      const targets = [handler, controller];
      route = {
        public: Boolean(this.reflector.getAllAndOverride<boolean>(PUBLIC, targets)),
        rules: this.reflector.getAllAndOverride<Rule[] | undefined>(POLICY, targets) ?? [],
        privacy: {
          personalData: this.reflector.get<PersonalDataOf | undefined>(PERSONAL_DATA, handler),
          pseudonymised: this.reflector.get<boolean | undefined>(PSEUDONYMISED, handler) === true,
        },
      };
      byHandler.set(handler, route);
    }
    return route;
  }

  private authenticate(request: FastifyRequest): Principal {
    const header = request.headers.authorization;
    const match = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header) : null;
    if (!match) throw new AuthenticationError('send a bearer token: Authorization: Bearer <token>');
    try {
      return verifyToken(this.key, match[1]!);
    } catch (error) {
      throw new AuthenticationError(error instanceof InvalidTokenError ? error.message : 'the token is not valid');
    }
  }

  /** A volunteer lead reads the volunteers whose contact person they are (issue 20). */
  private leads(principal: Principal, request: FastifyRequest): boolean {
    const visitorId = (request.params as Record<string, string | undefined>).visitorId?.toLowerCase();
    return visitorId !== undefined && this.directory.directory.visitors.get(visitorId)?.standing?.coordinatorSub === principal.sub;
  }

  /** A visitor acts on their own cases only, and names no other visitor in a command. */
  private visitorMay(rules: Rule[], principal: Principal, request: FastifyRequest): boolean {
    const params = request.params as Record<string, string | undefined>;
    const body = request.body as Record<string, unknown> | undefined;
    if (body && typeof body === 'object' && 'visitorId' in body && body.visitorId !== principal.visitorId) return false;
    if (rules.includes('that-visitor') && params.visitorId?.toLowerCase() === principal.visitorId) return true;
    if (rules.includes('assigned-visitor') && params.caseId) {
      const entry = this.directory.directory.cases.get(params.caseId.toLowerCase());
      return entry?.status === 'Active' && entry.visitorId === principal.visitorId;
    }
    return false;
  }
}

const revoked = () => new AuthenticationError('the token has been revoked (the user was changed, disabled or removed); sign in again');
