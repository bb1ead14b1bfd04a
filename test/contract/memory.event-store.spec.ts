import { MemoryEventStore } from '../../src/event-store/memory/memory.event-store';
import { eventStoreContract } from './event-store.contract';

eventStoreContract('memory', async () => {
  const store = new MemoryEventStore();
  return { store, cleanup: () => store.close() };
});
