import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { Acknowledged } from './soak-verify';

export type SoakRole = 'coordinator' | 'visitor' | 'manager' | 'auditor' | 'bad-input';

export interface Heard {
  status: number;
  body: unknown;
  replayed: boolean;
}

interface Request {
  token?: string;
  body?: unknown;
  /** Sent as it is, instead of `body` as JSON (malformed input). */
  raw?: string;
  headers?: Record<string, string>;
  /** `ok`: a well-behaved request, which must get a 2xx; `refused`: bad input, which must get a 4xx problem. */
  expect: 'ok' | 'refused';
}

/** Long enough that only a hung server loses an answer: a slow one is what the /health prober measures. */
const TIMEOUT_MS = 60_000;
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/** Every request of the soak goes through here and is counted: by status, by role, and against what was expected of it. */
export class Traffic {
  readonly byStatus: Record<string, number> = {};
  readonly byRole: Record<string, number> = {};
  readonly acknowledged: Acknowledged[] = [];
  replays = 0;
  lost = 0;
  unexpected = 0;
  /** Milliseconds to each answer as this client saw it, by route (`GET /cases/:id`), to tell which routes are slow. */
  readonly timings: Record<string, number[]> = {};
  /** The first unexpected answers, for the failure's message. */
  readonly examples: string[] = [];

  constructor(private readonly base: string) {}

  async call(role: SoakRole, method: 'GET' | 'POST', path: string, request: Request): Promise<Heard | undefined> {
    this.byRole[role] = (this.byRole[role] ?? 0) + 1;
    const headers: Record<string, string> = { ...(request.token && { authorization: `Bearer ${request.token}` }), ...request.headers };
    let payload: string | undefined = request.raw;
    if (payload === undefined && request.body !== undefined) {
      payload = JSON.stringify(request.body);
      headers['content-type'] ??= 'application/json';
    }
    let heard: Heard & { contentType: string };
    const started = performance.now();
    try {
      const res = await fetch(`${this.base}${path}`, { method, headers, ...(payload !== undefined && { body: payload }), signal: AbortSignal.timeout(TIMEOUT_MS) });
      const text = await res.text();
      heard = { status: res.status, contentType: res.headers.get('content-type') ?? '', body: parse(text), replayed: res.headers.get('idempotent-replayed') === 'true' };
    } catch (error) {
      this.lost += 1;
      this.note(`${role} ${method} ${label(path)}: no answer (${error instanceof Error ? error.message : String(error)})`);
      return undefined;
    }
    (this.timings[`${method} ${label(path)}`] ??= []).push(performance.now() - started);
    this.byStatus[heard.status] = (this.byStatus[heard.status] ?? 0) + 1;
    const ok = heard.status >= 200 && heard.status < 300;
    const refusedAsProblem = heard.status >= 400 && heard.status < 500 && heard.contentType.startsWith('application/problem+json');
    if (request.expect === 'ok' ? !ok : !refusedAsProblem) {
      this.unexpected += 1;
      const code = (heard.body as { code?: unknown } | undefined)?.code;
      this.note(`${role} ${method} ${label(path)}: ${heard.status} ${heard.contentType.split(';')[0]} ${code ?? ''} (expected ${request.expect})`);
    }
    return heard;
  }

  /**
   * A command with a fresh Idempotency-Key (a UUID) and, now and then, a UUID as
   * X-Correlation-Id. Its answer is recorded as acknowledged unless it was a replay.
   */
  async command(role: SoakRole, token: string, path: string, body: unknown, event: { stream: (answer: never) => string; type: RegExp }, headers: Record<string, string> = {}): Promise<Record<string, unknown> | undefined> {
    const sent = { 'idempotency-key': randomUUID(), ...(Math.random() < 0.5 && { 'x-correlation-id': randomUUID() }), ...headers };
    const heard = await this.call(role, 'POST', path, { token, body, headers: sent, expect: 'ok' });
    return heard && this.record(path, heard, event);
  }

  /** Counts a 2xx command answer: a replay appended nothing, anything else appended one event. */
  record(path: string, heard: Heard, event: { stream: (answer: never) => string; type: RegExp }): Record<string, unknown> | undefined {
    if (heard.status >= 300) return undefined;
    const answer = heard.body as Record<string, unknown> & { revision: number; position: number };
    if (heard.replayed) this.replays += 1;
    else this.acknowledged.push({ command: `POST ${label(path)}`, streamId: event.stream(answer as never), revision: answer.revision, position: answer.position, eventType: event.type });
    return answer;
  }

  /** An answer that broke a promise the HTTP status alone does not show. */
  flag(line: string): void {
    this.unexpected += 1;
    this.note(line);
  }

  private note(line: string): void {
    if (this.examples.length < 20) this.examples.push(line);
  }
}

/** Where a case command's event goes, and a visitor registration's. */
export const onCase = (type: RegExp) => ({ stream: (a: { caseId: string }) => `case-${a.caseId}`, type });
export const onVisitor = (type: RegExp) => ({ stream: (a: { visitorId: string }) => `visitor-${a.visitorId}`, type });

/** The route without ids or query (no personal data in a failure's message, and alike requests read alike). */
export function label(path: string): string {
  return path.split('?')[0]!.replace(UUID, ':id');
}

function parse(text: string): unknown {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return text.slice(0, 200);
  }
}
