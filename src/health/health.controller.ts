import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { EVENT_STORE, EventStore } from '../event-store/event-store.port';
import { ReadModelsService } from '../read-models/read-models.service';
import { Public } from '../privacy/policy';

/**
 * Readiness: 200 when the store answers and every projection has caught up with
 * the head found at start-up; 503 otherwise. A projection stopped by a reducer
 * error makes the service `degraded` (200: commands and the other views go on).
 */
@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly readModels: ReadModelsService,
  ) {}

  @Public()

  @Get()
  async health(@Res({ passthrough: true }) reply: FastifyReply): Promise<unknown> {
    let head: number;
    try {
      await this.store.ping();
      head = await this.store.headPosition();
    } catch (error) {
      void reply.status(503);
      return { status: 'unavailable', store: { status: 'unavailable', reason: error instanceof Error ? error.message : String(error) } };
    }
    const projections = this.readModels.status().map(({ name, position, failure, caughtUp }) => ({
      name,
      position,
      lag: head - position,
      status: failure ? 'failed' : caughtUp ? 'ok' : 'catching_up',
      ...(failure && { failure }),
    }));
    const starting = projections.some((p) => p.status === 'catching_up');
    const failed = projections.some((p) => p.status === 'failed');
    if (starting) void reply.status(503);
    return { status: starting ? 'starting' : failed ? 'degraded' : 'ok', store: { status: 'ok', position: head }, projections };
  }
}
