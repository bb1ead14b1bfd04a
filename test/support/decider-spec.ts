import type { BaseContext, Decider, Message } from '../../domain/shared/decider';
import { DomainError } from '../../domain/shared/errors';

/**
 * Given/when/then for deciders (after Emmett's DeciderSpecification):
 *   spec.given([...events]).when(command, context?).then([...events])
 *   spec.given([...events]).when(command).thenThrows(IllegalStateError, 'code')
 */
export function deciderSpec<C extends Message, E extends Message, S, X extends BaseContext>(
  decider: Decider<C, E, S, X>,
  baseContext: () => X,
) {
  return {
    given(events: readonly E[]) {
      return {
        when(command: C, context: Partial<X> = {}) {
          const run = (): E[] => {
            const state = events.reduce(decider.evolve, decider.initialState());
            return decider.decide(command, state, { ...baseContext(), ...context });
          };
          return {
            then(expected: readonly E[]): void {
              expect(run()).toEqual(expected);
            },
            /** Checks the error's class and, for domain errors, its stable code. */
            thenThrows(errorClass: abstract new (...args: never[]) => Error, code?: string): void {
              let thrown: unknown;
              try {
                run();
              } catch (error) {
                thrown = error;
              }
              expect(thrown).toBeInstanceOf(errorClass);
              if (code !== undefined) expect((thrown as DomainError).code).toBe(code);
            },
            /** The events, for assertions on part of them. */
            events: run,
          };
        },
      };
    },
  };
}
