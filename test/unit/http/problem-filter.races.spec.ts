import type { ArgumentsHost } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Decider, Message } from '../../../domain/shared/decider';
import { CommandHandler } from '../../../src/event-store/command-handler';
import { CitizenKeyTakenError, IdempotencyKeyTakenError } from '../../../src/event-store/event-store.port';
import { MemoryEventStore } from '../../../src/event-store/memory/memory.event-store';
import { ProblemFilter } from '../../../src/http/problem.filter';

/** What the filter sends, caught from a reply that records it. */
function answerTo(error: unknown): { status: number; headers: Record<string, string>; body: Record<string, unknown> } {
  const sent = { status: 0, headers: {} as Record<string, string>, body: {} as Record<string, unknown> };
  const reply = {
    status: (status: number) => ((sent.status = status), reply),
    header: (name: string, value: string) => ((sent.headers[name] = value), reply),
    send: (body: Record<string, unknown>) => ((sent.body = body), reply),
  };
  const host = { switchToHttp: () => ({ getRequest: () => ({ url: '/cases?x=1' }), getResponse: () => reply }) } as unknown as ArgumentsHost;
  new ProblemFilter().catch(error, host);
  return sent;
}

const noted: Decider<Message<'Note', { note: string }>, Message, object> = {
  initialState: () => ({}),
  evolve: (state) => state,
  decide: (command) => [{ type: 'Noted', data: command.data }],
};

describe('a write that loses its race on every attempt', () => {
  it('given a store where every append loses a citizen-key race, when a command is handled, then it gives up after its retries and nothing is appended', async () => {
    const store = new MemoryEventStore();
    const appends = jest.spyOn(store, 'append').mockRejectedValue(new CitizenKeyTakenError('citizen-1'));
    const commandId = randomUUID();
    const handling = new CommandHandler(store).handle({
      decider: noted,
      streamId: 'case-1',
      command: { type: 'Note', data: { note: 'x' } },
      meta: { actor: { id: 'coordinator-1', role: 'coordinator' }, commandId, correlationId: commandId },
      answer: (result) => result,
    });
    await expect(handling).rejects.toBeInstanceOf(CitizenKeyTakenError);
    expect(appends).toHaveBeenCalledTimes(5);
    appends.mockRestore();
    expect(await store.readStream('case-1')).toEqual([]);
  });

  it.each([
    ['a citizen key', new CitizenKeyTakenError('citizen-1')],
    ['an Idempotency-Key', new IdempotencyKeyTakenError('coordinator-1', 'k-1')],
  ])('when %s lost every race, then the answer is 503 write_contention with Retry-After, not a 500', (_what, error) => {
    const { status, headers, body } = answerTo(error);
    expect(status).toBe(503);
    expect(headers['retry-after']).toBe('1');
    expect(body).toMatchObject({ status: 503, code: 'write_contention', instance: '/cases' });
  });
});
