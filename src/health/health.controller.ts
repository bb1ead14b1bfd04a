import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { EVENT_STORE, EventStore } from '../event-store/event-store.port';

/** Readiness: 200 when the store answers, 503 (with the reason) when it does not. */
@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  @Get()
  async health(@Res({ passthrough: true }) reply: FastifyReply): Promise<unknown> {
    try {
      await this.store.ping();
      return { status: 'ok', store: { status: 'ok', position: await this.store.headPosition() } };
    } catch (error) {
      void reply.status(503);
      return { status: 'unavailable', store: { status: 'unavailable', reason: error instanceof Error ? error.message : String(error) } };
    }
  }
}
