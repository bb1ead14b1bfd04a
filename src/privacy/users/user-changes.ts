/**
 * Changes to users, told within this process: the token check's cache drops
 * what it knew of that user at once. Another process (the CLI, a second
 * server) learns of a change when its cache entry ages out (TokenStanding).
 */
type Listener = (username: string) => void;

const listeners = new Set<Listener>();

/** Calls `listener` with the username after each change; the answer stops it. */
export function onUserChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function userChanged(username: string): void {
  for (const listener of listeners) listener(username);
}
