import { Body, Controller, HttpCode, Inject, Param, PipeTransform, Post, Res, Type } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { CommandMeta, CommandOutcome } from '../event-store/command-handler';
import { Allow, Rule } from '../privacy/policy';
import { commandAnswer } from './command-answer';
import { Meta } from './command-meta';
import { UuidParam } from './validators';

/** A route's path parameters by name (every one a UUID, lower-cased by its pipe). */
export type RouteParams = Record<string, string>;

/**
 * One command of the HTTP API, declared once: where it is sent, who may send
 * it, what its body is, and the domain command it becomes. Its route, guard
 * policy, validation and OpenAPI description are made from this
 * (docs/architecture.md, "How to add a command").
 */
export interface CommandRoute<Dto extends object, C, A> {
  /** Under the table's prefix; each `:name` is a UUID path parameter (unless `params` gives its own pipe), checked before the body. */
  path: string;
  /** A path parameter that is not a UUID (a programme's code): its own pipe, which answers an unknown value. */
  params?: Readonly<Record<string, PipeTransform<string, string>>>;
  /** Who may send it (src/privacy/policy.ts): roles, and `assigned-visitor` for the visitor of an active case assigned to them. */
  allow: Rule[];
  /** The body's class-validator DTO: validated by the global ValidationPipe, unknown fields refused. */
  body: Type<Dto>;
  /** The domain command the body becomes (ids that must be minted are minted here, never in `decide`). */
  command: (body: Dto, params: RouteParams) => C;
  /** For OpenAPI: what it does, in English (summary) and Danish (description), as the people using it say it. */
  summary: { en: string; da: string };
  /** A command that makes a new stream answers 201 with this `Location`; the others 200. */
  location?: (answer: A) => string;
  /** What the answer holds, for OpenAPI (default: the table's). */
  answer?: { type?: Type<unknown>; description?: string };
}

/** Runs a table's commands: one per kind of stream (cases, visitors, citizens), wired by Nest. */
export interface CommandRunner<C, A> {
  run(command: C, params: RouteParams, meta: CommandMeta): Promise<CommandOutcome<A>>;
}

export interface CommandTable<C, A> {
  /** The controller's name, as OpenAPI's operation ids show it. */
  name: string;
  prefix: string;
  tag: string;
  runner: Type<CommandRunner<C, A>>;
  /** The answer's OpenAPI type, for every route that does not say otherwise. */
  answer?: Type<unknown>;
  /** False for answers with no stream revision (they set no `ETag`). */
  etag?: boolean;
  // `any` for the DTO: each entry's own DTO type is checked where the entry is written (`route()`).
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  routes: Record<string, CommandRoute<any, C, A>>;
}

/** How a table's entries are written (`const route = routesOf<CaseCommand, CaseAnswer>()`): each one's DTO type is checked against its mapping. */
export const routesOf =
  <C, A>() =>
  <Dto extends object>(entry: CommandRoute<Dto, C, A>): CommandRoute<Dto, C, A> =>
    entry;

const PARAM = /:([A-Za-z]+)/g;

/**
 * The table as a Nest controller, one method per entry, with the decorators a
 * hand-written controller would carry. Each request goes: the guard (policy) →
 * the path parameters' pipes and the ValidationPipe (DTO) → the entry's
 * mapping → the table's runner (src/event-store/command-handler.ts: load,
 * look up, decide, append) → the answer's headers.
 */
export function commandController<C, A extends object>(table: CommandTable<C, A>): Type<unknown> {
  @ApiTags(table.tag)
  @Controller(table.prefix)
  class Commands {
    constructor(@Inject(table.runner) readonly runner: CommandRunner<C, A>) {}
  }
  Object.defineProperty(Commands, 'name', { value: table.name });
  for (const [key, entry] of Object.entries(table.routes)) addRoute(Commands.prototype, key, entry, table);
  return Commands;
}

function addRoute<C, A extends object>(prototype: object, key: string, entry: CommandRoute<object, C, A>, table: CommandTable<C, A>): void {
  const params = [...entry.path.matchAll(PARAM)].map((match) => match[1]!);
  const body = params.length;
  async function handle(this: { runner: CommandRunner<C, A> }, ...args: unknown[]): Promise<A> {
    const values: RouteParams = Object.fromEntries(params.map((name, i) => [name, args[i] as string]));
    const outcome = await this.runner.run(entry.command(args[body] as object, values), values, args[body + 1] as CommandMeta);
    const reply = args[body + 2] as FastifyReply;
    if (table.etag === false) return outcome.answer;
    const location = entry.location?.(outcome.answer);
    return commandAnswer(reply, outcome as CommandOutcome<A & { revision: number }>, location === undefined ? undefined : { location });
  }
  // Named as its key: @nestjs/swagger finds a method's parameters by the function's name.
  Object.defineProperty(handle, 'name', { value: key });
  Object.defineProperty(prototype, key, { value: handle, writable: true, configurable: true });
  // What `emitDecoratorMetadata` would have written: Nest's pipes (and OpenAPI) read the body's class from it.
  Reflect.defineMetadata('design:paramtypes', [...params.map(() => String), entry.body, Object, Object], prototype, key);
  // Last to first, as TypeScript applies parameter decorators (OpenAPI lists them in that order).
  Res({ passthrough: true })(prototype, key, body + 2);
  Meta()(prototype, key, body + 1);
  Body()(prototype, key, body);
  [...params].reverse().forEach((name) => Param(name, entry.params?.[name] ?? new UuidParam(name))(prototype, key, params.indexOf(name)));
  const answer = { type: entry.answer?.type ?? table.answer, description: entry.answer?.description };
  const decorators: MethodDecorator[] = [
    Allow(...entry.allow),
    Post(entry.path),
    HttpCode(entry.location ? 201 : 200),
    ApiOperation({ summary: entry.summary.en, description: entry.summary.da }),
    entry.location ? ApiCreatedResponse(answer) : ApiOkResponse(answer),
  ];
  const descriptor = Object.getOwnPropertyDescriptor(prototype, key)!;
  for (const decorate of decorators) decorate(prototype, key, descriptor);
}
