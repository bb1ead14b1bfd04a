import { createSecretKey, KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { ROLES, Role } from '../../domain/shared/codes';
import { isUuid } from '../../domain/shared/ids';

/**
 * Who is asking, as the token says: `sub` verbatim, a role, and for a visitor
 * their visitor id. A token from sign-in also carries the user's token
 * version (claim `ver`); one from `cli token` carries none (a service token).
 */
export interface Principal {
  sub: string;
  role: Role;
  visitorId?: string;
  tokenVersion?: number;
}

const ALGORITHM = 'HS256';
const ISSUER = 'brobygger';

export class InvalidTokenError extends Error {
  override name = 'InvalidTokenError';
}

/** Signs a token; `ttl` as `8h`, `30m`, `7d` or seconds. */
export function issueToken(key: Buffer, principal: Principal, ttl: string | number = '8h'): string {
  checkPrincipal(principal);
  const claims = {
    role: principal.role,
    ...(principal.visitorId !== undefined && { visitorId: principal.visitorId }),
    ...(principal.tokenVersion !== undefined && { ver: principal.tokenVersion }),
  };
  return jwt.sign(claims, key, { algorithm: ALGORITHM, subject: principal.sub, issuer: ISSUER, expiresIn: ttl as jwt.SignOptions['expiresIn'] });
}

/**
 * Handed a raw Buffer, jsonwebtoken first tries it as a PEM public key and
 * throws that attempt away: about a millisecond of CPU on every request. A
 * secret KeyObject, made once per key, skips that.
 */
const secretKeys = new WeakMap<Buffer, KeyObject>();
const secretKeyOf = (key: Buffer | KeyObject): KeyObject =>
  key instanceof KeyObject ? key : (secretKeys.get(key) ?? secretKeys.set(key, createSecretKey(key)).get(key)!);

/**
 * Tokens verified lately, per key: a client sends the same token with every
 * request, and checking its HMAC and claims again was 8 % of the server's CPU
 * under load. Only tokens found valid are kept (so past any `nbf`), with
 * their `exp`: a kept one is refused once expired, as jsonwebtoken would (in
 * whole seconds, no tolerance). The cache is per key: another key verifies afresh.
 */
const VERIFIED_PER_KEY = 1_000;
interface Verified {
  principal: Principal;
  exp?: number;
}
const verifiedByKey = new WeakMap<KeyObject, Map<string, Verified>>();

/** The principal of a valid token; an InvalidTokenError for anything else (bad signature, expired, wrong claims). */
export function verifyToken(key: Buffer | KeyObject, token: string): Principal {
  const secret = secretKeyOf(key);
  const verified = verifiedByKey.get(secret) ?? verifiedByKey.set(secret, new Map()).get(secret)!;
  const known = verified.get(token);
  if (known) {
    const now = Math.floor(Date.now() / 1000);
    if (known.exp !== undefined && now >= known.exp) {
      verified.delete(token);
      throw new InvalidTokenError('the token has expired');
    }
    return { ...known.principal };
  }
  return verifyAfresh(secret, token);
}

function verifyAfresh(secret: KeyObject, token: string): Principal {
  let payload: jwt.JwtPayload | string;
  try {
    payload = jwt.verify(token, secret, { algorithms: [ALGORITHM], issuer: ISSUER });
  } catch (error) {
    throw new InvalidTokenError(error instanceof jwt.TokenExpiredError ? 'the token has expired' : 'the token is not valid');
  }
  if (typeof payload === 'string') throw new InvalidTokenError('the token is not valid');
  const principal: Principal = {
    sub: String(payload.sub ?? ''),
    role: payload.role as Role,
    ...(payload.visitorId !== undefined && { visitorId: String(payload.visitorId) }),
    ...(payload.ver !== undefined && { tokenVersion: payload.ver as number }),
  };
  try {
    checkPrincipal(principal);
  } catch (error) {
    throw new InvalidTokenError((error as Error).message);
  }
  const verified = verifiedByKey.get(secret)!;
  if (verified.size >= VERIFIED_PER_KEY) verified.delete(verified.keys().next().value!);
  verified.set(token, { principal: { ...principal }, exp: payload.exp });
  return principal;
}

function checkPrincipal({ sub, role, visitorId, tokenVersion }: Principal): void {
  if (tokenVersion !== undefined && !(Number.isSafeInteger(tokenVersion) && tokenVersion > 0)) throw new Error('ver must be a positive whole number');
  if (sub.length === 0 || sub.length > 200) throw new Error('sub must be 1 to 200 characters');
  if (!(ROLES as readonly string[]).includes(role)) throw new Error(`role must be one of ${ROLES.join(', ')}`);
  if (role === 'visitor' && !isUuid(visitorId)) throw new Error('a visitor token needs the visitor id (a UUID)');
  if (role !== 'visitor' && visitorId !== undefined) throw new Error('only a visitor token carries a visitor id');
}
