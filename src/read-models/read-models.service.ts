import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { EVENT_STORE, EventStore } from '../event-store/event-store.port';
import { ProjectionUnavailableError, RequestValidationError } from '../http/errors';
import { Projector, ProjectionStatus } from './projector';
import { READ_MODEL_STORE, ReadModelStore } from '../read-model-store/read-model-store.port';

/** How long a query waits for its projection to reach the position it must reflect. */
const READ_YOUR_WRITES_WAIT_MS = 2000;

/** The projector's life in the application, and the read-your-writes promise every query keeps. */
@Injectable()
export class ReadModelsService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Projector');
  /** The head when the service started: /health is 503 until every projection has reached it. */
  private startHead = 0;

  constructor(
    readonly projector: Projector,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL_STORE) readonly models: ReadModelStore,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.startHead = await this.store.headPosition();
    const started = Date.now();
    // Not awaited: the service answers (and /health says 503) while the projections catch up.
    void this.projector.start().then(
      () => this.logger.log({ msg: 'projections caught up', position: this.startHead, ms: Date.now() - started }),
      (error: unknown) => this.logger.error({ msg: 'projector stopped', error: error instanceof Error ? error.message : String(error) }),
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await this.projector.stop();
  }

  status(): Array<ProjectionStatus & { caughtUp: boolean }> {
    return this.projector.status().map((s) => ({ ...s, caughtUp: s.position >= this.startHead }));
  }

  get startPosition(): number {
    return this.startHead;
  }

  /**
   * Waits until `projection` reflects `minPosition`, or, without one, every
   * command acknowledged before this request arrived; then sets X-Projection-Position.
   */
  async consistent(projection: string, minPosition: number | undefined, reply: FastifyReply): Promise<void> {
    const head = await this.headAtLeast(minPosition);
    const wanted = minPosition ?? head;
    const reached = await this.projector.waitFor(projection, wanted, READ_YOUR_WRITES_WAIT_MS);
    const status = this.projector.status().find((s) => s.name === projection);
    const position = this.projector.position(projection);
    if (!reached || status?.failure) throw new ProjectionUnavailableError(projection, position, wanted, status?.failure !== undefined);
    void reply.header('x-projection-position', String(position));
  }

  /**
   * For a command's lookup (issue 21, a partner's alias): the projection as of
   * every event committed before now, or false when it cannot catch up in time.
   */
  async caughtUp(projection: string): Promise<boolean> {
    const head = await this.store.headPosition();
    return this.projector.waitFor(projection, head, READ_YOUR_WRITES_WAIT_MS);
  }

  /**
   * For answers read straight from the streams (the case history): they reflect
   * every committed event, so the header carries the head read before the stream.
   */
  async streamConsistent(minPosition: number | undefined, reply: FastifyReply): Promise<void> {
    void reply.header('x-projection-position', String(await this.headAtLeast(minPosition)));
  }

  /**
   * The head position, refusing a `minPosition` beyond it. A command is answered
   * only once committed, and the head is the highest committed position (on
   * PostgreSQL too, whichever process committed it), so a position no commit has
   * reached is the client's mistake (never one our answers gave), not a
   * projection behind.
   */
  private async headAtLeast(minPosition: number | undefined): Promise<number> {
    const head = await this.store.headPosition();
    if (minPosition !== undefined && minPosition > head) {
      throw new RequestValidationError([{ field: 'minPosition', message: `minPosition ${minPosition} is beyond the last event written (position ${head})` }]);
    }
    return head;
  }
}
