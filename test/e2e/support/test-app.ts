import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { createApp } from '../../../src/app.factory';
import type { AppConfig } from '../../../src/config/config';

export interface TestApp {
  app: NestFastifyApplication;
  http: ReturnType<typeof request>;
  dataDir: string;
  /** Stops the app (draining the store) and starts it again on the same data directory. */
  restart(): Promise<TestApp>;
  close(): Promise<void>;
}

/** The real application on a fresh SQLite file (or the memory store), logs off. */
export async function startTestApp(store: 'sqlite' | 'memory' = 'sqlite', dataDir?: string, ownsDir = dataDir === undefined): Promise<TestApp> {
  const dir = dataDir ?? mkdtempSync(join(tmpdir(), 'brobygger-e2e-'));
  const config: AppConfig = { port: 0, dataDir: dir, eventStore: store, sqliteSynchronous: 'FULL', logLevel: 'error' };
  const app = await createApp(config, { logs: false });
  const testApp: TestApp = {
    app,
    http: request(app.getHttpServer()),
    dataDir: dir,
    restart: async () => {
      await app.close();
      return startTestApp(store, dir, ownsDir);
    },
    close: async () => {
      await app.close();
      // A restarted app owns the directory its first start made.
      if (ownsDir) rmSync(dir, { recursive: true, force: true });
    },
  };
  return testApp;
}
