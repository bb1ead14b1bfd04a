import type { Role } from '../../domain/shared/codes';

/** Who is signed in, read from the token the server gave (the server checks it on every request; this only steers the page). */
export interface Session {
  token: string;
  username: string;
  role: Role;
  visitorId?: string;
  /** When the token stops working, in milliseconds since 1970. */
  expiresAt: number;
}

// sessionStorage: the token dies with the tab, and is never sent anywhere but in the Authorization header.
const KEY = 'brobygger.token';

function decode(token: string): Session | undefined {
  try {
    const payload = token.split('.')[1] ?? '';
    const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
    const claims = JSON.parse(new TextDecoder().decode(Uint8Array.from(json, (c) => c.charCodeAt(0)))) as { sub?: string; role?: Role; visitorId?: string; exp?: number };
    if (!claims.sub || !claims.role || !claims.exp) return undefined;
    return { token, username: claims.sub, role: claims.role, ...(claims.visitorId && { visitorId: claims.visitorId }), expiresAt: claims.exp * 1000 };
  } catch {
    return undefined;
  }
}

export function loadSession(): Session | undefined {
  const token = sessionStorage.getItem(KEY);
  const session = token ? decode(token) : undefined;
  if (session && session.expiresAt > Date.now()) return session;
  sessionStorage.removeItem(KEY);
  return undefined;
}

export function saveSession(token: string): Session | undefined {
  const session = decode(token);
  if (session) sessionStorage.setItem(KEY, token);
  return session;
}

export function clearSession(): void {
  sessionStorage.removeItem(KEY);
}
