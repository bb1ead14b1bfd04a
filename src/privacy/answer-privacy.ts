import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { PersonalDataOf } from './personal-data';
import { PROBLEM_CONTENT_TYPE } from '../http/problem';
import { SEALED_PREFIX } from '../../domain/shared/personal';

/** What a route declared about the people in its answers, found by the auth guard once per route (src/privacy/auth.guard.ts). */
export interface AnswerPrivacy {
  /** `@PersonalData(of)`: the read is recorded in the access log. */
  personalData?: PersonalDataOf;
  /** `@PseudonymisedForAuditors()`: an auditor's answer loses every personal field. */
  pseudonymised: boolean;
}

/** Set by the guard on every request it lets through to a controller; absent on anything else (the web app's files, /docs). */
export type RequestWithPrivacy = FastifyRequest & { answerPrivacy?: AnswerPrivacy };

/** The steps every controller's answer takes at the edge, innermost first. */
export interface AnswerSteps {
  /** Records whose data the (still sealed) answer shows, when the route declares personal data. */
  recordRead(of: PersonalDataOf, request: FastifyRequest, body: unknown): void;
  /** Opens every sealed field (`[slettet]` once the person is erased). */
  reveal(body: unknown): Promise<unknown>;
  /** An auditor's answer, still sealed, without personal data: every sealed value dropped, the citizen as a pseudonym. */
  pseudonymise(body: unknown): unknown;
}

/**
 * Every controller's answer passes here before it is serialised: the access
 * log sees whose data it holds, then an auditor's answer is pseudonymised
 * while still sealed (so what an auditor loses is what the events declare
 * personal, and nothing is opened for them), and anyone else's sealed fields
 * are opened. One Fastify hook: a Nest interceptor would wrap every request in
 * an AsyncResource and an rxjs pipeline, even on the command routes where
 * none of this has anything to do.
 *
 * Problems (application/problem+json) are left as they are, as the
 * interceptors never saw them; so are strings, buffers and streams (Fastify
 * does not call the hook for them: the NDJSON export logs and pseudonymises
 * its own lines).
 */
export function installAnswerPrivacy(fastify: FastifyInstance, steps: AnswerSteps): void {
  fastify.addHook('preSerialization', (request: RequestWithPrivacy & { principal?: { role: string } }, reply: FastifyReply, payload: unknown, done: (error: Error | null, body?: unknown) => void) => {
    const privacy = request.answerPrivacy;
    if (!privacy || reply.getHeader('content-type') === PROBLEM_CONTENT_TYPE) return done(null, payload);
    if (privacy.personalData) steps.recordRead(privacy.personalData, request, payload);
    if (privacy.pseudonymised && request.principal?.role === 'auditor') return done(null, steps.pseudonymise(payload));
    // Nothing sealed (every command's answer): `reveal` would give the same object back, a few
    // microtasks later. Answered at once, the reply is sent before Nest awaits it, so Fastify's
    // `reply.then` resolves at once instead of watching the response stream until it finishes.
    if (!holdsSealed(payload)) return done(null, payload);
    steps
      .reveal(payload)
      .then(
        (body) => done(null, body),
        (error: Error) => done(error),
      );
  });
}

/** Whether any string in the value begins as a sealed one: the strings `reveal` looks at, in the same walk (own enumerable values). */
function holdsSealed(value: unknown): boolean {
  if (typeof value === 'string') return value.startsWith(SEALED_PREFIX);
  if (Array.isArray(value)) return value.some(holdsSealed);
  if (value && typeof value === 'object') return Object.values(value).some(holdsSealed);
  return false;
}
