import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_PROGRAMME_SETTINGS } from '../../domain/programme/programme.settings';
import { programmeStreamId } from '../../domain/shared/ids';
import { DirectoryFeed } from '../../src/directory/directory-feed';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite.event-store';
import { SqliteReadModelStore } from '../../src/read-model-store/sqlite-read-model.store';

/** The programmes' settings are part of the persisted Directory: a restart reads them back, without the events. */
describe('the persisted Directory and programme settings', () => {
  let dir: string;
  let store: SqliteEventStore;
  let models: SqliteReadModelStore;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'brobygger-programmes-'));
    store = SqliteEventStore.open({ file: join(dir, 'brobygger.db') });
    models = new SqliteReadModelStore(store.connection());
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps a changed programme\'s settings across a restart, the others at the defaults', async () => {
    const first = new DirectoryFeed(models);
    await first.start(store);
    const settings = { ...DEFAULT_PROGRAMME_SETTINGS.companion, followUpMonths: 6, requiredCourses: ['Introduktion'] };
    const at = '2026-06-01T08:00:00.000Z';
    const metadata = { eventId: randomUUID(), commandId: randomUUID(), correlationId: randomUUID(), causationId: randomUUID(), occurredAt: at, actor: { id: 'admin', role: 'admin' as const } };
    await store.append(programmeStreamId('companion'), [{ type: 'ProgrammeSettingsChanged', data: { programme: 'companion', ...settings, at }, metadata }], 'no_stream');
    await first.stop();
    expect(first.directory.programmeSettings().companion).toEqual(settings);

    const restarted = new DirectoryFeed(models);
    await restarted.start(store);
    expect(restarted.loadedPosition).toBe(await store.headPosition());
    expect(restarted.directory.programmeSettings()).toEqual({ ...DEFAULT_PROGRAMME_SETTINGS, companion: settings });
    expect(restarted.directory.programmes.get('companion')?.changedAt).toBe(at);
    await restarted.stop();
  });
});
