import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import type { Principal } from '../tokens';
import { onUserChange } from './user-changes';
import { USER_STORE, UserStore } from './users.store';

/**
 * How long what is known of a user is trusted before it is read again. A
 * change made in this process ends earlier tokens at once (the entry is
 * dropped); one made by another process (`cli user ...`, a second server)
 * within this many milliseconds.
 */
export const STANDING_TTL_MS = 5_000;
const MAX_ENTRIES = 10_000;

/** What a token's subject is now: no user by that name, or a user's version and whether they are disabled. */
type Standing = { tokenVersion: number; disabled: boolean } | 'no-user';

interface Entry {
  at: number;
  standing?: Standing;
  pending?: Promise<Standing>;
}

/**
 * Whether a valid token still stands: a token from sign-in carries the token
 * version its user had, and stands while the user exists, is not disabled and
 * has that version still. A token with no version (`cli token`, a service
 * token) stands only while its subject is no user's name, so a disabled or
 * renamed person cannot keep working with one.
 */
@Injectable()
export class TokenStanding implements OnModuleDestroy {
  private readonly known = new Map<string, Entry>();
  private readonly stopListening: () => void;

  constructor(@Inject(USER_STORE) private readonly users: UserStore) {
    this.stopListening = onUserChange((username) => this.known.delete(username));
  }

  /** True or false when known; a promise when the user must be read first. */
  holds(principal: Principal): boolean | Promise<boolean> {
    const entry = this.current(principal.sub);
    if (entry.standing) return stands(principal, entry.standing);
    return entry.pending!.then((standing) => stands(principal, standing));
  }

  onModuleDestroy(): void {
    this.stopListening();
  }

  private current(username: string): Entry {
    const entry = this.known.get(username);
    if (entry && Date.now() - entry.at < STANDING_TTL_MS) return entry;
    const fresh: Entry = { at: Date.now() };
    fresh.pending = this.users.find(username).then((user) => {
      fresh.standing = user ? { tokenVersion: user.tokenVersion, disabled: user.disabled } : 'no-user';
      fresh.pending = undefined;
      return fresh.standing;
    });
    // A failed read (the store unreachable) is not remembered: the request fails closed, the next one reads again.
    fresh.pending.catch(() => this.known.get(username) === fresh && this.known.delete(username));
    this.known.delete(username);
    this.known.set(username, fresh);
    while (this.known.size > MAX_ENTRIES) this.known.delete(this.known.keys().next().value!);
    return fresh;
  }
}

function stands(principal: Principal, standing: Standing): boolean {
  if (standing === 'no-user') return principal.tokenVersion === undefined;
  return !standing.disabled && principal.tokenVersion === standing.tokenVersion;
}
