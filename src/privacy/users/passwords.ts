import { hash, verify } from '@node-rs/bcrypt';

/**
 * bcrypt at cost 12 (about a quarter of a second per check here): slow enough
 * to make guessing a stolen hash expensive, fast enough for a sign-in. The
 * native binding runs each check on libuv's thread pool, never on the event
 * loop: with the pure-JavaScript bcrypt, 99 parallel sign-ins held `/health`
 * for 10 s, each check taking the loop for 100 ms at a time. Hashes from
 * either are the same format ($2a$/$2b$), so stored ones keep working.
 */
const COST = 12;

/** bcrypt reads at most 72 bytes; a longer password would be silently cut, so it is refused instead. */
export const MAX_PASSWORD_BYTES = 72;
export const MIN_PASSWORD_LENGTH = 10;

/** Why a password cannot be used, in English for the CLI; undefined when it can. */
export function passwordProblem(password: string): string | undefined {
  // Empty standard input (`</dev/null`, a pipe that gave nothing): say so, rather than "too short".
  if (password === '') return 'no password was given: type it twice when asked, or pipe it on standard input (echo "$PASSWORD" | npm run cli -- user add ...)';
  if ([...password].length < MIN_PASSWORD_LENGTH) return `the password must be at least ${MIN_PASSWORD_LENGTH} characters`;
  if (Buffer.byteLength(password, 'utf8') > MAX_PASSWORD_BYTES) return `the password must be at most ${MAX_PASSWORD_BYTES} bytes (bcrypt reads no more)`;
  return undefined;
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, COST);
}

/** A hash of nothing anyone knows: an unknown user costs the same check as a known one, so timing tells nothing. */
let decoy: Promise<string> | undefined;

/** Whether the password matches; with no hash (no such user) it still spends a full check and answers false. */
export async function checkPassword(password: string, passwordHash: string | undefined): Promise<boolean> {
  if (Buffer.byteLength(password, 'utf8') > MAX_PASSWORD_BYTES) return false;
  if (passwordHash === undefined) {
    decoy ??= hash(`decoy-${Math.random()}`, COST);
    await verify(password, await decoy);
    return false;
  }
  return verify(password, passwordHash);
}
