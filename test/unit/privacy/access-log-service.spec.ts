import { MemoryStorage } from '../../../src/storage/memory.storage';
import type { DirectoryService } from '../../../src/directory/directory.service';
import { AccessLogService } from '../../../src/privacy/access-log.service';
import type { AccessEntry } from '../../../src/privacy/access-log.store';

const entry = (n: number, citizenId = 'c-1'): AccessEntry => ({ at: new Date(Date.UTC(2026, 11, 1, 10, 0, n)).toISOString(), subject: 'anna', role: 'coordinator', route: 'GET /cases/:caseId', citizenIds: [citizenId] });
const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

describe('AccessLogService batches', () => {
  let service: AccessLogService;
  let written: AccessEntry[][];

  beforeEach(() => {
    service = new AccessLogService(new MemoryStorage('/nonexistent'), {} as DirectoryService);
    written = [];
    const store = (service as unknown as { store: { append(entries: readonly AccessEntry[]): Promise<void> } }).store;
    const append = store.append.bind(store);
    store.append = (entries) => (written.push([...entries]), append(entries));
  });
  afterEach(() => service.onApplicationShutdown());

  it('given reads recorded, when the loop turns, then nothing is written yet: a read never waits for the store', async () => {
    for (let i = 0; i < 100; i++) service.record(entry(i));
    await nextTurn();
    expect(written).toEqual([]);
  });

  it('given entries pending, when a citizen’s log is asked for, then the pending entries are written first, in order, and the log holds exactly theirs', async () => {
    for (let i = 0; i < 40; i++) service.record(entry(i, i % 2 === 0 ? 'c-1' : 'c-2'));
    const log = await service.forCitizen('c-1');
    expect(written).toHaveLength(1);
    expect(log.map((e) => e.at)).toEqual(Array.from({ length: 20 }, (_, i) => entry(2 * i).at));
  });

  it('given the service stops, then what is pending is written', async () => {
    service.record(entry(1));
    await service.onApplicationShutdown();
    expect(written).toEqual([[entry(1)]]);
  });
});
