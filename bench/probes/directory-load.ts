import { join, resolve } from 'node:path';

/**
 * W7's Directory part (docs/performance.md, issue #23): CPU and wall time of
 * loading a prepared store's persisted Directory (`DirectoryFeed.start`), and
 * the bytes of its documents, with each build's own code on its own copy of the
 * store (a build with another DIRECTORY_VERSION folds from 0 at its first load
 * and writes its form at stop: load once to warm it). Not part of the bench.
 *
 *   node dist-bench/bench/probes/directory-load.js BUILD_DIR DATA_DIR [LOADS]
 */
interface Feed {
  start(store: unknown): Promise<void>;
  stop(): Promise<void>;
  directory: { cases: Map<string, unknown>; citizens: Map<string, unknown>; visitors: Map<string, unknown> };
}

async function main(): Promise<void> {
  const [build, dataDir, loads = '3'] = process.argv.slice(2);
  if (!build || !dataDir) throw new Error('usage: directory-load.js BUILD_DIR DATA_DIR [LOADS]');
  const from = (path: string) => require(join(resolve(build), 'dist', path)) as Record<string, unknown>;
  const { SqliteEventStore } = from('src/event-store/sqlite/sqlite.event-store') as { SqliteEventStore: { open(o: { file: string }): { connection(): unknown; close(): Promise<void> } } };
  const { SqliteReadModelStore } = from('src/read-model-store/sqlite-read-model.store') as { SqliteReadModelStore: new (db: unknown) => { list(model: string): Promise<unknown[]> } };
  const { DirectoryFeed } = from('src/directory/directory-feed') as { DirectoryFeed: new (models: unknown) => Feed };
  const store = SqliteEventStore.open({ file: join(dataDir, 'brobygger.db') });
  const models = new SqliteReadModelStore(store.connection());
  try {
    for (let i = 0; i < Number(loads); i++) {
      const wall = process.hrtime.bigint();
      const cpu = process.cpuUsage();
      const feed = new DirectoryFeed(models);
      await feed.start(store);
      const used = process.cpuUsage(cpu);
      const { cases, citizens, visitors } = feed.directory;
      console.log(
        JSON.stringify({ build, load: i + 1, wallMs: Math.round(Number(process.hrtime.bigint() - wall) / 1e6), cpuMs: Math.round((used.user + used.system) / 1000), cases: cases.size, citizens: citizens.size, visitors: visitors.size }),
      );
      await feed.stop();
    }
    const docs = await models.list('directory');
    console.log(JSON.stringify({ build, documents: docs.length, bytes: docs.reduce<number>((sum, doc) => sum + JSON.stringify(doc).length, 0) }));
  } finally {
    await store.close();
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
