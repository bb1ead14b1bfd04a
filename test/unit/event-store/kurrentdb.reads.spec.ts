import { BACKWARDS, END, START, type AllStreamResolvedEvent, type Position, type ReadAllOptions } from '@kurrent/kurrentdb-client';
import { eventIdFor, toEventData } from '../../../src/event-store/kurrentdb/kurrentdb.events';
import { toPortPosition } from '../../../src/event-store/kurrentdb/kurrentdb.positions';
import { type AllReader, lastOurs, readOurs } from '../../../src/event-store/kurrentdb/kurrentdb.reads';
import { newEvent } from '../../contract/event-store.contract';

/**
 * The paging over `$all`, specified against a transaction log that behaves as
 * KurrentDB documents it (no server can run here; the contract suite covers
 * the real one where KURRENTDB_URL is set): records at byte offsets, commit =
 * prepare; a forward read from a record's position includes it; a read from
 * any other position is refused; a page holds `maxCount` records unless the
 * log ends; system records (and another tool's event) are interleaved with ours.
 */
class DocumentedLog implements AllReader {
  readonly records: AllStreamResolvedEvent[] = [];
  private offset = 0n;
  reads = 0;

  /** `foreign`: an event another tool wrote (no metadata of ours). */
  write(streamId: string, type: string, foreign = false): Position {
    const position = { commit: this.offset, prepare: this.offset };
    const ours = !streamId.startsWith('$') && !foreign;
    const data = ours ? toEventData(newEvent(type), eventIdFor(streamId, 'command', this.records.length), '2026-03-02T08:15:00.000Z') : undefined;
    this.records.push({
      event: {
        streamId,
        id: data?.id ?? `system-${this.offset}`,
        isJson: true,
        revision: 0n,
        type,
        created: new Date(),
        data: (data?.data ?? {}) as never,
        metadata: (data?.metadata ?? {}) as never,
        position,
      },
    } as AllStreamResolvedEvent);
    this.offset += 97n + BigInt(this.records.length % 13); // records differ in size
    return position;
  }

  readAll({ fromPosition = START, maxCount = Number.MAX_SAFE_INTEGER, direction }: ReadAllOptions = {}): AsyncIterableIterator<AllStreamResolvedEvent> {
    this.reads += 1;
    const count = Number(maxCount);
    const backwards = direction === BACKWARDS;
    let index: number;
    if (fromPosition === START) index = 0;
    else if (fromPosition === END) index = this.records.length - 1;
    else {
      const { commit, prepare } = fromPosition;
      index = this.records.findIndex(({ event }) => event!.position.commit === commit && event!.position.prepare === prepare);
      if (index < 0) throw new Error('Trying to read from an invalid position.');
    }
    const page = backwards ? this.records.slice(Math.max(0, index - count + 1), index + 1).reverse() : this.records.slice(index, index + count);
    return (async function* () {
      yield* page;
    })();
  }
}

const stream = (n: number) => `case-${n % 3}`;

describe('reading $all page by page, from a port position', () => {
  it('gives every event of ours once, in order, across pages and past runs of system records', async () => {
    const log = new DocumentedLog();
    log.write('$epoch-information', '$epoch');
    for (let i = 0; i < 30; i++) {
      log.write(stream(i), 'TaskOpened');
      // A long quiet spell: more system records than a page holds.
      if (i === 10) for (let s = 0; s < 2500; s++) log.write('$stats-127.0.0.1:2113', '$statsCollected');
      if (i % 4 === 0) log.write('$ce-case', '$>');
      if (i === 20) log.write('test-stream', 'SomethingFromTheWebUi', true);
    }
    const all = await readOurs(log, 1, 1000);
    expect(all).toHaveLength(30);
    expect(all.map((e) => e.streamId)).toEqual(Array.from({ length: 30 }, (_, i) => stream(i)));
    const positions = all.map((e) => e.position);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(new Set(positions).size).toBe(30);
  });

  it('resumes after a checkpoint (position + 1) and at a position (inclusive) as the projector and migrate do', async () => {
    const log = new DocumentedLog();
    for (let i = 0; i < 40; i++) {
      log.write(stream(i), 'TaskOpened');
      if (i % 3 === 0) log.write('$stats-127.0.0.1:2113', '$statsCollected');
    }
    const everything = await readOurs(log, 1, 1000);
    const tailed: number[] = [];
    for (let from = 1, round = 0; round < 100; round++) {
      const page = await readOurs(log, from, 7);
      if (page.length === 0) break;
      tailed.push(...page.map((e) => e.position));
      from = page[page.length - 1]!.position + 1;
    }
    expect(tailed).toEqual(everything.map((e) => e.position));
    expect(await readOurs(log, everything[5]!.position, 2)).toEqual(everything.slice(5, 7));
    expect(await readOurs(log, everything[39]!.position + 1, 10)).toEqual([]);
  });

  it('finds the last event of ours behind trailing system records', async () => {
    const log = new DocumentedLog();
    expect(await lastOurs(log)).toBeUndefined();
    log.write('case-1', 'TaskOpened');
    const last = log.write('case-2', 'TaskOpened');
    for (let s = 0; s < 80; s++) log.write('$stats-127.0.0.1:2113', '$statsCollected');
    expect((await lastOurs(log))?.position).toBe(toPortPosition(last));
  });

  it('says so when asked for a position it never handed out', async () => {
    const log = new DocumentedLog();
    log.write('case-1', 'TaskOpened');
    log.write('case-1', 'TaskOpened');
    const [first] = await readOurs(log, 1, 1);
    await expect(readOurs(log, first!.position + 4, 10)).rejects.toThrow(/not one this store handed out/);
  });
});
