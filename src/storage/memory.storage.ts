import { MemoryEventStore } from '../event-store/memory/memory.event-store';
import { MemoryAccessLogStore } from '../privacy/access-log.store';
import { MemoryCitizenKeys } from '../privacy/crypto/citizen-keys';
import { MemoryUserStore } from '../privacy/users/users.store';
import { MemoryReadModelStore } from '../read-model-store/memory-read-model.store';
import { soleProcess } from '../read-models/projection-leases';
import { FileSecrets } from './secrets';
import type { Storage } from './storage.port';

/** For tests and trying out: everything in the process, gone when it stops; the secrets in files under DATA_DIR, as with SQLite. */
export class MemoryStorage implements Storage {
  readonly engine = 'memory';
  readonly events = new MemoryEventStore();
  readonly readModels = new MemoryReadModelStore();
  readonly citizenKeys = new MemoryCitizenKeys();
  readonly accessLog = new MemoryAccessLogStore();
  readonly users = new MemoryUserStore();
  readonly projectionLeases = soleProcess;
  readonly secrets: FileSecrets;
  readonly archive = undefined;

  constructor(dataDir: string) {
    this.secrets = new FileSecrets(dataDir);
  }

  close(): Promise<void> {
    return this.events.close();
  }
}
