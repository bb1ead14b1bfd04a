import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { DirectoryService } from '../directory/directory.service';
import { STORAGE, Storage } from '../storage/storage.port';
import { AccessEntry, AccessLogStore, AccessLogSyncError } from './access-log.store';
import type { AuthenticatedRequest } from './auth.guard';
import type { PersonalDataOf } from './personal-data';

/**
 * Entries are written in batches so that a read never waits for a disk sync:
 * at most FLUSH_MS of them can be lost if the process crashes. A request for a
 * citizen's log writes what is pending first.
 */
const FLUSH_MS = 500;

@Injectable()
export class AccessLogService implements OnApplicationShutdown {
  private readonly logger = new Logger('AccessLog');
  private readonly store: AccessLogStore;
  private pending: AccessEntry[] = [];
  private readonly timer: NodeJS.Timeout;

  constructor(
    @Inject(STORAGE) storage: Storage,
    private readonly directory: DirectoryService,
  ) {
    this.store = storage.accessLog;
    this.timer = setInterval(() => void this.flush(), FLUSH_MS).unref();
  }

  record(entry: AccessEntry): void {
    this.pending.push(entry);
  }

  /** A successful read of people's data (a route with `@PersonalData(of)`): who, in which role, which route, whose data, when. */
  recordRead(of: PersonalDataOf, request: AuthenticatedRequest, body: unknown): void {
    const citizenIds = [...new Set(this.citizensIn(of, request, body))];
    const { principal } = request;
    if (principal && citizenIds.length > 0) {
      this.record({ at: new Date().toISOString(), subject: principal.sub, role: principal.role, route: `${request.method} ${request.routeOptions.url ?? ''}`, citizenIds });
    }
  }

  private citizensIn(of: PersonalDataOf, request: FastifyRequest, body: unknown): string[] {
    const params = request.params as Record<string, string | undefined>;
    const ids = (items: unknown) => (Array.isArray(items) ? items.map((item) => (item as { citizenId?: string }).citizenId).filter((id): id is string => typeof id === 'string') : []);
    switch (of) {
      case 'case': {
        const citizenId = params.caseId && this.directory.directory.cases.get(params.caseId.toLowerCase())?.citizenId;
        return citizenId ? [citizenId] : [];
      }
      case 'items':
        return ids(body);
      case 'caseload':
        return ids((body as { cases?: unknown }).cases);
      case 'citizen':
        return params.citizenId ? [params.citizenId.toLowerCase()] : [];
      case 'visitor':
        return params.visitorId ? [params.visitorId.toLowerCase()] : [];
    }
  }

  async forCitizen(citizenId: string): Promise<AccessEntry[]> {
    await this.flush();
    return this.store.forCitizen(citizenId);
  }

  async flush(): Promise<void> {
    if (this.pending.length === 0) return;
    const batch = this.pending;
    this.pending = [];
    try {
      await this.store.append(batch);
    } catch (error) {
      // Written, only not yet synced: the next sync of the file (any commit with FULL, a checkpoint) makes them durable.
      if (error instanceof AccessLogSyncError) return void this.logger.warn({ msg: error.message, entries: batch.length });
      // Keep them for the next try rather than lose the record of who read what.
      this.pending = [...batch, ...this.pending];
      this.logger.warn({ msg: 'access log not written yet', entries: batch.length, error: error instanceof Error ? error.message : String(error) });
    }
  }

  // Runs before the store closes (the store's module is imported first, so it shuts down last).
  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.flush();
  }
}
