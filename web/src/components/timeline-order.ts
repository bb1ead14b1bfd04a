/** What the order needs of a history entry. */
interface Timed {
  occurredAt: string;
  recordedAt: string;
  revision: number;
}

/**
 * The timeline in the order things happened: a visit recorded days later (or a
 * triage entered afterwards with its own time) stands where it took place, not
 * where it was typed in. The API answers in revision order; equal times keep it.
 */
export function inTimeOrder<T extends Timed>(entries: T[], axis: 'occurred' | 'recorded' = 'occurred'): T[] {
  const time = (entry: T) => Date.parse(axis === 'recorded' ? entry.recordedAt : entry.occurredAt);
  return [...entries].sort((a, b) => time(a) - time(b) || a.revision - b.revision);
}
