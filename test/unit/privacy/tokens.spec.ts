import { randomBytes } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { InvalidTokenError, issueToken, verifyToken } from '../../../src/privacy/tokens';

describe('bearer tokens (the key is kept as a secret KeyObject, made once)', () => {
  const key = randomBytes(64);

  it('accepts a token signed with the key, again and again', () => {
    const token = issueToken(key, { sub: 'jette', role: 'coordinator' });
    expect(verifyToken(key, token)).toEqual({ sub: 'jette', role: 'coordinator' });
    expect(verifyToken(key, token)).toEqual({ sub: 'jette', role: 'coordinator' });
  });

  it('refuses a token signed with another key, even after the right key was used', () => {
    verifyToken(key, issueToken(key, { sub: 'jette', role: 'coordinator' }));
    const other = issueToken(randomBytes(64), { sub: 'mallory', role: 'admin' });
    expect(() => verifyToken(key, other)).toThrow(InvalidTokenError);
  });

  it('refuses an unsigned token (alg none)', () => {
    const unsigned = jwt.sign({ role: 'admin' }, '', { algorithm: 'none', subject: 'mallory', issuer: 'brobygger' });
    expect(() => verifyToken(key, unsigned)).toThrow(InvalidTokenError);
  });

  it('refuses an expired token', () => {
    const expired = jwt.sign({ role: 'coordinator', exp: Math.floor(Date.now() / 1000) - 60 }, key, { algorithm: 'HS256', subject: 'jette', issuer: 'brobygger' });
    expect(() => verifyToken(key, expired)).toThrow('the token has expired');
  });

  describe('verified lately (kept per key, so the HMAC is not checked on every request)', () => {
    afterEach(() => jest.useRealTimers());

    it('refuses a token once verified under its own key when another key is asked', () => {
      const token = issueToken(key, { sub: 'jette', role: 'coordinator' });
      verifyToken(key, token);
      expect(() => verifyToken(randomBytes(64), token)).toThrow(InvalidTokenError);
    });

    it('refuses a kept token once it has expired', () => {
      jest.useFakeTimers({ now: new Date('2026-12-01T08:00:00Z') });
      const token = issueToken(key, { sub: 'jette', role: 'coordinator' }, 60);
      expect(verifyToken(key, token)).toEqual({ sub: 'jette', role: 'coordinator' });
      jest.setSystemTime(new Date('2026-12-01T08:00:59Z'));
      expect(verifyToken(key, token)).toEqual({ sub: 'jette', role: 'coordinator' });
      jest.setSystemTime(new Date('2026-12-01T08:01:00Z'));
      expect(() => verifyToken(key, token)).toThrow('the token has expired');
      expect(() => verifyToken(key, token)).toThrow('the token has expired');
    });

    it('answers each caller with its own copy of the principal', () => {
      const token = issueToken(key, { sub: 'jette', role: 'coordinator' });
      const first = verifyToken(key, token);
      first.sub = 'mallory';
      expect(verifyToken(key, token)).toEqual({ sub: 'jette', role: 'coordinator' });
    });
  });
});
