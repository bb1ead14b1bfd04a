import { ANY, NO_STREAM, WrongExpectedVersionError, type AllStreamJSONRecordedEvent } from '@kurrent/kurrentdb-client';
import { ConcurrencyError } from '../../../domain/shared/errors';
import type { NewEvent } from '../../../src/event-store/event-store.port';
import { asConcurrencyError, eventIdFor, streamStateFor, toEventData, toStoredEvent, uuidV5 } from '../../../src/event-store/kurrentdb/kurrentdb.events';
import { POSITION_MARK, REVISION_MARK, fillAnswer } from '../../../src/event-store/kurrentdb/kurrentdb.idempotency';

const event: NewEvent = {
  type: 'LonelinessAssessed',
  data: { instrument: 'ucla3', answers: [3, 2, 3], score: 8 },
  schemaVersion: 1,
  metadata: {
    eventId: '0b6f2f8e-3f7c-4a51-9a55-1c1d2f3e4a5b',
    commandId: 'a3c1d6e2-51b4-4c8e-8f0a-7d9e2b6c4f10',
    correlationId: 'c0ffee00-0000-4000-8000-000000000001',
    causationId: 'a3c1d6e2-51b4-4c8e-8f0a-7d9e2b6c4f10',
    actor: { id: 'coordinator-1', role: 'coordinator' },
    occurredAt: '2026-03-02T08:15:00.000Z',
  },
};

describe('KurrentDB events as the port sees them', () => {
  it('derives name-based UUIDs (version 5) as RFC 9562 does', () => {
    expect(uuidV5('python.org', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe('886313e1-3b8a-5372-9b90-0c9aee199e5d');
    expect(uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
  });

  it('gives a command the same event ids every time it is sent, and distinct ones per event and stream', () => {
    const { commandId } = event.metadata;
    expect(eventIdFor('case-1', commandId, 0)).toBe(eventIdFor('case-1', commandId, 0));
    const ids = [eventIdFor('case-1', commandId, 0), eventIdFor('case-1', commandId, 1), eventIdFor('case-2', commandId, 0), eventIdFor('case-1', 'another-command', 0)];
    expect(new Set(ids).size).toBe(4);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it("maps the port's expected revision to the client's stream state", () => {
    expect(streamStateFor('no_stream')).toBe(NO_STREAM);
    expect(streamStateFor('any')).toBe(ANY);
    expect(streamStateFor(0)).toBe(0n);
    expect(streamStateFor(41)).toBe(41n);
    expect(() => streamStateFor(-1)).toThrow(RangeError);
    expect(() => streamStateFor(1.5)).toThrow(RangeError);
  });

  it("turns the client's WrongExpectedVersionError into a ConcurrencyError with the actual revision", () => {
    const stale = new WrongExpectedVersionError(undefined, { streamName: 'case-1', expected: 0n, current: 2n });
    expect(asConcurrencyError(stale, 'case-1', 0)).toMatchObject({ constructor: ConcurrencyError, streamId: 'case-1', expected: 0, actual: 2 });
    const missing = new WrongExpectedVersionError(undefined, { streamName: 'case-2', expected: 3n, current: NO_STREAM });
    expect(asConcurrencyError(missing, 'case-2', 3)).toMatchObject({ constructor: ConcurrencyError, actual: 'no_stream' });
    const other = new Error('connection reset');
    expect(asConcurrencyError(other, 'case-1', 0)).toBe(other);
  });

  it('keeps our recorded time and schema version in the metadata, and gives them back as they were', () => {
    const data = toEventData(event, eventIdFor('case-1', event.metadata.commandId, 0), '2026-03-02T08:15:01.234Z');
    expect(data).toMatchObject({ contentType: 'application/json', type: 'LonelinessAssessed', data: event.data });
    expect(data.metadata).toMatchObject({ $correlationId: event.metadata.correlationId, $causationId: event.metadata.causationId });
    // As the client gives it back: JSON parsed, KurrentDB's own commit time in `created`, a position in the log.
    const recorded: AllStreamJSONRecordedEvent = {
      streamId: 'case-1',
      id: data.id,
      isJson: true,
      revision: 4n,
      type: data.type,
      created: new Date('2026-03-02T08:15:01.301Z'),
      data: JSON.parse(JSON.stringify(data.data)),
      metadata: JSON.parse(JSON.stringify(data.metadata)),
      position: { commit: 9_000n, prepare: 9_000n },
    };
    const stored = toStoredEvent(recorded);
    expect(stored).toEqual({
      streamId: 'case-1',
      type: 'LonelinessAssessed',
      // Read through the upcasters like every store: v1 of LonelinessAssessed gains `severe`.
      data: { ...(event.data as object), severe: true },
      metadata: event.metadata,
      schemaVersion: 2,
      revision: 4,
      position: 18_001,
      recordedAt: '2026-03-02T08:15:01.234Z',
    });
  });

  it('fills the revision and position into an answer claimed before they were known', () => {
    const template = { caseId: 'c-1', taskId: 't-1', revision: REVISION_MARK, position: POSITION_MARK };
    expect(fillAnswer(template, { revision: 3, position: 18_001 })).toEqual({ caseId: 'c-1', taskId: 't-1', revision: 3, position: 18_001 });
    expect(fillAnswer('ok', { revision: 3, position: 5 })).toBe('ok');
  });
});
