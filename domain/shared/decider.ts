import type { Role } from './codes';

/** Who did it: taken from the request's credentials, never from a body. */
export interface Actor {
  id: string;
  role: Role | 'system';
}

/** Everything `decide` may know beyond the command and the state: no clock or I/O inside the domain. */
export interface BaseContext {
  /** The current instant, ISO 8601 (UTC). */
  now: string;
  actor: Actor;
}

/** Events and commands are `{ type, data }`; type names are stable strings, never class names. */
export interface Message<T extends string = string, D = unknown> {
  type: T;
  data: D;
}

/**
 * A decider (Chassaing): pure functions over one stream. `evolve` never throws and
 * returns a new object; `decide` returns events or throws a typed domain error.
 */
export interface Decider<C extends Message, E extends Message, S, X extends BaseContext = BaseContext> {
  initialState(): S;
  evolve(state: S, event: E): S;
  decide(command: C, state: S, context: X): E[];
}

/** Fold events into a state. */
export const fold = <E extends Message, S>(decider: Pick<Decider<Message, E, S, never>, 'initialState' | 'evolve'>, events: readonly E[]): S =>
  events.reduce(decider.evolve, decider.initialState());

/** Exhaustiveness guard for switches over discriminated unions. */
export const assertNever = (value: never): never => {
  throw new Error(`unhandled case: ${JSON.stringify(value)}`);
};
