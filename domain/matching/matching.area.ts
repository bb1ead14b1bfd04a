/**
 * Where people can meet. Danish postcodes were handed out along the routes of
 * the post, so numbers close to each other lie close on the map (4180 Sorø,
 * 4190 Munke Bjergby, 4171 Glumsø); "neighbouring" is a plain, explainable rule
 * on the numbers, not a map: within NEIGHBOUR_SPAN of each other.
 */
export const NEIGHBOUR_SPAN = 20;

export type Nearness = 'same' | 'neighbouring' | 'far';

export function nearness(a: string | undefined, b: string | undefined): Nearness {
  if (a === undefined || b === undefined) return 'far';
  if (a === b) return 'same';
  return Math.abs(Number(a) - Number(b)) <= NEIGHBOUR_SPAN ? 'neighbouring' : 'far';
}

/** The nearest of several postcodes (a visitor's list of where they go). */
export function nearest(postcode: string | undefined, among: readonly string[]): Nearness {
  let best: Nearness = 'far';
  for (const other of among) {
    const n = nearness(postcode, other);
    if (n === 'same') return n;
    if (n === 'neighbouring') best = n;
  }
  return best;
}
